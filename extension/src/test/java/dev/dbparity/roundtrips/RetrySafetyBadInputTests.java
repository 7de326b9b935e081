package dev.dbparity.roundtrips;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;

/**
 * Retry safety's messages, as both front ends show them (from the versions' results), with their three marks: a
 * migration interrupted halfway that cannot simply be run again.
 */
class RetrySafetyBadInputTests {

	private static VersionResult result(Engine engine, String history, String version) {
		MigrationSet set = MigrationSet.load("retry/" + history, RetrySafetyBadInputTests.class.getClassLoader());
		DatabaseContext context = new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
		try (RetrySafety retrySafety = RetrySafety.of(RealDatabases.server(engine), context, new RoundTripTimings());
				Stream<VersionResult> results = retrySafety.run()) {
			List<VersionResult> all = results.toList();
			return all.stream().filter(result -> result.name().equals(version)).findFirst().orElseThrow();
		}
	}

	@Test
	@BadInputEntry("MIG-730")
	void aMariaDbColumnAddedWithoutIfNotExistsBeforeAnotherStatement() {
		VersionResult result = result(Engine.MARIADB, "mariadb/unsafe", "V2 isbn");

		assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
		assertSays(result.message(), "is not retry-safe", "retry/mariadb/unsafe/V2__isbn.sql:2", "ADD COLUMN IF NOT EXISTS");
		assertThat(result.message()).contains("interrupted after statement 1 of 2", "Duplicate column name 'isbn'");
	}

	@Test
	@BadInputEntry("MIG-731")
	void aRetryThatInsertsARowASecondTime() {
		VersionResult result = result(Engine.MARIADB, "mariadb/unsafe", "V3 genres");

		assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
		assertSays(result.message(), "the retry leaves other rows than an uninterrupted run",
				"retry/mariadb/unsafe/V3__genres.sql:3", "INSERT … that skips existing rows");
		assertThat(result.message()).contains("default.genre has 2 rows after the retry and 1 after an uninterrupted run");
	}

	@Test
	@BadInputEntry("MIG-732")
	void aStatementThatCannotBeSplitForInterruption() {
		VersionResult result = result(Engine.MARIADB, "mariadb/compound", "V2 subtitle");

		assertThat(result.verdict()).as("the points around it were checked, and pass: %s", result.message()).isEqualTo(Verdict.PASSED);
		assertThat(result.notes()).hasSize(1);
		assertSays(result.notes().get(0), "cannot be split into statements for interruption",
				"retry/mariadb/compound/V2__subtitle.sql:3", "write its statements as statements of the script");
		assertThat(result.notes().get(0)).contains("(BEGIN NOT ATOMIC ALTER TABLE book ADD COLUMN IF NOT EXISTS");
	}

	@Test
	@BadInputEntry("MIG-733")
	void aPostgresIndexBuiltConcurrentlyWithoutIfNotExists() {
		VersionResult result = result(Engine.POSTGRES, "postgres/concurrently", "V2 title indexes");

		assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
		assertSays(result.message(), "relation \"book_title\" already exists",
				"retry/postgres/concurrently/V2__title_indexes.sql:2", "CREATE TABLE/INDEX IF NOT EXISTS");
		assertThat(result.message()).contains("Its statements do not run in one transaction");
	}

	@Test
	@BadInputEntry("MIG-734")
	void anUndoThatDropsAnIndexWithoutIfExistsBeforeAnotherStatement() {
		VersionResult result = result(Engine.MARIADB, "mariadb/undo-unsafe", "V2 isbn");

		assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
		assertSays(result.message(), "is not retry-safe", "retry/mariadb/undo-unsafe/U2__isbn.sql:1", "DROP … IF EXISTS");
		assertThat(result.message()).contains("interrupted after statement 1 of 2 (retry/mariadb/undo-unsafe/"
				+ "U2__isbn.sql:1), the retry fails: at retry/mariadb/undo-unsafe/U2__isbn.sql:1: ");
	}

	@Test
	@BadInputEntry("MIG-735")
	void aViewOfEveryColumnCreatedBeforeTheColumnItsScriptAdds() {
		VersionResult result = result(Engine.MARIADB, "mariadb/view", "V2 book list");

		assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
		assertSays(result.message(), "the retry reaches another schema than an uninterrupted run",
				"retry/mariadb/view/V2__book_list.sql:3", "make each statement safe to run again");
		assertThat(result.message()).contains("interrupted after statement 2 of 3",
				"Expecting the schema of the retried database to match the schema of an uninterrupted run",
				"INCOMPATIBLE   changed  default.views.book_list.definition");
	}
}
