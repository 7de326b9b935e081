package dev.dbparity.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.migrations.SqlScriptSplitter;
import dev.dbparity.migrations.liquibase.LiquibaseMigrationRunner;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.json.CanonicalJson;

/** The lint of pending migrations on a real PostgreSQL and MariaDB, production at V1. */
class PendingMigrationLintTests {

	private static RunningEngine postgres;
	private static RunningEngine mariadb;

	@BeforeAll
	static void startEngines() {
		postgres = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
		mariadb = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()));
	}

	@AfterAll
	static void stopEngines() {
		postgres.close();
		mariadb.close();
	}

	private static LintReport lint(RunningEngine engine, String folder) {
		return PendingMigrationLint.lint(engine, new SqlMigrationRunner(),
				MigrationSet.load(folder, PendingMigrationLintTests.class.getClassLoader()), MigrationVersion.parse("1"),
				LintOptions.defaults());
	}

	@Test
	void postgresReportsLocksRewritesIndexesAndThePolicy() {
		LintReport report = lint(postgres, "roundtrip/postgres/lint");

		assertThat(report.migrations()).extracting(MigrationLintResult::version)
			.containsExactly("2", "3", "4", "5", "6");
		MigrationLintResult rewrite = report.migration("2").orElseThrow();
		assertThat(rewrite.classification()).hasValue(Category.ADDITIVE);
		assertThat(rewrite.findings()).contains(
				new LintFinding(LintFinding.Kind.LOCK, "public.orders", "AccessExclusiveLock (blocks reads and writes), "
						+ "taken by roundtrip/postgres/lint/V2__order_token.sql:1"),
				new LintFinding(LintFinding.Kind.TABLE_REWRITE, "public.orders", "rewritten by "
						+ "roundtrip/postgres/lint/V2__order_token.sql:1 (ALTER TABLE orders ADD COLUMN token DOUBLE "
						+ "PRECISION DEFAULT…): every row is copied while an AccessExclusiveLock blocks reads and writes"));
		MigrationLintResult index = report.migration("3").orElseThrow();
		assertThat(index.classification()).hasValue(Category.PERFORMANCE);
		assertThat(index.findings()).containsExactly(
				new LintFinding(LintFinding.Kind.INDEX_NOT_CONCURRENT, "public.orders", "CREATE INDEX orders_total_idx "
						+ "ON orders (total) (roundtrip/postgres/lint/V3__total_index.sql:1) builds an index on this "
						+ "existing table without CONCURRENTLY, holding a ShareLock (blocks writes) until it is built; use "
						+ "CREATE INDEX CONCURRENTLY outside a transaction"),
				new LintFinding(LintFinding.Kind.LOCK, "public.orders", "ShareLock (blocks writes; reads continue), "
						+ "taken by roundtrip/postgres/lint/V3__total_index.sql:1"));
		MigrationLintResult notNull = report.migration("4").orElseThrow();
		assertThat(notNull.differences()).singleElement().satisfies(difference -> {
			assertThat(difference.path()).isEqualTo("public.orders.columns.customer");
			assertThat(difference.category()).isEqualTo(Category.INCOMPATIBLE);
		});
		assertThat(notNull.violations()).containsExactly("INCOMPATIBLE public.orders.columns.customer (not allowed by a "
				+ "'-- dbparity:allow INCOMPATIBLE <reason>' header)");
		MigrationLintResult allowedDrop = report.migration("5").orElseThrow();
		assertThat(allowedDrop.classification()).hasValue(Category.DESTRUCTIVE);
		assertThat(allowedDrop.allowed()).containsExactly(Map.entry(Category.DESTRUCTIVE, "the token was never read"));
		assertThat(allowedDrop.passes()).isTrue();
		MigrationLintResult concurrent = report.migration("6").orElseThrow();
		assertThat(concurrent.findings()).as("skipped by the dry run, not failed in it").containsExactly(
				new LintFinding(LintFinding.Kind.OUTSIDE_TRANSACTION, "public.orders", "CREATE INDEX CONCURRENTLY "
						+ "orders_customer_idx ON orders (cus… (roundtrip/postgres/lint/V6__customer_index.sql:1) cannot "
						+ "run inside a transaction, so the migration runs statement by statement and a failure leaves "
						+ "it partially applied; the dry run skips it"));
		assertThat(concurrent.passes()).isTrue();

		assertThat(report.passes()).isFalse();
		assertThatThrownBy(report::assertPasses).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Pending migrations violate the lint policy:\n‣ V4 "
					+ "(roundtrip/postgres/lint/V4__order_customer.sql): INCOMPATIBLE public.orders.columns.customer");
		assertThat(report.toMarkdown()).startsWith("### Pending migrations on postgres (after V1)\n\n"
				+ "| Migration | Classification | Findings | Result |\n| --- | --- | ---: | --- |\n"
				+ "| V2 order token | ADDITIVE | 3 | passes |\n"
				+ "| V3 total index | PERFORMANCE | 2 | passes |\n"
				+ "| V4 order customer | INCOMPATIBLE | 1 | **fails** |\n"
				+ "| V5 drop token | DESTRUCTIVE | 1 | passes |\n"
				+ "| V6 customer index | PERFORMANCE | 1 | passes |\n");
		assertThat(report.toHtml()).startsWith("<!DOCTYPE html>\n").endsWith("</body>\n</html>\n")
			.contains("<h1>Pending migrations on postgres (after V1)</h1>",
					"<tr><td><a href=\"#V4\">V4 order customer</a></td><td>INCOMPATIBLE</td><td>1</td><td>"
							+ "<span class=\"fails\">fails</span></td></tr>",
					"<li>DP101 LOCK <code>public.orders</code>: AccessExclusiveLock (blocks reads and writes), taken by "
							+ "roundtrip/postgres/lint/V2__order_token.sql:1</li>")
			.doesNotContain("<script");
		JsonNode json = CanonicalJson.read(report.toJson().getBytes(StandardCharsets.UTF_8), "lint.json");
		assertThat(json.path("passes").asBoolean()).isFalse();
		assertThat(json.path("migrations").get(2).path("violations").get(0).asText())
			.startsWith("INCOMPATIBLE public.orders.columns.customer");
		assertThat(json.path("migrations").get(3).path("allowed").path("DESTRUCTIVE").asText())
			.isEqualTo("the token was never read");
	}

	@Test
	void liquibaseChangesetsAreDryRunWithTheSqlLiquibaseGenerates() {
		LiquibaseMigrationRunner runner = new LiquibaseMigrationRunner("liquibase/db.changelog-master.yaml");
		MigrationSet changelog = runner.load("", getClass().getClassLoader());

		LintReport report = PendingMigrationLint.lint(postgres, runner, changelog, MigrationVersion.parse("2"),
				LintOptions.defaults());

		assertThat(report.migration("3").orElseThrow().findings()).containsExactly(new LintFinding(
				LintFinding.Kind.LOCK, "public.customers", "AccessExclusiveLock (blocks reads and writes), taken by "
						+ "liquibase/db.changelog-master.yaml::customer-email:1"));
		assertThat(report.migration("4").orElseThrow().findings()).as("an UPDATE's row locks are not findings")
			.isEmpty();
	}

	@Test
	void mariadbReportsImplicitCommitsAndAltersThatCannotRunOnline() {
		LintReport report = lint(mariadb, "roundtrip/mariadb/lint");

		MigrationLintResult alter = report.migration("2").orElseThrow();
		assertThat(alter.findings()).filteredOn(finding -> finding.kind() == LintFinding.Kind.NOT_RETRY_SAFE)
			.singleElement().asString().startsWith("DP307 NOT_RETRY_SAFE roundtrip/mariadb/lint/V2__note_and_wider_total.sql: "
					+ "1 interruption point fails\n‣ interrupted after statement 1 of 2 (roundtrip/mariadb/lint/"
					+ "V2__note_and_wider_total.sql:1), the retry fails: at roundtrip/mariadb/lint/"
					+ "V2__note_and_wider_total.sql:1: Duplicate column name 'note'");
		assertThat(alter.findings()).filteredOn(finding -> finding.kind() != LintFinding.Kind.NOT_RETRY_SAFE)
			.containsExactly(
				new LintFinding(LintFinding.Kind.IMPLICIT_COMMIT, "roundtrip/mariadb/lint/V2__note_and_wider_total.sql",
						"MariaDB commits each DDL statement implicitly: if one of its 2 statements fails, those before "
								+ "it stay applied"),
				new LintFinding(LintFinding.Kind.NOT_ONLINE, "default.orders", "ALTER TABLE orders MODIFY total DECIMAL(12, 2) "
						+ "NOT NULL (roundtrip/mariadb/lint/V2__note_and_wider_total.sql:2) cannot run with "
						+ "ALGORITHM=INSTANT nor with ALGORITHM=INPLACE, LOCK=NONE: it copies the table and blocks writes "
						+ "while it runs"));
		assertThat(alter.violations()).as("implicit commits and copying ALTERs do not fail the policy; a retry that "
				+ "fails does").singleElement().asString().startsWith("DP307 NOT_RETRY_SAFE");
		assertThat(report.migration("3").orElseThrow().violations()).containsExactly("INCOMPATIBLE "
				+ "default.orders.columns.customer (not allowed by a '-- dbparity:allow INCOMPATIBLE <reason>' header)");
	}

	@Test
	void aRenameTheMigrationPerformsIsIncompatibleAndADropAndReAddIsDestructiveOnPostgres() {
		assertRenameLabels(postgres, "roundtrip/postgres", "public");
	}

	@Test
	void aRenameTheMigrationPerformsIsIncompatibleAndADropAndReAddIsDestructiveOnMariaDb() {
		assertRenameLabels(mariadb, "roundtrip/mariadb", "default");
	}

	@Test
	@DisplayName("on MariaDB, a migration after one that renames a column is dry-run on a copy of the renamed schema")
	void aMigrationAfterARenameIsDryRunOnTheRenamedSchemaOnMariaDb() {
		LintReport report = lint(mariadb, "roundtrip/mariadb/lint-rename-then-index");

		MigrationLintResult index = report.migration("3").orElseThrow();
		assertThat(index.findings()).as("no stale copy of V1's schema: Unknown column 'mail'").isEmpty();
		assertThat(index.passes()).isTrue();
		assertThat(index.differences()).singleElement()
			.satisfies(difference -> assertThat(difference.path()).startsWith("default.customer.").contains("email"));
	}

	private static void assertRenameLabels(RunningEngine engine, String folder, String schema) {
		assertThat(lint(engine, folder + "/lint-rename").migration("2").orElseThrow().differences()).singleElement()
			.satisfies(difference -> {
				assertThat(difference.path()).isEqualTo(schema + ".customer.columns.mail");
				assertThat(difference.categories()).containsExactly(Category.INCOMPATIBLE);
				assertThat(difference.note()).isEmpty();
			});
		assertThat(lint(engine, folder + "/lint-recreate").migration("2").orElseThrow().differences()).singleElement()
			.satisfies(difference -> {
				assertThat(difference.path()).isEqualTo(schema + ".customer.columns.phone");
				assertThat(difference.categories()).containsExactly(Category.DESTRUCTIVE, Category.INCOMPATIBLE);
				assertThat(difference.note()).hasValueSatisfying(note -> assertThat(note).contains("may be a rename"));
			});
	}

	@Test
	void postgresReportsALockTimeoutAndLeavesTheDatabaseAsItWas() throws Exception {
		String database = "dbparity_lt_" + Long.toHexString(System.nanoTime());
		postgres.createDatabase(database);
		try (Connection holder = postgres.dataSource(database).getConnection()) {
			holder.createStatement().execute("CREATE TABLE orders (id INT PRIMARY KEY)");
			holder.setAutoCommit(false);
			holder.createStatement().execute("LOCK TABLE orders IN ACCESS SHARE MODE");
			Script script = new Script("V2__add.sql", "ALTER TABLE orders ADD COLUMN note TEXT;");

			List<LintFinding> findings = new PostgresDryRun().run(postgres, database, script,
					SqlScriptSplitter.split(script.content(), Engine.POSTGRES),
					LintOptions.defaults().withLockTimeout(Duration.ofMillis(200)));

			assertThat(findings).containsExactly(new LintFinding(LintFinding.Kind.LOCK_TIMEOUT, "V2__add.sql:1",
					"ALTER TABLE orders ADD COLUMN note TEXT waited longer than lock_timeout 200 ms for a lock; in "
							+ "production it would queue every query behind it"));
			holder.rollback();
			try (ResultSet columns = holder.getMetaData().getColumns(null, "public", "orders", "note")) {
				assertThat(columns.next()).as("the dry run was rolled back").isFalse();
			}
		}
		finally {
			postgres.dropDatabase(database);
		}
	}
}
