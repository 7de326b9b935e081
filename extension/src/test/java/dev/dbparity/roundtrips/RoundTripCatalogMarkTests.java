package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReader;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.templates.DatabaseContext;

/**
 * The round trips' shortcut: a schema read is spared only when a catalog mark verifies that no catalog row changed
 * since a snapshot was read. Every change a version can make without its script naming it — through a function's
 * dynamic SQL, a {@code DO} block, a trigger fired by a row, a rename, an undo that only deletes, a comment on a schema
 * older than every user object — must still be read and caught.
 */
class RoundTripCatalogMarkTests {

	/** The results of the round trips of the history in {@code folder} on PostgreSQL, by version name, in order. */
	private static Map<String, VersionResult> roundTrips(String folder, RoundTripTimings timings) {
		MigrationSet set = MigrationSet.load(folder, RoundTripCatalogMarkTests.class.getClassLoader());
		try (RoundTrips roundTrips = RoundTrips.of(RealDatabases.server(Engine.POSTGRES),
				new DatabaseContext(Optional.of(set), new SqlMigrationRunner()), timings);
				Stream<VersionResult> run = roundTrips.run()) {
			return run.collect(Collectors.toMap(VersionResult::name, Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
		}
	}

	private static Map<String, Verdict> verdicts(Map<String, VersionResult> results) {
		Map<String, Verdict> verdicts = new LinkedHashMap<>();
		results.forEach((name, result) -> verdicts.put(name, result.verdict()));
		return verdicts;
	}

	@Test
	void changesThatNoScriptNamesAreStillCaughtWhileUnchangedCatalogsSpareTheirReads() {
		RoundTripTimings timings = new RoundTripTimings();
		Map<String, VersionResult> results = roundTrips("roundtrip/history/catalog-marks/postgres", timings);

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 extra shelf", Verdict.PASSED), Map.entry("V3 helper", Verdict.FAILED),
				Map.entry("V4 note through function", Verdict.FAILED), Map.entry("V5 index in do block", Verdict.PASSED),
				Map.entry("V6 rename", Verdict.FAILED), Map.entry("V7 spare shelf", Verdict.FAILED),
				Map.entry("V8 audit through trigger", Verdict.FAILED));
		assertThat(results.get("V3 helper").message()).contains("shelf_name");
		assertThat(results.get("V4 note through function").message()).contains("note");
		assertThat(results.get("V6 rename").message()).contains("shelves");
		assertThat(results.get("V7 spare shelf").message()).contains("comment");
		assertThat(results.get("V8 audit through trigger").message()).contains("shelf_audit");
		// V1's undo (back to empty), V2 (rows only: after up, undo and up again), V5's undo (drops what it created).
		assertThat(timings.readsSpared()).isEqualTo(5);
		// The other reads re-read only what changed, each compared with a full read in tests (verifyPartialReads).
		assertThat(timings.readsPartial()).isPositive();
	}

	/**
	 * A version without an undo to test runs forward with no read of its own: the next version's read starts from the
	 * last one, and re-reads only what changed since, which must include what the forward version did. On MariaDB in
	 * {@link RoundTripMariaDbMarkTests}, on a server of its own.
	 */
	@Test
	void theReadAfterAVersionRunForwardOnlyReadsWhatItChanged() {
		RoundTripTimings timings = new RoundTripTimings();
		Map<String, VersionResult> results = roundTrips("roundtrip/history/forward-then-read", timings);

		assertThat(verdicts(results)).as("%s", results.values()).containsExactly(Map.entry("V1 shelves", Verdict.PASSED),
				Map.entry("V2 notes", Verdict.SKIPPED), Map.entry("V3 drop notes", Verdict.FAILED),
				Map.entry("V4 labels", Verdict.PASSED));
		// The schema before V3 has the column V2 added, though no read followed V2: the undo that forgets it is caught.
		assertThat(results.get("V3 drop notes").message()).contains("DESTRUCTIVE", "note");
		// The empty database's, and the new chain's after V3 fails; none after V2.
		assertThat(timings.readsFull()).as("full reads").isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"ALTER TABLE shelf ADD COLUMN note TEXT",
		"ALTER TABLE shelf RENAME COLUMN name TO title",
		"ALTER TABLE shelf ALTER COLUMN name DROP NOT NULL",
		"DROP INDEX shelf_name",
		"CREATE VIEW shelf_names AS SELECT name FROM shelf",
		"CREATE OR REPLACE FUNCTION shelf_count() RETURNS BIGINT LANGUAGE sql AS 'SELECT count(*) + 1 FROM shelf'",
		"COMMENT ON COLUMN shelf.name IS 'the label'",
		"COMMENT ON SCHEMA public IS 'shelves'",
		"GRANT SELECT ON shelf TO PUBLIC",
		"GRANT CREATE ON SCHEMA public TO PUBLIC",
		"DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone TO ''Asia/Tokyo''', current_database()); END $$",
		"CREATE SCHEMA archive",
		"DO $$ BEGIN EXECUTE 'CREATE TYPE mood AS ENUM (''calm'')'; END $$",
		"ALTER TABLE shelf_id_seq RENAME TO shelf_seq",
	})
	void aMarkNoLongerHoldsAfterAnyChangeASnapshotShows(String change) throws SQLException {
		DataSource database = RealDatabases.freshDatabase(Engine.POSTGRES);
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE shelf (id SERIAL PRIMARY KEY, name TEXT NOT NULL)");
			statement.execute("CREATE INDEX shelf_name ON shelf (name)");
			statement.execute("CREATE FUNCTION shelf_count() RETURNS BIGINT LANGUAGE sql AS 'SELECT count(*) FROM shelf'");
			CatalogReader reader = CatalogReaders.forConnection(connection);
			CatalogReader.Marked marked = reader.readMarked(connection, CaptureOptions.all());
			assertThat(marked.mark()).isPresent();
			statement.execute("INSERT INTO shelf (name) VALUES ('rows do not change a mark')");
			assertThat(reader.unchangedSince(connection, marked.mark().get())).isTrue();

			statement.execute(change);

			assertThat(reader.read(connection, CaptureOptions.all())).as("the snapshot after %s", change)
				.isNotEqualTo(marked.snapshot());
			assertThat(reader.unchangedSince(connection, marked.mark().get())).as(change).isFalse();
		}
	}
}
