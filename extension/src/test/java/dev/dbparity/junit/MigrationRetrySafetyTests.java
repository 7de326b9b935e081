package dev.dbparity.junit;

import static dev.dbparity.junit.ParityTestKit.executeTestClass;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code ParityDb.retrySafety()}: one reported test per migration, as the round trips give. */
class MigrationRetrySafetyTests {

	@Test
	@DisplayName("then each MariaDB migration is its own test, and the one that adds a column without IF NOT EXISTS fails at file:line")
	void oneTestPerMigration() {
		EngineExecutionResults results = executeTestClass(UnsafeTestCase.class);

		Map<String, String> outcomes = MigrationRoundTripTests.outcomes(results);
		assertThat(outcomes.keySet()).containsExactly("V1 books", "V2 isbn", "V3 genres");
		assertThat(outcomes.get("V1 books")).isEqualTo("SUCCESSFUL");
		assertThat(outcomes.get("V2 isbn")).startsWith("FAILED: V2 (retry/mariadb/unsafe/V2__isbn.sql) is not "
				+ "retry-safe: 1 interruption point fails\n‣ interrupted after statement 1 of 2 "
				+ "(retry/mariadb/unsafe/V2__isbn.sql:2), the retry fails: at retry/mariadb/unsafe/V2__isbn.sql:2: "
				+ "Duplicate column name 'isbn'");
	}

	@Test
	@DisplayName("then a header allowing DP307 turns a migration that is not retry-safe into a pass with the findings as a note")
	void allowedByItsHeader() {
		EngineExecutionResults results = executeTestClass(AllowedTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "retry/mariadb/unsafe")
	static class UnsafeTestCase {

		@TestFactory
		Stream<DynamicTest> migrationsAreRetrySafe(ParityDb db) {
			return db.retrySafety();
		}
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "retry/mariadb/allowed")
	static class AllowedTestCase {

		@TestFactory
		Stream<DynamicTest> migrationsAreRetrySafe(ParityDb db) {
			return db.retrySafety();
		}
	}
}
