package dev.dbparity.junit.internal;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.roundtrips.RetrySafety;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.templates.DatabaseContext;

/**
 * {@code MigrationRetrySafety} turns the runtime's {@link RetrySafety} into dynamic tests, as {@link MigrationRoundTrip}
 * does the round trips: one per migration, in version order, named like {@code V3 indexes and checks}; a migration that
 * is not retry-safe is a failed test, one that no database reaches an aborted test with the reason.
 *
 * <p>Internal: may change in any minor release.
 */
public final class MigrationRetrySafety {

	private MigrationRetrySafety() {
	}

	/** One dynamic test per migration, adding the time spent to {@code timings}; notes of passed versions are printed. */
	public static Stream<DynamicTest> dynamicTests(RunningEngine engine, DatabaseContext context,
			RoundTripTimings timings) {
		if (context.migrations().isEmpty()) {
			throw new IllegalStateException("retrySafety() needs migrations: set @ParityDatabase(migrations = "
					+ "\"db/migration\").");
		}
		RetrySafety retrySafety = RetrySafety.of(engine, context, timings);
		// JUnit closes a test factory's stream once its tests ran; the last version also drops the databases itself.
		return retrySafety.versions()
			.map(version -> DynamicTest.dynamicTest(version.name(), () -> MigrationRoundTrip.report(version.run(),
					(label, note) -> System.out.println("dbparity: " + label + " retry safety passed, note: " + note))))
			.onClose(retrySafety::close);
	}
}
