package dev.dbparity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Schema parity through the extension, as users write it. */
class SchemaBaselineTests {

	@Test
	@DisplayName("classes sharing a template each compare with their own baseline")
	void eachClassItsOwnBaseline() {
		var results = EngineTestKit.engine("junit-jupiter")
			.configurationParameter("dbparity.report", "false")
			.configurationParameters(Map.of("junit.jupiter.execution.parallel.enabled", "false"))
			.selectors(selectClass(MatchesProductionTestCase.class), selectClass(DriftedTestCase.class),
					selectClass(SharedMatchesProductionTestCase.class), selectClass(SharedDriftedTestCase.class))
			.execute();

		results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
	}

	@Test
	@DisplayName("a class without a baseline is told how to give one")
	void noBaseline() {
		var results = ParityTestKit.executeTestClass(NoBaselineTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.succeeded(1));
	}

	@ParityDatabase(migrations = "db/shelf", baseline = "parity/shelf/production")
	static class MatchesProductionTestCase {

		@Test
		void matches(ParityDb db) {
			db.assertSchemaMatchesBaseline();
		}
	}

	@ParityDatabase(migrations = "db/shelf", baseline = "parity/shelf/drifted")
	static class DriftedTestCase {

		@Test
		void drifted(ParityDb db) {
			assertThatThrownBy(db::assertSchemaMatchesBaseline)
				.isInstanceOf(AssertionError.class)
				.hasMessageContaining("public.shelf_item.indexes.btree (title)");
		}
	}

	@ParityDatabase(migrations = "db/shelf", baseline = "parity/shelf/production", isolation = Isolation.SHARED)
	static class SharedMatchesProductionTestCase {

		@Test
		void matches(ParityDb db) {
			db.assertSchemaMatchesBaseline();
		}
	}

	@ParityDatabase(migrations = "db/shelf", baseline = "parity/shelf/drifted", isolation = Isolation.SHARED)
	static class SharedDriftedTestCase {

		@Test
		void drifted(ParityDb db) {
			assertThatThrownBy(db::assertSchemaMatchesBaseline).isInstanceOf(AssertionError.class);
		}
	}

	@ParityDatabase(migrations = "db/shelf")
	static class NoBaselineTestCase {

		@Test
		void asks(ParityDb db) {
			assertThatThrownBy(db::assertSchemaMatchesBaseline)
				.isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
				.hasMessage("assertSchemaMatchesBaseline() needs a baseline: set @ParityDatabase(baseline = "
						+ "\"parity/baseline/production\") or the configuration parameter dbparity.baseline.");
			assertThat(db.schemaSnapshot().engine()).isEqualTo("postgres");
		}
	}
}
