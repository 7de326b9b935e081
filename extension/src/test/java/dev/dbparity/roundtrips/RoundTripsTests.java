package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;

/**
 * The round trips as results, without JUnit's engine: each version's verdict, message, notes and cause, in version
 * order, each checked when its result is asked for. The dynamic tests built from them: MigrationRoundTripTests.
 */
class RoundTripsTests {

	private static DatabaseContext context(String folder) {
		MigrationSet set = MigrationSet.load(folder, RoundTripsTests.class.getClassLoader());
		return new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
	}

	private static Map<String, VersionResult> results(RunningEngine engine, String folder) {
		try (RoundTrips roundTrips = RoundTrips.of(engine, context(folder), new RoundTripTimings());
				Stream<VersionResult> results = roundTrips.run()) {
			return results.collect(Collectors.toMap(VersionResult::name, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new));
		}
	}

	@Test
	void eachVersionHasItsVerdictAndAFailedOneDoesNotStopTheLaterOnes() {
		Map<String, VersionResult> results = results(RealDatabases.server(Engine.POSTGRES), "roundtrip/postgres/broken");

		assertThat(results.keySet()).containsExactly("V1 authors and books", "V2 title index", "V3 author country",
				"V4 audit", "V5 audit actor", "V6 shelves");
		assertThat(results.values()).extracting(VersionResult::verdict).containsExactly(Verdict.PASSED, Verdict.FAILED,
				Verdict.FAILED, Verdict.FAILED, Verdict.FAILED, Verdict.FAILED);
		assertThat(results.get("V1 authors and books").message()).isEmpty();
		VersionResult dataLost = results.get("V3 author country");
		assertThat(dataLost.message()).isEqualTo("V3 (roundtrip/postgres/broken/V3__author_country.sql) does not "
				+ "round-trip: 1 finding\n‣ public.book changed content (3 rows before V3, 0 after its undo; content hash "
				+ "differs), although the migration does not change its schema");
		assertThat(dataLost.cause()).as("findings, not an exception").isEmpty();
		VersionResult headerTypo = results.get("V5 audit actor");
		assertThat(headerTypo.message()).startsWith("roundtrip/postgres/broken/V5__audit_actor.sql:2: unknown directive "
				+ "'dbparity:irreversable'");
		assertThat(headerTypo.cause()).containsInstanceOf(MigrationException.class);
		VersionResult undoFails = results.get("V6 shelves");
		assertThat(undoFails.message()).startsWith("V6 round trip: its undo script failed.\n")
			.contains("failed at roundtrip/postgres/broken/U6__shelves.sql:2");
		assertThat(undoFails.cause()).containsInstanceOf(MigrationException.class);
	}

	@Test
	void aDeclaredIrreversibleVersionIsSkippedWithItsReasonAndNotesComeWithTheirVersion() {
		Map<String, VersionResult> results = results(RealDatabases.server(Engine.POSTGRES), "roundtrip/postgres/good");

		VersionResult irreversible = results.get("V4 drop legacy flag");
		assertThat(irreversible.verdict()).isEqualTo(Verdict.SKIPPED);
		assertThat(irreversible.message()).isEqualTo("V4 is irreversible (declared in roundtrip/postgres/good/"
				+ "V4__drop_legacy_flag.sql): the in_print flags of old books are not kept anywhere; it ran forward, and "
				+ "there is no undo to test");
		VersionResult columnAddedBack = results.get("V5 drop price");
		assertThat(columnAddedBack.verdict()).isEqualTo(Verdict.PASSED);
		assertThat(columnAddedBack.notes()).singleElement().asString()
			.startsWith("accepted: after the undo the column order differs");
		VersionResult placeholder = results.get("V6 placeholder");
		assertThat(placeholder.verdict()).isEqualTo(Verdict.PASSED);
		assertThat(placeholder.notes())
			.containsExactly("it changes neither the schema nor a row, so it needs no undo script");
	}

	@Test
	void theVersionsAfterOneThatFailsForwardAreSkippedSayingWhy() {
		String file = "roundtrip/postgres/irreversible-broken/V2__drop_label.sql";

		Map<String, VersionResult> results = results(RealDatabases.server(Engine.POSTGRES),
				"roundtrip/postgres/irreversible-broken");

		assertThat(results.get("V2 drop label").verdict()).isEqualTo(Verdict.FAILED);
		assertThat(results.get("V2 drop label").cause()).containsInstanceOf(MigrationException.class);
		assertThat(results.get("V3 shelf colour").verdict()).isEqualTo(Verdict.SKIPPED);
		assertThat(results.get("V3 shelf colour").message()).isEqualTo("V3 was not checked: V2 (" + file + ") before "
				+ "it fails forward, so no database reaches V3. Fix V2 (" + file + "), and V3 will be checked.");
	}

	@Test
	void aVersionIsCheckedOnlyWhenAskedForAndClosingDropsTheDatabases() {
		RecordingEngine engine = new RecordingEngine(RealDatabases.server(Engine.POSTGRES));
		List<String> checked = new ArrayList<>();

		try (RoundTrips roundTrips = RoundTrips.of(engine, context("roundtrip/postgres/broken"),
				new RoundTripTimings())) {
			List<RoundTrips.Pending> versions = roundTrips.versions().toList();
			assertThat(engine.created).as("named, not yet run").isEmpty();
			assertThat(versions).extracting(RoundTrips.Pending::name).startsWith("V1 authors and books",
					"V2 title index");

			checked.add(versions.get(0).run().name());
			checked.add(versions.get(1).run().name());
			assertThat(engine.created).isNotEmpty();
		}

		assertThat(checked).containsExactly("V1 authors and books", "V2 title index");
		assertThat(engine.dropped).containsExactlyInAnyOrderElementsOf(engine.created);
	}
}
