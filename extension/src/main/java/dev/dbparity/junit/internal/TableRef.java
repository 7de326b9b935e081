package dev.dbparity.junit.internal;

import java.util.Objects;

/**
 * {@code TableRef} names a table of a schema snapshot: its schema key ({@code public}, or {@code default} for the
 * current MariaDB/MySQL database) and its name.
 *
 * <p>Internal: may change in any minor release.
 */
public record TableRef(String schema, String table) implements Comparable<TableRef> {

	/** The schema key the MariaDB/MySQL reader gives the connection's current database. */
	static final String CURRENT_DATABASE = "default";

	public TableRef {
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(table, "table");
	}

	/** {@code sql} is the table's quoted name for {@code engineName} ({@code postgres}, {@code mariadb}, {@code mysql}). */
	String sql(String engineName) {
		if (engineName.equals("postgres")) {
			return quote(schema, '"') + "." + quote(table, '"');
		}
		return schema.equals(CURRENT_DATABASE) ? quote(table, '`') : quote(schema, '`') + "." + quote(table, '`');
	}

	static String quote(String identifier, char quote) {
		String doubled = identifier.replace(String.valueOf(quote), String.valueOf(quote) + quote);
		return quote + doubled + quote;
	}

	static String quoteColumn(String column, String engineName) {
		return quote(column, engineName.equals("postgres") ? '"' : '`');
	}

	@Override
	public int compareTo(TableRef other) {
		int bySchema = schema.compareTo(other.schema);
		return bySchema != 0 ? bySchema : table.compareTo(other.table);
	}

	/** The path prefix of schema differences, {@code public.orders}. */
	@Override
	public String toString() {
		return schema + "." + table;
	}
}
