package dev.dbparity.snapshots.statistics;

import java.sql.Connection;
import java.sql.SQLException;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code StatisticsCollector} captures a database's data statistics: one implementation per engine family, the only
 * place that holds the engine's SQL for it. Get one with {@link StatisticsCollectors#forConnection}.
 *
 * <p>{@link CaptureMode#FULL} and {@link CaptureMode#SAMPLE} captures only read, inside one read-only transaction
 * where the engine offers one. {@link CaptureMode#CATALOG} captures read no rows; with
 * {@link StatisticsOptions#analyze()} they first refresh the engine's statistics, which writes to its catalog.
 *
 * @since 0.1
 */
public interface StatisticsCollector {

	/**
	 * Captures the statistics of the tables {@code schema} lists (partitions and foreign tables are left out: a
	 * partitioned table's statistics cover its partitions).
	 *
	 * @param schema the schema snapshot of the same database, which says which tables and columns exist, their types
	 *     and foreign keys
	 * @throws SQLException from the engine, e.g. when a table in {@code schema} no longer exists
	 */
	StatisticsSnapshot collect(Connection connection, SchemaSnapshot schema, StatisticsOptions options)
			throws SQLException;
}
