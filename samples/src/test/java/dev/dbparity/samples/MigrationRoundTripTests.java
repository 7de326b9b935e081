package dev.dbparity.samples;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDatabases;
import dev.dbparity.junit.ParityDb;

/**
 * Every bookstore migration, V1 to V5, must be reversible on both engines: up, undo, up again leaves the schema as it
 * was at each step, and rows in the tables a migration does not change survive its undo. The rows are the seed rules'
 * ({@code parity/seed.yaml}), restricted at each version to the tables that exist then ({@code review} declares
 * {@code since: 5}). Each version is reported as its own test, e.g. {@code V4 digital downloads}.
 */
@ParityDatabases({
		@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/migration/{engine}", seed = "parity/seed.yaml"),
		@ParityDatabase(engine = Engine.MARIADB, migrations = "db/migration/{engine}", seed = "parity/seed.yaml") })
class MigrationRoundTripTests {

	@TestFactory
	Stream<DynamicTest> everyMigrationRoundTrips(ParityDb db) {
		return db.migrationRoundTrips();
	}
}
