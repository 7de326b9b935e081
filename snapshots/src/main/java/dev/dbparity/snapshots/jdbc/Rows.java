package dev.dbparity.snapshots.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Rows} reads a query's whole result as text, the way catalog queries are read across the modules: every
 * column through {@code getString}, so that a value reads the same whatever type the driver reports.
 *
 * @since 0.1
 */
public final class Rows {

	private Rows() {
	}

	/** Every row of {@code sql} with {@code parameters} bound as strings, in the order the server returns them. */
	public static List<String[]> of(Connection connection, String sql, List<String> parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.size(); i++) {
				statement.setString(i + 1, parameters.get(i));
			}
			try (ResultSet result = statement.executeQuery()) {
				return all(result);
			}
		}
	}

	/**
	 * Every row of {@code sql}, which has no parameters, run as a plain statement: for a query run hundreds of times,
	 * whose SQL a driver that prepares on the client (MySQL Connector/J) would otherwise scan for parameters each time.
	 */
	public static List<String[]> of(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			return all(result);
		}
	}

	private static List<String[]> all(ResultSet result) throws SQLException {
		int columns = result.getMetaData().getColumnCount();
		List<String[]> rows = new ArrayList<>();
		while (result.next()) {
			String[] row = new String[columns];
			for (int i = 0; i < columns; i++) {
				row[i] = result.getString(i + 1);
			}
			rows.add(row);
		}
		return rows;
	}
}
