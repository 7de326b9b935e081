package dev.dbparity.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.Isolation;
import dev.dbparity.junit.ParityDatabase;

@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/shelf", isolation = Isolation.PER_METHOD)
@ParityDatabase(engine = Engine.MARIADB, migrations = "db/shelf", isolation = Isolation.PER_METHOD)
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
	void noHistoryTableMeansNoVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE dbparity_schema_history");
		}
		assertThat(MigrationHistory.currentVersion(connection)).isEmpty();
	}
}
