package dev.dbparity.roundtrips;

import java.util.Objects;

import dev.dbparity.engines.EngineDialect;

/**
 * {@code TableRef} names a table of a schema snapshot: its schema key ({@code public}, or {@code default} for the
 * current MariaDB/MySQL database) and its name.
 *
 * <p>Internal: may change in any minor release.
 */
public record TableRef(String schema, String table) implements Comparable<TableRef> {

	public TableRef {
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(table, "table");
	}

	/** {@code sql} is the table's name in {@code dialect}'s SQL. */
	String sql(EngineDialect dialect) {
		return dialect.table(schema, table);
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
