package dev.dbparity.migrations.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.dbparity.migrations.AppliedMigration;
import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationRunners;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.Engine;

/** Liquibase update and rollback of a YAML changelog on embedded PostgreSQL; versions are changeset positions. */
class LiquibaseMigrationRunnerTests {

	static final String CHANGELOG = "liquibase/db.changelog-master.yaml";

	private final MigrationRunner runner = MigrationRunners.choose("liquibase", "test",
			key -> key.equals("dbparity.liquibase.changelog") ? Optional.of(CHANGELOG) : Optional.empty());

	private final MigrationSet set = runner.load("ignored", getClass().getClassLoader());

	@Test
	void changesetsBecomePositionsWithIncludesResolved() {
		assertThat(set.location()).isEqualTo(CHANGELOG);
		assertThat(set.migrations()).extracting(migration -> migration.version() + " " + migration.description())
			.containsExactly("1 customers by dbparity", "2 orders by dbparity", "3 customer-email by dbparity",
					"4 upper-case-names by dbparity");
		assertThat(set.migrations()).extracting(migration -> migration.undo().isPresent())
			.containsExactly(true, true, true, false);
		Migration last = set.find(MigrationVersion.parse("4")).orElseThrow();
		assertThat(last.up().content()).isEqualTo("-- dbparity:irreversible the original spelling of names is not kept");
		assertThat(runner.sql(last.up(), Engine.POSTGRES)).isEqualTo("UPDATE customers SET name = upper(name);\n");
		assertThat(runner.sql(set.find(MigrationVersion.parse("3")).orElseThrow().up(), Engine.MARIADB))
			.as("generated for the engine, as update-sql does").containsIgnoringCase("ALTER TABLE")
			.contains("customers", "email");
	}

	@Test
	void updatesAndRollsBackThroughLiquibase() throws SQLException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);

		runner.migrateTo(db, Engine.POSTGRES, set, MigrationVersion.parse("3"));
		assertThat(runner.currentVersion(db, Engine.POSTGRES)).map(MigrationVersion::toString).contains("3");
		assertThat(runner.history(db, Engine.POSTGRES)).extracting(AppliedMigration::description)
			.containsExactly("customers by dbparity", "orders by dbparity", "customer-email by dbparity");
		assertThat(columns(db, "customers")).containsExactly("id", "name", "email");

		runner.migrateTo(db, Engine.POSTGRES, set, MigrationVersion.parse("1"));
		assertThat(runner.currentVersion(db, Engine.POSTGRES)).map(MigrationVersion::toString).contains("1");
		assertThat(columns(db, "customers")).containsExactly("id", "name");
		assertThat(columns(db, "orders")).isEmpty();

		runner.migrate(db, Engine.POSTGRES, set);
		assertThat(runner.currentVersion(db, Engine.POSTGRES)).map(MigrationVersion::toString).contains("4");
	}

	@Test
	void refusesToRollBackAChangesetWithoutRollbackBeforeRollingBackAnything() {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);
		runner.migrate(db, Engine.POSTGRES, set);

		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.migrateTo(db, Engine.POSTGRES, set, MigrationVersion.parse("2")))
			.withMessageContaining("changeset upper-case-names by dbparity")
			.withMessageContaining("has no rollback. Add a 'rollback:' block to it.");
		assertThat(runner.currentVersion(db, Engine.POSTGRES)).map(MigrationVersion::toString).contains("4");
	}

	@Test
	void aMissingChangelogNamesTheFileAndHowItWasLookedUp() {
		MigrationRunner misconfigured = MigrationRunners.choose("liquibase", "test",
				key -> Optional.of("db/changelog/missing.yaml"));

		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> misconfigured.load("ignored", getClass().getClassLoader()))
			.withMessage("Liquibase changelog 'db/changelog/missing.yaml' was not found: looked up on the classpath as "
					+ "'db/changelog/missing.yaml' (src/main/resources/db/changelog/missing.yaml or "
					+ "src/test/resources/db/changelog/missing.yaml). Set the configuration parameter "
					+ "dbparity.liquibase.changelog to the root changelog, e.g. "
					+ "dbparity.liquibase.changelog=db/changelog/db.changelog-master.yaml (classpath) or "
					+ "file:src/main/db/changelog.yaml.");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationRunners.choose("liquibase", "test", key -> Optional.of("file:no/such.yaml"))
				.load("ignored", getClass().getClassLoader()))
			.withMessageStartingWith("Liquibase changelog 'file:no/such.yaml' was not found: looked up on the file "
					+ "system as ");
	}

	private static List<String> columns(DataSource db, String table) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT column_name FROM information_schema.columns "
						+ "WHERE table_schema = 'public' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}
}
