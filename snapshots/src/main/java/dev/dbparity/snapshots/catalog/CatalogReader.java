package dev.dbparity.snapshots.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

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
	 * {@link #read}, with a {@link CatalogMark} of the catalog state the snapshot was read from, taken in the same
	 * transaction, when the engine can give one that {@link #unchangedSince} can verify (else none).
	 */
	default Marked readMarked(Connection connection, CaptureOptions options) throws SQLException {
		return new Marked(read(connection, options), Optional.empty());
	}

	/**
	 * Whether the catalog of the database {@code connection} is connected to is still in the state {@code mark} was
	 * taken in: then a snapshot read with that mark still describes it. {@code false} when in doubt; an engine without
	 * marks always answers {@code false}.
	 */
	default boolean unchangedSince(Connection connection, CatalogMark mark) throws SQLException {
		return false;
	}

	/** {@code Marked} is a snapshot with the mark of the catalog state it was read from, if the engine gives one. */
	record Marked(SchemaSnapshot snapshot, Optional<CatalogMark> mark) {
	}

	/**
	 * Limits how long each statement on {@code connection} may run from now on: in the open transaction where the engine
	 * scopes it so, else for the session. A capture from production must never hold the server up.
	 */
	void limitStatementTime(Connection connection, Duration limit) throws SQLException;
}
