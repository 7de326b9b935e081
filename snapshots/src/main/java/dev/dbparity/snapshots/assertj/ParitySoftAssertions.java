package dev.dbparity.snapshots.assertj;

import org.assertj.core.api.AbstractSoftAssertions;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code ParitySoftAssertions} collects schema mismatches instead of stopping at the first, like AssertJ's
 * {@code SoftAssertions}; use {@code assertAll()} or AssertJ's JUnit 5 {@code SoftAssertionsExtension}.
 *
 * @since 0.1
 */
public class ParitySoftAssertions extends AbstractSoftAssertions {

	public SchemaSnapshotAssert assertThat(SchemaSnapshot actual) {
		return proxy(SchemaSnapshotAssert.class, SchemaSnapshot.class, actual);
	}
}
