package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;

/**
 * Round trips of small histories that show the patterns of real ones (in {@code roundtrip/history/}, the same scripts
 * on PostgreSQL and MariaDB): what an undo cannot avoid passes with a note, what an undo gets wrong fails with the
 * categorised diff, and a version that fails forward stops the later ones without failing them.
 */
class RoundTripHistoryTests {

	private static Map<String, VersionResult> results(Engine engine, String history) {
		MigrationSet set = MigrationSet.load("roundtrip/history/" + history,
				RoundTripHistoryTests.class.getClassLoader());
		DatabaseContext context = new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
		try (RoundTrips roundTrips = RoundTrips.of(RealDatabases.server(engine), context, new RoundTripTimings());
				Stream<VersionResult> results = roundTrips.run()) {
			return results.collect(Collectors.toMap(VersionResult::name, Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
		}
	}

	/** The schema the histories' tables are in, as the diff names it. */
	private static String schema(Engine engine) {
		return engine == Engine.POSTGRES ? "public" : "default";
	}

	private static Map<String, Verdict> verdicts(Map<String, VersionResult> results) {
		Map<String, Verdict> verdicts = new LinkedHashMap<>();
		results.forEach((name, result) -> verdicts.put(name, result.verdict()));
		return verdicts;
	}

	// --- item 3: views and defaults that froze the time they were created ---------------------------------------------

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES" })
	void aViewThatFrozeTheTimeItWasCreatedPassesWithANoteOnPostgres(Engine engine) {
		Map<String, VersionResult> results = results(engine, "frozen-time/postgres");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 orders", Verdict.PASSED),
				Map.entry("V2 recent orders", Verdict.PASSED), Map.entry("V3 order note", Verdict.PASSED),
				Map.entry("V4 order due", Verdict.PASSED));
		assertThat(results.get("V2 recent orders").notes()).containsExactly("accepted: after up again, "
				+ "public.views.recent.definition differ only by the time they were created, as 'now', 'today', "
				+ "'tomorrow' or 'yesterday' cast to a date/time type is stored as a constant (lint DP303: write now(), "
				+ "CURRENT_TIMESTAMP or CURRENT_DATE)");
		// The undo re-creates the view; up again re-creates the view and the column whose default froze too.
		assertThat(results.get("V3 order note").notes()).hasSize(2)
			.anySatisfy(note -> assertThat(note).startsWith("accepted: after the undo, public.views.recent.definition "
					+ "differ only by the time they were created"))
			.anySatisfy(note -> assertThat(note).startsWith("accepted: after up again, ")
				.contains("public.views.recent.definition", "noted").contains("differ only by the time"));
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES" })
	void aRealChangeOfALiteralBesideAFrozenTimeStillFails(Engine engine) {
		Map<String, VersionResult> results = results(engine, "frozen-time-changed/postgres");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 orders", Verdict.PASSED),
				Map.entry("V2 old cutoff", Verdict.FAILED));
		assertThat(results.get("V2 old cutoff").message()).contains("public.views.old_orders.definition",
				"public.views.recent.definition", "2020-06-01", "8 days");
	}

	@Test
	void aTimestampLiteralNearNowInAViewThatNoScriptWritingNowNamesIsARealChange(@TempDir Path dir) throws IOException {
		// Literals near the time of the check cannot be written in a resource: this history is written today.
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id INT PRIMARY KEY, created TIMESTAMP);\n"
				+ "CREATE VIEW recent AS SELECT id FROM orders WHERE created > 'now'::timestamp;\n");
		Files.writeString(dir.resolve("U1__orders.sql"), "DROP VIEW recent;\nDROP TABLE orders;\n");
		Files.writeString(dir.resolve("V2__cutoff.sql"), "CREATE VIEW cutoff AS SELECT id FROM orders WHERE created > '"
				+ today + " 01:00:00'::timestamp;\n");
		Files.writeString(dir.resolve("U2__cutoff.sql"), "DROP VIEW cutoff;\n");
		Files.writeString(dir.resolve("V3__later_cutoff.sql"), "CREATE OR REPLACE VIEW cutoff AS SELECT id FROM orders "
				+ "WHERE created > '" + today + " 02:00:00'::timestamp;\n");
		Files.writeString(dir.resolve("U3__later_cutoff.sql"), "CREATE OR REPLACE VIEW cutoff AS SELECT id FROM orders "
				+ "WHERE created > '" + today + " 03:00:00'::timestamp;\n");
		MigrationSet set = MigrationSet.load("file:" + dir, RoundTripHistoryTests.class.getClassLoader());
		DatabaseContext context = new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
		Map<String, Verdict> verdicts;
		try (RoundTrips roundTrips = RoundTrips.of(RealDatabases.server(Engine.POSTGRES), context,
				new RoundTripTimings()); Stream<VersionResult> results = roundTrips.run()) {
			verdicts = results.collect(Collectors.toMap(VersionResult::name, VersionResult::verdict, (a, b) -> a,
					LinkedHashMap::new));
		}

