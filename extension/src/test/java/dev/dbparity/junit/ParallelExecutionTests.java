package dev.dbparity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Under JUnit's parallel execution (4 threads, classes concurrently) every class gets its own database, engines and
 * templates are built once, and nothing deadlocks.
 */
class ParallelExecutionTests {

	/** Database names per class; every class writes a marker row (id 2) and must read back only its own. */
	static final Map<String, Set<String>> DATABASES = new ConcurrentHashMap<>();

	/** Holds the first classes until four run at once, so that they really overlap. */
	static final CountDownLatch ALL_RUNNING = new CountDownLatch(4);

	@Test
	@DisplayName("classes running concurrently on both engines see only their own database")
	void noCrossTalk() {
		var results = EngineTestKit.engine("junit-jupiter")
			.configurationParameter("dbparity.report", "false")
			.configurationParameters(Map.of(
					"junit.jupiter.execution.parallel.enabled", "true",
					"junit.jupiter.execution.parallel.mode.default", "concurrent",
					"junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
					"junit.jupiter.execution.parallel.config.strategy", "fixed",
					"junit.jupiter.execution.parallel.config.fixed.parallelism", "4"))
			.selectors(selectClass(PostgresOneTestCase.class), selectClass(PostgresTwoTestCase.class),
					selectClass(MariaDbOneTestCase.class), selectClass(MariaDbTwoTestCase.class),
					selectClass(PerMethodTestCase.class))
			.execute();

		results.testEvents().assertStatistics(stats -> stats.failed(0).succeeded(4 * 2 + 4));
		assertThat(DATABASES.values()).allSatisfy(names -> assertThat(names).hasSize(1));
		assertThat(DATABASES.values().stream().flatMap(Set::stream).distinct()).hasSize(DATABASES.size());
	}

	abstract static class MarkerTestCase {

		@Test
		void first(ParityDb db, DSLContext dsl) throws InterruptedException {
			check(db, dsl);
			ALL_RUNNING.countDown();
			ALL_RUNNING.await(30, TimeUnit.SECONDS);
		}

		@Test
		void second(ParityDb db, DSLContext dsl) {
			check(db, dsl);
		}

		private void check(ParityDb db, DSLContext dsl) {
			String owner = getClass().getSimpleName();
			DATABASES.computeIfAbsent(owner, key -> ConcurrentHashMap.newKeySet()).add(db.databaseName());
			dsl.insertInto(DSL.table("shelf"), DSL.field("id"), DSL.field("label"))
				.values(2, owner)
				.onDuplicateKeyIgnore()
				.execute();
			assertThat(dsl.selectDistinct(DSL.field("label", String.class)).from("shelf")
				.where(DSL.field("id").ne(1)).fetch(DSL.field("label", String.class)))
				.containsExactly(owner);
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/shelf")
	static class PostgresOneTestCase extends MarkerTestCase {
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/shelf")
	static class PostgresTwoTestCase extends MarkerTestCase {
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "db/shelf")
	static class MariaDbOneTestCase extends MarkerTestCase {
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "db/shelf")
	static class MariaDbTwoTestCase extends MarkerTestCase {
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "db/shelf", isolation = Isolation.PER_METHOD)
	static class PerMethodTestCase {

		@Test
		void a(ParityDb db, DSLContext dsl) {
			assertThat(dsl.fetchCount(DSL.table("shelf"))).isEqualTo(1);
			dsl.execute("INSERT INTO shelf VALUES (7, 'a')");
		}

		@Test
		void b(ParityDb db, DSLContext dsl) {
			assertThat(dsl.fetchCount(DSL.table("shelf"))).isEqualTo(1);
			dsl.execute("INSERT INTO shelf VALUES (7, 'b')");
		}

		@Test
		void c(ParityDb db, DSLContext dsl) {
			assertThat(dsl.fetchCount(DSL.table("shelf"))).isEqualTo(1);
			dsl.execute("INSERT INTO shelf VALUES (7, 'c')");
		}

		@Test
		void d(ParityDb db, DSLContext dsl) {
			assertThat(dsl.fetchCount(DSL.table("shelf"))).isEqualTo(1);
			dsl.execute("INSERT INTO shelf VALUES (7, 'd')");
		}
	}
}
