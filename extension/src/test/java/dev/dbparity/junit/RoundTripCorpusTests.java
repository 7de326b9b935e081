package dev.dbparity.junit;

import static dev.dbparity.junit.MigrationRoundTripTests.outcomes;
import static dev.dbparity.junit.ParityTestKit.executeTestClass;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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

	/** A line of the diff: category, kind, path, then the values. */
	private static final Pattern DIFFERENCE = Pattern.compile("^  ([A-Z_]+ +(?:added|removed|changed) +.*)$",
			Pattern.MULTILINE);

	/**
	 * Asserts that V1 passes and every other version fails its round trip, its first difference after the undo being
	 * {@code expected}'s category, kind and path.
	 */
	private static void assertCaught(EngineExecutionResults results, String folder, Map<String, String> expected) {
		Map<String, String> outcomes = outcomes(results);
		assertThat(results.containerEvents().failed().count()).as(failures(results)).isZero();
		assertThat(outcomes.keySet()).as(failures(results)).hasSize(expected.size() + 1);
		assertThat(outcomes.get("V1 base")).isEqualTo("SUCCESSFUL");
		expected.forEach((version, difference) -> {
			String outcome = outcomes.get(version);
			assertThat(outcome).as(version).startsWith("FAILED: " + version.substring(0, version.indexOf(' ')) + " ("
					+ folder + "/").contains("\n‣ after up and undo, Expecting the schema of the database to match the "
							+ "schema before " + version.substring(0, version.indexOf(' ')));
			Matcher first = DIFFERENCE.matcher(outcome);
			assertThat(first.find()).as(outcome).isTrue();
			assertThat(first.group(1)).as(outcome).startsWith(difference + ": ");
		});
	}

	@Nested
	@DisplayName("when a down gets its up's reverse wrong")
	class Broken {

		@Test
		@DisplayName("then each PostgreSQL version fails with the category and path of what its down left different")
		void postgres() {
			assertCaught(executeTestClass(PostgresBrokenTestCase.class), "roundtrip/corpus-broken/postgres", Map.ofEntries(
					Map.entry("V2 title indexes", "PERFORMANCE    added    public.book.indexes.btree (title)"),
					Map.entry("V3 price default", "INCOMPATIBLE   removed  public.book.columns.price.default"),
					Map.entry("V4 author name optional", "ADDITIVE       changed  public.author.columns.name.nullable"),
					Map.entry("V5 price check", "INTEGRITY      changed  public.book.checks.((price >= (0)::numeric)).validated"),
					Map.entry("V6 title comment", "NAMING         changed  public.book.columns.title.comment"),
					Map.entry("V7 public read", "SECURITY       added    public.book.grants.PUBLIC"),
					Map.entry("V8 book list published", "INCOMPATIBLE   changed  public.views.book_list.definition"),
					Map.entry("V9 tax rate", "INCOMPATIBLE   changed  public.routines.book_price_with_tax(numeric).bodyHash"),
					Map.entry("V10 isbn batches", "INCOMPATIBLE   changed  public.sequences.isbn_batch_seq.start"),
					Map.entry("V11 audiobook format", "DESTRUCTIVE    changed  public.types.book_format.labels"),
					Map.entry("V12 drop isbn", "INTEGRITY      removed  public.book.uniqueConstraints.(isbn)"),
					Map.entry("V13 author fk set null", "INTEGRITY      changed  public.book.foreignKeys.(author_id) -> public.author(id).onDelete"),
					Map.entry("V14 in print index", "PERFORMANCE    removed  public.book.indexes.btree (published_on) where (NOT out_of_print)"),
					Map.entry("V15 shelf type", "ADDITIVE       added    public.types.shelf_kind"),
					Map.entry("V16 audit schema", "ADDITIVE       added    audit"),
					Map.entry("V17 author name collation", "CONFIGURATION  removed  public.author.columns.sort_name.collation"),
					Map.entry("V18 touch after", "INTEGRITY      changed  public.book.triggers.book_touch.definition"),
					Map.entry("V19 book fillfactor", "CONFIGURATION  added    public.book.storage"),
					Map.entry("V20 book rls", "SECURITY       added    public.book.rowLevelSecurity"),
					Map.entry("V21 isbn sequence cache", "INCOMPATIBLE   changed  public.sequences.isbn_batch_seq.cycle")));
		}

		@Test
		@DisplayName("then each MariaDB version fails with the category and path of what its down left different")
		void mariadb() {
			assertCaught(executeTestClass(MariaDbBrokenTestCase.class), "roundtrip/corpus-broken/mariadb", Map.ofEntries(
					Map.entry("V2 title index", "PERFORMANCE    added    default.book.indexes.btree (title)"),
					Map.entry("V3 review fk", "PERFORMANCE    added    default.review.indexes.btree (book_id)"),
					Map.entry("V4 status default", "INCOMPATIBLE   removed  default.book.columns.status.default"),
					Map.entry("V5 longer titles", "NAMING         removed  default.book.columns.title.comment"),
					Map.entry("V6 price check", "INTEGRITY      removed  default.book.checks.`price` >= 0"),
					Map.entry("V7 author collation", "CONFIGURATION  changed  default.author.collation"),
					Map.entry("V8 book list price", "INCOMPATIBLE   changed  default.views.book_list.definition"),
					Map.entry("V9 tax rate", "INCOMPATIBLE   changed  default.routines.price_with_tax(decimal(10,2)).bodyHash"),
					Map.entry("V10 status archived", "DESTRUCTIVE    changed  default.book.columns.status.type"),
					Map.entry("V11 updated at precision", "INCOMPATIBLE   removed  default.book.columns.updated_at.onUpdate"),
					Map.entry("V12 author fk restrict", "INTEGRITY      changed  default.book.foreignKeys.(author_id) -> default.author(id).onUpdate"),
					Map.entry("V13 drop isbn", "INTEGRITY      removed  default.book.uniqueConstraints.(isbn)"),
					Map.entry("V14 bigint ids", "INCOMPATIBLE   removed  default.review.columns.id.autoIncrement"),
					Map.entry("V15 compressed notes", "CONFIGURATION  changed  default.note.storage.row_format"),
					Map.entry("V16 trim trigger", "INTEGRITY      changed  default.book.triggers.book_title_trim.definition"),
					Map.entry("V17 table comment", "NAMING         added    default.review.comment"),
					Map.entry("V18 note engine", "CONFIGURATION  changed  default.note.engine")));
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/corpus-broken/postgres")
	static class PostgresBrokenTestCase extends RoundTripFactory {
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "roundtrip/corpus-broken/mariadb")
	static class MariaDbBrokenTestCase extends RoundTripFactory {
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "roundtrip/corpus/postgres")
	static class PostgresCorpusTestCase extends RoundTripFactory {
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "roundtrip/corpus/mariadb")
	static class MariaDbCorpusTestCase extends RoundTripFactory {
	}
}
