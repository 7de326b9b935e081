/**
 * AssertJ error message factories for snapshots that do not match their baseline.
 *
 * <p>Status: Internal. May depend on: AssertJ.
 */
package dev.dbparity.snapshots.error;
