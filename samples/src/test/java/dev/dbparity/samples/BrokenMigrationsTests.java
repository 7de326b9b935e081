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
import dev.dbparity.lint.LintReport;
import dev.dbparity.snapshots.diff.Category;

/**
 * What a broken migration set looks like to dbparity. {@code db/broken/postgres} is the bookstore with an undo that
 * forgets an index (U3), an undo that wipes a column of a table its migration does not change (U4), and a NOT NULL
 * column added without a default (V5). The round trips, run here through JUnit's EngineTestKit, report exactly the
 * first two; V5's round trip passes on empty tables, and the lint of the migrations pending against production (V4)
 * fails it as {@code INCOMPATIBLE}.
 */
@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/broken/postgres", baseline = "parity/baseline/production")
class BrokenMigrationsTests {

	@Test
	void theRoundTripsReportWhatEachUndoGotWrong() {
		Map<String, String> outcomes = new LinkedHashMap<>();
		// The inner run's own report would only repeat, in the middle of this run's output, what the outcomes say.
		EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenBookstore.class))
			.configurationParameter(ParityDatabase.REPORT_PROPERTY_NAME, "false").execute()
			.testEvents().finished().stream()
			.forEach(event -> outcomes.put(event.getTestDescriptor().getDisplayName(), outcome(event)));

		assertThat(outcomes.keySet()).containsExactly("V1 authors and books", "V2 customers and orders",
				"V3 indexes and checks", "V4 digital downloads", "V5 loyalty tier");
		assertThat(outcomes.get("V1 authors and books")).isEqualTo("SUCCESSFUL");
		assertThat(outcomes.get("V3 indexes and checks")).as("an undo that forgets an index")
			.startsWith("FAILED: V3 (db/broken/postgres/V3__indexes_and_checks.sql) does not round-trip: 2 findings\n"
					+ "‣ after up and undo, Expecting the schema of the database to match the schema before V3, but "
					+ "found 1 difference:\n"
					+ "  PERFORMANCE 1\n"
					+ "  PERFORMANCE    added    public.book.indexes.btree (author_id): (absent) → ")
			.contains("‣ up again after the undo failed: ", "failed at db/broken/postgres/V3__indexes_and_checks.sql:1");
		assertThat(outcomes.get("V4 digital downloads")).as("an undo that wipes data").isEqualTo(
				"FAILED: V4 (db/broken/postgres/V4__digital_downloads.sql) does not round-trip: 1 finding\n"
						+ "‣ public.author changed content (3 rows before V4, 3 after its undo; content hash differs), "
						+ "although the migration does not change its schema");
		assertThat(outcomes.get("V5 loyalty tier")).as("checked on empty tables, since no existing row can take it")
			.isEqualTo("SUCCESSFUL");
	}

	@Test
	void theLintFailsTheNotNullColumnWithoutADefault(ParityDb db) {
		LintReport lint = db.lintPendingMigrations();

		assertThat(lint.migration("5").orElseThrow().classification()).hasValue(Category.INCOMPATIBLE);
		assertThat(lint.migration("5").orElseThrow().violations()).singleElement().asString()
			.startsWith("INCOMPATIBLE public.customer.columns.loyalty_tier (not allowed by a '-- dbparity:allow "
					+ "INCOMPATIBLE <reason>' header)");
		assertThat(lint.passes()).isFalse();
	}

	private static String outcome(Event event) {
		TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
		return result.getStatus() + result.getThrowable().map(error -> ": " + error.getMessage()).orElse("");
	}

	/** Run by the test above only: the build leaves the tag out, as the failures are the point. */
	@Tag("run-by-test-kit")
	@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/broken/postgres")
	static class BrokenBookstore {

		@TestFactory
		Stream<DynamicTest> everyMigrationRoundTrips(ParityDb db) {
			return db.migrationRoundTrips();
		}
	}
}
