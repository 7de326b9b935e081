package dev.dbparity.snapshots;

import static dev.dbparity.snapshots.diff.Category.ADDITIVE;
import static dev.dbparity.snapshots.diff.Category.DESTRUCTIVE;
import static dev.dbparity.snapshots.diff.Category.INCOMPATIBLE;
import static dev.dbparity.snapshots.diff.Category.INTEGRITY;
import static dev.dbparity.snapshots.diff.Category.NAMING;
import static dev.dbparity.snapshots.diff.Category.PERFORMANCE;
import static dev.dbparity.snapshots.diff.Category.SECURITY;
import static dev.dbparity.snapshots.diff.Kind.ADDED;
import static dev.dbparity.snapshots.diff.Kind.CHANGED;
import static dev.dbparity.snapshots.diff.Kind.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.Kind;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.SchemaDiffResult;

/**
 * Pairs of MariaDB schemas, each built in a database of its own at another (fixed) creation time, read by
 * {@code MySqlCatalogReader} and compared in both directions: real differences at their path with their categories,
 * equivalent spellings with none. One empty database serves the class: each side drops the database it built.
 */
class MariaDbSchemaPairsTests {

	private static final String TABLE = "CREATE TABLE orders (id INT PRIMARY KEY, placed DATE, total INT)";

	private static final String PURGE = "CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM orders WHERE total < 0";

	/** Accounts the privilege pairs grant to; each side creates them afresh and drops them with its database. */
	private static final List<String> ACCOUNTS = List.of("CREATE USER dbparity_pair_app",
			"CREATE USER dbparity_pair_dev IDENTIFIED BY 'pair'", "CREATE ROLE dbparity_pair_role");

	/** A statement that starts so runs on a connection of the account {@code dbparity_pair_dev}. */
	private static final String AS_DEV = "-- as dbparity_pair_dev\n";

	private static final String APP = "'dbparity_pair_app'@'%'";

	/** The creation times of the two sides, as {@code SET timestamp} takes them: 2020-09-13 and 2023-11-14. */
	private static final long[] CREATED = { 1_600_000_000L, 1_700_000_000L };

	private static DataSource database;

	private Connection connection;

	@BeforeAll
	static void createDatabase() {
		database = RealDatabases.freshDatabase(Engine.MARIADB);
	}

	@BeforeEach
	void connect() throws SQLException {
		connection = database.getConnection();
	}

	@AfterEach
	void disconnect() throws SQLException {
		connection.close();
	}