		assertThat(verdicts).containsExactly(Map.entry("V1 orders", Verdict.PASSED), Map.entry("V2 cutoff",
				Verdict.PASSED), Map.entry("V3 later cutoff", Verdict.FAILED));
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "MARIADB" })
	void currentTimestampInAViewAndADefaultIsNotFrozenOnMariaDb(Engine engine) {
		Map<String, VersionResult> results = results(engine, "frozen-time/mariadb");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 orders", Verdict.PASSED),
				Map.entry("V2 recent orders", Verdict.PASSED), Map.entry("V3 order note", Verdict.PASSED));
		assertThat(results.values()).allSatisfy(result -> assertThat(result.notes()).noneMatch(
				note -> note.contains("differ only by the time")));
	}

	// --- item 6: an undo that does not re-create a table or a column ---------------------------------------------------

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void anUndoThatDoesNotRecreateATableOrAColumnFailsWithTheCategorisedDiffRatherThanAnError(Engine engine) {
		Map<String, VersionResult> results = results(engine, "noop-undo");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 drop box", Verdict.FAILED), Map.entry("V3 drop note", Verdict.FAILED),
				Map.entry("V4 shelf colour", Verdict.PASSED));
		VersionResult tableGone = results.get("V2 drop box");
		assertThat(tableGone.message()).startsWith("V2 (roundtrip/history/noop-undo/V2__drop_box.sql) does not "
				+ "round-trip: 2 findings\n‣ after up and undo, Expecting the schema of the database to match the schema "
				+ "before V2, but found 1 difference:\n  DESTRUCTIVE 1\n  DESTRUCTIVE    removed  " + schema(engine)
				+ ".box: ")
			.doesNotContain("could not");
		assertThat(tableGone.cause()).as("findings, not an exception").isEmpty();
		VersionResult columnGone = results.get("V3 drop note");
		assertThat(columnGone.message()).startsWith("V3 (roundtrip/history/noop-undo/V3__drop_note.sql) does not "
				+ "round-trip: 2 findings\n‣ after up and undo, Expecting the schema of the database to match the schema "
				+ "before V3, but found 1 difference:\n  DESTRUCTIVE 1\n  DESTRUCTIVE    removed  " + schema(engine)
				+ ".shelf.columns.note: ")
			.doesNotContain("could not");
		assertThat(columnGone.cause()).as("findings, not an exception").isEmpty();
	}

	// --- item 7: every version runs ----------------------------------------------------------------------------------

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void aMigrationThatRejectsTheGeneratedRowsIsCheckedOnEmptyTablesWithOrWithoutAnUndo(Engine engine) {
		Map<String, VersionResult> results = results(engine, "rejects-rows");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 shelf copy", Verdict.PASSED), Map.entry("V3 copy shelves", Verdict.PASSED),
				Map.entry("V4 shelf note", Verdict.PASSED));
		assertThat(results.get("V2 shelf copy").notes()).singleElement().asString()
			.startsWith("V2 rejects the rows it was given, so it was checked on empty tables: failed at "
					+ "roundtrip/history/rejects-rows/V2__shelf_copy.sql:2, error: ");
		assertThat(results.get("V3 copy shelves").notes()).first().asString()
			.startsWith("V3 rejects the rows it was given, so it was checked on empty tables: failed at "
					+ "roundtrip/history/rejects-rows/V3__copy_shelves.sql:1, error: ");
	}

	/**
	 * An {@code INSERT … SELECT} that leaves a NOT NULL column without a default: PostgreSQL refuses only the rows,
	 * so it is checked on empty tables; MariaDB in strict mode refuses the statement itself, even with no row to
	 * copy, so it fails forward there, and the later versions are not run rather than failed.
	 */
	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void anInsertSelectWithoutAValueForANotNullColumnIsRetriedOnEmptyTablesAndStopsOnlyWhereItCannotRun(Engine engine) {
		String file = "roundtrip/history/insert-select-default/V2__shelf_copy.sql";

		Map<String, VersionResult> results = results(engine, "insert-select-default");

		VersionResult copy = results.get("V2 shelf copy");
		assertThat(copy.notes()).first().asString().startsWith("V2 rejects the rows it was given, so it was checked on "
				+ "empty tables: failed at " + file + ":2, error: ");
		if (engine == Engine.POSTGRES) {
			assertThat(verdicts(results)).as("%s", results.values()).containsExactly(
					Map.entry("V1 shelves", Verdict.PASSED), Map.entry("V2 shelf copy", Verdict.PASSED),
					Map.entry("V3 shelf note", Verdict.PASSED));
		}
		else {
			assertThat(verdicts(results)).as("%s", results.values()).containsExactly(
					Map.entry("V1 shelves", Verdict.PASSED), Map.entry("V2 shelf copy", Verdict.FAILED),
					Map.entry("V3 shelf note", Verdict.SKIPPED));
			assertThat(copy.message()).startsWith("V2 (" + file + ") fails forward, also without the rows dbparity "
					+ "generated, so there is nothing to undo, and the later versions cannot be checked:\n")
				.contains("Field 'created_on' doesn't have a default value");
			assertThat(results.get("V3 shelf note").message()).startsWith("V3 was not checked: V2 (" + file + ")");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void aMigrationThatFailsForwardOnItsOwnRowsFailsOnceAndTheLaterVersionsAreNotRun(Engine engine) {
		String file = "roundtrip/history/forward-fails/V2__shelf_copy.sql";

		Map<String, VersionResult> results = results(engine, "forward-fails");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 shelf copy", Verdict.FAILED), Map.entry("V3 shelf note", Verdict.SKIPPED),
				Map.entry("V4 upper labels", Verdict.SKIPPED));
		VersionResult failed = results.get("V2 shelf copy");
		assertThat(failed.message()).startsWith("V2 (" + file + ") fails forward, so there is nothing to undo, and the "
				+ "later versions cannot be checked:\n")
			.contains("failed at " + file + ":2")
			.endsWith("Fix the script: every later version runs after it, on a database where it ran.");
		assertThat(failed.cause()).containsInstanceOf(MigrationException.class);
		assertThat(results.get("V3 shelf note").message()).isEqualTo("V3 was not checked: V2 (" + file + ") before "
				+ "it fails forward, so no database reaches V3. Fix V2 (" + file + "), and V3 will be checked.");
		assertThat(results.get("V4 upper labels").message()).startsWith("V4 was not checked: V2 (" + file + ")");
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void aMigrationWithoutUndoThatFailsForwardIsAForwardFailureNotAnIrreversibleOne(Engine engine) {
		String file = "roundtrip/history/forward-fails-without-undo/V2__clear_labels.sql";

		Map<String, VersionResult> results = results(engine, "forward-fails-without-undo");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(
				Map.entry("V1 shelves", Verdict.PASSED), Map.entry("V2 clear labels", Verdict.FAILED),
				Map.entry("V3 shelf note", Verdict.SKIPPED));
		assertThat(results.get("V2 clear labels").message()).startsWith("V2 (" + file + ") fails forward, so there is "
				+ "nothing to undo, and the later versions cannot be checked:\n")
			.contains("failed at " + file + ":1")
			.doesNotContain("irreversible");
		assertThat(results.get("V3 shelf note").message()).startsWith("V3 was not checked: V2 (" + file + ")");
	}

	/**
	 * A migration that passes with the generated rows but fails without them: the versions after a failed one start
	 * from a database without generated rows, which cannot pass it, so they are not run, naming it, rather than failed.
	 */
	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void theVersionsThatTheForwardOnlyDatabaseCannotReachAreNotRunNamingTheMigrationThatStopsIt(Engine engine) {
		String file = "roundtrip/history/passes-only-with-rows/V2__shelf_total.sql";

		Map<String, VersionResult> results = results(engine, "passes-only-with-rows");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(
				Map.entry("V1 shelves", Verdict.PASSED), Map.entry("V2 shelf total", Verdict.PASSED),
				Map.entry("V3 shelf note", Verdict.FAILED), Map.entry("V4 shelf colour", Verdict.SKIPPED),
				Map.entry("V5 shelf width", Verdict.SKIPPED));
		assertThat(results.get("V4 shelf colour").message()).startsWith("V4 was not checked: V2 (" + file + ") fails "
				+ "forward on a database without the rows dbparity generated, which the versions after a failed one start "
				+ "from, so no database reaches V4 (failed at " + file + ":2, error: ")
			.endsWith("). Fix V2 (" + file + "), and V4 will be checked.");
		assertThat(results.get("V5 shelf width").message()).isEqualTo("V5 was not checked: V2 (" + file + ") before it "
				+ "fails forward, so no database reaches V5. Fix V2 (" + file + "), and V5 will be checked.");
	}

	// --- items 1 and 2: a column order that an undo cannot avoid, and the views over it -------------------------------

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void aColumnOrderAcceptedAfterTheUndoIsAcceptedAfterUpAgainToo(Engine engine) {
		Map<String, VersionResult> results = results(engine, "column-order");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 b becomes a", Verdict.PASSED), Map.entry("V3 shelf colour", Verdict.PASSED));
		String shelf = schema(engine) + ".shelf";
		assertThat(results.get("V2 b becomes a").notes()).containsExactly("accepted: after the undo the column order "
				+ "differs, as an undo can only add a column back at the end: " + shelf + ".columns.b.position 3 → 4, "
				+ shelf + ".columns.note.position 4 → 3", "accepted: after up again the column order differs from the "
						+ "first up's, as it follows the order the undo left: " + shelf + ".columns.a.position 2 → 3, "
						+ shelf + ".columns.note.position 3 → 2");
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void anUndoThatDropsAColumnItShouldKeepStillFailsBesideTheAcceptedOrder(Engine engine) {
		Map<String, VersionResult> results = results(engine, "column-order-broken");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 b becomes a", Verdict.FAILED));
		assertThat(results.get("V2 b becomes a").message()).contains("DESTRUCTIVE    removed  " + schema(engine)
				+ ".shelf.columns.note: ");
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void aSelectStarViewOverAReorderedTableGetsTheSameNote(Engine engine) {
		Map<String, VersionResult> results = results(engine, "view-order");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 b becomes a", Verdict.PASSED), Map.entry("V3 shelf colour", Verdict.PASSED));
		String view = "view " + schema(engine) + ".shelf_view lists the columns of " + schema(engine) + ".shelf in their "
				+ "new order, as its definition was expanded over the table's columns when it was created";
		assertThat(results.get("V2 b becomes a").notes()).hasSize(2)
			.allSatisfy(note -> assertThat(note).startsWith("accepted: ").endsWith("; " + view));
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void aViewThatAnUndoRecreatesWithoutAColumnStillFails(Engine engine) {
		Map<String, VersionResult> results = results(engine, "view-order-broken");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 b becomes a", Verdict.FAILED));
		assertThat(results.get("V2 b becomes a").message()).contains("INCOMPATIBLE   changed  " + schema(engine)
				+ ".views.shelf_view.definition: ");
	}

	// --- item 4: rows the filler writes are rows the schema could hold --------------------------------------------

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void foreignKeysUnderAUniqueKeyGetDistinctParentsSoAnUndoThatEmptiesTheTableIsCaught(Engine engine) {
		Map<String, VersionResult> results = results(engine, "unique-parents");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(
				Map.entry("V1 members", Verdict.PASSED), Map.entry("V2 ban until", Verdict.FAILED),
				Map.entry("V3 follow since", Verdict.PASSED));
		VersionResult emptied = results.get("V2 ban until");
		assertThat(emptied.message()).contains(schema(engine) + ".ban had 2 rows before V2 and 0 after its undo");
		assertThat(emptied.notes()).as("one ban per member, one follow per pair of members: both tables get rows")
			.noneMatch(note -> note.contains("data check partial"));
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void aTableThatTriggersMaintainGetsItsRowsThroughItsSourceSoARebuildIsNotDataLoss(Engine engine) {
		Map<String, VersionResult> results = results(engine, "trigger-counts/" + engine.name().toLowerCase());

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 posts", Verdict.PASSED),
				Map.entry("V2 post title", Verdict.PASSED), Map.entry("V3 last post", Verdict.FAILED));
		assertThat(results.get("V2 post title").notes()).noneMatch(note -> note.contains("data check partial"));
		assertThat(results.get("V3 last post").message())
			.contains(schema(engine) + ".author_stats had 3 rows before V3 and 0 after its undo");
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void aTableTheFillerCannotFillIsNamedWithTheReasonAndTheDataCheckSaysItIsPartial(Engine engine) {
		Map<String, VersionResult> results = results(engine, "unfillable");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(
				Map.entry("V1 shelves", Verdict.PASSED), Map.entry("V2 shelf note", Verdict.PASSED),
				Map.entry("V3 shelf colour", Verdict.PASSED));
		assertThat(results.get("V3 shelf colour").notes()).as("every version that leaves them out says so")
			.isEqualTo(results.get("V2 shelf note").notes());
		assertThat(results.get("V2 shelf note").notes()).containsExactly(
				"data check partial: no rows in " + schema(engine) + ".egg: its foreign keys form a cycle with "
						+ schema(engine) + ".hen",
				"data check partial: no rows in " + schema(engine) + ".hen: its foreign keys form a cycle with "
						+ schema(engine) + ".egg");
	}

	// --- item 10: foreign keys are checked for orphans where an undo changed their tables ----------------------------

	/**
	 * Each way a down script can orphan rows with the engine's checks off is still caught: parent rows deleted, child
	 * rows given a key no parent has, a parent's key changed; the last two in a table the migration changes, whose
	 * content the round trip compares only by row count, so that the orphan check alone finds them.
	 */
	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void anUndoThatOrphansRowsWithTheChecksOffFailsWhicheverTableItWrites(Engine engine) {
		String s = schema(engine);
		String orphans = "after the undo, " + s + ".book (shelf_id) -> " + s + ".shelf(id): 3 orphaned rows "
				+ "reference no row of " + s + ".shelf";

		Map<String, VersionResult> results = results(engine, "orphans/" + engine.name().toLowerCase());

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 note", Verdict.FAILED), Map.entry("V3 book isbn", Verdict.FAILED),
				Map.entry("V4 shelf colour", Verdict.FAILED), Map.entry("V5 book pages", Verdict.PASSED));
		assertThat(results.get("V2 note").message()).contains(orphans, s + ".shelf changed content");
		assertThat(results.get("V3 book isbn").message()).contains("1 finding\n", orphans);
		assertThat(results.get("V4 shelf colour").message()).contains("1 finding\n", orphans);
	}

	/**
	 * An undo that changes values in place, in a table the migration does not change, fails although every row count
	 * stays: on MariaDB each such table's content is read again because the engine's checksum of its rows changed
	 * (the contents of the others are taken from the last read); an undo that writes rows as they were passes.
	 */
	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void anUndoThatChangesValuesInPlaceFailsAndOneThatWritesThemAsTheyWerePasses(Engine engine) {
		String s = schema(engine);

		Map<String, VersionResult> results = results(engine, "in-place-changes");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 note", Verdict.FAILED), Map.entry("V3 book isbn", Verdict.PASSED),
				Map.entry("V4 tag colour", Verdict.FAILED));
		assertThat(results.get("V2 note").message()).contains("1 finding\n", s + ".shelf changed content (3 rows "
				+ "before V2, 3 after its undo; content hash differs)");
		assertThat(results.get("V4 tag colour").message()).contains("1 finding\n", s + ".book changed content (3 "
				+ "rows before V4, 3 after its undo; content hash differs)");
	}

	/**
	 * Rows deleted from a partition change what its partitioned table holds: the key that references the partitioned
	 * table is checked, although the undo never names that table.
	 */
	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES" })
	void anUndoThatDeletesFromAPartitionOrphansTheRowsThatReferenceItsPartitionedTable(Engine engine) {
		Map<String, VersionResult> results = results(engine, "orphans-partitions/postgres");

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 book isbn", Verdict.FAILED), Map.entry("V3 book pages", Verdict.PASSED));
		assertThat(results.get("V2 book isbn").message()).contains("after the undo, public.book (shelf_id) -> "
				+ "public.shelf(id): ", " orphaned rows reference no row of public.shelf");
	}

	/**
	 * Orphans that were there before the up (a key declared {@code NOT VALID}, rows written with the checks off by an
	 * earlier forward script) are not the undo's: a version whose undo leaves the key's tables as it found them passes,
	 * whether or not the migration changes those tables, instead of every later version failing for them. A version
	 * whose undo writes one of the tables has the key checked, and the orphans it finds counted, the earlier ones too.
	 */
	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void orphansFromBeforeTheUpFailNoVersionWhoseUndoLeavesTheirTablesAsTheyWere(Engine engine) {
		String s = schema(engine);

		Map<String, VersionResult> results = results(engine, "orphans-before/" + engine.name().toLowerCase());

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 note", Verdict.PASSED), Map.entry("V3 book isbn", Verdict.PASSED),
				Map.entry("V4 shelf colour", Verdict.FAILED));
		assertThat(results.get("V4 shelf colour").message()).contains("after the undo, " + s + ".book (shelf_id) -> "
				+ s + ".shelf(id): 2 orphaned rows reference no row of " + s + ".shelf", s + ".book changed content");
	}
}
