package dev.dbparity.seeding.internal;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import dev.dbparity.snapshots.Engine;

/**
 * {@code BulkLoader} is the engine-specific part of seeding: streaming rows in, and moving identity counters past the
 * seeded keys. One implementation per engine family; the rest of seeding never branches on the engine. Rows arrive in
 * the text format PostgreSQL's {@code COPY} and MySQL's {@code LOAD DATA} share: tab-separated, {@code \N} for NULL,
 * backslash escapes. May change in any minor release.
 */
public interface BulkLoader {

	/** Loads the rows read from {@code rows} into {@code columns} of {@code table}. */
	void load(Connection connection, SchemaModel.Table table, List<String> columns, InputStream rows)
			throws SQLException;

	/** Moves identity, serial and auto-increment counters of {@code columns} past the largest loaded value. */
	void resetCounters(Connection connection, SchemaModel.Table table, Collection<String> columns) throws SQLException;

	String quote(String identifier);

	/** How booleans are written. */
	String bool(boolean value);

	/** A loader for the connection's engine. */
	static BulkLoader forConnection(Connection connection) throws SQLException {
		return forEngine(Engine.of(connection));
	}

	/** The loader of {@code engine}. */
	static BulkLoader forEngine(Engine engine) {
		return engine == Engine.POSTGRES ? new PostgresLoader() : new MySqlLoader();
	}
}
