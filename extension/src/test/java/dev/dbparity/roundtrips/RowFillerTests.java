package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dbparity.baselines.SchemaBaselineCheck;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;

/** The filler, content hashes and orphan checks on a real PostgreSQL. */
class RowFillerTests {

	private static RunningEngine engine;

	@BeforeAll
	static void startEngine() {
		engine = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
	}

	private interface Body {

		void run(Connection connection) throws Exception;
	}

	private static void inDatabase(String ddl, Body body) throws Exception {
		String name = "dbparity_rf_" + Long.toHexString(System.nanoTime());
		engine.createDatabase(name);
		try (Connection connection = engine.dataSource(name).getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(ddl);
			}
			body.run(connection);
		}
		finally {
			engine.dropDatabase(name);
		}
	}

	@Test
	void fillsParentsFirstWithEveryKnownTypeAndSkipsWhatItCannotFill() throws Exception {
		inDatabase("CREATE TYPE mood AS ENUM ('calm', 'busy');"
				+ "CREATE TABLE parent (id UUID PRIMARY KEY, name VARCHAR(5) NOT NULL UNIQUE, mood mood NOT NULL, "
				+ "price NUMERIC(8, 2), born DATE, active BOOLEAN NOT NULL, doc JSONB, kind TEXT NOT NULL DEFAULT 'x');"
				+ "CREATE TABLE child (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id UUID NOT NULL "
				+ "REFERENCES parent (id), boss BIGINT REFERENCES child (id), code CHAR(2) UNIQUE, at TIMESTAMPTZ NOT NULL);"
				+ "CREATE TABLE odd (id INT PRIMARY KEY, words TSVECTOR NOT NULL)", connection -> {
					SchemaSnapshot snapshot = SchemaBaselineCheck.snapshot(engine.dataSource(connection.getCatalog()));

					RowFiller.Result result = RowFiller.fill(connection, snapshot, 3);

					assertThat(result.filled()).containsExactly(new TableRef("public", "parent"),
							new TableRef("public", "child"));
					assertThat(result.skipped()).containsExactly(Map.entry(new TableRef("public", "odd"),
							"no value for NOT NULL column words of type tsvector"));
					Map<TableRef, TableData.Content> contents = TableData.contents(connection, snapshot);
					assertThat(contents.get(new TableRef("public", "child")).rows()).isEqualTo(3);
					assertThat(TableData.contents(connection, snapshot)).as("hashes are stable").isEqualTo(contents);
					try (Statement statement = connection.createStatement()) {
						statement.execute("UPDATE parent SET price = 99 WHERE price = 1");
					}
					assertThat(TableData.contents(connection, snapshot).get(new TableRef("public", "parent")))
						.isNotEqualTo(contents.get(new TableRef("public", "parent")))
						.extracting(TableData.Content::rows).isEqualTo(3L);
				});
	}

	@Test
	void leavesATableThatATriggerWritesToTheTriggerButFillsAParentThatATriggerCreatesFirst() throws Exception {
		inDatabase("CREATE TABLE author (name TEXT PRIMARY KEY);"
				+ "CREATE TABLE post (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, author TEXT NOT NULL "
				+ "REFERENCES author (name));"
				+ "CREATE TABLE audit (post_id INT NOT NULL, author TEXT NOT NULL);"
				+ "CREATE FUNCTION post_written() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "INSERT INTO author (name) VALUES (NEW.author) ON CONFLICT DO NOTHING; "
				+ "INSERT INTO public.audit (post_id, author) VALUES (NEW.id, NEW.author); RETURN NEW; END $$;"
				+ "CREATE TRIGGER post_written BEFORE INSERT ON post FOR EACH ROW EXECUTE FUNCTION post_written()",
				connection -> {
					SchemaSnapshot snapshot = SchemaBaselineCheck.snapshot(engine.dataSource(connection.getCatalog()));

					RowFiller.Result result = RowFiller.fill(connection, snapshot, 3);

					assertThat(result.skipped()).isEmpty();
					assertThat(result.filled()).containsExactly(new TableRef("public", "author"),
							new TableRef("public", "post"), new TableRef("public", "audit"));
					try (Statement statement = connection.createStatement();
							ResultSet rows = statement.executeQuery("SELECT count(*), count(DISTINCT a.author) "
									+ "FROM audit a JOIN post p ON p.id = a.post_id AND p.author = a.author")) {
						rows.next();
						assertThat(rows.getInt(1)).as("the audit rows are the trigger's, one per post").isEqualTo(3);
						assertThat(rows.getInt(2)).isEqualTo(3);
					}
				});
	}

	@Test
	void givesForeignKeysUnderAUniqueKeyDistinctParentsAndKeepsTablesWithIdentityKeysFull() throws Exception {
		inDatabase("CREATE TABLE member (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT NOT NULL);"
				+ "CREATE TABLE profile (member_id INT PRIMARY KEY REFERENCES member (id), bio TEXT NOT NULL);"
				+ "CREATE TABLE pair (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a_id INT NOT NULL REFERENCES "
				+ "member (id), b_id INT NOT NULL REFERENCES member (id), UNIQUE (a_id, b_id), CHECK (a_id < b_id))",
				connection -> {
					SchemaSnapshot snapshot = SchemaBaselineCheck.snapshot(engine.dataSource(connection.getCatalog()));

					RowFiller.Result result = RowFiller.fill(connection, snapshot, 3);

					assertThat(result.skipped()).as("a < b refuses some pairs, but not all").isEmpty();
					try (Statement statement = connection.createStatement();
							ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM member), "
									+ "(SELECT count(*) FROM profile), (SELECT count(*) FROM pair)")) {
						rows.next();
						assertThat(List.of(rows.getInt(1), rows.getInt(2), rows.getInt(3)))
							.containsExactly(3, 3, 3);
					}
				});
	}

	@Test
	void fillsDomainsExtensionTypesListedValuesAndPartitionedTablesThroughTheirParent() throws Exception {
		inDatabase("CREATE EXTENSION citext; CREATE DOMAIN positive AS INTEGER CHECK (VALUE > 0);"
				+ "CREATE DOMAIN address AS TEXT CHECK (VALUE ~ '^[^@]+@[^@]+$');"
				+ "CREATE TABLE account (id positive PRIMARY KEY, email citext NOT NULL UNIQUE, contact address NOT NULL, "
				+ "backup TEXT NOT NULL CHECK (position('@' in backup) > 1), "
				+ "status VARCHAR(10) NOT NULL CHECK (status IN ('active', 'closed')));"
				+ "CREATE TABLE measurement (id INT NOT NULL, taken DATE NOT NULL) PARTITION BY RANGE (taken);"
				+ "CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
				connection -> {
					SchemaSnapshot snapshot = SchemaBaselineCheck.snapshot(engine.dataSource(connection.getCatalog()));

					RowFiller.Result result = RowFiller.fill(connection, snapshot, 3);

					assertThat(result.skipped()).isEmpty();
					assertThat(result.filled()).containsExactly(new TableRef("public", "account"),
							new TableRef("public", "measurement"));
					assertThat(TableData.contents(connection, snapshot).get(new TableRef("public", "measurement_2024"))
						.rows()).as("routed by the partitioned table").isEqualTo(3);
				});
	}

	/** PostgreSQL's geometric types take their text forms, a different value in each row. */
	@Test
	void fillsPostgresGeometricColumns() throws Exception {
		inDatabase("CREATE TABLE shapes (id INT PRIMARY KEY, p POINT NOT NULL, l LINE NOT NULL, s LSEG NOT NULL, "
				+ "b BOX NOT NULL, pa PATH NOT NULL, po POLYGON NOT NULL, c CIRCLE NOT NULL)", connection -> {
					SchemaSnapshot snapshot = SchemaBaselineCheck.snapshot(engine.dataSource(connection.getCatalog()));

					RowFiller.Result result = RowFiller.fill(connection, snapshot, 3);

					assertThat(result.skipped()).isEmpty();
					assertThat(TableData.contents(connection, snapshot).get(new TableRef("public", "shapes")).rows())
						.isEqualTo(3);
				});
	}

	/**
	 * MariaDB's spatial types take well-known text through {@code ST_GeomFromText}: a table with a spatial index,
	 * whose column must be NOT NULL, gets rows.
	 */
	@Test
	void fillsMariaDbSpatialColumns() throws Exception {
		try (RunningEngine mariadb = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()))) {
			mariadb.createDatabase("dbparity_rf_spatial");
			try (Connection connection = mariadb.dataSource("dbparity_rf_spatial").getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE place (id INT PRIMARY KEY, spot POINT NOT NULL, area GEOMETRY NOT NULL, "
						+ "road LINESTRING NOT NULL, field POLYGON NOT NULL, stops MULTIPOINT NOT NULL, "
						+ "roads MULTILINESTRING NOT NULL, fields MULTIPOLYGON NOT NULL, "
						+ "things GEOMETRYCOLLECTION NOT NULL, SPATIAL INDEX (spot))");
				SchemaSnapshot snapshot = SchemaBaselineCheck.snapshot(mariadb.dataSource("dbparity_rf_spatial"));

				RowFiller.Result result = RowFiller.fill(connection, snapshot, 3);

				assertThat(result.skipped()).isEmpty();
				assertThat(TableData.contents(connection, snapshot).get(new TableRef("default", "place")).rows())
					.isEqualTo(3);
			}
		}
	}

	@Test
	void fillsMariaDbJsonColumnsWithJson() throws Exception {
		try (RunningEngine mariadb = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()))) {
			mariadb.createDatabase("dbparity_rf_json");
			try (Connection connection = mariadb.dataSource("dbparity_rf_json").getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE event (id INT PRIMARY KEY, payload JSON NOT NULL, "
						+ "kind VARCHAR(5) NOT NULL CHECK (kind IN ('click', 'view')))");
				SchemaSnapshot snapshot = SchemaBaselineCheck.snapshot(mariadb.dataSource("dbparity_rf_json"));

				RowFiller.Result result = RowFiller.fill(connection, snapshot, 3);

				assertThat(result.skipped()).as("JSON reads back as longtext with a json_valid check; kind takes a listed "
						+ "value").isEmpty();
				assertThat(result.filled()).containsExactly(new TableRef("default", "event"));
			}
		}
	}

	@Test
	void findsOrphansOfForeignKeysDeclaredNotValid() throws Exception {
		inDatabase("CREATE TABLE a (id INT PRIMARY KEY); CREATE TABLE b (id INT PRIMARY KEY, a_id INT);"
				+ "INSERT INTO a VALUES (1); INSERT INTO b VALUES (1, 1), (2, 7), (3, 8), (4, NULL);"
				+ "ALTER TABLE b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES a (id) NOT VALID", connection -> {
					SchemaSnapshot snapshot = SchemaBaselineCheck.snapshot(engine.dataSource(connection.getCatalog()));

					List<TableData.Orphans> orphans = TableData.orphans(connection, snapshot);

					assertThat(orphans).singleElement().hasToString("public.b (a_id) -> public.a(id): 2 orphaned rows");
				});
	}
}
