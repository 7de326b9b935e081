package dev.dbparity.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.statistics.StatisticsCollectors;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * Rehearsals of pending migrations on data shaped like a production of 20,000 orders at V1, rehearsed at half its
 * rows: V2 changes {@code orders}, V3 drops the index the previous application version's query uses.
 */
class RehearsalTests {

	/** Production's orders: ten per customer, so that a customer's orders are read by an index. */
	static final int PRODUCTION_ORDERS = 20_000;

	private static RunningEngine postgres;
	private static RunningEngine mariadb;

	@TempDir
	static Path baselines;

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

	static MigrationSet migrations(Engine engine) {
		return MigrationSet.load("rehearsal/" + (engine == Engine.POSTGRES ? "postgres" : "mariadb"),
				RehearsalTests.class.getClassLoader());
	}

	static CompatQueries compat(Engine engine) throws URISyntaxException {
		return CompatQueries.load(Path.of(RehearsalTests.class.getResource("/rehearsal/compat").toURI()), engine);
	}

	/** A baseline of production at V1 with its statistics, captured from a database of {@code orders} rows. */
	static Baseline production(RunningEngine engine, Path directory, int orders) throws SQLException {
		String name = "rehearsal_production_" + engine.engine().id();
		engine.createDatabase(name);
		try {
			new SqlMigrationRunner().migrateTo(engine.dataSource(name), engine.engine(), migrations(engine.engine()),
					MigrationVersion.parse("1"));
			try (Connection connection = engine.dataSource(name).getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute(engine.engine() == Engine.POSTGRES
						? "INSERT INTO orders SELECT n, n % " + orders / 10 + ", n FROM generate_series(1, " + orders + ") n"
						: "INSERT INTO orders SELECT seq, seq % " + orders / 10 + ", seq FROM seq_1_to_" + orders);
				SchemaSnapshot schema = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
				StatisticsSnapshot statistics = StatisticsCollectors.forConnection(connection).collect(connection, schema,
						StatisticsOptions.full().withDevelopmentKeyAllowed());
				return Baseline.write(directory, Manifest.of(schema, Optional.of("1"), Optional.empty())
					.withStatistics(Optional.of("full"), Optional.empty()), schema, Optional.of(statistics));
			}
		}
		finally {
			engine.dropDatabase(name);
		}
	}

	private static LintReport rehearse(RunningEngine engine, Rehearsal rehearsal) throws Exception {
		Baseline baseline = production(engine, baselines.resolve(engine.engine().id()), PRODUCTION_ORDERS);
		return PendingMigrationLint.lint(engine, new SqlMigrationRunner(), migrations(engine.engine()),
				MigrationVersion.parse("1"), LintOptions.defaults().withCompat(compat(engine.engine()))
					.withRehearsal(rehearsal),
				baseline);
	}

	@Test
	void postgresTimesEachStatementWithItsLockAndRewriteAndFindsThePlanRegression() throws Exception {
		LintReport report = rehearse(postgres, Rehearsal.defaults().withScale(0.5));

		RehearsalResult v2 = report.migration("2").orElseThrow().rehearsal().orElseThrow();
		assertThat(v2.scale()).isEqualTo("scale 0.5 of production's rows");
		assertThat(v2.plansCompared()).isEqualTo(1);
		assertThat(v2.statements()).hasSize(2);
		RehearsedStatement token = v2.statements().get(0);
		assertThat(token.location()).isEqualTo("rehearsal/postgres/V2__order_token.sql:1");
		assertThat(token.table()).hasValue("public.orders");
		assertThat(token.lock()).hasValue("AccessExclusiveLock");
		assertThat(token.lockSource()).startsWith("pg_locks");
		assertThat(token.blocks()).isEqualTo("reads and writes");
		assertThat(token.rewrote()).as("a volatile default fills every row").hasValue(true);
		assertThat(token.rehearsalRows()).isEqualTo(PRODUCTION_ORDERS / 2);
		assertThat(token.productionRows()).isEqualTo(PRODUCTION_ORDERS);
		assertThat(token.estimatedMillis()).as("twice the measured time, give or take rounding")
			.isBetween(2 * token.measuredMillis() - 1, 2 * token.measuredMillis() + 1);
		assertThat(token.holdMillis()).as("held until the migration commits, after the second statement")
			.isEqualTo(token.estimatedMillis() + v2.statements().get(1).estimatedMillis());
		assertThat(v2.statements().get(1).rewrote()).as("a nullable column without default changes the catalog only")
			.hasValue(false);

		MigrationLintResult v3 = report.migration("3").orElseThrow();
		assertThat(v3.findings()).filteredOn(finding -> finding.kind() == LintFinding.Kind.PLAN_REGRESSION)
			.singleElement().satisfies(finding -> {
				assertThat(finding.subject()).endsWith("rehearsal/compat/orders.sql:1");
				assertThat(finding.detail()).contains("after V3 (rehearsal/postgres/V3__drop_customer_index.sql)",
						"orders is read by an index before and by a full scan after (20,000 rows in production, "
								+ "threshold 10,000)", "Plan before: [{\"Plan\":", "\"Node Type\":\"Seq Scan\"");
			});
		assertThat(v3.violations()).anySatisfy(violation -> assertThat(violation).startsWith("DP305 PLAN_REGRESSION"));
		assertThat(report.passes()).isFalse();
	}

