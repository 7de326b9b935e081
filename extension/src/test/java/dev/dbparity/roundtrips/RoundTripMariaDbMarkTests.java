package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.migrations.flyway.FlywayMigrationRunner;
import dev.dbparity.migrations.liquibase.LiquibaseMigrationRunner;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReader;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.templates.DatabaseContext;

/**
 * MariaDB's catalog mark counts the statements that could change a schema, server-wide: a schema read is spared only
 * when none ran since a snapshot was read. Every change a snapshot shows must break it, also one made through a
 * procedure's prepared statement or a row written to a system table; and no mark is given where it could not be
 * proven. On a server of their own: another test's statements on the shared server, or a clone it prepares in the
 * background, would break the marks these tests expect to hold.
 */
class RoundTripMariaDbMarkTests {

	private static final String USER = "'dbparity_mark_reader'@'%'";

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static RunningEngine server;

	@BeforeAll
	static void startServer() {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private static DataSource freshDatabase() {
		String name = "dbparity_mark_" + DATABASES.incrementAndGet();
		server.createDatabase(name);
		return server.dataSource(name);
	}

	/** The results of the round trips of the history in {@code folder}, by version name, in version order. */
	private static Map<String, VersionResult> roundTrips(String folder, RoundTripTimings timings) {
		return roundTrips(folder, new SqlMigrationRunner(), timings);
	}

	/** The results of the round trips of the history in {@code folder} run by {@code runner}. */
	private static Map<String, VersionResult> roundTrips(String folder, MigrationRunner runner,
			RoundTripTimings timings) {
		MigrationSet set = runner.load(folder, RoundTripMariaDbMarkTests.class.getClassLoader());
		try (RoundTrips roundTrips = RoundTrips.of(server, new DatabaseContext(Optional.of(set), runner), timings);
				Stream<VersionResult> run = roundTrips.run()) {
			return run.collect(Collectors.toMap(VersionResult::name, Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
		}
	}

	private static MigrationRunner runner(String id) {
		return id.equals("sql") ? new SqlMigrationRunner() : new FlywayMigrationRunner();
	}

	private static Map<String, Verdict> verdicts(Map<String, VersionResult> results) {
		Map<String, Verdict> verdicts = new LinkedHashMap<>();
		results.forEach((name, result) -> verdicts.put(name, result.verdict()));
		return verdicts;
	}

	/** As {@link RoundTripCatalogMarkTests#theReadAfterAVersionRunForwardOnlyReadsWhatItChanged}, on MariaDB. */
	@Test
	void theReadAfterAVersionRunForwardOnlyReadsWhatItChanged() {
		RoundTripTimings timings = new RoundTripTimings();
		Map<String, VersionResult> results = roundTrips("roundtrip/history/forward-then-read", timings);

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(
				Map.entry("V1 shelves", Verdict.PASSED), Map.entry("V2 notes", Verdict.SKIPPED),
				Map.entry("V3 drop notes", Verdict.FAILED), Map.entry("V4 labels", Verdict.PASSED));
		assertThat(results.get("V3 drop notes").message()).contains("DESTRUCTIVE", "note");
		// The empty database's, and the new chain's after V3 fails; none after V2.
		assertThat(timings.readsFull()).as("full reads").isEqualTo(2);
		assertThat(timings.readsPartial()).as("partial reads").isPositive();
	}

	@Test
	void changesThroughAProcedureAreStillCaughtWhileRowOnlyVersionsSpareTheirReads() {
		RoundTripTimings timings = new RoundTripTimings();
		Map<String, VersionResult> results = roundTrips("roundtrip/history/catalog-marks/mariadb", timings);

		assertThat(verdicts(results)).as("%s", results.values())
			.containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 extra shelf", Verdict.PASSED), Map.entry("V3 note through procedure", Verdict.FAILED),
				Map.entry("V4 rows after the note", Verdict.PASSED));
		assertThat(results.get("V3 note through procedure").message()).contains("note");
		// V2 and V4 write rows only: after the up, after the undo and after the up again, three reads each.
		assertThat(timings.readsSpared()).isEqualTo(6);
	}

	/**
	 * The built-in runner tells the reader which statements ran, and Flyway's connections do (it cannot tell them
	 * itself), its bookkeeping included: most reads are partial; an undo that leaves a column wider or a trigger with
	 * another body is still caught (and every partial read is compared with a full read, as for every test).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "sql", "flyway" })
	void partialReadsOfTheStatementsThatRanStillCatchBrokenUndos(String runner) {
		RoundTripTimings timings = new RoundTripTimings();
		Map<String, VersionResult> results = roundTrips("roundtrip/history/partial-reads/mariadb", runner(runner),
				timings);

		assertThat(verdicts(results)).as("%s", results.values())
			.containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 note", Verdict.PASSED), Map.entry("V3 racks", Verdict.PASSED),
				Map.entry("V4 rack column", Verdict.FAILED), Map.entry("V5 quiet trigger", Verdict.FAILED),
				Map.entry("V6 count", Verdict.PASSED));
		assertThat(results.get("V4 rack column").message()).contains("label");
		assertThat(results.get("V5 quiet trigger").message()).contains("shelf_touch");
		// Three reads per version, nearly all partial: every script has statements of known kinds only.
		assertThat(timings.readsPartial()).as("partial reads").isGreaterThanOrEqualTo(15);
	}

	/**
	 * Migrations written to change the schema only where it is not yet changed ({@code SET @change = IF(…)},
	 * {@code PREPARE … FROM @change}, {@code EXECUTE}), as many MySQL projects write them: the runner tells the
	 * variable's text with the {@code PREPARE}, so their reads are partial too, and an undo whose condition is inverted
	 * is still caught.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "sql", "flyway" })
	void migrationsThatPrepareTheirChangesFromAVariableAreReadPartially(String runner) {
		RoundTripTimings timings = new RoundTripTimings();
		Map<String, VersionResult> results = roundTrips("roundtrip/history/prepared-statements/mariadb", runner(runner),
				timings);

		assertThat(verdicts(results)).as("%s", results.values())
			.containsExactly(Map.entry("V1 accounts", Verdict.PASSED),
				Map.entry("V2 accounts locale", Verdict.PASSED), Map.entry("V3 accounts email index", Verdict.FAILED),
				Map.entry("V4 accounts settings", Verdict.PASSED));
		assertThat(results.get("V3 accounts email index").message()).contains("accounts_email");
		assertThat(timings.readsPartial()).as("partial reads: every read after a step").isEqualTo(12);
		// The empty database's, and that of the copy of the forward-only shadow database V4 starts on after V3 failed.
		assertThat(timings.readsFull()).as("full reads").isEqualTo(2);
	}

	/**
	 * Every MariaDB history of these tests, run where marks hold so that reads are partial, each compared with a full
	 * read ({@code dev.dbparity.verifyPartialReads}): on the shared server another test's statements often break the
	 * mark, so a partial read that misses a change (a JSON column's check, once) showed there only now and then.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "roundtrip/corpus/mariadb", "roundtrip/corpus-broken/mariadb", "roundtrip/mariadb/good",
		"roundtrip/mariadb/irreversible-broken", "roundtrip/mariadb/lint-precision",
		"roundtrip/history/frozen-time/mariadb", "roundtrip/history/orphans/mariadb",
		"roundtrip/history/orphans-before/mariadb", "roundtrip/history/trigger-counts/mariadb",
		"formats/diesel/mariadb", "rehearsal/mariadb", "roundtrip/history/renderings/mariadb" })
	void everyHistorysPartialReadsEqualFullReads(String folder) {
		RoundTripTimings timings = new RoundTripTimings();
		Map<String, VersionResult> results = roundTrips(folder, timings);

		assertThat(results).isNotEmpty();
		assertThat(results.values()).as("no version's reads disagree").noneMatch(result -> result.message()
			.contains("differs from a full read"));
		assertThat(timings.readsPartial()).as("partial reads in %s", results.values()).isPositive();
	}

	/**
	 * Tables with what a MariaDB rendering shows (invisible, generated and JSON columns, full-text, spatial and
	 * descending indexes, checks, foreign key rules, comments with quotes, character sets, MyISAM, Aria, system
	 * versioning, partitions), each changed and changed back: the reads after an undo and after a second up recognise
	 * the tables they bring back by their rendering, every read equals a full read, and every version passes but the
	 * one whose undo leaves the options Aria gave a table back on InnoDB, which a rendering does not show.
	 */
	@Test
	void theTablesAnUndoAndASecondUpBringBackAreRecognisedByTheirRendering() {
		RoundTripTimings timings = new RoundTripTimings();
		Map<String, VersionResult> results = roundTrips("roundtrip/history/renderings/mariadb", timings);

		assertThat(results.values()).as("%s", results.values())
			.allMatch(result -> result.verdict() == (result.name().equals("V9 note aria") ? Verdict.FAILED
					: Verdict.PASSED));
		assertThat(results.get("V9 note aria").message()).contains("default.note.storage.page_checksum");
		// Three reads per version; full: the empty database's, that of the copy V10 starts on after V9 failed, and
		// V17's three, whose PARTITION BY the reader does not know.
		assertThat(timings.readsPartial()).as("partial reads").isEqualTo(3 * results.size() - 3);
		assertThat(timings.readsFull()).as("full reads").isEqualTo(5);
		// At least the table each undo and each second up of V2 to V16 brings back.
		assertThat(timings.objectsRecognised()).as("objects recognised of %s", timings.objectsReread())
			.isGreaterThanOrEqualTo(2 * 15);
	}

	/**
	 * Liquibase does not tell its statements either; its connections do, its changelog tables' statements included:
	 * every read after a changeset, its rollback and the changeset again is partial.
	 */
	@Test
	void liquibaseChangesetsAreReadAgainOnlyWhereTheirStatementsChangedTheSchema() {
		RoundTripTimings timings = new RoundTripTimings();
		String changelog = "liquibase/db.changelog-master.yaml";
		Map<String, VersionResult> results = roundTrips(changelog, new LiquibaseMigrationRunner(changelog), timings);

		assertThat(verdicts(results)).as("%s", results.values())
			.containsExactly(
				Map.entry("V1 customers by dbparity", Verdict.PASSED), Map.entry("V2 orders by dbparity", Verdict.PASSED),
				Map.entry("V3 customer-email by dbparity", Verdict.PASSED),
				Map.entry("V4 upper-case-names by dbparity", Verdict.SKIPPED));
		assertThat(timings.readsPartial()).as("partial reads of the three reversible changesets").isEqualTo(9);
		assertThat(timings.readsFull()).as("full reads: the empty database's only").isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"ALTER TABLE shelf MODIFY name VARCHAR(80) NOT NULL",
		"ALTER TABLE shelf ALTER COLUMN note SET DEFAULT 'none'",
		"ALTER TABLE shelf MODIFY note VARCHAR(20) COMMENT 'the label'",
		"CREATE INDEX shelf_note ON shelf (note)",
		"DROP INDEX shelf_name ON shelf",
		"ALTER TABLE shelf DROP FOREIGN KEY shelf_rack",
		"ALTER TABLE shelf ADD CONSTRAINT shelf_id_positive CHECK (id > 0)",
		"RENAME TABLE rack TO racks",
		"CREATE OR REPLACE VIEW shelf_names AS SELECT name FROM shelf WHERE id > 1",
		"CREATE OR REPLACE TRIGGER shelf_touch BEFORE INSERT ON shelf FOR EACH ROW SET NEW.note = 'replaced'",
		"CREATE OR REPLACE FUNCTION shelf_count() RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) + 1 FROM shelf)",
		"CREATE EVENT shelf_purge ON SCHEDULE EVERY 1 DAY DO DELETE FROM shelf WHERE id < 0",
		"GRANT SELECT ON shelf TO " + USER,
		"REVOKE INSERT ON shelf FROM " + USER,
		"ALTER TABLE bin PARTITION BY HASH (id) PARTITIONS 2",
		"CALL shelf_change()",
		"EXECUTE IMMEDIATE 'ALTER TABLE shelf ADD COLUMN extra INT'",
		"UPDATE mysql.proc SET body = 'RETURN 2', body_utf8 = 'RETURN 2' WHERE db = DATABASE() AND name = 'shelf_count'",
	})
	void aMarkNoLongerHoldsAfterAnyChangeASnapshotShows(String change) throws SQLException {
		DataSource database = freshDatabase();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE USER IF NOT EXISTS " + USER);
			try {
				statement.execute("CREATE TABLE rack (id INT PRIMARY KEY)");
				statement.execute("CREATE TABLE bin (id INT PRIMARY KEY)");
				statement.execute("CREATE TABLE shelf (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, note VARCHAR(20), "
						+ "rack_id INT, CONSTRAINT shelf_rack FOREIGN KEY (rack_id) REFERENCES rack (id))");
				statement.execute("CREATE INDEX shelf_name ON shelf (name)");
				statement.execute("CREATE VIEW shelf_names AS SELECT name FROM shelf");
				statement.execute("CREATE TRIGGER shelf_touch BEFORE INSERT ON shelf FOR EACH ROW "
						+ "SET NEW.note = COALESCE(NEW.note, '')");
				statement.execute("CREATE FUNCTION shelf_count() RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM shelf)");
				statement.execute("CREATE PROCEDURE shelf_change() BEGIN PREPARE change_shelf FROM "
						+ "'ALTER TABLE shelf ADD COLUMN extra INT'; EXECUTE change_shelf; DEALLOCATE PREPARE change_shelf; END");
				statement.execute("GRANT INSERT ON shelf TO " + USER);
				CatalogReader reader = CatalogReaders.forConnection(connection);
				CatalogReader.Marked marked = reader.readMarked(connection, CaptureOptions.all());
				assertThat(marked.mark()).isPresent();
				statement.execute("INSERT INTO rack (id) VALUES (1)");
				statement.execute("INSERT INTO shelf (id, name, rack_id) VALUES (1, 'rows do not change a mark', 1)");
				assertThat(reader.unchangedSince(connection, marked.mark().get())).isTrue();

				statement.execute(change);

				assertThat(reader.read(connection, CaptureOptions.all())).as("the snapshot after %s", change)
					.isNotEqualTo(marked.snapshot());
				assertThat(reader.unchangedSince(connection, marked.mark().get())).as(change).isFalse();
			}
			finally {
				statement.execute("DROP USER " + USER);
			}
		}
	}

