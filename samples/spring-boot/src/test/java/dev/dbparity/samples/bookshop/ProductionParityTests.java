package dev.dbparity.samples.bookshop;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;

/**
 * Production is at V1 (its schema is the committed baseline); V2 is pending. The migrations, applied by the
 * application's own Flyway configuration, must rebuild production's schema, undo cleanly, and lint clean.
 */
@DataJpaTest
@ParityDatabase(baseline = "parity/baseline/production")
class ProductionParityTests {

	@Test
	void migrationsRebuildProductionsSchema(ParityDb db) {
		db.assertSchemaMatchesBaseline();
	}

	@TestFactory
	Stream<DynamicTest> everyMigrationRoundTrips(ParityDb db) {
		return db.migrationRoundTrips();
	}

	@Test
	void pendingMigrationsAreSafe(ParityDb db) {
		db.lintPendingMigrations().assertPasses();
	}
}
