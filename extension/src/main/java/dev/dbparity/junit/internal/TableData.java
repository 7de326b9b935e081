package dev.dbparity.junit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code TableData} reads what the round trip compares about the rows of a database: per table the row count and a
 * content hash, and per foreign key the orphaned rows.
 *
 * <p>The content hash is the SHA-256 of the rows' text, rows sorted in Java rather than with {@code ORDER BY}: sorting
 * by primary key or by all columns would give the same order, but some column types (PostgreSQL {@code json},
 * {@code point}) cannot be ordered by the engine.
 *
 * <p>Internal: may change in any minor release.
 */
public final class TableData {

	/** {@code Content} is one table's row count and content hash. */
	public record Content(long rows, String sha256) {
	}

	/** {@code Orphans} is a foreign key with rows that reference no parent row. */
	public record Orphans(TableRef table, String foreignKey, TableRef parent, long rows) {

		@Override
		public String toString() {
			return table + " " + foreignKey + ": " + rows + " orphaned " + (rows == 1 ? "row" : "rows");
		}
	}

	private TableData() {
	}

	/** The tables of {@code snapshot} that hold rows: those of kind {@code table}, in name order. */
	static Map<TableRef, JsonNode> tables(SchemaSnapshot snapshot) {
		Map<TableRef, JsonNode> tables = new TreeMap<>();
		JsonNode schemas = snapshot.tree().path("schemas");
		for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
			for (Map.Entry<String, JsonNode> table : schema.getValue().path("tables").properties()) {
				if (table.getValue().path("kind").asText("table").equals("table")) {
					tables.put(new TableRef(schema.getKey(), table.getKey()), table.getValue());
				}
			}
		}
		return tables;
	}

	/** Every table's content, read in one connection. */
	public static Map<TableRef, Content> contents(Connection connection, SchemaSnapshot snapshot) throws SQLException {
		Map<TableRef, Content> contents = new TreeMap<>();
		for (Map.Entry<TableRef, JsonNode> table : tables(snapshot).entrySet()) {
			contents.put(table.getKey(), content(connection, snapshot.engine(), table.getKey(), table.getValue()));
		}
		return contents;
	}

	private static Content content(Connection connection, String engineName, TableRef table, JsonNode node)
			throws SQLException {
		List<String> columns = columnsByPosition(node);
		String select = "SELECT " + columns.stream().map(column -> TableRef.quoteColumn(column, engineName))
			.collect(Collectors.joining(", ")) + " FROM " + table.sql(engineName);
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= columns.size(); i++) {
					String value = result.getString(i);
					// Length-prefixed, so that no value can imitate a column boundary.
					row.append(value == null ? "-1:" : value.length() + ":" + value).append('|');
				}
				rows.add(row.toString());
			}
		}
		rows.sort(null);
		return new Content(rows.size(), sha256(String.join("\n", rows)));
	}

	static List<String> columnsByPosition(JsonNode table) {
		Map<Integer, String> byPosition = new TreeMap<>();
		table.path("columns").properties()
			.forEach(column -> byPosition.put(column.getValue().path("position").asInt(), column.getKey()));
		return List.copyOf(byPosition.values());
	}

	/**
	 * The foreign keys of {@code snapshot} with orphaned rows, including PostgreSQL keys declared {@code NOT VALID},
	 * which the engine does not check for existing rows. A row with a {@code NULL} in a key column is no orphan
	 * ({@code MATCH SIMPLE}).
	 */
	public static List<Orphans> orphans(Connection connection, SchemaSnapshot snapshot) throws SQLException {
		String engineName = snapshot.engine();
		List<Orphans> orphans = new ArrayList<>();
		for (Map.Entry<TableRef, JsonNode> table : tables(snapshot).entrySet()) {
			for (Map.Entry<String, JsonNode> key : table.getValue().path("foreignKeys").properties()) {
				JsonNode references = key.getValue().path("references");
				TableRef parent = new TableRef(references.path("schema").asText(table.getKey().schema()),
						references.path("table").asText());
				List<String> columns = texts(key.getValue().path("columns"));
				List<String> parentColumns = texts(references.path("columns"));
				StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(table.getKey().sql(engineName))
					.append(" c WHERE ");
				for (String column : columns) {
					sql.append("c.").append(TableRef.quoteColumn(column, engineName)).append(" IS NOT NULL AND ");
				}
				sql.append("NOT EXISTS (SELECT 1 FROM ").append(parent.sql(engineName)).append(" p WHERE ");
				for (int i = 0; i < columns.size(); i++) {
					sql.append(i == 0 ? "" : " AND ").append("p.").append(TableRef.quoteColumn(parentColumns.get(i),
							engineName)).append(" = c.").append(TableRef.quoteColumn(columns.get(i), engineName));
				}
				sql.append(')');
				try (Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery(sql.toString())) {
					result.next();
					long count = result.getLong(1);
					if (count > 0) {
						orphans.add(new Orphans(table.getKey(), key.getKey(), parent, count));
					}
				}
			}
		}
		return orphans;
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(element -> texts.add(element.asText()));
		return texts;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			// Every Java platform is required to provide SHA-256.
			throw new IllegalStateException(e);
		}
	}
}