	@Test
	void noMarkWhereItCouldNotBeProven() throws Exception {
		DataSource database = freshDatabase();
		try (Connection connection = database.getConnection(); Connection other = database.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE shelf (id INT PRIMARY KEY)");
			CatalogReader reader = CatalogReaders.forConnection(connection);
			assertThat(reader.readMarked(connection, CaptureOptions.all()).mark()).as("a plain schema").isPresent();

			// A statement running in another session may have changed the schema after the mark was taken.
			statement.execute("SELECT GET_LOCK('dbparity_mark_test', 10)");
			CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
				try (Statement blocked = other.createStatement()) {
					blocked.execute("SELECT GET_LOCK('dbparity_mark_test', 60)");
					blocked.execute("SELECT RELEASE_LOCK('dbparity_mark_test')");
				}
				catch (SQLException e) {
					throw new IllegalStateException(e);
				}
			});
			awaitWaitingForLock(statement);
			assertThat(reader.readMarked(connection, CaptureOptions.all()).mark()).as("another session running")
				.isEmpty();
			statement.execute("SELECT RELEASE_LOCK('dbparity_mark_test')");
			waiting.join();

			connection.setAutoCommit(false);
			assertThat(reader.readMarked(connection, CaptureOptions.all()).mark()).as("inside a transaction").isEmpty();
			connection.setAutoCommit(true);

			// A row written to a sequence changes its options; the scheduler drops and disables events by itself.
			statement.execute("CREATE SEQUENCE shelf_number");
			assertThat(reader.readMarked(connection, CaptureOptions.all()).mark()).as("a sequence").isEmpty();
			statement.execute("DROP SEQUENCE shelf_number");
			statement.execute("CREATE EVENT shelf_purge ON SCHEDULE EVERY 1 DAY DO DELETE FROM shelf WHERE id < 0");
			assertThat(reader.readMarked(connection, CaptureOptions.all()).mark()).as("an event").isEmpty();
		}
	}

	/** Until the other session's {@code GET_LOCK} waits for the lock this one holds. */
	private static void awaitWaitingForLock(Statement statement) throws SQLException, InterruptedException {
		for (int i = 0; i < 1000; i++) {
			try (ResultSet waiting = statement.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
					+ "WHERE INFO LIKE 'SELECT GET_LOCK(''dbparity_mark_test'', 60)' AND ID <> CONNECTION_ID()")) {
				waiting.next();
				if (waiting.getInt(1) > 0) {
					return;
				}
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("the other session never asked for the lock");
	}
}
