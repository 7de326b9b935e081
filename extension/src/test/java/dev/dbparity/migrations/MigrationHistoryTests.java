package dev.dbparity.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.Isolation;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDatabases;

@ParityDatabases({
		@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/shelf", isolation = Isolation.PER_METHOD),
		@ParityDatabase(engine = Engine.MARIADB, migrations = "db/shelf", isolation = Isolation.PER_METHOD) })
class MigrationHistoryTests {

	@Test
	void readsDbparitysHistory(Connection connection) throws SQLException {
		assertThat(MigrationHistory.currentVersion(connection)).hasValue("2");
	}

	@Test
	void readsFlywaysHistoryWhenThatIsTheOneThere(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE dbparity_schema_history");
			statement.execute("CREATE TABLE flyway_schema_history (installed_rank INT, version VARCHAR(50), success BOOLEAN)");
			statement.execute("INSERT INTO flyway_schema_history VALUES (1, '1', TRUE), (2, '1.10', TRUE), (3, '1.9', TRUE), "
					+ "(4, NULL, TRUE), (5, '2', FALSE)");
		}
		assertThat(MigrationHistory.currentVersion(connection)).as("1.10 > 1.9; failed and repeatable rows do not count")
			.hasValue("1.10");
	}

	@Test
	void readsLiquibasesLastChangesetAsItsRunnerDescribesIt(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE dbparity_schema_history");
			// Liquibase's unquoted name: folded to lower case on PostgreSQL, kept in upper case on MariaDB.
			statement.execute("CREATE TABLE DATABASECHANGELOG (id VARCHAR(255), author VARCHAR(255), orderexecuted INT)");
			statement.execute("INSERT INTO DATABASECHANGELOG VALUES ('create-shelf', 'alice', 1), ('add-isbn', 'bob', 2)");
		}
		assertThat(MigrationHistory.currentVersion(connection)).hasValue("liquibase:add-isbn by bob");
	}

	@Test
	void readsDieselsHighestVersionInItsTextOrderAsDieselWritesIt(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE dbparity_schema_history");
			statement.execute("CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY, run_on TIMESTAMP)");
			statement.execute("INSERT INTO __diesel_schema_migrations (version) VALUES ('00000000000000'), "
					+ "('20230101120000'), ('202306010900000001'), ('202306010900000000')");
		}
		assertThat(MigrationHistory.currentVersion(connection)).hasValue("202306010900000001");
		assertThat(MigrationSet.load("formats/diesel/postgres", getClass().getClassLoader())
			.versionOf(MigrationHistory.currentVersion(connection).orElseThrow())).hasToString("20230601090000.1");
	}

	@Test
	void readsPopsHistory(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE dbparity_schema_history");
			statement.execute("CREATE TABLE schema_migration (version VARCHAR(14) NOT NULL)");
			statement.execute("INSERT INTO schema_migration VALUES ('20230101120000'), ('20230105120000'), "
					+ "('20230103120000')");
		}
		assertThat(MigrationHistory.currentVersion(connection)).hasValue("20230105120000");
	}

	@Test
	void readsPrismasLastFinishedMigration(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE dbparity_schema_history");
			statement.execute("CREATE TABLE _prisma_migrations (id VARCHAR(36), migration_name VARCHAR(255), "
					+ "finished_at TIMESTAMP NULL, rolled_back_at TIMESTAMP NULL)");
			statement.execute("INSERT INTO _prisma_migrations VALUES ('a', '20230101120000_init', CURRENT_TIMESTAMP, NULL), "
					+ "('b', '20230102120000_add_posts', CURRENT_TIMESTAMP, NULL), "
					+ "('c', '20230103120000_failed', NULL, NULL), "
					+ "('d', '20230104120000_rolled_back', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
		}
		assertThat(MigrationHistory.currentVersion(connection)).as("unfinished and rolled back rows do not count")
			.hasValue("20230102120000");
	}

	@Test
	void noHistoryTableMeansNoVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE dbparity_schema_history");
		}
		assertThat(MigrationHistory.currentVersion(connection)).isEmpty();
	}
}
