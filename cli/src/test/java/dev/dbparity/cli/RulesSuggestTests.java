package dev.dbparity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.cli.DbParityTests.Result;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.seeding.SeedOptions;
import dev.dbparity.seeding.SeedReport;
import dev.dbparity.seeding.SeedRules;
import dev.dbparity.seeding.Seeder;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.statistics.StatisticsCollectors;
import dev.dbparity.snapshots.statistics.StatisticsComparison;
import dev.dbparity.snapshots.statistics.StatisticsComparisonResult;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/** {@code dbparity rules suggest} on the bookstore's production baseline, seeded into PostgreSQL and compared back. */
class RulesSuggestTests {

	private static final Path PRODUCTION = Path.of("../samples/src/test/resources/parity/baseline/production");

	private static RunningEngine server;

	@TempDir
	Path temporary;

	@BeforeAll
	static void startServer() {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void suggestedRulesSeedDataOfProductionsShape() throws Exception {
		Path rules = temporary.resolve("seed.yaml");
		Result suggest = DbParityTests.run("rules", "suggest", "--baseline", PRODUCTION.toString(), "--out",
				rules.toString());
		assertThat(suggest.exitCode()).as(suggest.err()).isZero();
		String yaml = Files.readString(rules);
		assertThat(yaml).contains("customer:\n    rows: 1000\n", "rows: {perParent: customer, poisson: 2.99425}",
				"email: {faker: \"#{Internet.emailAddress}\", unique: true}",
				"status: {weighted: {\"paid\": 603, \"shipped\": 295, \"cancelled\": 102}}",
				"born: {date: {from: 1890-01-08, to: 1990-12-28}, nullFraction: 0.0933333}",
				"rows: {perParent: customer_order, uniform: {min: 1, max: 1}}");
		assertThat(DbParityTests.run("rules", "suggest", "--baseline", PRODUCTION.toString()).out())
			.as("the same draft every time").isEqualTo(yaml);
		SeedRules parsed = SeedRules.parse(yaml.getBytes(StandardCharsets.UTF_8), "seed.yaml");

		server.createDatabase("suggested");
		new SqlMigrationRunner().migrateTo(server.dataSource("suggested"), Engine.POSTGRES,
				MigrationSet.load("file:../samples/src/test/resources/db/migration/postgres",
						getClass().getClassLoader()), MigrationVersion.parse("4"));
		StatisticsComparisonResult comparison;
		try (Connection connection = server.dataSource("suggested").getConnection()) {
			SeedReport report = Seeder.seed(connection, parsed, SeedOptions.defaults());
			assertThat(report.rows()).containsEntry("customer", 1000L).containsEntry("author", 150L);
			SchemaSnapshot schema = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
			StatisticsSnapshot actual = StatisticsCollectors.forConnection(connection).collect(connection, schema,
					StatisticsOptions.full().withDevelopmentKeyAllowed());
			comparison = StatisticsComparison.compare(Baseline.read(PRODUCTION).statistics().orElseThrow(), actual);
		}

		assertThat(comparison.failures()).as(comparison.failures().toString()).isEmpty();
		assertThat(comparison.passed()).extracting(verdict -> verdict.path() + " " + verdict.metric().id())
			.contains("public.book.price distribution", "public.customer_order.status topValues",
					"public.author.born nullFraction", "public.book.title distinctRatio",
					"public.book (author_id) -> public.author(id) childrenPerParent");
	}

	@Test
	void rowsScaleAndMissingBaseline() {
		Result scaled = DbParityTests.run("rules", "suggest", "--baseline", PRODUCTION.toString(), "--rows-scale", "0.01");
		assertThat(scaled.exitCode()).as(scaled.err()).isZero();
		assertThat(scaled.out()).contains("author:\n    rows: 12\n", "customer:\n    rows: 80\n");

		Result negative = DbParityTests.run("rules", "suggest", "--baseline", PRODUCTION.toString(), "--rows-scale", "-1");
		assertThat(negative.exitCode()).isEqualTo(2);
		assertThat(negative.err()).contains("--rows-scale -1.0: the rows scale must be a positive number");

		Result missing = DbParityTests.run("rules", "suggest", "--baseline", temporary.resolve("nowhere").toString());
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("does not exist");
	}
}
