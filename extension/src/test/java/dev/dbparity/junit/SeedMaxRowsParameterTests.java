package dev.dbparity.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension reads {@value ParityDatabase#SEED_MAX_ROWS_PROPERTY_NAME} from the configuration parameters; what the
 * limit does to a seeded template is {@code SeedMaxRowsTests}' concern, in the runtime.
 */
class SeedMaxRowsParameterTests {

	static Optional<Throwable> failure(String maxRows) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(ShopTestCase.class))
			.configurationParameter(ParityDatabase.SEED_MAX_ROWS_PROPERTY_NAME, maxRows).execute().allEvents().failed()
			.stream().map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
			.flatMap(Optional::stream).findFirst();
	}

	@Test
	@DisplayName("a value that is not a whole number from 1 names the key and the allowed values")
	void invalidValue() {
		Assertions.assertThat(failure("-5")).get().extracting(SeedMaxRowsParameterTests::messages).asString()
			.contains("Invalid value '-5' for configuration parameter 'dbparity.seed.max-rows'")
			.contains("allowed values: a whole number from 1");
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
