package dev.dbparity.spring.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.BadInputMessage;
import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDatabases;
import dev.dbparity.junit.ParityDb;

/** Mistakes in putting {@code @ParityDatabase} on Spring tests, each run as a user's build would run it. */
class SpringBadInputTests {

	@Test
	@BadInputEntry("SPR-001")
	void springsFlywayLocationThatDoesNotExist() {
		Throwable thrown = onlyFailure(SpringTestKit.execute(MisspeltFlywayLocationTestCase.class));

		BadInputMessage.assertSays(thrown, "location 'classpath:db/shop/postgres' does not exist",
				"spring.flyway.locations in Inlined Test Properties", "name an existing folder");
	}

	@Test
	@BadInputEntry("SPR-002")
	void twoDataSourcesNeitherPrimary() {
		Throwable thrown = onlyFailure(SpringTestKit.execute(TwoDataSourcesTestCase.class));

		BadInputMessage.assertSays(thrown, "2 DataSource beans [orders, reporting] and none of them primary",
				"[orders, reporting]", "mark the one the tests use @Primary");
		BadInputMessage.assertRevealsNone(BadInputMessage.fullMessage(thrown), "reporting-secret");
	}

	@Test
	@BadInputEntry("SPR-003")
	void springTestWithoutDbparitySpringOnTheClasspath() {
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		// dbparity-spring's binding is found through this file: hidden, the classpath is one without dbparity-spring.
		thread.setContextClassLoader(new ClassLoader(original) {
			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return name.equals("META-INF/services/dev.dbparity.junit.spi.ContextBinding")
						? Collections.emptyEnumeration() : super.getResources(name);
			}
		});
		Throwable thrown;
		try {
			thrown = onlyFailure(SpringTestKit.execute(WithoutSpringModuleTestCase.class));
		}
		finally {
			thread.setContextClassLoader(original);
		}

		BadInputMessage.assertSays(thrown, "dbparity-spring is not on the test classpath",
				WithoutSpringModuleTestCase.class.getName(), "add the test dependency dev.dbparity:dbparity-spring");
	}

	@Test
	@BadInputEntry("SPR-004")
	void annotationsMigrationsContradictSpringsFlyway() {
		Throwable thrown = onlyFailure(SpringTestKit.execute(ContradictingMigrationsTestCase.class));

		BadInputMessage.assertSays(thrown, "contradicts the application",
				"@ParityDatabase(migrations = \"db/migration\") on " + ContradictingMigrationsTestCase.class.getName(),
				"remove migrations = … from the annotation");
		assertThat(BadInputMessage.fullMessage(thrown)).contains("from 'db/shop/{vendor}'");
	}

	@Test
	@BadInputEntry("SPR-005")
	void severalEnginesOnOneSpringTest() {
		Throwable thrown = onlyFailure(SpringTestKit.execute(SeveralEnginesTestCase.class));

		BadInputMessage.assertSays(thrown, "@ParityDatabases names several engines on", SeveralEnginesTestCase.class.getName(),
				"one subclass per engine");
	}

	@Test
	@BadInputEntry("SPR-006")
	void springsLiquibaseChangelogThatDoesNotExist() {
		Throwable thrown = onlyFailure(SpringTestKit.execute(MisspeltChangelogTestCase.class));

		BadInputMessage.assertSays(thrown, "changelog 'classpath:db/shop-changlog.yaml' does not exist",
				"spring.liquibase.change-log in Inlined Test Properties", "name an existing changelog");
	}

	@Test
	@BadInputEntry("SPR-007")
	void springsFlywayAndLiquibaseBothEnabled() {
		Throwable thrown = onlyFailure(SpringTestKit.execute(FlywayAndLiquibaseTestCase.class));

		BadInputMessage.assertSays(thrown, "Both Spring Boot's Flyway and its Liquibase are on the classpath and enabled",
				"spring.liquibase.enabled in Inlined Test Properties", "switch off the one the application does not "
						+ "migrate with");
	}

	private static Throwable onlyFailure(EngineExecutionResults results) {
		assertThat(results.allEvents().failed().count()).as("failed events").isEqualTo(1);
		return results.allEvents().failed().stream().map(Event::getPayload).flatMap(java.util.Optional::stream)
			.map(org.junit.platform.engine.TestExecutionResult.class::cast)
			.map(result -> result.getThrowable().orElseThrow()).findFirst().orElseThrow();
	}

	@DataJpaTest
	@ParityDatabase
	@TestPropertySource(properties = "spring.flyway.locations=classpath:db/shop/postgres")
	@Tag("run-by-test-kit")
	static class MisspeltFlywayLocationTestCase {

		@org.junit.jupiter.api.Test
		void test() {
		}
	}

	@JdbcTest
	@ParityDatabase
	@TestPropertySource(properties = { "spring.flyway.enabled=false", "spring.liquibase.enabled=true",
			"spring.liquibase.change-log=classpath:db/shop-changlog.yaml" })
	@Tag("run-by-test-kit")
	static class MisspeltChangelogTestCase {

		@org.junit.jupiter.api.Test
		void test() {
		}
	}

	@JdbcTest
	@ParityDatabase
	@TestPropertySource(properties = { "spring.liquibase.enabled=true",
			"spring.liquibase.change-log=classpath:db/shop-changelog.yaml" })
	@Tag("run-by-test-kit")
	static class FlywayAndLiquibaseTestCase {

		@org.junit.jupiter.api.Test
		void test() {
		}
	}

	@JdbcTest
	@ParityDatabase
	@Import(TwoDataSourcesTestCase.TwoDataSources.class)
	@Tag("run-by-test-kit")
	static class TwoDataSourcesTestCase {

		@org.junit.jupiter.api.Test
		void test() {
		}

		@TestConfiguration
		static class TwoDataSources {

			@Bean
			DataSource orders() {
				return new DriverManagerDataSource("jdbc:postgresql://orders.invalid/orders", "orders", "orders-secret");
			}

			@Bean
			DataSource reporting() {
				return new DriverManagerDataSource("jdbc:postgresql://reporting.invalid/reporting", "reporting",
						"reporting-secret");
			}
		}
	}

	@JdbcTest
	@ParityDatabase
	@Tag("run-by-test-kit")
	static class WithoutSpringModuleTestCase {

		@org.junit.jupiter.api.Test
		void test(ParityDb db) {
		}
	}

	@DataJpaTest
	@ParityDatabase(migrations = "db/migration")
	@Tag("run-by-test-kit")
	static class ContradictingMigrationsTestCase {

		@org.junit.jupiter.api.Test
		void test() {
		}
	}

	@JdbcTest
	@ParityDatabases({ @ParityDatabase(engine = Engine.POSTGRES), @ParityDatabase(engine = Engine.MARIADB) })
	@Tag("run-by-test-kit")
	static class SeveralEnginesTestCase {

		@org.junit.jupiter.api.Test
		void test() {
		}
	}
}
