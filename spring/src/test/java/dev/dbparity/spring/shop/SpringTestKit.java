package dev.dbparity.spring.shop;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Map;

import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code SpringTestKit} runs test case classes in one launch through the Jupiter engine, as a user's build would. */
final class SpringTestKit {

	private SpringTestKit() {
	}

	/** Runs {@code testClasses}, printing the failures, if any, for the reader of a failed assertion on them. */
	static EngineExecutionResults execute(Class<?>... testClasses) {
		return execute(Map.of(), testClasses);
	}

	static EngineExecutionResults execute(Map<String, String> configurationParameters, Class<?>... testClasses) {
		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
			.configurationParameter("dbparity.report", "false")
			.configurationParameters(configurationParameters)
			.selectors(Arrays.stream(testClasses).map(type -> selectClass(type)).toArray(ClassSelector[]::new))
			.execute();
		if (results.allEvents().failed().count() > 0) {
			results.allEvents().failed().debug(System.err);
		}
		return results;
	}
}
