package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogMark;
import dev.dbparity.snapshots.catalog.CatalogReader.ChangedRead;
import dev.dbparity.snapshots.catalog.CatalogReader.Extent;
import dev.dbparity.snapshots.catalog.CatalogReader.Marked;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;

/**
 * MariaDB partial reads: told which statements ran since a snapshot's mark, the reader re-reads only what they name and
 * what names it, and only when the server's statement counters prove that nothing else ran. Each case runs one change
 * (its statements separated by new lines) and compares the partial read with a full read of the same database; the
 * partial extent also proves that the counter each statement kind adds to is the one the reader expects. On a server
 * of its own: another test's statements on a shared server would break the counts.
 */
class MySqlPartialReadTests {

	private static final String USER = "'dbparity_partial_reader'@'%'";

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static RunningEngine server;

	private final MySqlCatalogReader reader = new MySqlCatalogReader();

	@BeforeAll
	static void startServer() throws SQLException {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()));
		try (Connection connection = server.dataSource(fresh()).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE USER IF NOT EXISTS " + USER);
		}
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private static String fresh() {
		String name = "dbparity_partial_" + DATABASES.incrementAndGet();
		server.createDatabase(name);
		return name;
	}

	/**
	 * A database with a table that foreign keys reference ({@code rack}, referenced by {@code shelf}), views on tables
	 * and on views, a trigger, routines, an index and a table grant.
	 */
	private static DataSource shelves() throws SQLException {
		DataSource database = server.dataSource(fresh());
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : List.of("CREATE TABLE rack (id INT PRIMARY KEY, label VARCHAR(20))",
					"CREATE TABLE shelf (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, note VARCHAR(20), rack_id INT, "
							+ "CONSTRAINT shelf_rack FOREIGN KEY (rack_id) REFERENCES rack (id))",
					"CREATE TABLE bin (id INT PRIMARY KEY, size INT, CONSTRAINT bin_size CHECK (size > 0))",
					"CREATE INDEX shelf_name ON shelf (name)",
					"CREATE VIEW shelf_names AS SELECT id, name FROM shelf",
					"CREATE VIEW rack_labels AS SELECT id, label FROM rack",
					"CREATE VIEW rack_labels_again AS SELECT label FROM rack_labels WHERE id > 0",
					"CREATE TRIGGER shelf_touch BEFORE INSERT ON shelf FOR EACH ROW SET NEW.note = COALESCE(NEW.note, '')",
					"CREATE FUNCTION shelf_count() RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM shelf)",
					"CREATE PROCEDURE shelf_change() BEGIN PREPARE change_shelf FROM 'ALTER TABLE shelf ADD COLUMN extra "
							+ "INT'; EXECUTE change_shelf; DEALLOCATE PREPARE change_shelf; END",
					"GRANT INSERT ON shelf TO " + USER)) {
				statement.execute(sql);
			}
		}
		return database;
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"ALTER TABLE shelf ADD COLUMN extra INT",
		"ALTER TABLE shelf DROP COLUMN note",
		"ALTER TABLE shelf RENAME COLUMN note TO remark",
		"ALTER TABLE rack MODIFY label VARCHAR(80) NOT NULL",
		"RENAME TABLE rack TO racks",
		"ALTER TABLE rack RENAME TO racks",
		"ALTER TABLE rack RENAME COLUMN id TO number",
		"CREATE INDEX shelf_note ON shelf (note)",
		"DROP INDEX shelf_name ON shelf",
		"CREATE VIEW shelf_notes AS SELECT note FROM shelf",
		"CREATE OR REPLACE VIEW shelf_names AS SELECT id, name FROM shelf WHERE id > 1",
		"ALTER VIEW rack_labels AS SELECT id, UPPER(label) AS label FROM rack",
		"DROP VIEW rack_labels_again",
		"CREATE TRIGGER shelf_check BEFORE UPDATE ON shelf FOR EACH ROW SET NEW.note = 'updated'",
		"DROP TRIGGER shelf_touch",
		"CREATE PROCEDURE shelf_nothing() SELECT 1",
		"DROP PROCEDURE shelf_change",
		"CREATE FUNCTION shelf_twice(n INT) RETURNS INT DETERMINISTIC RETURN n * 2",
		"DROP FUNCTION shelf_count",
		"ALTER FUNCTION shelf_count COMMENT 'rows on the shelves'",
		"GRANT SELECT ON shelf TO " + USER,
		"REVOKE INSERT ON shelf FROM " + USER,
		"GRANT SELECT (name), UPDATE (note) ON shelf TO " + USER,
		"GRANT SELECT ON shelf_names TO " + USER,
		"GRANT EXECUTE ON FUNCTION shelf_count TO " + USER,
		"DROP TABLE bin\nCREATE TABLE bin (id BIGINT PRIMARY KEY, label TEXT)",
		"SET FOREIGN_KEY_CHECKS = 0\nDROP TABLE rack\nSET FOREIGN_KEY_CHECKS = 1",
		"ALTER TABLE rack DROP COLUMN label",
		"TRUNCATE TABLE bin\nALTER TABLE bin ADD COLUMN weight INT",
		"CREATE TABLE bin_copy LIKE bin",
		"CREATE TABLE shelf_copy LIKE shelf",
		"ALTER TABLE rack ADD CONSTRAINT rack_label CHECK (label <> '')",
		"ALTER TABLE bin ADD COLUMN rack_id INT, ADD FOREIGN KEY (rack_id) REFERENCES rack (id)",
		"CREATE TABLE hook (id INT PRIMARY KEY)\nCREATE TRIGGER hook_touch BEFORE INSERT ON hook FOR EACH ROW SET NEW.id = 1",
		"RENAME TABLE shelf TO shelves",
		"ALTER TABLE bin DROP CONSTRAINT bin_size",
		"CREATE TABLE settings (id INT PRIMARY KEY, preferences JSON)",
		"PREPARE change_shelf FROM 'ALTER TABLE shelf ADD COLUMN extra INT;'\nEXECUTE change_shelf\n"
				+ "DEALLOCATE PREPARE change_shelf",
		"PREPARE Change_Shelf FROM 'SELECT 1'\nEXECUTE change_shelf\nPREPARE change_shelf FROM "
				+ "'CREATE INDEX shelf_note ON shelf (note)'\nEXECUTE CHANGE_SHELF\nDROP PREPARE change_shelf",
		"PREPARE change_rack FROM 'ALTER TABLE rack ADD CONSTRAINT rack_label CHECK (label <> '''')'\n"
				+ "EXECUTE change_rack",
		"ALTER TABLE shelf ADD COLUMN total INT AS (id * 2) VIRTUAL",
		"ALTER TABLE shelf ADD COLUMN secret INT INVISIBLE",
		"ALTER TABLE shelf COMMENT 'the shelves'",
		"ALTER TABLE bin ENGINE = MyISAM",
		"ALTER TABLE shelf ROW_FORMAT = COMPRESSED",
		"ALTER TABLE shelf ADD FULLTEXT INDEX shelf_text (name)",
		"ALTER TABLE shelf ALTER INDEX shelf_name IGNORED",
		"ALTER TABLE shelf ALTER COLUMN note SET DEFAULT 'x'",
		"ALTER TABLE shelf MODIFY note VARCHAR(20) COMMENT 'a note'",
		"ALTER TABLE shelf DROP FOREIGN KEY shelf_rack",
		"ALTER TABLE bin MODIFY size BIGINT UNSIGNED",
		"ALTER TABLE bin ADD COLUMN kind ENUM('a','b') NOT NULL DEFAULT 'a' CHECK (kind <> 'b')",
		"ALTER TABLE bin RENAME COLUMN size TO volume",
		"ALTER TABLE bin DROP COLUMN size",
		"CREATE TABLE part (id INT PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 2",
		"CREATE TABLE bin_copy AS SELECT * FROM bin",
		"CREATE OR REPLACE TABLE bin (id INT PRIMARY KEY)",
		"DROP TABLE IF EXISTS bin, rack_labels",
		"ALTER TABLE shelf ADD CONSTRAINT shelf_name_unique UNIQUE (name)",
		"ALTER TABLE shelf ADD COLUMN bin_id INT REFERENCES bin (id)",
		"CREATE VIEW shelf_checked AS SELECT id FROM shelf WITH CHECK OPTION",
		"CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW shelf_merge AS SELECT * FROM shelf",
		"ALTER TABLE shelf ADD SYSTEM VERSIONING",
		"CREATE TRIGGER rack_touch BEFORE INSERT ON rack FOR EACH ROW SET NEW.label = 'x'",
		"CREATE TRIGGER shelf_touch2 BEFORE INSERT ON shelf FOR EACH ROW FOLLOWS shelf_touch SET NEW.name = 'x'",
		"RENAME TABLE shelf TO shelf_tmp, rack TO shelf, shelf_tmp TO rack",

		"ALTER TABLE rack ADD COLUMN preferences JSON",
		"ALTER TABLE rack MODIFY label JSON",
		"ALTER TABLE shelf ADD COLUMN extra INT\nINSERT INTO rack VALUES (1, 'a')\nALTER TABLE shelf DROP COLUMN extra\n"
				+ "ALTER TABLE shelf ADD COLUMN extra BIGINT",
	})
	void aPartialReadEqualsAFullReadAndShowsTheChange(String change) throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			assertPartialReadShows(connection, statement, change);
		}
	}

	/**
	 * A partial read reads again only the routines the statements name, of either kind and in any case (a key keeps the
	 * case of its {@code CREATE}: {@code Shelf_Total}), and keeps the others from the previous snapshot. A routine key
	 * is its name and its parameter types in parentheses: a name with a parenthesis of its own ({@code shelf_count(x},
	 * {@code shelf_label(varchar}) starts like another routine's key, so such routines are always read again, and a
	 * statement naming one reads all.
	 */
	@ParameterizedTest
	@ValueSource(strings = {
		"DROP FUNCTION SHELF_COUNT",
		"DROP FUNCTION shelf_total",
		"CREATE PROCEDURE shelf_count(IN n INT) SELECT n",
		"ALTER FUNCTION Shelf_Count COMMENT 'counted'",
		"DROP PROCEDURE shelf_change\nCREATE FUNCTION shelf_change(a INT, b DECIMAL(10,2)) RETURNS INT RETURN a",
		"CREATE FUNCTION `shelf_label(varchar`() RETURNS INT RETURN 2",
		"DROP FUNCTION `shelf_count(x`",
		"CREATE OR REPLACE FUNCTION shelf_label(v VARCHAR(30)) RETURNS INT RETURN 3",
		"GRANT EXECUTE ON FUNCTION SHELF_LABEL TO " + USER,
		"CREATE PROCEDURE shelf_label(IN v VARCHAR(20)) SELECT v",
		"CREATE PROCEDURE shelf_label(IN v VARCHAR(20)) SELECT v\nDROP FUNCTION shelf_label",
	})
	void routinesAreReadAgainByTheNamesTheStatementsGive(String change) throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE FUNCTION `shelf_count(x`() RETURNS INT RETURN 1");
			statement.execute("CREATE FUNCTION shelf_label(v VARCHAR(20)) RETURNS INT RETURN 1");
			statement.execute("CREATE FUNCTION Shelf_Total() RETURNS INT RETURN 0");
			statement.execute("GRANT EXECUTE ON FUNCTION shelf_count TO " + USER);
			assertPartialReadShows(connection, statement, change);
		}
	}

	/** {@link #assertPartialReadShows} on the shelves after {@code setUp}. */
	private void assertPartialReadShowsAfter(String setUp, String change) throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(setUp);
			assertPartialReadShows(connection, statement, change);
		}
	}

	/**
	 * Marks, runs the statements of {@code change} (one per line), and checks that the read told them is partial, equals
	 * a full read, shows the change, and is marked in turn.
	 */
	private void assertPartialReadShows(Connection connection, Statement statement, String change)
			throws SQLException {
		Marked marked = reader.readMarked(connection, CaptureOptions.all());
		assertThat(marked.mark()).isPresent();

		ChangedRead read = eachReadEqualsAFullRead(connection, statement, marked, List.of(change)).get(0);

		assertThat(json(read.marked().snapshot())).as(change).isNotEqualTo(json(marked.snapshot()));
		assertThat(read.marked().mark()).as("a partial read is marked in turn").isPresent();
	}

	/**
	 * A relation that no statement names keeps the kind the previous snapshot gives it, and is looked for only among
	 * that kind's catalog views; one that a statement names may have changed kind, and one whose name the previous
	 * snapshot has as a table and as a view (names differ in case only, on a server that tells them apart) is looked for
	 * as both.
	 */
	@ParameterizedTest
	@ValueSource(strings = {
		"DROP VIEW shelf_names\nCREATE TABLE shelf_names (id INT PRIMARY KEY, name VARCHAR(40))",
		"DROP TABLE bin\nCREATE VIEW bin AS SELECT id FROM shelf",
		"RENAME TABLE rack_labels TO rack_titles\nCREATE TABLE rack_labels (id INT)",
		"ALTER TABLE rack ADD COLUMN extra INT",
	})
	void aRelationsKindIsTakenFromThePreviousSnapshotOnlyWhenNoStatementNamesIt(String change) throws SQLException {
		assertPartialReadShowsAfter("CREATE TABLE Rack_Labels (id INT PRIMARY KEY, rack_id INT, "
				+ "FOREIGN KEY (rack_id) REFERENCES rack (id))", change);
	}

	/**
	 * MariaDB checks every JSON column with {@code json_valid}: a statement that makes one, or copies another table's
	 * columns, gives the table a check that no {@code CHECK} in the statement shows.
	 */
	@ParameterizedTest
	@ValueSource(strings = {
		"CREATE TABLE doc_copy AS SELECT * FROM doc",
		"CREATE TABLE doc_copy SELECT id, body FROM doc",
		"CREATE TABLE doc_copy LIKE doc",
		"ALTER TABLE rack ADD COLUMN body JSON NOT NULL DEFAULT '{}'",
	})
	void aJsonColumnsCheckIsReadWithTheTableThatGetsIt(String change) throws SQLException {
		assertPartialReadShowsAfter("CREATE TABLE doc (id INT PRIMARY KEY, body JSON)", change);
	}

	/**
	 * MariaDB keeps a view's definition as it was written, whatever becomes of the routines and relations it names: a
	 * routine made again with another return type, or dropped, leaves the view as it was, so a partial read does not
	 * read it again, and equals a full read.
	 */
	@ParameterizedTest
	@ValueSource(strings = {
		"DROP FUNCTION shelf_count\nCREATE FUNCTION shelf_count() RETURNS VARCHAR(20) READS SQL DATA RETURN 'many'",
		"CREATE OR REPLACE FUNCTION shelf_count() RETURNS DECIMAL(10,2) READS SQL DATA RETURN 1.5",
		"DROP FUNCTION shelf_count",
	})
	void aViewStaysAsItWasWhateverBecomesOfTheRoutinesItCalls(String change) throws SQLException {
		assertPartialReadShowsAfter("CREATE VIEW shelf_totals AS SELECT shelf_count() AS total", change);
	}

	/**
	 * A view over a table renamed, dropped or changed under it reads the same (invalid, but as it was written): the
	 * read after the change reads again the tables only, not the views that mention them.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "RENAME TABLE rack TO racks", "ALTER TABLE rack RENAME COLUMN id TO number",
		"ALTER TABLE rack DROP COLUMN label", "ALTER TABLE rack MODIFY label VARCHAR(80) NOT NULL" })
	void theViewsOverAChangedTableAreNotReadAgain(String change) throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			ChangedRead read = eachReadEqualsAFullRead(connection, statement,
					reader.readMarked(connection, CaptureOptions.all()), List.of(change)).get(0);

			// rack (and racks, when renamed), and shelf, whose foreign key references rack: not rack_labels, nor the
			// view on that view.
			assertThat(read.objects()).as(change).isEqualTo(2);
		}
	}

	/**
	 * A partial read is a listing of its relations and one catalog query, whose kinds are told before both, after the
	 * mark: a round trip reads tables' rows on another session from the first kind told, beside them rather than
	 * after. Told later, the second kind would follow the first with fewer queries between them.
	 */
	@Test
	void aPartialReadTellsItsFirstKindBeforeItsCatalogQuery() throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			Marked marked = reader.readMarked(connection, CaptureOptions.all());
			String change = "ALTER TABLE shelf ADD COLUMN extra INT";
			statement.execute(change);
			List<Long> selectsWhenTold = new ArrayList<>();
			CaptureOptions options = new CaptureOptions(List.of(), kind -> selectsWhenTold.add(selects(connection)));

			ChangedRead read = reader.readChanged(connection, marked, options, List.of(change));

			assertThat(read.extent()).isEqualTo(Extent.PARTIAL);
			// Each count includes the query that counts: two more between the two are the partial read's, the listing
			// of its relations and the catalog query.
			assertThat(selectsWhenTold.get(1) - selectsWhenTold.get(0)).isEqualTo(3);
		}
	}

	/** The {@code SELECT}s {@code connection}'s session has run, this one included. */
	private static long selects(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS "
						+ "WHERE VARIABLE_NAME = 'COM_SELECT'")) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aNameQualifiedWithItsOwnDatabaseIsKnown() throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			Marked marked = reader.readMarked(connection, CaptureOptions.all());
			String change = "ALTER TABLE `" + connection.getCatalog() + "`.shelf ADD COLUMN extra INT";
			statement.execute(change);

			ChangedRead read = reader.readChanged(connection, marked, CaptureOptions.all(), List.of(change));

			assertThat(read.extent()).isEqualTo(Extent.PARTIAL);
			assertThat(json(read.marked().snapshot())).isEqualTo(json(reader.read(connection, CaptureOptions.all())));
		}
	}

	@Test
	void successivePartialReadsBuildOnEachOther() throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			Marked marked = reader.readMarked(connection, CaptureOptions.all());
			for (String change : List.of("ALTER TABLE shelf ADD COLUMN a INT", "RENAME TABLE rack TO racks",
					"CREATE VIEW rack_ids AS SELECT id FROM racks", "RENAME TABLE racks TO rack")) {
				statement.execute(change);
				ChangedRead read = reader.readChanged(connection, marked, CaptureOptions.all(), List.of(change));
				assertThat(read.extent()).as(change).isEqualTo(Extent.PARTIAL);
				assertThat(json(read.marked().snapshot())).as(change)
					.isEqualTo(json(reader.read(connection, CaptureOptions.all())));
				marked = read.marked();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"EXECUTE IMMEDIATE 'ALTER TABLE shelf ADD COLUMN extra INT'",
		"OPTIMIZE TABLE bin",
		"CREATE DATABASE dbparity_partial_created",
		"CREATE TABLE dbparity_partial_other.shelf (id INT)",
		"ALTER TABLE shelf CONVERT TO CHARACTER SET latin1",
		"CREATE SEQUENCE shelf_numbers",
		"SET @change = 'ALTER TABLE shelf ADD COLUMN extra INT'\nPREPARE change_shelf FROM @change\nEXECUTE change_shelf",
		"PREPARE change_shelf FROM 'ALTER TABLE shelf ADD COLUMN extra VARCHAR(9) DEFAULT \\'x\\''\n"
				+ "EXECUTE change_shelf",
		"PREPARE change_shelf FROM 'ALTER TABLE shelf CONVERT TO CHARACTER SET latin1'\nEXECUTE change_shelf",
		"PREPARE change_shelf FROM 'SELECT 1'\nDEALLOCATE PREPARE change_shelf\n"
				+ "SET @change = 'ALTER TABLE shelf ADD COLUMN extra INT'\nPREPARE change_shelf FROM @change\n"
				+ "EXECUTE change_shelf",
	})
	void statementsNotKnownGiveAFullRead(String change) throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS dbparity_partial_other");
			assertFullReadAfter(connection, statement, change);
		}
		finally {
			try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS dbparity_partial_created");
				statement.execute("DROP DATABASE IF EXISTS dbparity_partial_other");
			}
		}
	}

	/**
	 * A {@code CALL} names nothing: what the procedure runs counts on its own, so the read after one whose statements
	 * change no schema is partial (with routine statements beside it every routine is read again: a row the procedure
	 * writes to {@code mysql.proc} counts nowhere), and after one that changes the schema, directly or through SQL it
	 * prepares, the counters show more than was told and the read is full.
	 */
	@ParameterizedTest
	@ValueSource(strings = {
		"CALL shelf_rows()\nALTER TABLE shelf ADD COLUMN extra INT",
		"CREATE PROCEDURE shelf_fill() BEGIN DECLARE n INT; SELECT COUNT(*) INTO n FROM shelf; IF n = 0 THEN "
				+ "INSERT INTO rack VALUES (7, 'seven'); END IF; END\nCALL shelf_fill()\nDROP PROCEDURE shelf_fill\n"
				+ "ALTER TABLE shelf ADD COLUMN extra INT",
		"CREATE PROCEDURE shelf_sneak() UPDATE mysql.proc SET comment = 'sneaked' WHERE db = DATABASE() "
				+ "AND name = 'shelf_count'\nCALL shelf_sneak()\nDROP PROCEDURE shelf_sneak",
	})
	void aProcedureWhoseStatementsChangeNoSchemaIsFollowedByAPartialRead(String change) throws SQLException {
		assertPartialReadShowsAfter("CREATE PROCEDURE shelf_rows() BEGIN UPDATE rack SET label = label; "
				+ "DELETE FROM bin WHERE id < 0; END", change);
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"CALL shelf_change()",
		"CREATE PROCEDURE shelf_widen() BEGIN IF (SELECT COUNT(*) FROM shelf) = 0 THEN "
				+ "ALTER TABLE bin ADD COLUMN depth INT; END IF; END\nCALL shelf_widen()\nDROP PROCEDURE shelf_widen",
	})
	void aProcedureThatChangesTheSchemaGivesAFullRead(String change) throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			Marked before = assertFullReadAfter(connection, statement, change);

			assertThat(json(reader.read(connection, CaptureOptions.all()))).as(change)
				.isNotEqualTo(json(before.snapshot()));
		}
	}

	/**
	 * Marks, runs the statements of {@code change} (one per line), and checks that the read told them is a full one,
	 * equal to a full read; the read marked before them.
	 */
	private Marked assertFullReadAfter(Connection connection, Statement statement, String change)
			throws SQLException {
		Marked marked = reader.readMarked(connection, CaptureOptions.all());
		List<String> statements = Arrays.asList(change.split("\n"));
		for (String sql : statements) {
			statement.execute(sql);
		}

		ChangedRead read = reader.readChanged(connection, marked, CaptureOptions.all(), statements);

		assertThat(read.extent()).as(change).isEqualTo(Extent.FULL);
		assertThat(json(read.marked().snapshot())).isEqualTo(json(reader.read(connection, CaptureOptions.all())));
		return marked;
	}

	/**
	 * Another session's DDL between the mark and the read is not among the statements told: the counters show one
	 * {@code ALTER TABLE} more than those, and a partial read, which would miss it, is refused.
	 */
	@Test
	void anotherSessionsChangeGivesAFullRead() throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			Marked marked = reader.readMarked(connection, CaptureOptions.all());
			String told = "ALTER TABLE shelf ADD COLUMN extra INT";
			statement.execute(told);
			try (Connection other = database.getConnection(); Statement elsewhere = other.createStatement()) {
				elsewhere.execute("ALTER TABLE bin ADD COLUMN hidden INT");
			}

			ChangedRead read = reader.readChanged(connection, marked, CaptureOptions.all(), List.of(told));

			assertThat(read.extent()).isEqualTo(Extent.FULL);
			assertThat(read.marked().snapshot().at(List.of("schemas", "default", "tables", "bin", "columns", "hidden")))
				.isPresent();
		}
	}

	/**
	 * A mark's state names only the counters that are not zero: a statement not told whose counter was still zero at
	 * the mark ({@code CREATE ROLE}, which no other case runs on this server) is seen all the same, and refuses the
	 * partial read, which the comparison with a full read could not catch: a role is not in a snapshot.
	 */
	@Test
	void anUntoldStatementOfAKindNotRunBeforeGivesAFullRead() throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			assertThat(counter(statement, "COM_CREATE_ROLE")).as("roles created on this server").isZero();
			Marked marked = reader.readMarked(connection, CaptureOptions.all());
			String told = "ALTER TABLE shelf ADD COLUMN extra INT";
			statement.execute(told);
			statement.execute("CREATE ROLE dbparity_partial_role");
			try {
				ChangedRead read = reader.readChanged(connection, marked, CaptureOptions.all(), List.of(told));

				assertThat(read.extent()).isEqualTo(Extent.FULL);
			}
			finally {
				statement.execute("DROP ROLE dbparity_partial_role");
			}
		}
	}

	/**
	 * A mark holds the settings a snapshot reads and the current database, which no statement counter shows changing
	 * ({@code SET} and {@code USE} are not counted): a change to either breaks it.
	 */
	@Test
	void aMarkNoLongerHoldsAfterTheSettingsOrTheCurrentDatabaseChange() throws SQLException {
		DataSource database = shelves();
		String other = fresh();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			CatalogMark mark = reader.readMarked(connection, CaptureOptions.all()).mark().orElseThrow();
			assertThat(reader.unchangedSince(connection, mark)).as("nothing changed").isTrue();
			String zone;
			try (ResultSet result = statement.executeQuery("SELECT @@GLOBAL.time_zone")) {
				result.next();
				zone = result.getString(1);
			}
			statement.execute("SET GLOBAL time_zone = '+01:23'");
			try {
				assertThat(reader.unchangedSince(connection, mark)).as("another time zone").isFalse();
			}
			finally {
				statement.execute("SET GLOBAL time_zone = '" + zone + "'");
			}
			assertThat(reader.unchangedSince(connection, mark)).as("the time zone set back").isTrue();
			connection.setCatalog(other);
			assertThat(reader.unchangedSince(connection, mark)).as("another current database").isFalse();
		}
	}

	private static long counter(Statement statement, String name) throws SQLException {
		try (ResultSet counter = statement.executeQuery("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
				+ "WHERE VARIABLE_NAME = '" + name + "'")) {
			assertThat(counter.next()).as(name).isTrue();
			return counter.getLong(1);
		}
	}

	/** A statement told but counted by another counter than the reader expects would also give a full read. */
	@Test
	void statementsToldThatDidNotRunGiveAFullRead() throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			Marked marked = reader.readMarked(connection, CaptureOptions.all());
			statement.execute("ALTER TABLE shelf ADD COLUMN extra INT");

			ChangedRead read = reader.readChanged(connection, marked, CaptureOptions.all(),
					List.of("ALTER TABLE shelf ADD COLUMN extra INT", "CREATE INDEX bin_size ON bin (size)"));

			assertThat(read.extent()).isEqualTo(Extent.FULL);
		}
	}

	/**
	 * A round trip's undo and second up bring relations back as an earlier read saw them: the server renders each as it
	 * was ({@code SHOW CREATE TABLE}), and the read takes that read's node instead of the relation's catalog rows, with
	 * its triggers and grants read again. Each case is a change and its undo, run as a round trip runs them (up, undo,
	 * up): every read equals a full read, and the second up's read recognises every relation it reads again.
	 */
	@ParameterizedTest
	@ValueSource(strings = {
		"ALTER TABLE shelf ADD COLUMN extra INT|ALTER TABLE shelf DROP COLUMN extra",
		"CREATE INDEX shelf_note ON shelf (note)|DROP INDEX shelf_note ON shelf",
		"CREATE OR REPLACE VIEW shelf_names AS SELECT id FROM shelf|"
				+ "CREATE OR REPLACE VIEW shelf_names AS SELECT id, name FROM shelf",
		"ALTER TABLE rack MODIFY label VARCHAR(80)|ALTER TABLE rack MODIFY label VARCHAR(20)",
		"ALTER TABLE bin ADD CONSTRAINT bin_small CHECK (size < 100)|ALTER TABLE bin DROP CONSTRAINT bin_small",
		"ALTER TABLE bin ADD COLUMN rack_id INT, ADD CONSTRAINT bin_rack FOREIGN KEY (rack_id) REFERENCES rack (id)|"
				+ "ALTER TABLE bin DROP FOREIGN KEY bin_rack, DROP COLUMN rack_id",
		"CREATE TRIGGER shelf_again BEFORE UPDATE ON shelf FOR EACH ROW SET NEW.note = 'x'|DROP TRIGGER shelf_again",
		"GRANT SELECT (note) ON shelf TO " + USER + "|REVOKE SELECT (note) ON shelf FROM " + USER,
		"ALTER TABLE shelf COMMENT 'the shelves'|ALTER TABLE shelf COMMENT ''",
		"ALTER TABLE rack ADD COLUMN preferences JSON|ALTER TABLE rack DROP COLUMN preferences",
	})
	void aRelationRenderedAsAnEarlierReadSawItIsTakenFromThatRead(String change) throws SQLException {
		String[] upAndUndo = change.split("\\|");
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			Marked marked = reader.readMarked(connection, CaptureOptions.all());
			List<ChangedRead> reads = eachReadEqualsAFullRead(connection, statement, marked,
					List.of(upAndUndo[0], upAndUndo[1], upAndUndo[0]));

			ChangedRead upAgain = reads.get(2);
			assertThat(upAgain.objects()).as(change).isPositive();
			assertThat(upAgain.recognised()).as(change).isEqualTo(upAgain.objects());
		}
	}

	/**
	 * A recognised relation's triggers and grants are those of the moment it is read, not those of the read it was
	 * recognised from: a grant revoked or a trigger dropped since is gone, a grant on a column that a dropped and
	 * re-created column takes over is there.
	 */
	@Test
	void aRecognisedRelationHasTheTriggersAndGrantsOfNow() throws SQLException {
		assertThat(recognisedAfter("",
				"GRANT SELECT (note) ON shelf TO " + USER,
				"ALTER TABLE shelf COMMENT 'x'",
				"ALTER TABLE shelf COMMENT ''",
				"REVOKE SELECT (note) ON shelf FROM " + USER,
				"CREATE TRIGGER shelf_again BEFORE UPDATE ON shelf FOR EACH ROW SET NEW.note = 'x'",
				"ALTER TABLE shelf COMMENT 'x'",
				"DROP TRIGGER shelf_again",
				"GRANT UPDATE (note) ON shelf TO " + USER,
				"ALTER TABLE shelf DROP COLUMN note",
				"ALTER TABLE shelf ADD COLUMN note VARCHAR(20) AFTER name"))
			.as("shelf").containsExactly(0, 0, 1, 1, 1, 1, 1, 1, 0, 1);
	}

	/**
	 * A rendering shows the options a table has, the catalog the options it was given: an Aria table given another row
	 * format is rendered as before ({@code ROW_FORMAT=PAGE}), and is read again all the same, as the key of a rendering
	 * holds the table's row of {@code TABLES}.
	 */
	@Test
	void aTableRenderedAsBeforeWithOtherOptionsIsReadAgain() throws SQLException {
		assertThat(recognisedAfter("CREATE TABLE note (id INT PRIMARY KEY, body TEXT) ENGINE=InnoDB ROW_FORMAT=DYNAMIC",
				"ALTER TABLE note ENGINE=Aria",
				"ALTER TABLE note ROW_FORMAT=COMPRESSED",
				"ALTER TABLE note ROW_FORMAT=COMPACT",
				"ALTER TABLE note ROW_FORMAT=COMPRESSED"))
			.containsExactly(0, 0, 0, 1);
	}

	/** The counter of a table's next AUTO_INCREMENT value, which rows move, is no part of a relation's rendering. */
	@Test
	void rowsWrittenDoNotKeepARelationFromBeingRecognised() throws SQLException {
		assertThat(recognisedAfter("CREATE TABLE tally (id INT AUTO_INCREMENT PRIMARY KEY, n INT)",
				"ALTER TABLE tally ADD COLUMN m INT",
				"INSERT INTO tally (n) VALUES (1), (2)\nALTER TABLE tally DROP COLUMN m",
				"ALTER TABLE tally ADD COLUMN m INT"))
			.containsExactly(0, 0, 1);
	}

	/**
	 * A session whose {@code sql_mode} makes the server leave options out of a rendering ({@code NO_FIELD_OPTIONS}
	 * leaves out columns' comments and {@code ON UPDATE}) reads every relation from the catalog.
	 */
	@Test
	void renderingsWithoutEveryOptionAreNotUsed() throws SQLException {
		assertThat(recognisedAfter("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_FIELD_OPTIONS')",
				"ALTER TABLE shelf MODIFY note VARCHAR(20) COMMENT 'a note'",
				"ALTER TABLE shelf MODIFY note VARCHAR(20) COMMENT 'another note'",
				"ALTER TABLE shelf MODIFY note VARCHAR(20) COMMENT 'a note'"))
			.containsExactly(0, 0, 0);
	}

	/**
	 * How many relations each read of {@code changes} recognised ({@link #eachReadEqualsAFullRead}), on the shelves
	 * after {@code setUp} ran on the reading session.
	 */
	private List<Integer> recognisedAfter(String setUp, String... changes) throws SQLException {
		DataSource database = shelves();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			if (!setUp.isEmpty()) {
				statement.execute(setUp);
			}
			return eachReadEqualsAFullRead(connection, statement, reader.readMarked(connection, CaptureOptions.all()),
					List.of(changes)).stream()
				.map(ChangedRead::recognised).toList();
		}
	}

	/**
	 * Runs each change of {@code changes} (its statements one per line) and reads what changed, each read from the one
	 * before, the first from {@code marked}; checks that each read is partial and equals a full read, and gives the
	 * reads.
	 */
	private List<ChangedRead> eachReadEqualsAFullRead(Connection connection, Statement statement, Marked marked,
			List<String> changes) throws SQLException {
		List<ChangedRead> reads = new ArrayList<>();
		for (String change : changes) {
			List<String> statements = Arrays.asList(change.split("\n"));
			for (String sql : statements) {
				statement.execute(sql);
			}
			ChangedRead read = reader.readChanged(connection, marked, CaptureOptions.all(), statements);
			assertThat(read.extent()).as(change).isEqualTo(Extent.PARTIAL);
			assertThat(json(read.marked().snapshot())).as(change)
				.isEqualTo(json(reader.read(connection, CaptureOptions.all())));
			reads.add(read);
			marked = read.marked();
		}
		return reads;
	}

	private static String json(SchemaSnapshot snapshot) {
		return new String(snapshot.toCanonicalJson(), java.nio.charset.StandardCharsets.UTF_8);
	}
}
