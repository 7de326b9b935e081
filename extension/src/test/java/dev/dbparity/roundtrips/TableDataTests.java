package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dbparity.baselines.SchemaBaselineCheck;
import dev.dbparity.engines.EngineDialect;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;

/** Content hashes and orphan checks of {@link TableData}, and the session they run in, on real engines. */
class TableDataTests {

	private static final TableRef NOTE = new TableRef("default", "note");

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
}
