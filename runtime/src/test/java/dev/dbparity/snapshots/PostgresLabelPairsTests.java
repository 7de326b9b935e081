package dev.dbparity.snapshots;

import static dev.dbparity.snapshots.diff.Category.DESTRUCTIVE;
import static dev.dbparity.snapshots.diff.Category.INCOMPATIBLE;
import static dev.dbparity.snapshots.diff.Category.INTEGRITY;
import static dev.dbparity.snapshots.diff.Category.PERFORMANCE;
import static dev.dbparity.snapshots.diff.Kind.ADDED;
import static dev.dbparity.snapshots.diff.Kind.CHANGED;
import static dev.dbparity.snapshots.diff.Kind.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.PostgresCatalogReader;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.SchemaDiffResult;

/**
 * Pairs of PostgreSQL schemas, each built afresh in the schema {@code pair}, compared in both directions: changes that
 * lose data are {@code DESTRUCTIVE} whatever else they are, and a difference keeps all its categories. One empty
 * database serves the class: each pair drops what it built.
 */
class PostgresLabelPairsTests {

	private static DataSource database;

	private Connection connection;

	@BeforeAll
	static void createDatabase() {
		database = RealDatabases.freshDatabase(Engine.POSTGRES);
	}

	@BeforeEach
	void connect() throws SQLException {
		connection = database.getConnection();
	}

	@AfterEach
	void disconnect() throws SQLException {
		connection.close();
	}

	private SchemaSnapshot build(List<String> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA pair");
			try {
				statement.execute("SET search_path = pair");
				for (String sql : statements) {
					statement.execute(sql);
				}
				return new PostgresCatalogReader().read(connection, new CaptureOptions(List.of("pair")));
			}
			finally {
				statement.execute("RESET search_path");
				statement.execute("DROP SCHEMA pair CASCADE");
			}
		}
	}

	/** The differences from {@code a} to {@code b}, and back. */
	private List<SchemaDiffResult> pair(List<String> a, List<String> b) throws SQLException {
		SchemaSnapshot first = build(a);
		SchemaSnapshot second = build(b);
		return List.of(SchemaDiff.compare(first, second, IgnoreRules.defaults()),
				SchemaDiff.compare(second, first, IgnoreRules.defaults()));
	}

	@Test
	@DisplayName("a column in the same place under another name may be a rename or a drop and re-create")
	void renameOrRecreate() throws SQLException {
		List<SchemaDiffResult> results = pair(List.of("CREATE TABLE t (id int, mail text)"),
				List.of("CREATE TABLE t (id int, email text)"));

		for (SchemaDiffResult result : results) {
			assertThat(result.differences()).singleElement().satisfies(difference -> {
				assertThat(difference.kind()).isEqualTo(CHANGED);
				assertThat(difference.categories()).containsExactly(DESTRUCTIVE, INCOMPATIBLE);
				assertThat(difference.note()).isPresent();
			});
		}
	}

	@Test
	@DisplayName("a dropped primary key or unique constraint is INTEGRITY and PERFORMANCE")
	void droppedKeys() throws SQLException {
		List<SchemaDiffResult> results = pair(List.of("CREATE TABLE t (id int NOT NULL, code int)"),
				List.of("CREATE TABLE t (id int PRIMARY KEY, code int UNIQUE)"));

		assertThat(results.get(0).differences()).extracting(Difference::path, Difference::kind, Difference::categories)
			.containsExactly(tuple("pair.t.primaryKey", ADDED, List.of(INTEGRITY, PERFORMANCE)),
					tuple("pair.t.uniqueConstraints.(code)", ADDED, List.of(INTEGRITY, PERFORMANCE)));
		assertThat(results.get(1).differences()).extracting(Difference::kind, Difference::categories)
			.containsExactly(tuple(REMOVED, List.of(INTEGRITY, PERFORMANCE)),
					tuple(REMOVED, List.of(INTEGRITY, PERFORMANCE)));
	}

	@Test
	@DisplayName("a generated column made regular, or a regular one generated")
	void generatedOrRegular() throws SQLException {
		List<SchemaDiffResult> results = pair(List.of("CREATE TABLE t (a int, b int)"),
				List.of("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a + 1) STORED)"));

		for (SchemaDiffResult result : results) {
			assertThat(result.differences()).filteredOn(d -> d.path().equals("pair.t.columns.b.generated"))
				.singleElement().satisfies(difference -> assertThat(difference.category()).isEqualTo(DESTRUCTIVE));
		}
	}

	@Test
	@DisplayName("a table re-created partitioned, or unpartitioned")
	void partitionedOrNot() throws SQLException {
		List<SchemaDiffResult> results = pair(List.of("CREATE TABLE t (id int, placed date)"),
				List.of("CREATE TABLE t (id int, placed date) PARTITION BY RANGE (placed)"));

		for (SchemaDiffResult result : results) {
			assertThat(result.differences()).isNotEmpty().allSatisfy(difference -> {
				assertThat(difference.category()).isEqualTo(DESTRUCTIVE);
				assertThat(difference.note()).isPresent();
			});
		}
	}

	@Test
	@DisplayName("a view re-created after a column it uses was dropped carries the drop's category")
	void viewRecreated() throws SQLException {
		List<SchemaDiffResult> results = pair(
				List.of("CREATE TABLE t (id int, total numeric(12,2))", "CREATE VIEW v AS SELECT id, total FROM t"),
				List.of("CREATE TABLE t (id int)", "CREATE VIEW v AS SELECT id FROM t"));

		assertThat(results.get(0).differences()).extracting(Difference::path, Difference::categories)
			.containsExactly(tuple("pair.t.columns.total", List.of(DESTRUCTIVE)),
					tuple("pair.views.v.definition", List.of(DESTRUCTIVE, INCOMPATIBLE)));
	}
}
