package dev.dbparity.junit;

import static dev.dbparity.junit.ParityTestKit.executeTestClassWithConfigurationParameters;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.dbparity.engines.Availability;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.testcontainers.TestcontainersProvider;

/**
 * The Testcontainers provider on the pinned official images. Where no Docker engine answers these tests are skipped,
 * with the reason, never faked.
 */
class TestcontainersProviderTests {

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB", "MYSQL" })
	void runsTheBookshelfInAContainer(Engine engine) {
		Availability availability = new TestcontainersProvider()
			.availability(new EngineSpec(engine.resolved(), "8.4", Map.of()));
		assumeThat(availability.available())
			.as("Testcontainers provider unavailable here: " + availability.reason())
			.isTrue();

		executeTestClassWithConfigurationParameters(InContainerTestCase.class,
				Map.of("dbparity.provider", "testcontainers", "dbparity.engine", engine.id()))
			.testEvents().assertStatistics(stats -> stats.succeeded(1));
	}

	@ParityDatabase(migrations = "db/shelf")
	static class InContainerTestCase {

		@org.junit.jupiter.api.Test
		void test(ParityDb db, org.jooq.DSLContext dsl) {
			org.assertj.core.api.Assertions.assertThat(db.providerId()).isEqualTo("testcontainers");
			org.assertj.core.api.Assertions.assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("shelf"))).isEqualTo(1);
		}
	}
}
