package dev.dbparity.seeding.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code SchemaModel} is the part of a {@link SchemaSnapshot} that seeding needs: tables, their columns, keys and
 * checks. May change in any minor release.
 */
public record SchemaModel(String engine, Map<String, Table> tables) {

	/** A column; {@code type} as the snapshot normalises it. */
	public record Column(String name, int position, String type, boolean nullable, boolean hasDefault,
			boolean identity) {
	}

	/** A foreign key; {@code key} is the snapshot's structural key. */
	public record ForeignKey(String key, List<String> columns, String targetTable, List<String> targetColumns) {
	}

	/** A table; {@code schema} is {@code default} on MariaDB/MySQL. */
	public record Table(String schema, String name, Map<String, Column> columns, List<String> primaryKey,
			List<ForeignKey> foreignKeys, List<String> checks) {

		/** The foreign key that {@code column} belongs to, if any. */
		public Optional<ForeignKey> foreignKeyOf(String column) {
			return foreignKeys.stream().filter(key -> key.columns().contains(column)).findFirst();
		}
	}

	public SchemaModel {
		tables = Map.copyOf(tables);
	}

	public static SchemaModel of(SchemaSnapshot snapshot) {
		JsonNode root = snapshot.tree();
		Map<String, Table> tables = new LinkedHashMap<>();
		// The default schema's names win when a name exists twice; others can be written schema.table.
		List<String> schemas = new ArrayList<>();
		root.path("schemas").fieldNames().forEachRemaining(schemas::add);
		schemas.sort(Comparator.comparing((String s) -> !s.equals("public") && !s.equals("default")));
		for (String schema : schemas) {
			JsonNode tableNodes = root.path("schemas").path(schema).path("tables");
			for (Map.Entry<String, JsonNode> entry : tableNodes.properties()) {
				Table table = table(schema, entry.getKey(), entry.getValue());
				tables.putIfAbsent(entry.getKey(), table);
				tables.put(schema + "." + entry.getKey(), table);
			}
		}
		return new SchemaModel(snapshot.engine(), tables);
	}

	private static Table table(String schema, String name, JsonNode node) {
		Map<String, Column> columns = new LinkedHashMap<>();
		List<Column> ordered = new ArrayList<>();
		node.path("columns").properties().forEach(entry -> {
			JsonNode c = entry.getValue();
			boolean identity = c.has("identity") || c.path("autoIncrement").asBoolean(false);
			boolean hasDefault = c.has("default") || identity || c.has("generated");
			ordered.add(new Column(entry.getKey(), c.path("position").asInt(), c.path("type").asText(),
					c.path("nullable").asBoolean(true), hasDefault, identity || c.path("default").asText("")
						.startsWith("nextval(")));
		});
		ordered.sort(Comparator.comparingInt(Column::position));
		ordered.forEach(column -> columns.put(column.name(), column));
		List<String> primaryKey = new ArrayList<>();
		node.path("primaryKey").path("columns").forEach(c -> primaryKey.add(c.asText()));
		List<ForeignKey> foreignKeys = new ArrayList<>();
		node.path("foreignKeys").properties().forEach(entry -> {
			JsonNode fk = entry.getValue();
			List<String> from = new ArrayList<>();
			fk.path("columns").forEach(c -> from.add(c.asText()));
			List<String> to = new ArrayList<>();
			fk.path("references").path("columns").forEach(c -> to.add(c.asText()));
			String targetSchema = fk.path("references").path("schema").asText(schema);
			String target = fk.path("references").path("table").asText();
			foreignKeys.add(new ForeignKey(entry.getKey(), from, targetSchema.equals(schema) ? target
					: targetSchema + "." + target, to));
		});
		List<String> checks = new ArrayList<>();
		node.path("checks").fieldNames().forEachRemaining(checks::add);
		return new Table(schema, name, columns, primaryKey, foreignKeys, checks);
	}

	public Optional<Table> table(String name) {
		return Optional.ofNullable(tables.get(name));
	}
}
