package dev.dbparity.junit;

import java.util.Optional;

import javax.sql.DataSource;

import org.jooq.DSLContext;

/**
 * {@code ParityDb} is the handle on the database a {@link ParityDatabase} test runs against: where it is, what engine
 * it runs on, and the operations on it.
 *
 * <p>Inject it as a test or lifecycle method parameter. The database is dropped when its scope ends (see
 * {@link Isolation}).
 *
 * @since 0.1
 */
public interface ParityDb {

	Engine engine();

	/** The server's own version string, e.g. {@code 17.6} or {@code 10.11.5-MariaDB}. */
	String serverVersion();

	/** The provider that started the engine: {@code embedded}, {@code testcontainers} or {@code external}. */
	String providerId();

	/** The name of this test database, unique on its server. */
	String databaseName();

	/** The JDBC URL of this database, without credentials. */
	String jdbcUrl();

	/** A data source for this database with the engine's credentials; every connection is a new one. */
	DataSource dataSource();

	/** A jOOQ context on {@link #dataSource()} with the engine's dialect. */
	DSLContext dsl();

	/** The migration version this database is at, if any migration was applied. */
	Optional<String> migrationVersion();

	/**
	 * Migrates this database forward or backward to {@code version}: forward applies the pending {@code V} scripts,
	 * backward the {@code U} (undo) scripts of the applied versions above it, newest first.
	 *
	 * @throws ParityException when a script fails or an undo script is missing
	 */
	void migrateTo(String version);
}
