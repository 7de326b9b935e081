package dev.dbparity.junit;

import static dev.dbparity.junit.ParityTestKit.executeTestClassWithConfigurationParameters;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("when a migration folder numbered 1, 2, 3, … has a gap")
class MigrationGapsTests {

	@Test
	@DisplayName("then dbparity.migrations.gaps=fail stops the class naming both files and how to allow it")
	void failNamesTheGap() {
		EngineExecutionResults results = executeTestClassWithConfigurationParameters(GapTestCase.class,
				Map.of("dbparity.migrations.gaps", "fail"));

		assertThat(results.containerEvents().failed().stream()
			.map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
			.containsExactly("db/gap skips from version 2 (db/gap/V2__b.sql) to 4 (db/gap/V4__d.sql): version 3 is "
					+ "missing. Restore the missing migration (production may have run it), or, if the gap is intended, "
					+ "set dbparity.migrations.gaps=allow.");
	}

	@Test
	@DisplayName("then by default, or with allow, the tests run")
	void warnAndAllowRun() {
		executeTestClassWithConfigurationParameters(GapTestCase.class, Map.of()).testEvents()
			.assertStatistics(stats -> stats.succeeded(1));
		executeTestClassWithConfigurationParameters(GapTestCase.class, Map.of("dbparity.migrations.gaps", "allow"))
			.testEvents().assertStatistics(stats -> stats.succeeded(1));
	}

	@ParityDatabase(migrations = "db/gap")
	static class GapTestCase {

		@Test
		void migrated(ParityDb db) {
			assertThat(db.migrationVersion()).contains("4");
		}
	}
}
