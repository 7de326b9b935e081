package dev.dbparity.migrations.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.dbparity.migrations.AppliedMigration;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationRunners;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.Engine;

/** Flyway forward, dbparity's U scripts backward, on embedded PostgreSQL. */
class FlywayMigrationRunnerTests {

	static final Map<String, String> PARAMETERS = Map.of(
			"dbparity.flyway.locations", "classpath:flyway/postgres, classpath:dev/dbparity/migrations/flyway/javamigrations",
			"dbparity.flyway.placeholders.prefix", "app_");

	private final MigrationRunner runner = MigrationRunners.choose("flyway", "test",
			key -> Optional.ofNullable(PARAMETERS.get(key)));

	private final MigrationSet set = runner.load("flyway/postgres", getClass().getClassLoader());

	@Test
	void isChosenByIdAndReplacesPlaceholdersForChecks() {
		assertThat(runner).isInstanceOf(FlywayMigrationRunner.class);
		assertThat(runner.unavailableReason()).isEmpty();
		assertThat(runner.sql(set.find(MigrationVersion.parse("1")).orElseThrow().up(), Engine.POSTGRES))
			.contains("CREATE TABLE app_customers");
	}

	@Test
	void migratesForwardThroughFlywayWithPlaceholdersAndJavaMigrations() throws SQLException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);

		runner.migrate(db, Engine.POSTGRES, set);

		assertThat(runner.history(db, Engine.POSTGRES)).extracting(row -> row.version().toString())
			.containsExactly("1", "2", "3", "4");
		assertThat(runner.currentVersion(db, Engine.POSTGRES)).map(MigrationVersion::toString).contains("4");
		assertThat(strings(db, "SELECT name FROM app_customers")).containsExactly("Ada");
	}

	@Test
	void migratesBackwardWithUndoScriptsAndKeepsFlywaysHistoryConsistent() throws SQLException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);
		runner.migrateTo(db, Engine.POSTGRES, set, MigrationVersion.parse("3"));

		runner.migrateTo(db, Engine.POSTGRES, set, MigrationVersion.parse("1"));

		assertThat(runner.history(db, Engine.POSTGRES)).extracting(AppliedMigration::description)
			.containsExactly("customers");
		assertThat(strings(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
				+ "AND table_name <> 'flyway_schema_history'")).containsExactly("app_customers");
		// Flyway itself sees version 1 and applies 2 and 3 again.
		runner.migrateTo(db, Engine.POSTGRES, set, MigrationVersion.parse("3"));
		assertThat(strings(db, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1", "2", "3");
		runner.migrateTo(db, Engine.POSTGRES, set, MigrationVersion.ZERO);
		assertThat(runner.currentVersion(db, Engine.POSTGRES)).isEmpty();
	}

	@Test
	void refusesToUndoAJavaMigrationBeforeUndoingAnything() throws SQLException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);
		runner.migrate(db, Engine.POSTGRES, set);

		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.migrateTo(db, Engine.POSTGRES, set, MigrationVersion.parse("2")))
			.withMessageContaining("version 4 (Seed customers) was applied by Flyway but has no V script in "
					+ "'flyway/postgres' (a Java migration?)");
		assertThat(runner.currentVersion(db, Engine.POSTGRES)).map(MigrationVersion::toString).contains("4");
	}

	@Test
	void aMissingLocationIsAClearError() {
		MigrationRunner misconfigured = MigrationRunners.choose("flyway", "test",
				key -> key.equals("dbparity.flyway.locations") ? Optional.of("classpath:no/such/folder") : Optional.empty());
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);

		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> misconfigured.migrate(db, Engine.POSTGRES, set))
			.withMessageContaining("Flyway migrate with locations classpath:no/such/folder failed")
			.withMessageContaining("dbparity.flyway.locations");
	}

	@Test
	void refusesAFolderInAnotherFormat() {
		assertThat(runner.supports(set)).isTrue();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.load("formats/golang-migrate", getClass().getClassLoader()))
			.withMessage("The flyway migration runner cannot apply 'formats/golang-migrate': its migrations are "
					+ "golang-migrate files, and Flyway reads V<version>__<description>.sql scripts only. Use the built-in "
					+ "runner, which reads them: set dbparity.migration.runner=sql, or remove the setting.");
	}

	@Test
	void refusesAPopFolderLoadedForItsEngineAsPops() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.load("formats/pop", getClass().getClassLoader(), Engine.POSTGRES))
			.withMessageStartingWith("The flyway migration runner cannot apply 'formats/pop': its migrations are pop "
					+ "files");
	}

	@Test
	void anUnknownRunnerListsTheKnownOnes() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationRunners.choose("flywy", "configuration parameter 'dbparity.migration.runner'",
					key -> Optional.empty()))
			.withMessage("Unknown migration runner 'flywy' in configuration parameter 'dbparity.migration.runner'. "
					+ "Allowed values: flyway, liquibase, sql, e.g. dbparity.migration.runner=flyway.");
	}

	private static List<String> strings(DataSource db, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}
}
