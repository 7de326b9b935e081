package dev.dbparity.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;

/**
 * A migration declared irreversible runs forward in its round trip: "irreversible" means no undo to test. Run outside
 * JUnit's engine, as {@code dbparity roundtrip} runs it, because a test class's template would already fail on it.
 */
class MigrationRoundTripForwardTests {

	/** Each version's outcome, as the command line reports it. */
	private static Map<String, String> run(Engine engine, String folder) throws Throwable {
		return run(engine, folder, new LinkedHashMap<>());
	}

	private static Map<String, String> run(Engine engine, String folder, Map<String, String> notes) throws Throwable {
		RunningEngine server = RealDatabases.server(engine);
		MigrationSet set = MigrationSet.load(folder, MigrationRoundTripForwardTests.class.getClassLoader());
		DatabaseContext context = new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
		Map<String, String> outcomes = new LinkedHashMap<>();
		try (Stream<DynamicTest> tests = MigrationRoundTrip.dynamicTests(server, context, new RoundTripTimings(),
				notes::put)) {
			for (DynamicTest test : tests.toList()) {
				try {
					test.getExecutable().execute();
					outcomes.put(test.getDisplayName(), "passed");
				}
				catch (TestAbortedException e) {
					outcomes.put(test.getDisplayName(), "skipped: " + e.getMessage());
				}
				catch (AssertionError e) {
					outcomes.put(test.getDisplayName(), "failed: " + e.getMessage());
				}
			}
		}
		return outcomes;
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void anIrreversibleMigrationThatCannotRunFailsAtItsLineAndTheLaterVersionsSaySoWithoutRunning(Engine engine)
			throws Throwable {
		String file = "roundtrip/" + engine.id() + "/irreversible-broken/V2__drop_label.sql";

		Map<String, String> outcomes = run(engine, "roundtrip/" + engine.id() + "/irreversible-broken");

		assertThat(outcomes.keySet()).containsExactly("V1 shelves", "V2 drop label", "V3 shelf colour");
		assertThat(outcomes.get("V1 shelves")).isEqualTo("passed");
		assertThat(outcomes.get("V2 drop label"))
			.startsWith("failed: V2 (" + file + ") is declared irreversible, so it has no undo to test, but its forward "
					+ "script fails:\n")
			.contains("failed at " + file + ":3")
			.endsWith("Fix the script: every later version runs after it, on a database where it ran.");
		assertThat(outcomes.get("V3 shelf colour")).isEqualTo("skipped: V3 was not checked: V2 (" + file + ") before it "
				+ "fails forward, so no database reaches V3. Fix V2 (" + file + "), and V3 will be checked.");
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void anIrreversibleMigrationThatRunsIsSkippedWithItsReasonAndTheLaterVersionsRunAfterIt(Engine engine)
			throws Throwable {
		Map<String, String> outcomes = run(engine, "roundtrip/" + engine.id() + "/good");

		assertThat(outcomes.get("V4 drop legacy flag")).isEqualTo("skipped: V4 is irreversible (declared in roundtrip/"
				+ engine.id() + "/good/V4__drop_legacy_flag.sql): the in_print flags of old books are not kept anywhere; "
				+ "it ran forward, and there is no undo to test");
		assertThat(outcomes.get("V5 drop price")).isEqualTo("passed");
		assertThat(outcomes.get("V6 placeholder")).isEqualTo("passed");
	}

	@Test
	void anIrreversibleMigrationThatRefusesTheGeneratedRowsRunsAgainOnEmptyTablesAndTheLaterVersionsRun()
			throws Throwable {
		Map<String, String> notes = new LinkedHashMap<>();

		Map<String, String> outcomes = run(Engine.POSTGRES, "roundtrip/postgres/irreversible-rows", notes);

		assertThat(outcomes).containsExactly(Map.entry("V1 shelves", "passed"), Map.entry("V2 shelf note", "passed"),
				Map.entry("V3 shelf position", "skipped: V3 is irreversible (declared in roundtrip/postgres/"
						+ "irreversible-rows/V3__shelf_position.sql): production fills the position by hand before this "
						+ "runs; it ran forward, and there is no undo to test"),
				Map.entry("V4 shelf colour", "passed"));
		assertThat(notes.get("V3")).startsWith("it rejects the rows it was given, so it ran forward on empty tables: ")
			.contains("failed at roundtrip/postgres/irreversible-rows/V3__shelf_position.sql:2");
	}
}
