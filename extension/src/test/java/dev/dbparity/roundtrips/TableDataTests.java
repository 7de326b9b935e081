package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dbparity.baselines.SchemaBaselineCheck;
import dev.dbparity.engines.EngineDialect;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;

/** Content hashes and orphan checks of {@link TableData}, and the session they run in, on real engines. */
class TableDataTests {

	private static final TableRef NOTE = new TableRef("default", "note");
	private static final TableRef SHELF = new TableRef("default", "shelf");
	private static final TableRef BOOK = new TableRef("default", "book");

	private interface Body {

		void run(Connection connection, SchemaSnapshot snapshot) throws Exception;
	}

	private static void inDatabase(RunningEngine engine, List<String> ddl, Body body) throws Exception {
		String name = "dbparity_td_" + Long.toHexString(System.nanoTime());
		engine.createDatabase(name);
		try (Connection connection = engine.dataSource(name).getConnection()) {
			try (Statement statement = connection.createStatement()) {
				for (String each : ddl) {
					statement.execute(each);
				}
			}
			body.run(connection, SchemaBaselineCheck.snapshot(engine.dataSource(name)));
		}
		finally {
			engine.dropDatabase(name);
		}
	}

	private static void execute(Connection connection, String... statements) throws Exception {
		try (Statement statement = connection.createStatement()) {
			for (String each : statements) {
				statement.execute(each);
			}
		}
	}

	@Test
	void postgresReadsManySmallTablesInOneStatementWithoutStartingParallelWorkers() throws Exception {
		List<String> ddl = new ArrayList<>();
		List<String> orphanCounts = new ArrayList<>();
		ddl.add("CREATE TABLE t0 (id BIGINT PRIMARY KEY)");
		for (int t = 1; t <= 60; t++) {
			ddl.add("CREATE TABLE t" + t + " (id BIGINT PRIMARY KEY, parent BIGINT REFERENCES t" + (t - 1) + " (id))");
			orphanCounts.add("SELECT " + t + ", COUNT(*) FROM t" + t + " c LEFT JOIN t" + (t - 1) + " p ON p.id = "
					+ "c.parent WHERE c.parent IS NOT NULL AND p.id IS NULL");
		}
		String explain = "EXPLAIN " + String.join(" UNION ALL ", orphanCounts);
		inDatabase(RealDatabases.server(Engine.POSTGRES), ddl, (connection, snapshot) -> {
			assertThat(plan(connection, explain)).as("a session as it starts plans this statement in parallel, whose "
					+ "workers take longer to start than the statement takes").contains("Gather");

			EngineDialect.of(Engine.POSTGRES).forManySmallReads(connection);

			assertThat(plan(connection, explain)).doesNotContain("Gather").contains("Anti Join");
		});
	}

