/**
 * AssertJ assertions on schema and statistics snapshots: {@code ParityAssertions}, soft assertions and their
 * asserts.
 */
package dev.dbparity.snapshots.assertj;
