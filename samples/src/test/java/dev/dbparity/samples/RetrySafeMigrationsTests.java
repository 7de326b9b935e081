package dev.dbparity.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;

/**
 * What a migration that cannot simply be run again looks like to dbparity. {@code db/retry/mariadb} is the bookstore on
 * MariaDB with a V6 that adds a column without {@code IF NOT EXISTS} and then builds an index: if the index build
 * fails in production, MariaDB has already committed the column, and the retry every migration tool makes stops at
 * the column. {@code db.retrySafety()}, run here through JUnit's EngineTestKit, interrupts each script after each of
 * its statements on a copy of the database before it and runs it again whole — and finds that the bookstore's own
 * migrations, which create several tables without {@code IF NOT EXISTS}, are not retry-safe either.
 */
class RetrySafeMigrationsTests {

	@Test
	void retrySafetyNamesTheInterruptionAndTheStatementThatFailsOnRetry() {
		Map<String, String> outcomes = new LinkedHashMap<>();
		EngineTestKit.engine("junit-jupiter").selectors(selectClass(RetriedBookstore.class))
			.configurationParameter(ParityDatabase.REPORT_PROPERTY_NAME, "false").execute()
			.testEvents().finished().stream()
			.forEach(event -> outcomes.put(event.getTestDescriptor().getDisplayName(), outcome(event)));

		assertThat(outcomes.keySet()).containsExactly("V1 authors and books", "V2 customers and orders",
				"V3 indexes and checks", "V4 digital downloads", "V5 reviews", "V6 customer newsletter");
		assertThat(outcomes.get("V4 digital downloads")).as("one statement, nothing to interrupt")
			.isEqualTo("SUCCESSFUL");
		assertThat(outcomes.get("V1 authors and books")).as("two CREATE TABLEs without IF NOT EXISTS")
			.startsWith("FAILED: V1 (db/retry/mariadb/V1__authors_and_books.sql) is not retry-safe");
		assertThat(outcomes.get("V6 customer newsletter")).startsWith(
				"FAILED: V6 (db/retry/mariadb/V6__customer_newsletter.sql) is not retry-safe: 1 interruption point "
						+ "fails\n‣ interrupted after statement 1 of 2 (db/retry/mariadb/V6__customer_newsletter.sql:4), "
						+ "the retry fails: at db/retry/mariadb/V6__customer_newsletter.sql:4: Duplicate column name "
						+ "'newsletter'")
			.contains("MariaDB commits DDL implicitly", "Fix: make each statement safe to run again (ADD COLUMN IF "
					+ "NOT EXISTS, CREATE TABLE/INDEX IF NOT EXISTS");
	}

	private static String outcome(Event event) {
		TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
		return result.getStatus() + result.getThrowable().map(error -> ": " + error.getMessage()).orElse("");
	}

	/** Run by the test above only: the build leaves the tag out, as the failures are the point. */
	@Tag("run-by-test-kit")
	@ParityDatabase(engine = Engine.MARIADB, migrations = "db/retry/mariadb")
	static class RetriedBookstore {

		@TestFactory
		Stream<DynamicTest> everyMigrationIsRetrySafe(ParityDb db) {
			return db.retrySafety();
		}
	}
}
