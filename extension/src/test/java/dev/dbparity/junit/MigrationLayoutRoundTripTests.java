package dev.dbparity.junit;

import static dev.dbparity.junit.MigrationRoundTripTests.outcomes;
import static dev.dbparity.junit.ParityTestKit.executeTestClass;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.dbparity.lint.LintOptions;
import dev.dbparity.lint.LintReport;
import dev.dbparity.lint.MigrationLintResult;
import dev.dbparity.lint.PendingMigrationLint;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;

/**
 * diesel, pop and Prisma histories through the extension on real PostgreSQL and MariaDB: the template migrates them
 * forward, {@code migrationRoundTrips()} checks each version with a down script, and the lint reads their pending
 * versions.
 */
class MigrationLayoutRoundTripTests {

	@Nested
	@DisplayName("when the project migrates with diesel")
	class Diesel {

		@Test
		@DisplayName("then on PostgreSQL its initial setup is version 0 and round-trips like every folder, a folder of "
				+ "metadata.toml's run_in_transaction = false runs outside a transaction, and a down.sql left as "
				+ "generated is reported irreversible")
		void roundTripsOnPostgres() {
			Map<String, String> outcomes = outcomes(executeTestClass(DieselPostgresTestCase.class));

			assertThat(outcomes.entrySet()).containsExactly(Map.entry("V0 diesel initial setup", "SUCCESSFUL"),
					Map.entry("V20230101120000 create users", "SUCCESSFUL"),
					Map.entry("V20230601090000 create posts", "SUCCESSFUL"),
					Map.entry("V20230601090000.1 posts title index", "SUCCESSFUL"),
					Map.entry("V20230701100000 add users email", "FAILED: V20230701100000 (formats/diesel/postgres/"
							+ "2023-07-01-100000-0000_add_users_email/up.sql) is irreversible: it has no undo script. "
							+ "Write the statements that reverse it in formats/diesel/postgres/"
							+ "2023-07-01-100000-0000_add_users_email/down.sql, or declare in its header "
							+ "'-- dbparity:irreversible <reason>'."),
					Map.entry("migratedForward(ParityDb)", "SUCCESSFUL"));
		}

		@Test
		@DisplayName("then on MariaDB every folder round-trips, diesel 2's counters in order")
		void roundTripsOnMariaDb() {
			Map<String, String> outcomes = outcomes(executeTestClass(DieselMariaDbTestCase.class));

			assertThat(outcomes.entrySet()).containsExactly(Map.entry("V20230101120000 create users", "SUCCESSFUL"),
					Map.entry("V20230601090000 create posts", "SUCCESSFUL"),
					Map.entry("V20230601090000.1 posts title index", "SUCCESSFUL"),
					Map.entry("migratedForward(ParityDb)", "SUCCESSFUL"));
		}
	}

	@Nested
	@DisplayName("when the project migrates with pop")
	class Pop {

		@Test
		@DisplayName("then one folder serves PostgreSQL and MariaDB, each running its own dialect's files, and an empty "
				+ "down file is no undo")
		void roundTripsOnBothEngines() {
			Map<String, String> outcomes = outcomes(executeTestClass(PopTestCase.class));

			String upperNames = "ABORTED: V20230105120000 is irreversible (declared in "
					+ "formats/pop/20230105120000_upper_names.up.sql): the original spelling of names is not kept; it ran "
					+ "forward, and there is no undo to test";
			assertThat(outcomes.entrySet()).containsExactly(Map.entry("V20230101120000 create users", onBoth("SUCCESSFUL")),
					Map.entry("V20230102120000 users email", onBoth("SUCCESSFUL")),
					Map.entry("V20230103120000 create posts", onBoth("SUCCESSFUL")),
					Map.entry("V20230105120000 upper names", onBoth(upperNames)),
					Map.entry("ranItsDialectsFiles(ParityDb)", onBoth("SUCCESSFUL")));
		}
	}

	@Nested
	@DisplayName("when the project migrates with Prisma")
	class Prisma {

		@Test
		@DisplayName("then the template migrates forward on PostgreSQL and MariaDB, and the round trips run each "
				+ "version forward and skip it with the reason, as Prisma migrates forward only")
		void migratesForwardOnly() {
			Map<String, String> outcomes = outcomes(executeTestClass(PrismaTestCase.class));

			assertThat(outcomes.keySet()).containsExactly("V20230101120000 init", "V20230102120000 add posts",
					"migratedForward(ParityDb)");
			assertThat(outcomes.get("migratedForward(ParityDb)")).isEqualTo(onBoth("SUCCESSFUL"));
			assertThat(outcomes.get("V20230101120000 init")).isEqualTo(skipped("20230101120000", "init", "postgres")
					+ "\n---\n" + skipped("20230101120000", "init", "mariadb"));
			assertThat(outcomes.get("V20230102120000 add posts")).isEqualTo(
					skipped("20230102120000", "add_posts", "postgres") + "\n---\n"
							+ skipped("20230102120000", "add_posts", "mariadb"));
		}

