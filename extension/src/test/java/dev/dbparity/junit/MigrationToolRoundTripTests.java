package dev.dbparity.junit;

import static dev.dbparity.junit.ParityTestKit.executeTestClassWithConfigurationParameters;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class MigrationToolRoundTripTests {

	private static final List<Map.Entry<String, String>> FLYWAY_OUTCOMES = List.of(Map.entry("V1 customers",
			"SUCCESSFUL"), Map.entry("V2 orders", "SUCCESSFUL"), Map.entry("V3 customer email", "SUCCESSFUL"),
			Map.entry("migrationVersion(ParityDb)", "SUCCESSFUL"));

	@Nested
	@DisplayName("when the project migrates with Flyway")
	class Flyway {

		@Test
		@DisplayName("then each SQL version round-trips through Flyway up and the U scripts down")
		void roundTrips() {
			EngineExecutionResults results = executeTestClassWithConfigurationParameters(FlywayTestCase.class, Map.of(
					"dbparity.migration.runner", "flyway",
					"dbparity.flyway.locations",
					"classpath:flyway/postgres,classpath:dev/dbparity/migrations/flyway/javamigrations",
					"dbparity.flyway.placeholders.prefix", "app_"));

			assertThat(MigrationRoundTripTests.outcomes(results).entrySet()).containsExactlyElementsOf(FLYWAY_OUTCOMES);
		}

		@Test
		@DisplayName("then on MariaDB too, from the annotation's folder with Flyway's MySQL support")
		void roundTripsOnMariaDb() {
			EngineExecutionResults results = executeTestClassWithConfigurationParameters(FlywayMariaDbTestCase.class,
					Map.of("dbparity.migration.runner", "flyway", "dbparity.flyway.placeholders.prefix", "app_"));

			assertThat(MigrationRoundTripTests.outcomes(results).entrySet()).containsExactlyElementsOf(FLYWAY_OUTCOMES);
		}
	}

	@Nested
	@DisplayName("when the project migrates with Liquibase")
	class Liquibase {

		@ParameterizedTest(name = "{0}")
		@ValueSource(classes = { LiquibaseTestCase.class, LiquibaseMariaDbTestCase.class })
		@DisplayName("then each changeset round-trips through update and rollback on PostgreSQL and MariaDB, and a declared irreversible one is aborted")
		void roundTrips(Class<?> testCase) {
			EngineExecutionResults results = executeTestClassWithConfigurationParameters(testCase, Map.of(
					"dbparity.migration.runner", "liquibase",
					"dbparity.liquibase.changelog", "liquibase/db.changelog-master.yaml"));

			assertThat(MigrationRoundTripTests.outcomes(results)).containsExactly(
					Map.entry("V1 customers by dbparity", "SUCCESSFUL"), Map.entry("V2 orders by dbparity", "SUCCESSFUL"),
					Map.entry("V3 customer-email by dbparity", "SUCCESSFUL"),
					Map.entry("V4 upper-case-names by dbparity", "ABORTED: V4 is irreversible (declared in "
							+ "liquibase/db.changelog-master.yaml::upper-case-names): the original spelling of names "
							+ "is not kept; it ran forward, and there is no undo to test"),
					Map.entry("migrationVersion(ParityDb)", "SUCCESSFUL"));
		}
	}

	@Nested
	@DisplayName("when the runner is unknown")
	class Unknown {

		@Test
		@DisplayName("then the class fails naming the parameter and the allowed values")
		void fails() {
			EngineExecutionResults results = executeTestClassWithConfigurationParameters(FlywayTestCase.class,
					Map.of("dbparity.migration.runner", "flywy"));

			assertThat(results.containerEvents().failed().stream()
				.map(event -> event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
					.getThrowable().orElseThrow().getMessage()))
				.containsExactly("Unknown migration runner 'flywy' in configuration parameter "
						+ "'dbparity.migration.runner'. Allowed values: flyway, liquibase, sql, e.g. "
						+ "dbparity.migration.runner=flyway.");
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "flyway/postgres")
	static class FlywayTestCase extends RoundTripFactory {

		@Test
		void migrationVersion(ParityDb db) {
			// The template is migrated to Flyway's latest, the Java migration V4 included.
			assertThat(db.migrationVersion()).contains("4");
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES)
	static class LiquibaseTestCase extends RoundTripFactory {

		@Test
		void migrationVersion(ParityDb db) {
			assertThat(db.migrationVersion()).contains("4");
		}
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "flyway/mariadb")
	static class FlywayMariaDbTestCase extends RoundTripFactory {

		@Test
		void migrationVersion(ParityDb db) {
			assertThat(db.migrationVersion()).contains("3");
		}
	}

	@ParityDatabase(engine = Engine.MARIADB)
	static class LiquibaseMariaDbTestCase extends LiquibaseTestCase {
	}
}
