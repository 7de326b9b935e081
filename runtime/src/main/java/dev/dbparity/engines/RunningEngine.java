package dev.dbparity.engines;

import javax.sql.DataSource;

import org.jooq.SQLDialect;

import dev.dbparity.snapshots.Engine;

/**
 * {@code RunningEngine} is a started database server on which dbparity creates, clones and drops its own databases.
 *
 * <p>Implementations never drop a database they did not create. {@link #close()} drops the databases still open and
 * stops the server if the provider started it.
 *
 * @since 0.1
 */
public interface RunningEngine extends AutoCloseable {

	Engine engine();

	/** The id of the provider that started this engine, e.g. {@code embedded}. */
	String providerId();

	/** The server's own version string, e.g. {@code 17.6} or {@code 10.11.5-MariaDB}. */
	String serverVersion();

	/** The JDBC URL of {@code database}, without credentials. */
	String jdbcUrl(String database);

	/** The user dbparity's databases on this server are used with. */
	String user();

	/** That user's password (empty when it has none); never print it. */
	String password();

	/** A data source for {@code database} with the engine's credentials. */
	DataSource dataSource(String database);

	/** The jOOQ dialect for this engine. */
	SQLDialect sqlDialect();

	/** Creates an empty database named {@code name}, marked as created by dbparity. */
	void createDatabase(String name);

	/**
	 * Creates {@code name} as a copy of {@code template}: schema, data, views, triggers and routines. No connection may
	 * write to {@code template} while it is cloned, and its schema must not change once it was cloned: an engine may
	 * keep how to copy it (MariaDB and MySQL replay its DDL, read once).
	 */
	void cloneDatabase(String template, String name);

	/** Drops {@code name}, which must have been created by this engine. */
	void dropDatabase(String name);

	@Override
	void close();
}