		private static String skipped(String version, String name, String engine) {
			return "ABORTED: V" + version + " is irreversible (formats/prisma/" + engine + "/" + version + "_" + name
					+ "/migration.sql): Prisma migrations are forward only, so the round trips need a history with down "
					+ "scripts to test undos; it ran forward, and there is no undo to test";
		}
	}

	@Nested
	@DisplayName("when the lint reads the migrations pending after a baseline")
	class Lint {

		private final ClassLoader loader = MigrationLayoutRoundTripTests.class.getClassLoader();

		@Test
		@DisplayName("then a Prisma folder's pending versions are linted after the baseline's version")
		void prisma() {
			MigrationSet set = MigrationSet.load("formats/prisma/postgres", loader, Engine.POSTGRES.resolved());

			LintReport report = PendingMigrationLint.lint(RealDatabases.server(Engine.POSTGRES.resolved()),
					new SqlMigrationRunner(), set, set.versionOf("20230101120000"), LintOptions.defaults());

			assertThat(report.migrations()).extracting(MigrationLintResult::version).containsExactly("20230102120000");
			assertThat(report.migration("20230102120000").orElseThrow().classification()).isPresent();
		}

		@Test
		@DisplayName("then a diesel folder linted from a baseline without version starts at its initial setup, version 0")
		void dieselFromTheStart() {
			MigrationSet set = MigrationSet.load("formats/diesel/postgres", loader, Engine.POSTGRES.resolved());

			LintReport report = PendingMigrationLint.lint(RealDatabases.server(Engine.POSTGRES.resolved()),
					new SqlMigrationRunner(), set, MigrationVersion.ZERO, LintOptions.defaults());

			assertThat(report.migrations()).extracting(MigrationLintResult::version).containsExactly("0",
					"20230101120000", "20230601090000", "20230601090000.1", "20230701100000");
		}
	}

	/** The outcome of a test that ran on PostgreSQL and on MariaDB, as {@link MigrationRoundTripTests#outcomes}. */
	private static String onBoth(String outcome) {
		return outcome + "\n---\n" + outcome;
	}

	/** The columns of {@code table} in the test's database, in order. */
	private static List<String> columns(ParityDb db, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = db.dataSource().getConnection();
				ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), null, table, null)) {
			while (rows.next()) {
				columns.add(rows.getString("COLUMN_NAME"));
			}
		}
		return columns;
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "formats/diesel/{engine}")
	static class DieselPostgresTestCase extends RoundTripFactory {

		@Test
		void migratedForward(ParityDb db) throws SQLException {
			assertThat(db.migrationVersion()).contains("20230701100000");
			assertThat(columns(db, "users")).containsExactly("id", "name", "updated_at", "email");
		}
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "formats/diesel/{engine}")
	static class DieselMariaDbTestCase extends RoundTripFactory {

		@Test
		void migratedForward(ParityDb db) {
			assertThat(db.migrationVersion()).contains("20230601090000.1");
		}
	}

	@ParityDatabases({
			@ParityDatabase(engine = Engine.POSTGRES, migrations = "formats/pop"),
			@ParityDatabase(engine = Engine.MARIADB, migrations = "formats/pop") })
	static class PopTestCase extends RoundTripFactory {

		@Test
		void ranItsDialectsFiles(ParityDb db) throws SQLException {
			assertThat(db.migrationVersion()).contains("20230105120000");
			assertThat(columns(db, "users")).containsExactly("id", "name", "email");
		}
	}

	@ParityDatabases({
			@ParityDatabase(engine = Engine.POSTGRES, migrations = "formats/prisma/{engine}"),
			@ParityDatabase(engine = Engine.MARIADB, migrations = "formats/prisma/{engine}") })
	static class PrismaTestCase extends RoundTripFactory {

		@Test
		void migratedForward(ParityDb db) throws SQLException {
			assertThat(db.migrationVersion()).contains("20230102120000");
			assertThat(columns(db, "Post")).containsExactly("id", "title", "authorId");
		}
	}
}
