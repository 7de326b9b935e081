package dev.dbparity.junit;

import static dev.dbparity.junit.ParityTestKit.executeTestClass;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class MigrationRoundTripTests {

	/** The dynamic tests' display names with their outcome's message, in execution order. */
	static Map<String, String> outcomes(EngineExecutionResults results) {
		return results.testEvents().finished().stream().collect(Collectors.toMap(
				event -> event.getTestDescriptor().getDisplayName(), MigrationRoundTripTests::message,
				(first, second) -> first + "\n---\n" + second, java.util.LinkedHashMap::new));
	}

	private static String message(Event event) {
		TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
		return result.getStatus() + result.getThrowable().map(error -> ": " + error.getMessage()).orElse("");
	}

	@Nested
	@DisplayName("when a migration set's undo scripts restore the schema")
	class Good {

		@Test
		@DisplayName("then each version is its own passing test on PostgreSQL and MariaDB, a declared irreversible one is aborted with its reason, a column added back at the end passes, and so does a migration without undo that changes nothing")
		void roundTripsGreen() {
			EngineExecutionResults results = executeTestClass(GoodTestCase.class);

			assertThat(results.testEvents().failed().stream().map(MigrationRoundTripTests::message)).isEmpty();
			results.testEvents().assertStatistics(stats -> stats.started(12).succeeded(10).aborted(2).failed(0));
			List<String> names = results.testEvents().started().stream()
				.map(event -> event.getTestDescriptor().getDisplayName()).toList();
			assertThat(names).containsExactly("V1 authors and books", "V2 reviews", "V3 indexes and checks",
					"V4 drop legacy flag", "V5 drop price", "V6 placeholder", "V1 authors and books", "V2 reviews",
					"V3 indexes and checks", "V4 drop legacy flag", "V5 drop price", "V6 placeholder");
			assertThat(results.testEvents().aborted().stream().map(MigrationRoundTripTests::message))
				.containsOnly("ABORTED: V4 is irreversible (declared in roundtrip/postgres/good/V4__drop_legacy_flag.sql): "
						+ "the in_print flags of old books are not kept anywhere; it ran forward, and there is no "
						+ "undo to test",
						"ABORTED: V4 is irreversible (declared in roundtrip/mariadb/good/V4__drop_legacy_flag.sql): "
								+ "the in_print flags of old books are not kept anywhere; it ran forward, and there "
								+ "is no undo to test");
		}
	}

	@ParityDatabases({
			@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/{engine}/good"),
			@ParityDatabase(engine = Engine.MARIADB, migrations = "roundtrip/{engine}/good") })
	static class GoodTestCase extends RoundTripFactory {
	}

	@Nested
	@DisplayName("when a migration declared irreversible cannot run forward")
	class IrreversibleBroken {

		@Test
		@DisplayName("then the class fails on PostgreSQL and MariaDB before any round trip, at the script's file:line (the command line's round trips: MigrationRoundTripForwardTests)")
		void failsForward() {
			EngineExecutionResults results = executeTestClass(IrreversibleBrokenTestCase.class);

			results.testEvents().assertStatistics(stats -> stats.started(0));
			List<String> failures = results.containerEvents().failed().stream().map(MigrationRoundTripTests::message)
				.toList();
			assertThat(failures).hasSize(2);
			for (String engine : new String[] { "postgres", "mariadb" }) {
				assertThat(failures).anySatisfy(failure -> assertThat(failure).contains("migration 2 (drop label) failed at "
						+ "roundtrip/" + engine + "/irreversible-broken/V2__drop_label.sql:3"));
			}
		}
	}

	@ParityDatabases({
			@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/{engine}/irreversible-broken"),
			@ParityDatabase(engine = Engine.MARIADB, migrations = "roundtrip/{engine}/irreversible-broken") })
	static class IrreversibleBrokenTestCase extends RoundTripFactory {
	}

	@Nested
	@DisplayName("when undo scripts are broken")
	class Broken {

		@Test
		@DisplayName("then each version's test reports exactly what its undo got wrong")
		void reportsFindings() {
			Map<String, String> outcomes = outcomes(executeTestClass(BrokenTestCase.class));

			assertThat(outcomes.keySet()).containsExactly("V1 authors and books", "V2 title index",
					"V3 author country", "V4 audit", "V5 audit actor", "V6 shelves");
			assertThat(outcomes.get("V1 authors and books")).isEqualTo("SUCCESSFUL");
			assertThat(outcomes.get("V2 title index")).as("an undo that forgets an index")
				.startsWith("FAILED: V2 (roundtrip/postgres/broken/V2__title_index.sql) does not round-trip: 2 findings\n"
						+ "‣ after up and undo, Expecting the schema of the database to match the schema before V2, "
						+ "but found 1 difference:\n"
						+ "  PERFORMANCE 1\n"
						+ "  PERFORMANCE    added    public.book.indexes.btree (title): (absent) → "
						+ "{\"columns\":[\"title\"],\"method\":\"btree\",\"name\":\"book_title_idx\",\"unique\":false}\n"
						+ "‣ up again after the undo failed: ")
				.contains("failed at roundtrip/postgres/broken/V2__title_index.sql:2");
			assertThat(outcomes.get("V3 author country")).as("an undo that drops data").isEqualTo(
					"FAILED: V3 (roundtrip/postgres/broken/V3__author_country.sql) does not round-trip: 1 finding\n"
							+ "‣ public.book changed content (3 rows before V3, 0 after its undo; content hash differs), "
							+ "although the migration does not change its schema");
			assertThat(outcomes.get("V4 audit")).as("a missing undo without the irreversible header").isEqualTo(
					"FAILED: V4 (roundtrip/postgres/broken/V4__audit.sql) is irreversible: it has no undo script. Add "
							+ "U4__audit.sql beside it with the statements that reverse it, or declare in its header "
							+ "'-- dbparity:irreversible <reason>'.");
			assertThat(outcomes.get("V5 audit actor")).as("a header typo").isEqualTo(
					"FAILED: roundtrip/postgres/broken/V5__audit_actor.sql:2: unknown directive 'dbparity:irreversable' "
							+ "(did you mean 'dbparity:irreversible'?); "
							+ "known directives: '-- dbparity:irreversible <reason>' and '-- dbparity:allow <CATEGORY or "
							+ "CODE> <reason>' with CATEGORY one of DESTRUCTIVE, INCOMPATIBLE, INTEGRITY, PERFORMANCE, "
							+ "SECURITY, CONFIGURATION, ADDITIVE, NAMING, COLUMN_ORDER and CODE a lint rule code such as "
							+ "DP302 (listed in README's lint section). Fix the spelling, or write the comment without "
							+ "'dbparity:'.");
			assertThat(outcomes.get("V6 shelves")).as("an undo failing halfway")
				.startsWith("FAILED: V6 round trip: its undo script failed.\n")
				.contains("undo of migration 6 (shelves) failed at roundtrip/postgres/broken/U6__shelves.sql:2\n"
						+ "  statement: DROP TABLE shelves\n")
				.endsWith("The database is as it was after V6 (the undo ran in one transaction).");
		}
	}

	@Nested
	@DisplayName("when the database has seed rules")
	class Seeded {

		@Test
		@DisplayName("then the rows before each up are the rules', restricted to the tables that exist at that version")
		void rowsComeFromTheRules() {
			Map<String, String> outcomes = outcomes(executeTestClass(BrokenSeededTestCase.class));

			assertThat(outcomes.get("V1 authors and books")).isEqualTo("SUCCESSFUL");
			assertThat(outcomes.get("V3 author country")).as("4 authors with 2 books each, from the rules").isEqualTo(
					"FAILED: V3 (roundtrip/postgres/broken/V3__author_country.sql) does not round-trip: 1 finding\n"
							+ "‣ public.book changed content (8 rows before V3, 0 after its undo; content hash differs), "
							+ "although the migration does not change its schema");
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/postgres/broken", seed = "roundtrip/seed/broken.yaml")
	static class BrokenSeededTestCase extends BrokenTestCase {
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/postgres/broken")
	static class BrokenTestCase extends RoundTripFactory {
	}

	@Nested
	@DisplayName("when the migrations are a golang-migrate or goose folder")
	class OtherFormats {

		@Test
		@DisplayName("then every up and down pair round-trips, a PL/pgSQL function and indexes included")
		void golangMigrateRoundTrips() {
			EngineExecutionResults results = executeTestClass(GolangMigrateTestCase.class);

			results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
			assertThat(outcomes(results).keySet()).containsExactly("V1 create authors", "V2 create books",
					"V3 touch books", "V4 author name index");
		}

		@Test
		@DisplayName("then a failing statement of a down section is reported at its line in the file")
		void gooseDownSectionFailsAtItsLine() {
			Map<String, String> outcomes = outcomes(executeTestClass(GooseTestCase.class));

			assertThat(outcomes.get("V1 shelves")).isEqualTo("SUCCESSFUL");
			assertThat(outcomes.get("V2 shelf position")).startsWith("FAILED: V2 round trip: its undo script failed.\n")
				.contains("undo of migration 2 (shelf position) failed at roundtrip/postgres/goose/00002_shelf_position.sql:6\n"
						+ "  statement: ALTER TABLE shelf DROP COLUMN postion\n");
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/postgres/golang-migrate")
	static class GolangMigrateTestCase extends RoundTripFactory {
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/postgres/goose")
	static class GooseTestCase extends RoundTripFactory {
	}

	@Nested
	@DisplayName("when a migration declares data loss or rejects the generated rows")
	class Declared {

		@Test
		@DisplayName("then lost rows are accepted and a migration refusing the rows is checked on empty tables")
		void passes() {
			EngineExecutionResults results = executeTestClass(DeclaredTestCase.class);

			results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/postgres/declared")
	static class DeclaredTestCase extends RoundTripFactory {
	}
}