	@Test
	void aCostGrowingBeyondTheFactorIsAPlanRegressionOnItsOwn() throws Exception {
		// No table is large enough for the full-scan rule: only the cost can make the regression.
		LintReport report = rehearse(postgres, Rehearsal.defaults().withScale(0.5).withPlanCostFactor(1.5)
			.withPlanMinRows(1_000_000_000));

		assertThat(report.migration("3").orElseThrow().findings())
			.filteredOn(finding -> finding.kind() == LintFinding.Kind.PLAN_REGRESSION).singleElement()
			.satisfies(finding -> assertThat(finding.detail()).contains("its estimated cost grows from ",
					" (more than 1.5x)").doesNotContain("read by an index before"));
		assertThat(report.migration("2").orElseThrow().findings())
			.noneMatch(finding -> finding.kind() == LintFinding.Kind.PLAN_REGRESSION);
	}

	@Test
	void aMaximumLockHoldFailsTheEstimatedHoldAboveItAndAHeaderlessMigrationUnderItPasses() throws Exception {
		// A rewrite of 10,000 rows takes far more than a microsecond-sized limit and far less than an hour.
		LintReport strict = rehearse(postgres, Rehearsal.defaults().withScale(0.5).withMaxLock(Duration.ofNanos(1)));
		LintReport lenient = rehearse(postgres, Rehearsal.defaults().withScale(0.5).withMaxLock(Duration.ofHours(1)));

		assertThat(strict.migration("2").orElseThrow().findings())
			.filteredOn(finding -> finding.kind() == LintFinding.Kind.LOCK_HOLD).singleElement()
			.satisfies(finding -> {
				assertThat(finding.subject()).isEqualTo("public.orders");
				assertThat(finding.detail()).contains("ALTER TABLE orders ADD COLUMN token DOUBLE PRECISION DEFAULT…"
						+ " (rehearsal/postgres/V2__order_token.sql:1) holds AccessExclusiveLock, which blocks reads and "
						+ "writes, for an estimated", "at production's 20,000 rows, over the maximum lock hold 0 ms",
						"scale 0.5 of production's rows; an estimate linear in the rows", "Fix: change the table without a long lock");
			});
		assertThat(strict.migration("2").orElseThrow().violations())
			.anySatisfy(violation -> assertThat(violation).startsWith("DP304 LOCK_HOLD public.orders"));
		assertThat(lenient.migration("2").orElseThrow().findings())
			.noneMatch(finding -> finding.kind() == LintFinding.Kind.LOCK_HOLD);
	}

