/**
 * AssertJ assertions on schema and statistics snapshots: {@code ParityAssertions}, soft assertions and their
 * asserts.
 *
 * <p>Status: API. May depend on: AssertJ and the other snapshots packages.
 */
package dev.dbparity.snapshots.assertj;
