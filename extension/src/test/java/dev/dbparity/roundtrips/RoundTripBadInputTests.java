package dev.dbparity.roundtrips;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;

/**
 * The round trips' messages about real histories, as both front ends show them (from the versions' results), with
 * their three marks.
 */
class RoundTripBadInputTests {

	private static List<VersionResult> results(Engine engine, String history) {
		MigrationSet set = MigrationSet.load("roundtrip/history/" + history,
				RoundTripBadInputTests.class.getClassLoader());
		DatabaseContext context = new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
		try (RoundTrips roundTrips = RoundTrips.of(RealDatabases.server(engine), context, new RoundTripTimings());
				Stream<VersionResult> results = roundTrips.run()) {
			return results.toList();
		}
	}

	private static VersionResult failed(List<VersionResult> results) {
		List<VersionResult> failed = results.stream().filter(result -> result.verdict() == Verdict.FAILED).toList();
		assertThat(failed).as("%s", results).hasSize(1);
		return failed.get(0);
	}

	@Test
	@BadInputEntry("MIG-980")
	void aMigrationThatFailsForwardEvenOnEmptyTables() {
		VersionResult result = failed(results(Engine.POSTGRES, "forward-fails"));

		assertSays(result.message(), "fails forward, so there is nothing to undo",
				"roundtrip/history/forward-fails/V2__shelf_copy.sql:2", "Fix the script");
		assertSays(result.message(), "null value in column \"created_on\"", "V2 (roundtrip/history/forward-fails",
				"every later version runs after it");
	}

	@Test
	@BadInputEntry("MIG-981")
	void anInsertSelectThatMariaDbRefusesInStrictMode() {
		VersionResult result = failed(results(Engine.MARIADB, "insert-select-default"));

		assertSays(result.message(), "Field 'created_on' doesn't have a default value",
				"roundtrip/history/insert-select-default/V2__shelf_copy.sql:2", "Fix the script");
		assertThat(result.message()).contains("fails forward, also without the rows dbparity generated");
	}

	@Test
	@BadInputEntry("MIG-982")
	void aMigrationThatPassesOnlyOnTheGeneratedRows() {
		List<VersionResult> results = results(Engine.POSTGRES, "passes-only-with-rows");

		VersionResult notReached = results.stream().filter(result -> result.name().equals("V4 shelf colour"))
			.findFirst().orElseThrow();
		assertThat(notReached.verdict()).isEqualTo(Verdict.SKIPPED);
		assertSays(notReached.message(), "fails forward on a database without the rows dbparity generated",
				"roundtrip/history/passes-only-with-rows/V2__shelf_total.sql:2",
				"Fix V2 (roundtrip/history/passes-only-with-rows/V2__shelf_total.sql)");
		assertThat(notReached.message()).contains("null value in column \"total\"");
	}

	@Test
	@BadInputEntry("MIG-921")
	void aForwardOnlyPrismaMigrationThatFailsForward() {
		MigrationSet set = MigrationSet.load("roundtrip/history/prisma-fails", RoundTripBadInputTests.class.getClassLoader(),
				Engine.POSTGRES);
		DatabaseContext context = new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
		List<VersionResult> results;
		try (RoundTrips roundTrips = RoundTrips.of(RealDatabases.server(Engine.POSTGRES), context,
				new RoundTripTimings()); Stream<VersionResult> run = roundTrips.run()) {
			results = run.toList();
		}

		assertThat(results).extracting(VersionResult::verdict).containsExactly(Verdict.SKIPPED, Verdict.FAILED,
				Verdict.SKIPPED);
		VersionResult result = failed(results);
		assertSays(result.message(), "is forward only, as every Prisma migration, so it has no undo to test, but its "
				+ "forward script fails", "roundtrip/history/prisma-fails/20230102120000_tag/migration.sql:5",
				"Fix the script: every later version runs after it");
		assertThat(result.message()).contains("relation \"Tag\" does not exist");
		assertThat(results.get(2).message()).startsWith("V20230103120000 was not checked: V20230102120000 "
				+ "(roundtrip/history/prisma-fails/20230102120000_tag/migration.sql) before it fails forward");
	}
}
