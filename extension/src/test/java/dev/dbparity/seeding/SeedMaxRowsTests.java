package dev.dbparity.seeding;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;

/** {@value ParityDatabase#SEED_MAX_ROWS_PROPERTY_NAME} replaces the rules' row limits for seeded templates. */
class SeedMaxRowsTests {

	static Optional<Throwable> failure(String maxRows) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(ShopTestCase.class))
			.configurationParameter(ParityDatabase.SEED_MAX_ROWS_PROPERTY_NAME, maxRows).execute().allEvents().failed()
			.stream().map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
			.flatMap(Optional::stream).findFirst();
	}

	@Test
	@DisplayName("a limit below the shop's rows refuses the seed with the estimate and the key that raises it")
	void theKeyLowersTheLimit() {
		Assertions.assertThat(failure("30")).get().extracting(SeedMaxRowsTests::messages).asString()
			.contains("customers: about 40 rows (rows: 40) are above the limit of 30 rows per table")
			.contains("dbparity.seed.max-rows=40");
	}

	@Test
	@DisplayName("a value that is not a whole number from 1 names the key and the allowed values")
	void invalidValue() {
		Assertions.assertThat(failure("-5")).get().extracting(SeedMaxRowsTests::messages).asString()
			.contains("Invalid value '-5' for configuration parameter 'dbparity.seed.max-rows'")
			.contains("allowed values: a whole number from 1");
	}

	@Test
	@DisplayName("a limit above the shop's rows seeds it")
	void theKeyAllowsTheSeed() {
		Assertions.assertThat(failure("1000")).isEmpty();
	}

	static String messages(Throwable thrown) {
		StringBuilder out = new StringBuilder();
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			out.append(t.getMessage()).append('\n');
		}
		return out.toString();
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "seeding/shop-postgres", seed = "seeding/shop/seed.yaml")
	static class ShopTestCase {

		@Test
		void seeded() {
			// The template is seeded before the test runs; a refused seed fails it.
		}
	}
}
