package dev.dbparity.junit.internal;

import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.roundtrips.RoundTrips;
import dev.dbparity.roundtrips.VersionResult;
import dev.dbparity.templates.DatabaseContext;

/**
 * {@code MigrationRoundTrip} turns the runtime's {@link RoundTrips} into dynamic tests: one per migration, in version
 * order, each running its version's round trip when JUnit executes it. A failed version is a failed test, a skipped one
 * (declared irreversible, or not reachable) an aborted test with the reason.
 *
 * <p>Internal: may change in any minor release.
 */
public final class MigrationRoundTrip {

	private MigrationRoundTrip() {
	}

	/** One dynamic test per migration, in version order, named like {@code V3 indexes and checks}. */
	public static Stream<DynamicTest> dynamicTests(RunningEngine engine, DatabaseContext context) {
		return dynamicTests(engine, context, new RoundTripTimings());
	}

	/**
	 * As {@link #dynamicTests(RunningEngine, DatabaseContext)}, adding the time spent to {@code timings}; the notes of
	 * a version that passes with notes are printed.
	 */
	public static Stream<DynamicTest> dynamicTests(RunningEngine engine, DatabaseContext context,
			RoundTripTimings timings) {
		return dynamicTests(engine, context, timings,
				(label, note) -> System.out.println("dbparity: " + label + " round trip passed, note: " + note));
	}

	/**
	 * As {@link #dynamicTests(RunningEngine, DatabaseContext, RoundTripTimings)}, telling each note of a version that
	 * passes or is skipped to {@code notes} with the version's label ({@code V3}); a failed version's notes are in its
	 * failure's message.
	 */
	public static Stream<DynamicTest> dynamicTests(RunningEngine engine, DatabaseContext context,
			RoundTripTimings timings, BiConsumer<String, String> notes) {
		if (context.migrations().isEmpty()) {
			throw new IllegalStateException("migrationRoundTrips() needs migrations: set @ParityDatabase(migrations = "
					+ "\"db/migration\").");
		}
		RoundTrips roundTrips = RoundTrips.of(engine, context, timings);
		// JUnit closes a test factory's stream once its tests ran; the last version also drops the databases itself.
		return roundTrips.versions()
			.map(version -> DynamicTest.dynamicTest(version.name(), () -> report(version.run(), notes)))
			.onClose(roundTrips::close);
	}

	/** A version's result as a test's outcome; retry-safety tests ({@link MigrationRetrySafety}) report the same way. */
	static void report(VersionResult result, BiConsumer<String, String> notes) {
		switch (result.verdict()) {
			case PASSED -> result.notes().forEach(note -> notes.accept("V" + result.version(), note));
			case SKIPPED -> {
				result.notes().forEach(note -> notes.accept("V" + result.version(), note));
				throw new TestAbortedException(result.message());
			}
			case FAILED -> throw new AssertionError(result.message(), result.cause().orElse(null));
		}
	}
}