	@Test
	void aHeaderAllowsTheLockHoldItExpects(@TempDir Path folder) throws Exception {
		Files.copy(Path.of(RehearsalTests.class.getResource("/rehearsal/postgres/V1__orders.sql").toURI()),
				folder.resolve("V1__orders.sql"));
		Files.writeString(folder.resolve("V2__order_token.sql"), "-- dbparity:allow DP304 orders is changed in the "
				+ "nightly maintenance window\nALTER TABLE orders ADD COLUMN token DOUBLE PRECISION DEFAULT random();\n");
		Baseline baseline = production(postgres, baselines.resolve("allowed"), PRODUCTION_ORDERS);

		LintReport report = PendingMigrationLint.lint(postgres, new SqlMigrationRunner(),
				MigrationSet.load("file:" + folder, RehearsalTests.class.getClassLoader()), MigrationVersion.parse("1"),
				LintOptions.defaults().withRehearsal(Rehearsal.defaults().withScale(0.5).withMaxLock(Duration.ofNanos(1))),
				baseline);

		MigrationLintResult v2 = report.migration("2").orElseThrow();
		assertThat(v2.findings()).extracting(LintFinding::kind).contains(LintFinding.Kind.LOCK_HOLD);
		assertThat(v2.allowedRules()).containsEntry(LintFinding.Kind.LOCK_HOLD,
				"orders is changed in the nightly maintenance window");
		assertThat(v2.violations()).isEmpty();
		assertThat(report.passes()).isTrue();
	}

	@Test
	void mariadbTellsInstantFromCopyAndFindsThePlanRegression() throws Exception {
		LintReport report = rehearse(mariadb, Rehearsal.defaults().withScale(0.5));

		RehearsalResult v2 = report.migration("2").orElseThrow().rehearsal().orElseThrow();
		assertThat(v2.statements()).extracting(statement -> statement.lock().orElseThrow()).containsExactly(
				"ALGORITHM=INSTANT", "ALGORITHM=COPY", "ALGORITHM=INPLACE, LOCK=NONE");
		assertThat(v2.statements()).extracting(RehearsedStatement::blocks).containsExactly("nothing", "writes",
				"nothing");
		assertThat(v2.statements()).extracting(RehearsedStatement::rewrote).containsExactly(Optional.of(false),
				Optional.of(true), Optional.empty());
		RehearsedStatement copy = v2.statements().get(1);
		assertThat(copy.table()).hasValue("default.orders");
		assertThat(copy.rehearsalRows()).isEqualTo(PRODUCTION_ORDERS / 2);
		assertThat(copy.holdMillis()).as("each statement commits on its own").isEqualTo(copy.estimatedMillis());
		RehearsedStatement instant = v2.statements().get(0);
		assertThat(instant.estimatedMillis()).as("INSTANT changes metadata only: not extrapolated")
			.isEqualTo(instant.measuredMillis());

		assertThat(report.migration("3").orElseThrow().findings())
			.filteredOn(finding -> finding.kind() == LintFinding.Kind.PLAN_REGRESSION).singleElement()
			.satisfies(finding -> assertThat(finding.detail()).contains("orders is read by an index before and by a "
					+ "full scan after", "Plan before: {\"query_block\":", "\"access_type\":\"ALL\""));
	}

	@Test
	void everyReportShowsTheRehearsal() throws Exception {
		LintReport report = rehearse(postgres, Rehearsal.defaults().withScale(0.5));

		assertThat(report.toMarkdown()).contains("Rehearsal at scale 0.5 of production's rows: estimated times are "
				+ "extrapolated to production's row counts", "| Statement | Table | Lock | Blocks | Rewrote | Measured |",
				"| ALTER TABLE orders ADD COLUMN token DOUBLE PRECISION DEFAULT… (rehearsal/postgres/V2__order_token."
						+ "sql:1) | public.orders | AccessExclusiveLock (pg_locks",
				"| reads and writes | yes | ", "| 10,000 / 20,000 | ~");
		assertThat(report.toHtml()).contains("<th>Lock hold (estimated)</th>", "<td>AccessExclusiveLock (pg_locks");
		JsonNode json = CanonicalJson.read(report.toJson().getBytes(StandardCharsets.UTF_8), "lint");
		JsonNode statement = json.path("migrations").path(0).path("rehearsal").path("statements").path(0);
		assertThat(statement.path("lock").asText()).isEqualTo("AccessExclusiveLock");
		assertThat(statement.path("rewrote").asBoolean()).isTrue();
		assertThat(statement.path("productionRows").asLong()).isEqualTo(PRODUCTION_ORDERS);
		assertThat(json.path("migrations").path(1).path("findings").findValuesAsText("code")).contains("DP305");
	}
}
