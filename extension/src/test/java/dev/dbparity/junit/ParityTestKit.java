package dev.dbparity.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code ParityTestKit} runs a test case class through the Jupiter engine, as a user's build would. */
final class ParityTestKit {

	private ParityTestKit() {
	}

	static EngineExecutionResults executeTestClass(Class<?> testClass) {
		return executeTestClassWithConfigurationParameters(testClass, Map.of());
	}

	static EngineExecutionResults executeTestClassWithConfigurationParameters(Class<?> testClass,
			Map<String, String> configurationParameters) {
		return EngineTestKit.engine("junit-jupiter")
			.configurationParameter("dbparity.report", "false")
			// Test cases run sequentially inside the kit; our own suite runs the kit's callers in parallel.
			.configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
			.configurationParameters(configurationParameters)
			.selectors(selectClass(testClass))
			.execute();
	}
}