	private static String plan(Connection connection, String explain) throws Exception {
		StringBuilder plan = new StringBuilder();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(explain)) {
			while (rows.next()) {
				plan.append(rows.getString(1)).append('\n');
			}
		}
		return plan.toString();
	}

	@Test
	void mariaDbContentsTellApartValuesThatImitateAColumnBoundaryOrANull() throws Exception {
		inDatabase(RealDatabases.server(Engine.MARIADB), List.of("CREATE TABLE note (id INT PRIMARY KEY, a VARCHAR(20), b VARCHAR(20))"),
				(connection, snapshot) -> {
					// Each pair holds the same number of rows whose values a plain concatenation would mix up.
					String[][] pairs = {
						{"(1, 'x'',''y', 'z')", "(1, 'x', 'y'',''z')"},
						{"(1, 'x,y', 'z')", "(1, 'x', 'y,z')"},
						{"(1, NULL, 'z')", "(1, 'NULL', 'z')"},
						{"(1, NULL, 'z')", "(1, '', 'z')"},
						{"(1, 'x\\\\', 'z')", "(1, 'x', '\\\\z')"},
						{"(1, 'x', 'y'), (2, 'x', 'y')", "(1, 'x', 'y'), (2, 'x', 'Y')"} };
					for (String[] pair : pairs) {
						execute(connection, "DELETE FROM note", "INSERT INTO note VALUES " + pair[0]);
						TableData.Content first = TableData.contents(connection, snapshot).get(NOTE);
						execute(connection, "DELETE FROM note", "INSERT INTO note VALUES " + pair[1]);
						TableData.Content second = TableData.contents(connection, snapshot).get(NOTE);

						assertThat(second.rows()).isEqualTo(first.rows());
						assertThat(second.sha256()).as(pair[0] + " against " + pair[1]).isNotEqualTo(first.sha256());
					}
				});
	}

	@Test
	void mariaDbContentsOfATableWhoseColumnsWereAllRenamedAreItsRowCount() throws Exception {
		inDatabase(RealDatabases.server(Engine.MARIADB), List.of("CREATE TABLE note (a INT, b VARCHAR(20))", "INSERT INTO note VALUES (1, 'x'), "
				+ "(2, 'y')"), (connection, before) -> {
					execute(connection, "ALTER TABLE note RENAME COLUMN a TO c, RENAME COLUMN b TO d");
					SchemaSnapshot present = SchemaBaselineCheck.snapshot(RealDatabases.server(Engine.MARIADB).dataSource(connection.getCatalog()));

					TableData.Content content = TableData.contents(connection, before, present).get(NOTE);

					assertThat(content.rows()).as("no column is left to compare, the rows still count").isEqualTo(2);
				});
	}

	/**
	 * With a memo, a table is read again only when the engine's checksum of its rows or the columns read changed; the
	 * contents are those a read without the memo gives.
	 */
	@Test
	void mariaDbContentsAreReadAgainOnlyForTablesWhoseRowsChecksumOrColumnsChanged() throws Exception {
		inDatabase(RealDatabases.server(Engine.MARIADB), List.of(
				"CREATE TABLE shelf (id INT PRIMARY KEY, name VARCHAR(50))",
				"CREATE TABLE book (id INT PRIMARY KEY, pages INT, title VARCHAR(50))",
				"INSERT INTO shelf VALUES (1, 'oak'), (2, 'pine')",
				"INSERT INTO book VALUES (1, 100, 'Emma'), (2, 200, 'Kim')"), (connection, snapshot) -> {
			RoundTripTimings timings = new RoundTripTimings();
			ContentMemo memo = new ContentMemo(timings);
			TableData.Tables tables = TableData.Tables.of(snapshot);
			Map<TableRef, TableData.Content> first = TableData.contents(connection, tables, tables, memo);

			assertThat(first).isEqualTo(TableData.contents(connection, snapshot));
			assertThat(List.of(timings.tablesRead(), timings.tablesUnchanged())).containsExactly(2L, 0L);
			assertThat(TableData.contents(connection, tables, tables, memo)).isEqualTo(first);
			assertThat(List.of(timings.tablesRead(), timings.tablesUnchanged())).containsExactly(2L, 2L);

			execute(connection, "UPDATE shelf SET name = 'elm' WHERE id = 2");
			Map<TableRef, TableData.Content> renamed = TableData.contents(connection, tables, tables, memo);

			assertThat(renamed).isEqualTo(TableData.contents(connection, snapshot));
			assertThat(renamed.get(SHELF).rows()).isEqualTo(2);
			assertThat(renamed.get(SHELF)).isNotEqualTo(first.get(SHELF));
			assertThat(renamed.get(BOOK)).isEqualTo(first.get(BOOK));
			assertThat(List.of(timings.tablesRead(), timings.tablesUnchanged())).containsExactly(3L, 3L);

			execute(connection, "ALTER TABLE book DROP COLUMN title");
			SchemaSnapshot without = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
			Map<TableRef, TableData.Content> fewer = TableData.contents(connection, tables,
					TableData.Tables.of(without), memo);

			assertThat(fewer).isEqualTo(TableData.contents(connection, snapshot, without));
			assertThat(fewer.get(BOOK)).isNotEqualTo(first.get(BOOK));
			assertThat(List.of(timings.tablesRead(), timings.tablesUnchanged())).as("book is read over fewer columns")
				.containsExactly(4L, 4L);
		});
	}

	/**
	 * A generated column's new expression changes what the table's rows read as, but no row the checksum reads: the
	 * table is read again, as its columns' definitions changed.
	 */
	@Test
	void mariaDbContentsAreReadAgainWhenAGeneratedColumnsExpressionChanged() throws Exception {
		inDatabase(RealDatabases.server(Engine.MARIADB), List.of(
				"CREATE TABLE book (id INT PRIMARY KEY, pages INT, sheets INT AS (pages / 2) VIRTUAL)",
				"INSERT INTO book (id, pages) VALUES (1, 100), (2, 200)"), (connection, before) -> {
			ContentMemo memo = new ContentMemo(new RoundTripTimings());
			TableData.Tables tables = TableData.Tables.of(before);
			Map<TableRef, TableData.Content> first = TableData.contents(connection, tables, tables, memo);

			execute(connection, "ALTER TABLE book MODIFY sheets INT AS (pages / 4) VIRTUAL");
			SchemaSnapshot after = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
			TableData.Tables now = TableData.Tables.of(after);
			Map<TableRef, TableData.Content> again = TableData.contents(connection, now, now, memo);

			assertThat(again).isEqualTo(TableData.contents(connection, after)).isNotEqualTo(first);
		});
	}

	@Test
	void mariaDbOrphansCountEachChildWithoutParentOnceAndNoneThatHasSeveral() throws Exception {
		// MariaDB lets a foreign key reference a non-unique index, so a child may have several parent rows.
		inDatabase(RealDatabases.server(Engine.MARIADB), List.of("CREATE TABLE shelf (code INT, name VARCHAR(10), KEY shelf_code (code))",
				"CREATE TABLE book (id INT PRIMARY KEY, shelf INT, FOREIGN KEY book_shelf (shelf) REFERENCES shelf (code))",
				"INSERT INTO shelf VALUES (1, 'a'), (1, 'b'), (2, 'c')",
				"INSERT INTO book VALUES (1, 1), (2, 1), (3, 2), (4, NULL)"), (connection, snapshot) -> {
					execute(connection, "SET foreign_key_checks = 0", "INSERT INTO book VALUES (5, 7), (6, 7), (7, 8)",
							"SET foreign_key_checks = 1");

					List<TableData.Orphans> orphans = TableData.orphans(connection, snapshot);

					assertThat(orphans).singleElement().extracting(TableData.Orphans::rows).isEqualTo(3L);
				});
	}

	/**
	 * PostgreSQL keeps the plans of a read that runs again; a table changed or re-created between two reads must still
	 * be read as it is now, also after the driver has begun to prepare the read on the server.
	 */
	@Test
	void postgresContentsFollowATableChangedOrRecreatedAfterTheReadWasPreparedOnTheServer() throws Exception {
		TableRef note = new TableRef("public", "note");
		inDatabase(RealDatabases.server(Engine.POSTGRES), List.of("CREATE TABLE note (id INT PRIMARY KEY)",
				"CREATE TABLE other (id INT PRIMARY KEY)", "INSERT INTO note VALUES (1), (2)"), (connection, snapshot) -> {
					TableData.Tables tables = TableData.Tables.of(snapshot);
					TableData.Content first = TableData.contents(connection, tables, tables).get(note);
					for (int i = 0; i < 10; i++) {
						assertThat(TableData.contents(connection, tables, tables).get(note)).isEqualTo(first);
					}

					execute(connection, "ALTER TABLE note ADD COLUMN label TEXT DEFAULT 'x'");
					TableData.Content withColumn = TableData.contents(connection, tables, tables).get(note);
					execute(connection, "DROP TABLE note", "CREATE TABLE note (id INT PRIMARY KEY)",
							"INSERT INTO note VALUES (1), (2), (3)");
					TableData.Content recreated = TableData.contents(connection, tables, tables).get(note);

					assertThat(withColumn.rows()).isEqualTo(2);
					assertThat(withColumn.sha256()).as("the new column's values are read").isNotEqualTo(first.sha256());
					assertThat(recreated.rows()).as("the new table's rows are read").isEqualTo(3);
				});
	}

	/**
	 * A number, date or time is quoted without its cast to bytes, which costs MariaDB about a third of the statement;
	 * its text is the same as its cast's, and a table that mixes collations still reads.
	 */
	@Test
	void mariaDbRowTextOfNumbersDatesAndTimesIsTheTextOfTheirBytes() throws Exception {
		String table = "CREATE TABLE note (i INT, u BIGINT UNSIGNED, b TINYINT(1), d DECIMAL(10,2), f FLOAT, g DOUBLE, "
				+ "dt DATE, ts DATETIME(3), tm TIME, y YEAR, bits BIT(8), e ENUM('a','b'), "
				+ "l VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci, "
				+ "t VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci)";
		inDatabase(RealDatabases.server(Engine.MARIADB), List.of(table, "INSERT INTO note VALUES (-1, 18446744073709551615, 1, "
				+ "-12.50, 1.5, -0.000123456789, '2024-02-29', '2024-02-29 13:14:15.123', '-838:59:59', 2024, b'101', 'b', "
				+ "'åx', 'ü''y'), (NULL, 0, 0, 0, -1e30, 1e300, '1000-01-01', '1970-01-01 00:00:00', '00:00:01', 1901, "
				+ "NULL, NULL, NULL, '')"), (connection, snapshot) -> {
					EngineDialect dialect = EngineDialect.of(Engine.MARIADB);
					TableData.Tables tables = TableData.Tables.of(snapshot);
					List<String> columns = TableData.columnsByPosition(tables.byName().get(NOTE));
					List<String> types = columns.stream()
						.map(column -> tables.byName().get(NOTE).path("columns").path(column).path("type").asText())
						.toList();
					List<String> asBytes = columns.stream().map(column -> "blob").toList();

					List<String> texts = texts(connection, "SELECT " + dialect.rowText("r", columns, types)
							+ " FROM note r ORDER BY 1");
					List<String> castTexts = texts(connection, "SELECT " + dialect.rowText("r", columns, asBytes)
							+ " FROM note r ORDER BY 1");

					assertThat(texts).hasSize(2).isEqualTo(castTexts);
					assertThat(TableData.contents(connection, tables, tables).get(NOTE).rows()).isEqualTo(2);
				});
	}

	private static List<String> texts(Connection connection, String sql) throws Exception {
		List<String> texts = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				texts.add(rows.getString(1));
			}
		}
		return texts;
	}

	/**
	 * Of the foreign keys, only those whose tables changed are read: a key whose tables are as they were is not, even
	 * when it holds orphans (which were there before, as {@code NOT VALID} allows), and one whose child or parent
	 * changed is, with every orphan it holds.
	 */
	@Test
	void newOrphansReadOnlyTheKeysWhoseChildOrParentChanged() throws Exception {
		TableRef book = new TableRef("public", "book");
		TableRef shelf = new TableRef("public", "shelf");
		inDatabase(RealDatabases.server(Engine.POSTGRES), List.of("CREATE TABLE shelf (id INT PRIMARY KEY)",
				"CREATE TABLE book (id INT PRIMARY KEY, shelf_id INT)", "INSERT INTO shelf VALUES (1), (2)",
				"INSERT INTO book VALUES (1, 1), (2, 2), (3, 9)",
				"ALTER TABLE book ADD CONSTRAINT book_shelf FOREIGN KEY (shelf_id) REFERENCES shelf (id) NOT VALID"),
				(connection, snapshot) -> {
					TableData.Tables tables = TableData.Tables.of(snapshot);
					var before = TableData.contents(connection, tables, tables);

					List<TableData.Orphans> unchanged = TableData.newOrphans(connection, tables, before, tables,
							TableData.contents(connection, tables, tables));
					execute(connection, "SET session_replication_role = replica", "DELETE FROM shelf WHERE id = 2",
							"SET session_replication_role = DEFAULT");
					var parentChanged = TableData.contents(connection, tables, tables);
					List<TableData.Orphans> afterDelete = TableData.newOrphans(connection, tables, before, tables,
							parentChanged);

					assertThat(unchanged).isEmpty();
					assertThat(TableData.changed(tables, before, tables, parentChanged)).containsExactly(shelf);
					assertThat(afterDelete).singleElement().satisfies(orphans -> {
						assertThat(orphans.table()).isEqualTo(book);
						assertThat(orphans.rows()).as("the orphan from before counts too").isEqualTo(2);
					});
				});
	}
}
