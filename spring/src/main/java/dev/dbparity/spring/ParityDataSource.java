package dev.dbparity.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import dev.dbparity.junit.ParityDb;
import dev.dbparity.runtime.MigrationRunnerChoice;

/**
 * {@code ParityDataSource} is the application context's {@code DataSource} under {@code @ParityDatabase}: it follows
 * the database of the test being run, which a cached context shares with other test classes.
 *
 * <p>It pools nothing, so no connection outlives the database it was opened on: each connection is a new one to the
 * current database, opened lazily — at the first statement, not when a test transaction begins — so a transaction
 * that Spring begins before dbparity has pointed the context at the method's database still runs on that database.
 */
final class ParityDataSource extends LazyConnectionDataSourceProxy {

	private final CurrentDatabase current;
	private final Optional<MigrationRunnerChoice> migrations;

	ParityDataSource(Optional<MigrationRunnerChoice> migrations) {
		this(new CurrentDatabase(), migrations);
	}

	private ParityDataSource(CurrentDatabase current, Optional<MigrationRunnerChoice> migrations) {
		setTargetDataSource(current);
		this.current = current;
		this.migrations = migrations;
	}

	/** How the application migrates, as read from the context's properties when it started. */
	Optional<MigrationRunnerChoice> migrations() {
		return migrations;
	}

	/**
	 * From now on, connections go to {@code database}: those opened on this thread (the test's), and those of the
	 * application's own threads, which follow the most recent test.
	 */
	void use(ParityDb database) {
		current.onThread.set(database);
		current.latest = database;
	}

	/** The database connections on this thread go to now, if one was given. */
	Optional<ParityDb> database() {
		return Optional.ofNullable(current.onThread.get()).or(() -> Optional.ofNullable(current.latest));
	}

	@Override
	public String toString() {
		return "ParityDataSource[" + database().map(ParityDb::jdbcUrl).orElse("no database yet") + "]";
	}

	/** Connections to the current database. */
	private static final class CurrentDatabase extends AbstractDataSource {

		/** Per thread: under JUnit's parallel execution, classes sharing the context run on different threads. */
		private final ThreadLocal<ParityDb> onThread = new ThreadLocal<>();
		private volatile ParityDb latest;

		@Override
		public Connection getConnection() throws SQLException {
			return target().getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return target().getConnection(username, password);
		}

		private DataSource target() throws SQLException {
			ParityDb now = onThread.get() != null ? onThread.get() : latest;
			if (now == null) {
				throw new SQLException("The application context asked for a connection before @ParityDatabase opened the "
						+ "test class's database: the context was started outside a @ParityDatabase test class's lifecycle "
						+ "(from a static initializer, or another extension's callback that runs before dbparity's). Fix: "
						+ "let Spring start the context for the test class (SpringExtension), with @ParityDatabase on that "
						+ "class.");
			}
			return now.dataSource();
		}
	}
}
