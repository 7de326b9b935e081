package dev.dbparity.samples;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.dbparity.junit.ParityDb;

/**
 * Every bookstore migration, V1 to V5, must be reversible on both engines: up, undo, up again leaves the schema as it
 * was at each step, and rows in the tables a migration does not change survive its undo. Each version is reported as
 * its own test, e.g. {@code V4 digital downloads}.
 */
@BookstoreDatabase
class MigrationRoundTripTests {

	@TestFactory
	Stream<DynamicTest> everyMigrationRoundTrips(ParityDb db) {
		return db.migrationRoundTrips();
	}
}
