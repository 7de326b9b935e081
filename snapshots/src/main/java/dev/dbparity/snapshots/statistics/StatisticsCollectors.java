package dev.dbparity.snapshots.statistics;

import java.sql.Connection;
import java.sql.SQLException;

import dev.dbparity.snapshots.Engine;

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
		return forEngine(Engine.of(connection));
	}

	/** The collector of {@code engine}'s statistics. */
	public static StatisticsCollector forEngine(Engine engine) {
		return engine == Engine.POSTGRES ? new PostgresStatisticsCollector() : new MySqlStatisticsCollector();
	}
}
