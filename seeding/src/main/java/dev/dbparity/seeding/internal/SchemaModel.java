package dev.dbparity.seeding.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code SchemaModel} is the part of a {@link SchemaSnapshot} that seeding needs: tables, their columns, keys and
 * checks. May change in any minor release.
 */
public record SchemaModel(String engine, Map<String, Table> tables) {

	private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

	/** A column; {@code type} as the snapshot normalises it. */
	public record Column(String name, int position, String type, boolean nullable, boolean hasDefault,
			boolean identity) {
	}

	/** A foreign key; {@code key} is the snapshot's structural key. */
	public record ForeignKey(String key, List<String> columns, String targetTable, List<String> targetColumns) {
	}

	/**
	 * A table; {@code schema} is {@code default} on MariaDB/MySQL. {@code uniqueKeys} are the column lists of its
	 * primary key and unique constraints, primary key first; {@code enumLabels} the labels of its enum columns (a
	 * MariaDB/MySQL {@code enum(…)} type or a PostgreSQL enum type of the snapshot); {@code checkNames} the expressions
	 * of its named check constraints by name.
	 */
	public record Table(String schema, String name, Map<String, Column> columns, List<String> primaryKey,
			List<ForeignKey> foreignKeys, List<String> checks, List<List<String>> uniqueKeys,
			Map<String, List<String>> enumLabels, Map<String, String> checkNames) {

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
			Map<String, List<String>> enums = enums(schema, root.path("schemas").path(schema).path("types"));
			JsonNode tableNodes = root.path("schemas").path(schema).path("tables");
			for (Map.Entry<String, JsonNode> entry : tableNodes.properties()) {
				Table table = table(schema, entry.getKey(), entry.getValue(), enums);
				tables.putIfAbsent(entry.getKey(), table);
				tables.put(schema + "." + entry.getKey(), table);
			}
		}
		return new SchemaModel(snapshot.engine(), tables);
	}

	/** The enum types of a PostgreSQL schema by the names columns use: {@code name} and {@code schema.name}. */
	private static Map<String, List<String>> enums(String schema, JsonNode types) {
		Map<String, List<String>> enums = new LinkedHashMap<>();
		types.properties().forEach(entry -> {
			if (entry.getValue().path("kind").asText().equals("enum")) {
				List<String> labels = new ArrayList<>();
				entry.getValue().path("labels").forEach(label -> labels.add(label.asText()));
				enums.put(entry.getKey(), labels);
				enums.put(schema + "." + entry.getKey(), labels);
			}
		});
		return enums;
	}

	private static Table table(String schema, String name, JsonNode node, Map<String, List<String>> enums) {
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
		Map<String, String> checkNames = new LinkedHashMap<>();
		node.path("checks").properties().forEach(check -> {
			if (check.getValue().has("name")) {
				checkNames.put(check.getValue().path("name").asText(), check.getKey());
			}
		});
		List<List<String>> uniqueKeys = new ArrayList<>();
		if (!primaryKey.isEmpty()) {
			uniqueKeys.add(List.copyOf(primaryKey));
		}
		node.path("uniqueConstraints").forEach(unique -> {
			List<String> keyColumns = new ArrayList<>();
			unique.path("columns").forEach(c -> keyColumns.add(c.asText()));
			// A key over expressions or prefixes (MariaDB's name(10)) cannot be bounded from the columns' rules.
			if (!keyColumns.isEmpty() && columns.keySet().containsAll(keyColumns)) {
				uniqueKeys.add(List.copyOf(keyColumns));
			}
		});
		Map<String, List<String>> enumLabels = new LinkedHashMap<>();
		for (Column column : ordered) {
			labels(column.type()).or(() -> Optional.ofNullable(enums.get(column.type())))
				.ifPresent(labels -> enumLabels.put(column.name(), labels));
		}
		return new Table(schema, name, columns, primaryKey, foreignKeys, checks, uniqueKeys, enumLabels, checkNames);
	}

	/** The labels of a MariaDB/MySQL {@code enum('a','b')} type, as the snapshot writes it. */
	private static Optional<List<String>> labels(String type) {
		if (!type.startsWith("enum(") || !type.endsWith(")")) {
			return Optional.empty();
		}
		List<String> labels = new ArrayList<>();
		Matcher label = LABEL.matcher(type.substring(5, type.length() - 1));
		while (label.find()) {
			labels.add(label.group(1).replace("''", "'"));
		}
		return Optional.of(labels);
	}

	public Optional<Table> table(String name) {
		return Optional.ofNullable(tables.get(name));
	}
}
