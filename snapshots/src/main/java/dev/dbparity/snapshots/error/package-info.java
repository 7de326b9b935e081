/**
 * AssertJ error message factories for snapshots that do not match their baseline.
 */
package dev.dbparity.snapshots.error;
