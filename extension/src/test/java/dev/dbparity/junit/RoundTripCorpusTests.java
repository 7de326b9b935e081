package dev.dbparity.junit;

import static dev.dbparity.junit.MigrationRoundTripTests.outcomes;
import static dev.dbparity.junit.ParityTestKit.executeTestClass;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Round trips over a corpus of migrations written the way real projects write them: the reversible ones must all
 * pass, and each broken one must fail naming the category and path of what its down got wrong.
 */
class RoundTripCorpusTests {

	/**
	 * The outcomes that are not {@code SUCCESSFUL}, and the failures of the test case class itself (a folder that does
	 * not load), as one text, so that a failing run explains itself.
	 */
	private static String failures(EngineExecutionResults results) {
		return Stream.concat(outcomes(results).entrySet().stream().filter(outcome -> !outcome.getValue().equals("SUCCESSFUL"))
			.map(outcome -> outcome.getKey() + " → " + outcome.getValue()),
				results.containerEvents().failed().stream().map(event -> event.getTestDescriptor().getDisplayName()
						+ " → " + event.getRequiredPayload(TestExecutionResult.class).getThrowable()
							.map(Throwable::toString).orElse("")))
			.collect(Collectors.joining("\n\n"));
	}

	@Nested
	@DisplayName("when every down really undoes its up")
	class Reversible {

		@Test
		@DisplayName("then every version of the PostgreSQL corpus round-trips")
		void postgres() {
			EngineExecutionResults results = executeTestClass(PostgresCorpusTestCase.class);

			assertThat(failures(results)).isEmpty();
			assertThat(outcomes(results)).hasSize(39);
		}

		@Test
		@DisplayName("then every version of the MariaDB corpus round-trips")
		void mariadb() {
			EngineExecutionResults results = executeTestClass(MariaDbCorpusTestCase.class);

			assertThat(failures(results)).isEmpty();
			assertThat(outcomes(results)).hasSize(35);
		}
	}

	@Nested
	@DisplayName("when a down gets its up's reverse wrong")
	class Broken {

		@Test
		@DisplayName("then each PostgreSQL version fails with the category and path of what its down left different")
		void postgres() throws Exception {
			EngineExecutionResults results = executeTestClass(PostgresBrokenTestCase.class);
			java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/broken-pg.txt"), failures(results).replace(" → FAILED", "\n=====\n → FAILED"));
		}

		@Test
		@DisplayName("then each MariaDB version fails with the category and path of what its down left different")
		void mariadb() throws Exception {
			EngineExecutionResults results = executeTestClass(MariaDbBrokenTestCase.class);
			java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/broken-my.txt"), failures(results).replace(" → FAILED", "\n=====\n → FAILED"));
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/corpus-broken/postgres")
	static class PostgresBrokenTestCase {

		@TestFactory
		Stream<DynamicTest> migrationsRoundTrip(ParityDb db) {
			return db.migrationRoundTrips();
		}
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "roundtrip/corpus-broken/mariadb")
	static class MariaDbBrokenTestCase {

		@TestFactory
		Stream<DynamicTest> migrationsRoundTrip(ParityDb db) {
			return db.migrationRoundTrips();
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/corpus/postgres")
	static class PostgresCorpusTestCase {

		@TestFactory
		Stream<DynamicTest> migrationsRoundTrip(ParityDb db) {
			return db.migrationRoundTrips();
		}
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "roundtrip/corpus/mariadb")
	static class MariaDbCorpusTestCase {

		@TestFactory
		Stream<DynamicTest> migrationsRoundTrip(ParityDb db) {
			return db.migrationRoundTrips();
		}
	}
}
