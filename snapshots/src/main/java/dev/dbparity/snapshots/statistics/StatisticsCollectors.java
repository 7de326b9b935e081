package dev.dbparity.snapshots.statistics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * {@code StatisticsCollectors} picks the {@link StatisticsCollector} for the engine a connection talks to.
 *
 * @since 0.1
 */
public final class StatisticsCollectors {

	private StatisticsCollectors() {
	}

	/** @throws SQLException naming the product when it is not PostgreSQL, MariaDB or MySQL */
	public static StatisticsCollector forConnection(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (product.contains("postgres")) {
			return new PostgresStatisticsCollector();
		}
		if (product.contains("mysql") || product.contains("mariadb")) {
			return new MySqlStatisticsCollector();
		}
		throw new SQLException("dbparity captures statistics of PostgreSQL, MariaDB and MySQL, not " + product);
	}
}
