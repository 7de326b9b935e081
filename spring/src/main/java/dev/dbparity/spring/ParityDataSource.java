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

	/** From now on, connections go to {@code database}. */
	void use(ParityDb database) {
		current.database = database;
	}

	/** The database connections go to now, if one was given. */
	Optional<ParityDb> database() {
		return Optional.ofNullable(current.database);
	}

	@Override
	public String toString() {
		return "ParityDataSource[" + database().map(ParityDb::jdbcUrl).orElse("no database yet") + "]";
	}

	/** Connections to the current database. */
	private static final class CurrentDatabase extends AbstractDataSource {

		private volatile ParityDb database;

		@Override
		public Connection getConnection() throws SQLException {
			return target().getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return target().getConnection(username, password);
		}

		private DataSource target() throws SQLException {
			ParityDb now = database;
			if (now == null) {
				throw new SQLException("The application context asked for a connection before @ParityDatabase opened the "
						+ "test class's database: the context was started outside dbparity's test lifecycle (with "
						+ "@TestInstance(Lifecycle.PER_CLASS), Spring starts it before the class's @BeforeAll callbacks). "
						+ "Fix: use the default test instance lifecycle (PER_METHOD) on @ParityDatabase Spring tests.");
			}
			return now.dataSource();
		}
	}
}
