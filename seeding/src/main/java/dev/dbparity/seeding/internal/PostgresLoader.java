package dev.dbparity.seeding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;

/** {@code PostgresLoader} streams rows with {@code COPY … FROM STDIN} through PgJDBC's {@code CopyManager}. */
final class PostgresLoader implements BulkLoader {

	@Override
	public void load(Connection connection, SchemaModel.Table table, List<String> columns, InputStream rows)
			throws SQLException {
		String sql = "COPY " + qualified(table) + " ("
				+ columns.stream().map(this::quote).collect(Collectors.joining(", ")) + ") FROM STDIN";
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, rows, 64 * 1024);
		}
		catch (IOException e) {
			throw new SQLException("COPY into " + table.name() + " failed: " + e.getMessage(), e);
		}
	}

	private String qualified(SchemaModel.Table table) {
		return quote(table.schema()) + "." + quote(table.name());
	}

	@Override
	public void resetCounters(Connection connection, SchemaModel.Table table, Collection<String> columns)
			throws SQLException {
		for (String column : columns) {
			String name = qualified(table);
			try (Statement statement = connection.createStatement()) {
				// is_called = true: the next nextval() returns max + 1.
				statement.execute("SELECT setval(pg_get_serial_sequence('" + name.replace("'", "''") + "', '"
						+ column.replace("'", "''") + "'), m) FROM (SELECT max(" + quote(column) + ") AS m FROM " + name
						+ ") t WHERE m IS NOT NULL");
			}
		}
	}

	@Override
	public String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	@Override
	public String bool(boolean value) {
		return value ? "t" : "f";
	}
}
