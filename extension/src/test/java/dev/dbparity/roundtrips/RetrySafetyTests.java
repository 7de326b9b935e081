package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;

/**
 * Retry safety on real engines: each migration interrupted after each of its statements, then run again whole, must
 * reach what an uninterrupted run reaches. The dynamic tests built from these results: MigrationRetrySafetyTests.
 */
class RetrySafetyTests {

	private static DatabaseContext context(String folder) {
		MigrationSet set = MigrationSet.load(folder, RetrySafetyTests.class.getClassLoader());
		return new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
	}

	private static Map<String, VersionResult> results(RunningEngine engine, String folder) {
		try (RetrySafety retrySafety = RetrySafety.of(engine, context(folder), new RoundTripTimings());
				Stream<VersionResult> results = retrySafety.run()) {
			return results.collect(Collectors.toMap(VersionResult::name, Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
		}
	}

	@Test
	void aMariaDbColumnAddedWithoutIfNotExistsFailsItsRetryAtFileAndLine() {
		Map<String, VersionResult> results = results(RealDatabases.server(Engine.MARIADB), "retry/mariadb/unsafe");

		assertThat(results.values()).extracting(VersionResult::verdict).containsExactly(Verdict.PASSED, Verdict.FAILED,
				Verdict.FAILED);
		assertThat(results.get("V1 books").notes()).contains("the forward script has one statement, so an "
				+ "interruption leaves nothing of it applied");
		VersionResult isbn = results.get("V2 isbn");
		assertThat(isbn.message()).startsWith("V2 (retry/mariadb/unsafe/V2__isbn.sql) is not retry-safe: 1 "
				+ "interruption point fails\n‣ interrupted after statement 1 of 2 (retry/mariadb/unsafe/V2__isbn.sql:2), "
				+ "the retry fails: at retry/mariadb/unsafe/V2__isbn.sql:2: Duplicate column name 'isbn'")
			.contains("MariaDB commits DDL implicitly", "ADD COLUMN IF NOT EXISTS",
					"or give each statement that cannot run in a transaction a migration of its own");
		assertThat(isbn.cause()).as("a finding, not an exception").isEmpty();
	}

	@Test
	void aRetryThatWritesARowTwiceDiffersFromAnUninterruptedRun() {
		Map<String, VersionResult> results = results(RealDatabases.server(Engine.MARIADB), "retry/mariadb/unsafe");

		assertThat(results.get("V3 genres").message()).contains("‣ interrupted after statement 2 of 3 "
				+ "(retry/mariadb/unsafe/V3__genres.sql:3), the retry leaves other rows than an uninterrupted run: "
				+ "default.genre has 2 rows after the retry and 1 after an uninterrupted run")
			.contains("1 interruption point fails");
	}

	@Test
	void anIdempotentMariaDbMigrationAndItsUndoPass() {
		Map<String, VersionResult> results = results(RealDatabases.server(Engine.MARIADB), "retry/mariadb/safe");

		assertThat(results.values()).extracting(VersionResult::verdict).containsOnly(Verdict.PASSED);
		assertThat(results.values()).extracting(VersionResult::message).containsOnly("");
	}

	@Test
	void aPostgresScriptBuildingIndexesConcurrentlyIsInterruptedAndOneWithIfNotExistsPasses() {
		Map<String, VersionResult> results = results(RealDatabases.server(Engine.POSTGRES),
				"retry/postgres/concurrently");

		assertThat(results.values()).extracting(VersionResult::verdict).containsExactly(Verdict.PASSED, Verdict.FAILED,
				Verdict.PASSED);
		assertThat(results.get("V2 title indexes").message()).startsWith("V2 (retry/postgres/concurrently/"
				+ "V2__title_indexes.sql) is not retry-safe: 1 interruption point fails\n‣ interrupted after statement 1 "
				+ "of 2 (retry/postgres/concurrently/V2__title_indexes.sql:2), the retry fails: at "
				+ "retry/postgres/concurrently/V2__title_indexes.sql:2: ")
			.contains("\"book_title\" already exists", "Its statements do not run in one transaction");
	}

	@Test
	void transactionalPostgresScriptsAreSafeWithoutACopy() {
		RecordingEngine engine = new RecordingEngine(RealDatabases.server(Engine.POSTGRES));

		Map<String, VersionResult> results = results(engine, "retry/postgres/transactional");

		assertThat(results.values()).extracting(VersionResult::verdict).containsOnly(Verdict.PASSED);
		assertThat(results.get("V2 isbn").notes()).containsExactly(
				"the forward script runs in one transaction on PostgreSQL: an interruption leaves nothing of it "
						+ "applied, so it is retry-safe without a check",
				"the undo script runs in one transaction on PostgreSQL: an interruption leaves nothing of it applied, "
						+ "so it is retry-safe without a check");
		assertThat(engine.cloned).as("no copy per interruption point, nor per version").isEmpty();
		assertThat(engine.dropped).containsExactlyInAnyOrderElementsOf(engine.created);
	}
}
