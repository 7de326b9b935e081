package dev.dbparity.snapshots.assertj;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code ParityAssertions} is the one entry point to dbparity's AssertJ assertions.
 *
 * @since 0.1
 */
public final class ParityAssertions {

	private ParityAssertions() {
	}

	public static SchemaSnapshotAssert assertThat(SchemaSnapshot actual) {
		return new SchemaSnapshotAssert(actual);
	}

	/** Starts checks of data statistics; see {@link StatisticsSnapshotAssert} for why the check is in {@code within}. */
	public static StatisticsSnapshotAssert assertThat(StatisticsSnapshot actual) {
		return new StatisticsSnapshotAssert(actual);
	}
}
