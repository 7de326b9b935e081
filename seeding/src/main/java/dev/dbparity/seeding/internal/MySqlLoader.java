package dev.dbparity.seeding.internal;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import com.mysql.cj.jdbc.JdbcStatement;

/**
 * {@code MySqlLoader} streams rows with {@code LOAD DATA LOCAL INFILE} from an input stream (Connector/J), which is
 * about three times faster than multi-row inserts on MariaDB. The connection needs {@code allowLoadLocalInfile=true};
 * without it the error says so.
 */
final class MySqlLoader implements BulkLoader {

	@Override
	public void load(Connection connection, SchemaModel.Table table, List<String> columns, InputStream rows)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(rows);
			statement.execute("LOAD DATA LOCAL INFILE 'dbparity-seed' INTO TABLE " + quote(table.name())
					+ " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
					+ columns.stream().map(this::quote).collect(Collectors.joining(", ")) + ")");
			if (statement.getWarnings() != null) {
				throw new SQLException("LOAD DATA into " + table.name() + " reported: " + statement.getWarnings()
					.getMessage() + " (seeded values must load exactly, so warnings are errors)");
			}
		}
		catch (SQLException e) {
			if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("local")) {
				throw new SQLException("LOAD DATA LOCAL INFILE into " + table.name() + " was refused: " + e.getMessage()
						+ ". Seeding MariaDB/MySQL needs the connection property allowLoadLocalInfile=true "
						+ "(e.g. jdbc:mysql://host/db?allowLoadLocalInfile=true) and the server's local_infile=ON.", e);
			}
			throw e;
		}
	}

	@Override
	public void resetCounters(Connection connection, SchemaModel.Table table, Collection<String> columns)
			throws SQLException {
		for (String column : columns) {
			long max;
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(" + quote(column) + "), 0) FROM "
							+ quote(table.name()))) {
				result.next();
				max = result.getLong(1);
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("ALTER TABLE " + quote(table.name()) + " AUTO_INCREMENT = " + (max + 1));
			}
		}
	}

	@Override
	public String quote(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

	@Override
	public String bool(boolean value) {
		return value ? "1" : "0";
	}
}
