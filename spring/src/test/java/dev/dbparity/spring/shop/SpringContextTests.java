package dev.dbparity.spring.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import liquibase.integration.spring.SpringLiquibase;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.Isolation;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;

/**
 * {@code @ParityDatabase} on Spring Boot tests: the context's DataSource is the class's (or method's) fresh database,
 * also when Spring's cache shares the context between classes, migrated once by the application's Flyway.
 */
class SpringContextTests {

	/** What the test cases saw: context identity, database name. */
	static final List<Map.Entry<Integer, String>> SEEN = new CopyOnWriteArrayList<>();

	@Test
	void classesSharingACachedContextEachGetTheirOwnFreshDatabase() {
		SEEN.clear();
		EngineExecutionResults results = SpringTestKit.execute(FirstShelfTestCase.class, SecondShelfTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
		assertThat(SEEN).extracting(Map.Entry::getKey).as("one context, from Spring's cache").containsOnly(
				SEEN.get(0).getKey());
		assertThat(SEEN).extracting(Map.Entry::getValue).as("a database per class").doesNotHaveDuplicates()
			.allMatch(name -> name.startsWith("dbparity_"));
	}

	@Test
	void perMethodIsolationGivesEachTestMethodItsOwnDatabase() {
		SEEN.clear();
		EngineExecutionResults results = SpringTestKit.execute(PerMethodTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
		assertThat(SEEN).extracting(Map.Entry::getValue).hasSize(2).doesNotHaveDuplicates();
	}

	@Test
	void springBootTestAndJdbcTestRunOnTheDatabaseTheApplicationsFlywayMigrated() {
		EngineExecutionResults results = SpringTestKit.execute(WholeApplicationTestCase.class,
				JdbcSliceTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
	}

	@Test
	void roundTripsRunOnTheApplicationsFlywayMigrations() {
		EngineExecutionResults results = SpringTestKit.execute(RoundTripsTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
		assertThat(results.testEvents().succeeded().list()).extracting(event -> event.getTestDescriptor()
			.getDisplayName()).containsExactly("V1 books", "V2 book title index");
	}

	@Test
	void anApplicationOnLiquibaseIsMigratedByItsLiquibaseChangelog() {
		EngineExecutionResults results = SpringTestKit.execute(LiquibaseTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
	}

	@Test
	void flywaysSchemasFromSpringsPropertiesHoldTheTables() {
		EngineExecutionResults results = SpringTestKit.execute(FlywaySchemasTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
	}

	@Test
	void aContextDirtiedAfterEachMethodStartsAgainOnTheClasssDatabase() {
		EngineExecutionResults results = SpringTestKit.execute(DirtiedContextTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
	}

	@Test
	void classesSharingAContextInParallelEachRunOnTheirOwnDatabase() {
		EngineExecutionResults results = SpringTestKit.execute(Map.of(
				"junit.jupiter.execution.parallel.enabled", "true",
				"junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
				"junit.jupiter.execution.parallel.config.strategy", "fixed",
				"junit.jupiter.execution.parallel.config.fixed.parallelism", "2"),
				FirstParallelTestCase.class, SecondParallelTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
	}

	@Test
	void theEngineConfiguredForTheRunPicksFlywaysVendorFolder() {
		EngineExecutionResults results = SpringTestKit.execute(Map.of("dbparity.engine", "mariadb"),
				ConfiguredEngineTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
	}

	@Test
	void mariaDbToo() {
		EngineExecutionResults results = SpringTestKit.execute(MariaDbTestCase.class);

		results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
	}

	@DataJpaTest
	@ParityDatabase
	@Tag("run-by-test-kit")
	static class FirstShelfTestCase {

		@Autowired
		BookRepository books;

		@Autowired
		ApplicationContext context;

		@Test
		void startsEmptyAndSeesItsOwnRows(@Autowired DataSource dataSource, ParityDb db) {
			assertThat(books.count()).isZero();
			books.saveAndFlush(new Book("Dune"));
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			// The column's default comes from the migration's placeholder, which Spring's properties set.
			assertThat(jdbc.queryForObject("SELECT shop FROM book", String.class)).isEqualTo("Parity Books");
			String current = jdbc.queryForObject("SELECT current_database()", String.class);
			assertThat(current).isEqualTo(db.databaseName());
			SEEN.add(Map.entry(System.identityHashCode(context), current));
		}
	}

	/** The same configuration as {@link FirstShelfTestCase}: Spring gives it the same context. */
	@ParityDatabase
	@DataJpaTest
	@Tag("run-by-test-kit")
	static class SecondShelfTestCase {

		@Autowired
		BookRepository books;

		@Autowired
		ApplicationContext context;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void startsEmptyToo(ParityDb db) {
			assertThat(books.count()).as("rows of the previous class must not leak").isZero();
			books.save(new Book("Emma"));
			assertThat(books.count()).isEqualTo(1);
			String current = jdbc.queryForObject("SELECT current_database()", String.class);
			assertThat(current).isEqualTo(db.databaseName());
			SEEN.add(Map.entry(System.identityHashCode(context), current));
		}
	}

	@DataJpaTest
	@ParityDatabase(isolation = Isolation.PER_METHOD)
	@Tag("run-by-test-kit")
	static class PerMethodTestCase {

		@Autowired
		BookRepository books;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void first(ParityDb db) {
			writesOnItsOwnDatabase(db);
		}

		@Test
		void second(ParityDb db) {
			writesOnItsOwnDatabase(db);
		}

		private void writesOnItsOwnDatabase(ParityDb db) {
			assertThat(books.count()).isZero();
			books.save(new Book("Ulysses"));
			String current = jdbc.queryForObject("SELECT current_database()", String.class);
			assertThat(current).isEqualTo(db.databaseName());
			SEEN.add(Map.entry(0, current));
		}
	}

	@SpringBootTest
	@ParityDatabase
	@Tag("run-by-test-kit")
	static class WholeApplicationTestCase {

		@Autowired
		BookRepository books;

		@Autowired
		ApplicationContext context;

		@Test
		void theApplicationRunsOnTheClasssDatabase(ParityDb db) {
			books.save(new Book("Middlemarch"));
			assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("book"))).isEqualTo(1);
		}

		@Test
		void springsFlywayDidNotRunAgainButDbparityRanTheApplicationsFlyway(ParityDb db) {
			assertThat(context.getBeanProvider(Flyway.class).getIfAvailable()).as("Spring's Flyway bean").isNull();
			assertThat(db.migrationVersion()).contains("2");
			assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("flyway_schema_history"))).isEqualTo(2);
		}
	}

	@JdbcTest
	@ParityDatabase
	@Tag("run-by-test-kit")
	static class JdbcSliceTestCase {

		@Test
		void jdbcTemplateRunsOnTheClasssDatabase(@Autowired JdbcTemplate jdbc, ParityDb db) {
			jdbc.update("INSERT INTO book (title) VALUES ('Persuasion')");
			assertThat(jdbc.queryForObject("SELECT shop FROM book", String.class)).isEqualTo("Parity Books");
			assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(db.databaseName());
		}
	}

	@DataJpaTest
	@ParityDatabase
	@Tag("run-by-test-kit")
	static class RoundTripsTestCase {

		@TestFactory
		Stream<DynamicTest> everyMigrationRoundTrips(ParityDb db) {
			return db.migrationRoundTrips();
		}
	}

	@JdbcTest
	@ParityDatabase
	@TestPropertySource(properties = { "spring.flyway.enabled=false", "spring.liquibase.enabled=true",
			"spring.liquibase.change-log=classpath:db/shop-changelog.yaml" })
	@Tag("run-by-test-kit")
	static class LiquibaseTestCase {

		@Test
		void liquibaseMigratedTheTemplateAndSpringsLiquibaseDidNotRunAgain(@Autowired JdbcTemplate jdbc,
				@Autowired ApplicationContext context, ParityDb db) {
			jdbc.update("INSERT INTO shelf (id, label) VALUES (1, 'A1')");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM databasechangelog", Integer.class)).isEqualTo(1);
			assertThat(context.getBeanProvider(SpringLiquibase.class).getIfAvailable()).as("Spring's Liquibase bean")
				.isNull();
			assertThat(db.migrationVersion()).contains("1");
		}
	}

	@JdbcTest
	@ParityDatabase
	@TestPropertySource(properties = "spring.flyway.schemas=shop")
	@Tag("run-by-test-kit")
	static class FlywaySchemasTestCase {

		@Test
		void theTablesAreInFlywaysSchema(@Autowired JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO shop.book (title) VALUES ('Persuasion')");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM shop.flyway_schema_history WHERE type = 'SQL'",
					Integer.class)).isEqualTo(2);
		}
	}

	@DataJpaTest
	@ParityDatabase
	@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
	@TestMethodOrder(MethodOrderer.MethodName.class)
	@Tag("run-by-test-kit")
	static class DirtiedContextTestCase {

		@Autowired
		BookRepository books;

		@Test
		void first(ParityDb db) {
			books.save(new Book("Dune"));
			assertThat(books.count()).isEqualTo(1);
		}

		@Test
		void second(@Autowired JdbcTemplate jdbc, ParityDb db) {
			// A new context, on the class's database, whose rows the first test's rolled-back transaction left as they were.
			assertThat(books.count()).isZero();
			assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(db.databaseName());
		}
	}

	/** Both classes' tests wait here until both were pointed at their databases, then query. */
	static final CyclicBarrier BOTH_STARTED = new CyclicBarrier(2);

	@DataJpaTest
	@ParityDatabase
	@Tag("run-by-test-kit")
	static class FirstParallelTestCase {

		@Test
		void queriesItsOwnDatabase(@Autowired JdbcTemplate jdbc, ParityDb db) throws Exception {
			BOTH_STARTED.await(2, TimeUnit.MINUTES);
			assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(db.databaseName());
		}
	}

	@DataJpaTest
	@ParityDatabase
	@Tag("run-by-test-kit")
	static class SecondParallelTestCase {

		@Test
		void queriesItsOwnDatabase(@Autowired JdbcTemplate jdbc, ParityDb db) throws Exception {
			BOTH_STARTED.await(2, TimeUnit.MINUTES);
			assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(db.databaseName());
		}
	}

	/** No engine on the annotation: {@code dbparity.engine} says MariaDB, so {@code {vendor}} is {@code mariadb}. */
	@JdbcTest
	@ParityDatabase
	@Tag("run-by-test-kit")
	static class ConfiguredEngineTestCase {

		@Test
		void runsOnMariaDbMigratedFromTheMariaDbFolder(@Autowired JdbcTemplate jdbc, ParityDb db) {
			assertThat(db.engine()).isEqualTo(Engine.MARIADB);
			jdbc.update("INSERT INTO book (title) VALUES ('Persuasion')");
			assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo(db.databaseName());
		}
	}

	@JdbcTest
	@ParityDatabase(engine = Engine.MARIADB)
	@Tag("run-by-test-kit")
	static class MariaDbTestCase {

		@Test
		void jdbcTemplateRunsOnMariaDb(@Autowired JdbcTemplate jdbc, ParityDb db) {
			jdbc.update("INSERT INTO book (title) VALUES ('Persuasion')");
			assertThat(jdbc.queryForObject("SELECT shop FROM book", String.class)).isEqualTo("Parity Books");
			assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo(db.databaseName());
		}
	}
}
