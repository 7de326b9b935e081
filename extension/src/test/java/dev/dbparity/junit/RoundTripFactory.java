package dev.dbparity.junit;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The one method a round-trip test class needs; test cases extend it and say which database with their annotation. */
abstract class RoundTripFactory {

	@TestFactory
	Stream<DynamicTest> migrationsRoundTrip(ParityDb db) {
		return db.migrationRoundTrips();
	}
}
