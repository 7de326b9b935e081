package dev.dbparity.snapshots.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code CatalogReader} reads a database's schema into a {@link SchemaSnapshot} with a few bulk catalog queries: one
 * implementation per engine family, the only place that knows the engine's catalog.
 *
 * <p>Readers only read: they never write, and they work inside a read-only transaction.
 *
 * @since 0.1
 */
public interface CatalogReader {

	/**
	 * Reads the schema of the database {@code connection} is connected to.
	 *
	 * @param options which schemas to read (all non-system schemas when empty)
	 */
	SchemaSnapshot read(Connection connection, CaptureOptions options) throws SQLException;

	/**
	 * Limits how long each statement on {@code connection} may run from now on: in the open transaction where the engine
	 * scopes it so, else for the session. A capture from production must never hold the server up.
	 */
	void limitStatementTime(Connection connection, Duration limit) throws SQLException;
}
