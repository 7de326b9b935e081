package dev.dbparity.snapshots.assertj;

import dev.dbparity.snapshots.SchemaSnapshot;

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
}