	/** The snapshot of a new database in which {@code statements} ran at the side's creation time. */
	private SchemaSnapshot build(int side, List<String> statements) throws SQLException {
		String home = single("SELECT DATABASE()");
		String scratch = home + "_" + side;
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE `" + scratch + "`");
			try {
				statement.execute("USE `" + scratch + "`");
				statement.execute("SET timestamp = " + CREATED[side]);
				for (String sql : statements) {
					if (sql.startsWith(AS_DEV)) {
						executeAsDev(scratch, sql.substring(AS_DEV.length()));
					}
					else {
						statement.execute(sql);
					}
				}
				statement.execute("SET timestamp = DEFAULT");
				return new MySqlCatalogReader().read(connection, CaptureOptions.all());
			}
			finally {
				statement.execute("SET timestamp = DEFAULT");
				statement.execute("SET time_zone = DEFAULT");
				statement.execute("USE `" + home + "`");
				statement.execute("DROP DATABASE `" + scratch + "`");
				// Dropping a database keeps the grants on its objects; dropping the accounts removes them.
				statement.execute("DROP USER IF EXISTS dbparity_pair_app, dbparity_pair_dev");
				statement.execute("DROP ROLE IF EXISTS dbparity_pair_role");
			}
		}
	}

	private void executeAsDev(String database, String sql) throws SQLException {
		try (Connection dev = DriverManager.getConnection(connection.getMetaData().getURL(), "dbparity_pair_dev", "pair");
				Statement statement = dev.createStatement()) {
			statement.execute("USE `" + database + "`");
			statement.execute(sql);
		}
	}

	private static List<String> withAccounts(String... statements) {
		return Stream.concat(ACCOUNTS.stream(), Stream.of(statements)).toList();
	}

	private String single(String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	/** The differences from {@code a} to {@code b}, and back. */
	private List<SchemaDiffResult> pair(List<String> a, List<String> b) throws SQLException {
		SchemaSnapshot first = build(0, a);
		SchemaSnapshot second = build(1, b);
		return List.of(SchemaDiff.compare(first, second, IgnoreRules.none()),
				SchemaDiff.compare(second, first, IgnoreRules.none()));
	}

	private void assertEquivalent(List<String> a, List<String> b) throws SQLException {
		for (SchemaDiffResult result : pair(a, b)) {
			assertThat(result.differences()).isEmpty();
		}
	}

	/** One difference each way, at {@code path}, with the categories given for each direction. */
	private void assertOne(List<String> a, List<String> b, String path, Kind kind, List<Category> there,
			List<Category> back) throws SQLException {
		List<SchemaDiffResult> results = pair(a, b);
		Kind reverse = kind == ADDED ? REMOVED : kind == REMOVED ? ADDED : CHANGED;
		assertThat(results.get(0).differences()).singleElement()
			.satisfies(difference -> assertThat(difference).extracting(Difference::path, Difference::kind,
					Difference::categories).containsExactly(path, kind, there));
		assertThat(results.get(1).differences()).singleElement()
			.satisfies(difference -> assertThat(difference).extracting(Difference::path, Difference::kind,
					Difference::categories).containsExactly(path, reverse, back));
	}

	@Nested
	@DisplayName("events")
	class Events {

		@Test
		@DisplayName("an added event may delete data on a schedule; a dropped one stops its work")
		void addedOrDropped() throws SQLException {
			assertOne(List.of(TABLE), List.of(TABLE, PURGE), "default.events.cleanup", ADDED, List.of(DESTRUCTIVE),
					List.of(INCOMPATIBLE));
		}

		@Test
		@DisplayName("the same event created at another time, or in another session time zone, is the same")
		void creationTimeAlone() throws SQLException {
			assertEquivalent(List.of(TABLE, PURGE), List.of(TABLE, "SET time_zone = '+05:00'",
					PURGE.replace("EVERY 1 DAY", "EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE")));
		}

		@Test
		@DisplayName("re-scheduled without STARTS by ALTER EVENT, it starts when altered: still no difference")
		void reScheduledWithoutStarts() throws SQLException {
			assertEquivalent(List.of(TABLE, PURGE), List.of(TABLE, PURGE.replace("1 DAY", "2 HOUR"),
					"SET timestamp = " + (CREATED[1] + 3600), "ALTER EVENT cleanup ON SCHEDULE EVERY 1 DAY"));
		}

		@Test
		@DisplayName("an explicit STARTS is a difference")
		void explicitStart() throws SQLException {
			List<SchemaDiffResult> results = pair(List.of(TABLE, PURGE),
					List.of(TABLE, PURGE.replace("EVERY 1 DAY", "EVERY 1 DAY STARTS '2030-01-01 03:00:00'")));

			assertThat(results.get(0).differences()).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("default.events.cleanup.starts", ADDED, DESTRUCTIVE),
						tuple("default.events.cleanup.timeZone", ADDED, DESTRUCTIVE));
			assertThat(results.get(0).differences().get(0).actual().map(JsonNode::asText))
				.hasValue("2030-01-01 03:00:00");
			assertThat(results.get(1).differences()).extracting(Difference::path, Difference::kind)
				.containsExactly(tuple("default.events.cleanup.starts", REMOVED),
						tuple("default.events.cleanup.timeZone", REMOVED));
		}

		@Test
		@DisplayName("disabled, or enabled again")
		void disabled() throws SQLException {
			assertOne(List.of(TABLE, PURGE), List.of(TABLE, PURGE, "ALTER EVENT cleanup DISABLE"),
					"default.events.cleanup.status", CHANGED, List.of(INCOMPATIBLE), List.of(DESTRUCTIVE));
		}

		@Test
		@DisplayName("disabled on a replica (SLAVESIDE_DISABLED)")
		void disabledOnReplica() throws SQLException {
			assertOne(List.of(TABLE, PURGE), List.of(TABLE, PURGE.replace(" DO ", " DISABLE ON SLAVE DO ")),
					"default.events.cleanup.status", CHANGED, List.of(INCOMPATIBLE), List.of(DESTRUCTIVE));
		}

		@Test
		@DisplayName("another interval value or unit")
		void interval() throws SQLException {
			assertOne(List.of(TABLE, PURGE), List.of(TABLE, PURGE.replace("1 DAY", "2 DAY")),
					"default.events.cleanup.every", CHANGED, List.of(DESTRUCTIVE), List.of(DESTRUCTIVE));
			assertOne(List.of(TABLE, PURGE), List.of(TABLE, PURGE.replace("1 DAY", "1 HOUR")),
					"default.events.cleanup.every", CHANGED, List.of(DESTRUCTIVE), List.of(DESTRUCTIVE));
		}

		@Test
		@DisplayName("AT instead of EVERY")
		void atInsteadOfEvery() throws SQLException {
			List<SchemaDiffResult> results = pair(List.of(TABLE, PURGE),
					List.of(TABLE, PURGE.replace("EVERY 1 DAY", "AT '2030-01-01 00:00:00' ON COMPLETION PRESERVE")));

			assertThat(results.get(0).differences()).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("default.events.cleanup.at", ADDED, DESTRUCTIVE),
						tuple("default.events.cleanup.every", REMOVED, DESTRUCTIVE),
						tuple("default.events.cleanup.onCompletion", CHANGED, INCOMPATIBLE),
						tuple("default.events.cleanup.timeZone", ADDED, DESTRUCTIVE));
			assertThat(results.get(1).differences()).extracting(Difference::path)
				.containsExactly("default.events.cleanup.at", "default.events.cleanup.every",
						"default.events.cleanup.onCompletion", "default.events.cleanup.timeZone");
		}

		@Test
		@DisplayName("an end")
		void ends() throws SQLException {
			List<SchemaDiffResult> results = pair(List.of(TABLE, PURGE),
					List.of(TABLE, PURGE.replace("EVERY 1 DAY", "EVERY 1 DAY ENDS '2031-01-01 00:00:00'")));

			assertThat(results.get(0).differences()).extracting(Difference::path, Difference::category)
				.containsExactly(tuple("default.events.cleanup.ends", DESTRUCTIVE),
						tuple("default.events.cleanup.timeZone", DESTRUCTIVE));
			assertThat(results.get(1).differences()).hasSize(2);
		}

		@Test
		@DisplayName("another body")
		void body() throws SQLException {
			assertOne(List.of(TABLE, PURGE), List.of(TABLE, PURGE.replace("total < 0", "total <= 0")),
					"default.events.cleanup.definition", CHANGED, List.of(DESTRUCTIVE), List.of(DESTRUCTIVE));
		}

		@Test
		@DisplayName("a comment")
		void comment() throws SQLException {
			assertOne(List.of(TABLE, PURGE), List.of(TABLE, PURGE.replace(" DO ", " COMMENT 'nightly' DO ")),
					"default.events.cleanup.comment", ADDED, List.of(NAMING), List.of(NAMING));
		}

		@Test
		@DisplayName("another definer")
		void definer() throws SQLException {
			assertOne(List.of(TABLE, PURGE), List.of(TABLE, PURGE.replace("CREATE EVENT",
					"CREATE DEFINER = 'reporting'@'%' EVENT")), "default.events.cleanup.definer", CHANGED,
					List.of(SECURITY), List.of(SECURITY));
		}

		@Test
		@DisplayName("ON COMPLETION PRESERVE")
		void onCompletion() throws SQLException {
			assertOne(List.of(TABLE, PURGE), List.of(TABLE, PURGE.replace(" DO ", " ON COMPLETION PRESERVE DO ")),
					"default.events.cleanup.onCompletion", CHANGED, List.of(INCOMPATIBLE), List.of(INCOMPATIBLE));
		}
	}

	@Nested
	@DisplayName("privileges")
	class Privileges {

		@Test
		@DisplayName("a column privilege")
		void column() throws SQLException {
			assertOne(withAccounts(TABLE), withAccounts(TABLE, "GRANT UPDATE (total) ON orders TO dbparity_pair_app"),
					"default.orders.columns.total.grants." + APP, ADDED, List.of(SECURITY), List.of(SECURITY));
		}

		@Test
		@DisplayName("a column privilege of a role")
		void columnOfRole() throws SQLException {
			assertOne(withAccounts(TABLE), withAccounts(TABLE, "GRANT SELECT (placed) ON orders TO dbparity_pair_role"),
					"default.orders.columns.placed.grants.'dbparity_pair_role'@''", ADDED, List.of(SECURITY),
					List.of(SECURITY));
		}

		@Test
		@DisplayName("a table privilege")
		void table() throws SQLException {
			assertOne(withAccounts(TABLE), withAccounts(TABLE, "GRANT SELECT ON orders TO dbparity_pair_app"),
					"default.orders.grants." + APP, ADDED, List.of(SECURITY), List.of(SECURITY));
		}

		@Test
		@DisplayName("the grant option on a table privilege")
		void grantOption() throws SQLException {
			List<SchemaDiffResult> results = pair(withAccounts(TABLE, "GRANT SELECT ON orders TO dbparity_pair_app"),
					withAccounts(TABLE, "GRANT SELECT ON orders TO dbparity_pair_app WITH GRANT OPTION"));

			assertThat(results.get(0).differences()).singleElement().satisfies(difference -> {
				assertThat(difference).extracting(Difference::path, Difference::kind, Difference::category)
					.containsExactly("default.orders.grants." + APP, CHANGED, SECURITY);
				assertThat(difference.actual().orElseThrow().toString()).isEqualTo("[\"SELECT WITH GRANT OPTION\"]");
			});
			assertThat(results.get(1).differences()).extracting(Difference::path, Difference::kind)
				.containsExactly(tuple("default.orders.grants." + APP, CHANGED));
		}

		@Test
		@DisplayName("a database privilege with the grant option")
		void schemaGrantOption() throws SQLException {
			List<SchemaDiffResult> results = pair(withAccounts(TABLE),
					withAccounts(TABLE, "GRANT SELECT ON `" + single("SELECT DATABASE()") + "_1`.* TO dbparity_pair_app "
							+ "WITH GRANT OPTION"));

			assertThat(results.get(0).differences()).singleElement().satisfies(difference -> {
				assertThat(difference).extracting(Difference::path, Difference::kind, Difference::category)
					.containsExactly("default.grants." + APP, ADDED, SECURITY);
				assertThat(difference.actual().orElseThrow().toString()).isEqualTo("[\"SELECT WITH GRANT OPTION\"]");
			});
			assertThat(results.get(1).differences()).extracting(Difference::path, Difference::kind)
				.containsExactly(tuple("default.grants." + APP, REMOVED));
		}

		@Test
		@DisplayName("a routine privilege, and its grant option")
		void routine() throws SQLException {
			String procedure = "CREATE PROCEDURE archive(IN p_before DATE) DELETE FROM orders WHERE placed < p_before";
			assertOne(withAccounts(TABLE, procedure), withAccounts(TABLE, procedure,
					"GRANT EXECUTE ON PROCEDURE archive TO dbparity_pair_app"), "default.routines.archive(date).grants." + APP,
					ADDED, List.of(SECURITY), List.of(SECURITY));
			assertOne(withAccounts(TABLE, procedure, "GRANT EXECUTE ON PROCEDURE archive TO dbparity_pair_app"),
					withAccounts(TABLE, procedure, "GRANT EXECUTE ON PROCEDURE ARCHIVE TO dbparity_pair_app WITH GRANT OPTION"),
					"default.routines.archive(date).grants." + APP, CHANGED, List.of(SECURITY), List.of(SECURITY));
		}

		@Test
		@DisplayName("a function's privileges to a role")
		void functionToRole() throws SQLException {
			String function = "CREATE FUNCTION doubled(x INT) RETURNS INT DETERMINISTIC RETURN x * 2";
			assertOne(withAccounts(function), withAccounts(function,
					"GRANT EXECUTE, ALTER ROUTINE ON FUNCTION doubled TO dbparity_pair_role"),
					"default.routines.doubled(int).grants.'dbparity_pair_role'@''", ADDED, List.of(SECURITY),
					List.of(SECURITY));
		}

		@Test
		@DisplayName("the same objects created by another account than root, whose creator privileges are its own")
		void creatorAlone() throws SQLException {
			String procedure = "CREATE PROCEDURE archive(IN p_before DATE) DELETE FROM orders WHERE placed < p_before";
			String function = "CREATE FUNCTION doubled(x INT) RETURNS INT DETERMINISTIC RETURN x * 2";
			assertEquivalent(withAccounts(TABLE, procedure, function, "GRANT SELECT (total) ON orders TO dbparity_pair_app"),
					withAccounts("GRANT CREATE, CREATE ROUTINE, SELECT, GRANT OPTION ON *.* TO dbparity_pair_dev",
							AS_DEV + TABLE, AS_DEV + procedure, AS_DEV + function,
							AS_DEV + "GRANT SELECT (TOTAL) ON orders TO dbparity_pair_app"));
		}

		@Test
		@DisplayName("but a routine privilege granted to its creator beyond the automatic ones is a difference")
		void creatorGrantOption() throws SQLException {
			String function = "CREATE FUNCTION doubled(x INT) RETURNS INT DETERMINISTIC RETURN x * 2";
			List<String> byDev = withAccounts("GRANT CREATE ROUTINE ON *.* TO dbparity_pair_dev", AS_DEV + function);
			List<String> withOption = Stream.concat(byDev.stream(),
					Stream.of("GRANT EXECUTE ON FUNCTION doubled TO dbparity_pair_dev WITH GRANT OPTION")).toList();

			List<SchemaDiffResult> results = pair(byDev, withOption);

			assertThat(results.get(0).differences()).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("default.routines.doubled(int).grants.'dbparity_pair_dev'@'%'", ADDED, SECURITY));
			assertThat(results.get(0).differences().get(0).actual().orElseThrow().toString())
				.isEqualTo("[\"ALTER ROUTINE WITH GRANT OPTION\",\"EXECUTE WITH GRANT OPTION\"]");
			assertThat(results.get(1).differences()).hasSize(1);
		}
	}

	@Nested
	@DisplayName("equivalent spellings")
	class Equivalent {

		@Test
		@DisplayName("a CHECK differing in whitespace, parentheses, case, quoting, level and repeated OR terms")
		void checks() throws SQLException {
			assertEquivalent(
					List.of("CREATE TABLE t (a INT CHECK (a > 0), b VARCHAR(5), "
							+ "CHECK (a < 100 AND b IN ('x', 'y')), CHECK (b <> 'z'))"),
					List.of("CREATE TABLE t (a INT, b VARCHAR(5), CHECK ((`A`  >  0) OR (a>0)), "
							+ "CONSTRAINT CHECK((A<100)and(`b` in (\"x\",'y'))), check (b != 'z'))"));
		}

		@Test
		@DisplayName("a CHECK that says something else is a difference")
		void realCheckChange() throws SQLException {
			List<SchemaDiffResult> results = pair(List.of("CREATE TABLE t (a INT CHECK (a > 0))"),
					List.of("CREATE TABLE t (a INT CHECK (a >= 0))"));

			assertThat(results.get(0).differences()).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("default.t.checks.`a` > 0", REMOVED, INTEGRITY),
						tuple("default.t.checks.`a` >= 0", ADDED, INTEGRITY));
			assertThat(results.get(1).differences()).hasSize(2);
		}

		@Test
		@DisplayName("index names differing in case alone")
		void indexNameCase() throws SQLException {
			assertEquivalent(List.of("CREATE TABLE t (a INT, b INT)", "CREATE INDEX idx_A ON t (a)",
					"CREATE UNIQUE INDEX Uq_B ON t (b)"),
					List.of("CREATE TABLE t (a INT, b INT)", "CREATE INDEX IDX_a ON t (a)",
							"CREATE UNIQUE INDEX UQ_b ON t (b)"));
		}

		@Test
		@DisplayName("an index named after its column in another case is as unnamed")
		void generatedIndexNameCase() throws SQLException {
			assertEquivalent(List.of("CREATE TABLE t (email VARCHAR(50), KEY (email))"),
					List.of("CREATE TABLE t (email VARCHAR(50), KEY EMAIL (email))"));
		}

		@Test
		@DisplayName("an explicit DEFAULT NULL and no default")
		void defaultNull() throws SQLException {
			assertEquivalent(List.of("CREATE TABLE t (a INT DEFAULT NULL, b VARCHAR(5) DEFAULT NULL, "
					+ "c TEXT DEFAULT NULL, d DATETIME DEFAULT NULL, e TIMESTAMP NULL DEFAULT NULL)"),
					List.of("CREATE TABLE t (a INT, b VARCHAR(5), c TEXT, d DATETIME, e TIMESTAMP NULL)"));
		}

		@Test
		@DisplayName("but the string 'NULL' as a default is a default")
		void defaultStringNull() throws SQLException {
			assertOne(List.of("CREATE TABLE t (b VARCHAR(5))"), List.of("CREATE TABLE t (b VARCHAR(5) DEFAULT 'NULL')"),
					"default.t.columns.b.default", ADDED, List.of(ADDITIVE), List.of(INCOMPATIBLE));
		}
	}

	@Nested
	@DisplayName("labels by the worst case")
	class WorstCase {

		@Test
		@DisplayName("a column in the same place under another name may be a rename or a drop and re-create")
		void renameOrRecreate() throws SQLException {
			List<SchemaDiffResult> results = pair(List.of("CREATE TABLE t (id INT, mail VARCHAR(50))"),
					List.of("CREATE TABLE t (id INT, email VARCHAR(50))"));

			assertThat(results.get(0).differences()).singleElement().satisfies(difference -> {
				assertThat(difference.path()).isEqualTo("default.t.columns.mail");
				assertThat(difference.categories()).containsExactly(DESTRUCTIVE, INCOMPATIBLE);
				assertThat(difference.note()).hasValueSatisfying(note -> assertThat(note).contains("may be a rename"));
			});
			assertThat(results.get(1).differences()).singleElement()
				.satisfies(difference -> assertThat(difference.category()).isEqualTo(DESTRUCTIVE));
		}

		@Test
		@DisplayName("a generated column made regular, or a regular one generated")
		void generatedOrRegular() throws SQLException {
			List<SchemaDiffResult> results = pair(List.of("CREATE TABLE t (a INT, b INT)"),
					List.of("CREATE TABLE t (a INT, b INT AS (a + 1) STORED)"));

			for (SchemaDiffResult result : results) {
				assertThat(result.differences()).filteredOn(d -> d.path().equals("default.t.columns.b.generated"))
					.singleElement().satisfies(difference -> assertThat(difference.category()).isEqualTo(DESTRUCTIVE));
			}
		}

		@Test
		@DisplayName("STORED or VIRTUAL")
		void storedOrVirtual() throws SQLException {
			assertOne(List.of("CREATE TABLE t (a INT, b INT AS (a + 1) STORED)"),
					List.of("CREATE TABLE t (a INT, b INT AS (a + 1) VIRTUAL)"), "default.t.columns.b.generated.stored",
					CHANGED, List.of(DESTRUCTIVE), List.of(DESTRUCTIVE));
		}

		@Test
		@DisplayName("partitioned or not")
		void partitionedOrNot() throws SQLException {
			List<SchemaDiffResult> results = pair(List.of(TABLE),
					List.of(TABLE + " PARTITION BY HASH (id) PARTITIONS 2"));

			assertThat(results.get(0).differences()).singleElement().satisfies(difference -> {
				assertThat(difference).extracting(Difference::path, Difference::kind, Difference::category)
					.containsExactly("default.orders.partitioning", ADDED, DESTRUCTIVE);
				assertThat(difference.note()).isPresent();
			});
			assertThat(results.get(1).differences()).singleElement()
				.satisfies(difference -> assertThat(difference.category()).isEqualTo(DESTRUCTIVE));
		}

		@Test
		@DisplayName("system versioning dropped takes every history row; added, it starts keeping them")
		void systemVersioning() throws SQLException {
			assertOne(List.of(TABLE + " WITH SYSTEM VERSIONING"), List.of(TABLE), "default.orders.systemVersioned",
					REMOVED, List.of(DESTRUCTIVE), List.of(ADDITIVE));
		}

		@Test
		@DisplayName("a dropped partition takes its rows")
		void droppedPartition() throws SQLException {
			String ranges = TABLE.replace("PRIMARY KEY", "") + " PARTITION BY RANGE (id) (PARTITION p1 VALUES LESS THAN "
					+ "(100), PARTITION p2 VALUES LESS THAN (200)";
			assertOne(List.of(ranges + ")"), List.of(ranges + ", PARTITION p3 VALUES LESS THAN MAXVALUE)"),
					"default.orders.partitioning.partitions.p3", ADDED, List.of(ADDITIVE), List.of(DESTRUCTIVE));
		}

		@Test
		@DisplayName("a dropped primary key or unique constraint is INTEGRITY and PERFORMANCE")
		void droppedKeys() throws SQLException {
			assertOne(List.of("CREATE TABLE t (id INT NOT NULL)"), List.of("CREATE TABLE t (id INT NOT NULL PRIMARY KEY)"),
					"default.t.primaryKey", ADDED, List.of(INTEGRITY, PERFORMANCE), List.of(INTEGRITY, PERFORMANCE));
			assertOne(List.of("CREATE TABLE t (code INT)"), List.of("CREATE TABLE t (code INT UNIQUE)"),
					"default.t.uniqueConstraints.(code)", ADDED, List.of(INTEGRITY, PERFORMANCE),
					List.of(INTEGRITY, PERFORMANCE));
		}

		@Test
		@DisplayName("a view re-created after a column it uses was dropped carries the drop's category")
		void viewRecreated() throws SQLException {
			List<SchemaDiffResult> results = pair(List.of(TABLE, "CREATE VIEW v AS SELECT id, total FROM orders"),
					List.of(TABLE.replace(", total INT", ""), "CREATE VIEW v AS SELECT id FROM orders"));

			assertThat(results.get(0).differences()).extracting(Difference::path, Difference::categories)
				.containsExactly(tuple("default.orders.columns.total", List.of(DESTRUCTIVE)),
						tuple("default.views.v.definition", List.of(DESTRUCTIVE, INCOMPATIBLE)));
		}
	}
}
