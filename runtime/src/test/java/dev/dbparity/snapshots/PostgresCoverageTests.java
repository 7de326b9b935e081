package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.PostgresCatalogReader;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.Kind;
import dev.dbparity.snapshots.diff.SchemaDiff;

/**
 * What {@code pg_dump --schema-only} shows beyond tables and columns is found by a snapshot diff, in both directions,
 * with its path, kind and category; equivalent spellings the deparser prints differently compare equal.
 */
class PostgresCoverageTests {

	private static final String COVERAGE = "schema/postgres/coverage";

	private static final String TIMEZONE = "schema/postgres/timezone";

	private static RuntimeDatabases databases;

	@BeforeAll
	static void startRuntime() {
		databases = new RuntimeDatabases();
	}

	@AfterAll
	static void stopEngines() {
		databases.close();
	}

	/** A new database for every test, which may change it, migrated with {@link #COVERAGE} on PostgreSQL 17. */
	abstract class OnCoverage {

		private Database database;

		Connection connection;

		@BeforeEach
		void openDatabase() throws SQLException {
			database = databases.open(RuntimeDatabases.settings(Engine.POSTGRES, "17.6", COVERAGE, Optional.empty()));
			connection = database.dataSource().getConnection();
		}

		@AfterEach
		void dropDatabase() throws SQLException {
			connection.close();
			database.close();
		}
	}

	static SchemaSnapshot read(Connection connection) throws SQLException {
		return new PostgresCatalogReader().read(connection, CaptureOptions.all());
	}

	/** Runs {@code script}'s statements one by one (split at {@code ;}, so no bodies with one in them). */
	static void execute(Connection connection, String script) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : script.split(";")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
	}

	static List<Difference> diff(SchemaSnapshot expected, SchemaSnapshot actual) {
		return SchemaDiff.compare(expected, actual, IgnoreRules.defaults()).differences();
	}

	static Kind reversed(Kind kind) {
		return switch (kind) {
			case ADDED -> Kind.REMOVED;
			case REMOVED -> Kind.ADDED;
			case CHANGED -> Kind.CHANGED;
		};
	}

	/**
	 * Applies {@code change} and checks that it is one difference at {@code path} of {@code kind} and {@code category},
	 * and that comparing the other way round gives the opposite kind at the same path, in the same category.
	 */
	static void assertOneDifference(Connection connection, String change, String path, Kind kind, Category category)
			throws SQLException {
		SchemaSnapshot before = read(connection);

		execute(connection, change);
		SchemaSnapshot after = read(connection);

		assertThat(diff(before, after)).extracting(Difference::path, Difference::kind, Difference::category)
			.containsExactly(tuple(path, kind, category));
		assertThat(diff(after, before)).extracting(Difference::path, Difference::kind, Difference::category)
			.containsExactly(tuple(path, reversed(kind), category));
	}

	@Nested
	@DisplayName("when an object other than a table or column gets a comment")
	class Comments extends OnCoverage {

		@ParameterizedTest(name = "{0}")
		@DisplayName("then the comment is a NAMING difference at the object's path, added or removed")
		@CsvSource(delimiter = '|', textBlock = """
				COMMENT ON INDEX item_qty_idx IS 'x'                          | public.item.indexes.btree (qty).comment
				COMMENT ON INDEX item_pkey IS 'x'                             | public.item.primaryKey.indexComment
				COMMENT ON CONSTRAINT item_pkey ON item IS 'x'                | public.item.primaryKey.comment
				COMMENT ON CONSTRAINT qty_not_negative ON item IS 'x'         | public.item.checks.((qty >= 0)).comment
				COMMENT ON TRIGGER item_touch ON item IS 'x'                  | public.item.triggers.item_touch.comment
				COMMENT ON POLICY item_all ON item IS 'x'                     | public.item.policies.item_all.comment
				COMMENT ON SEQUENCE counter IS 'x'                            | public.sequences.counter.comment
				COMMENT ON TYPE mood IS 'x'                                   | public.types.mood.comment
				COMMENT ON DOMAIN positive IS 'x'                             | public.types.positive.comment
				COMMENT ON CONSTRAINT positive_check ON DOMAIN positive IS 'x' | public.types.positive.checks.((VALUE > 0)).comment
				COMMENT ON FUNCTION touch() IS 'x'                            | public.routines.touch().comment
				COMMENT ON PROCEDURE noop() IS 'x'                            | public.routines.noop().comment
				COMMENT ON SCHEMA app IS 'x'                                  | app.comment
				COMMENT ON VIEW item_codes IS 'x'                             | public.views.item_codes.comment
				COMMENT ON MATERIALIZED VIEW item_totals IS 'x'               | public.views.item_totals.comment
				COMMENT ON INDEX item_totals_code IS 'x'                      | public.views.item_totals.indexes.unique btree (code).comment
				COMMENT ON COLUMN item_codes.code IS 'x'                      | public.views.item_codes.columnComments
				COMMENT ON COLUMN item_totals.qty IS 'x'                      | public.views.item_totals.columnComments
				COMMENT ON COLUMN address.city IS 'x'                         | public.types.address.attributes.city.comment
				COMMENT ON STATISTICS item_qty_code IS 'x'                    | public.item.statistics.item_qty_code.comment
				COMMENT ON RULE item_codes_insert ON item_codes IS 'x'        | public.views.item_codes.rules.item_codes_insert.comment
				""")
		void comment(String statement, String path) throws SQLException {
			assertOneDifference(connection, statement, path, Kind.ADDED, Category.NAMING);
		}
	}

	@Nested
	@DisplayName("when privileges change beyond a table's")
	class Privileges extends OnCoverage {

		@ParameterizedTest(name = "{0}")
		@DisplayName("then the grant or revocation is a SECURITY difference at the object's path")
		@CsvSource(delimiter = '|', textBlock = """
				GRANT SELECT ON item TO dbparity_coverage_reader WITH GRANT OPTION  | public.item.grants.dbparity_coverage_reader
				GRANT UPDATE (qty) ON item TO dbparity_coverage_reader              | public.item.columns.qty.grants.dbparity_coverage_reader
				GRANT USAGE ON SEQUENCE counter TO dbparity_coverage_reader         | public.sequences.counter.grants.dbparity_coverage_reader
				REVOKE USAGE ON TYPE mood FROM PUBLIC                               | public.types.mood.revoked.PUBLIC
				REVOKE USAGE ON DOMAIN positive FROM PUBLIC                         | public.types.positive.revoked.PUBLIC
				REVOKE EXECUTE ON FUNCTION touch() FROM PUBLIC                      | public.routines.touch().revoked.PUBLIC
				REVOKE EXECUTE ON PROCEDURE noop() FROM PUBLIC                      | public.routines.noop().revoked.PUBLIC
				GRANT USAGE ON SCHEMA app TO dbparity_coverage_reader               | app.grants.dbparity_coverage_reader
				REVOKE USAGE ON SCHEMA public FROM PUBLIC                           | public.revoked.PUBLIC
				GRANT SELECT ON item_codes TO dbparity_coverage_reader              | public.views.item_codes.grants.dbparity_coverage_reader
				ALTER VIEW item_codes SET (security_invoker = true)                 | public.views.item_codes.securityInvoker
				ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO dbparity_coverage_reader | app.defaultPrivileges.tables
				ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC    | defaultPrivileges.routines
				""")
		void privilege(String statement, String path) throws SQLException {
			assertOneDifference(connection, statement, path, Kind.ADDED, Category.SECURITY);
		}

		@Test
		@DisplayName("then a grant option added to a privilege is a change of that grantee's privileges")
		void grantOption() throws SQLException {
			execute(connection, "GRANT SELECT ON item TO dbparity_coverage_reader");
			SchemaSnapshot before = read(connection);

			execute(connection, "GRANT SELECT ON item TO dbparity_coverage_reader WITH GRANT OPTION");

			assertThat(diff(before, read(connection))).singleElement().satisfies(difference -> {
				assertThat(difference.path()).isEqualTo("public.item.grants.dbparity_coverage_reader");
				assertThat(difference.kind()).isEqualTo(Kind.CHANGED);
				assertThat(difference.category()).isEqualTo(Category.SECURITY);
				assertThat(difference.actual().orElseThrow().toString()).isEqualTo("[\"SELECT WITH GRANT OPTION\"]");
			});
		}

		@Test
		@DisplayName("then a new owner alone changes nothing but the ignored owner, whatever was granted")
		void ownerAlone() throws SQLException {
			execute(connection, """
					GRANT SELECT ON item TO dbparity_coverage_reader;
					GRANT UPDATE (qty) ON item TO dbparity_coverage_reader;
					GRANT USAGE ON SCHEMA app TO dbparity_coverage_reader;
					REVOKE USAGE ON TYPE mood FROM PUBLIC;
					REVOKE EXECUTE ON FUNCTION touch() FROM PUBLIC""");
			SchemaSnapshot before = read(connection);

			execute(connection, """
					ALTER TABLE item OWNER TO dbparity_coverage_owner;
					ALTER SCHEMA app OWNER TO dbparity_coverage_owner;
					ALTER TYPE mood OWNER TO dbparity_coverage_owner;
					ALTER FUNCTION touch() OWNER TO dbparity_coverage_owner""");

			assertThat(diff(before, read(connection))).isEmpty();
		}
	}

	@Nested
	@DisplayName("when storage, replica identity or an index's state changes")
	class Storage extends OnCoverage {

		@ParameterizedTest(name = "{0}")
		@DisplayName("then it is a difference at its path, of its category")
		@CsvSource(delimiter = '|', textBlock = """
				ALTER MATERIALIZED VIEW item_totals SET (fillfactor = 70)      | public.views.item_totals.storage                             | CONFIGURATION
				ALTER INDEX item_totals_code SET (fillfactor = 70)             | public.views.item_totals.indexes.unique btree (code).storage | CONFIGURATION
				ALTER TABLE item REPLICA IDENTITY FULL                         | public.item.replicaIdentity                                  | CONFIGURATION
				ALTER TABLE item REPLICA IDENTITY NOTHING                      | public.item.replicaIdentity                                  | CONFIGURATION
				ALTER TABLE item REPLICA IDENTITY USING INDEX item_code_idx    | public.item.replicaIdentity                                  | CONFIGURATION
				CREATE STATISTICS item_id_qty ON id, qty FROM item             | public.item.statistics.item_id_qty                           | PERFORMANCE
				CREATE RULE item_no_delete AS ON DELETE TO item DO INSTEAD NOTHING | public.item.rules.item_no_delete                                    | INCOMPATIBLE
				CREATE STATISTICS item_totals_stats ON code, qty FROM item_totals | public.views.item_totals.statistics.item_totals_stats     | PERFORMANCE
				ALTER STATISTICS item_qty_code SET STATISTICS 500              | public.item.statistics.item_qty_code.target                  | PERFORMANCE
				ALTER TABLE item SET (toast.autovacuum_enabled = false)        | public.item.storage                                          | CONFIGURATION
				ALTER TABLE item ALTER COLUMN code SET STORAGE EXTERNAL         | public.item.columns.code.storage                             | CONFIGURATION
				ALTER TABLE item ALTER COLUMN code SET COMPRESSION pglz        | public.item.columns.code.compression                         | CONFIGURATION
				ALTER TABLE item ALTER COLUMN qty SET STATISTICS 1000          | public.item.columns.qty.statisticsTarget                     | PERFORMANCE
				ALTER FUNCTION touch() LEAKPROOF                               | public.routines.touch().leakproof                            | SECURITY
				ALTER FUNCTION touch() SET search_path = pg_catalog            | public.routines.touch().set                                  | INCOMPATIBLE
				""")
		void property(String statement, String path, String category) throws SQLException {
			assertOneDifference(connection, statement, path, Kind.ADDED, Category.valueOf(category));
		}

		@Test
		@DisplayName("then a publication and the tables it publishes are CONFIGURATION differences, both ways")
		void publication() throws SQLException {
			SchemaSnapshot before = read(connection);

			execute(connection, "CREATE PUBLICATION item_changes FOR TABLE item WHERE (qty > 0)");
			SchemaSnapshot after = read(connection);

			assertThat(diff(before, after)).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("public.item.publications.item_changes", Kind.ADDED, Category.CONFIGURATION),
						tuple("publications.item_changes", Kind.ADDED, Category.CONFIGURATION));
			assertThat(diff(after, before)).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("public.item.publications.item_changes", Kind.REMOVED, Category.CONFIGURATION),
						tuple("publications.item_changes", Kind.REMOVED, Category.CONFIGURATION));
			assertThat(after.tree().path("schemas").path("public").path("tables").path("item").path("publications")
				.path("item_changes").path("where").asText()).isEqualTo("(qty > 0)");
			assertOneDifference(connection, "ALTER PUBLICATION item_changes SET (publish = 'insert')",
					"publications.item_changes.publish", Kind.CHANGED, Category.CONFIGURATION);
		}

		@Test
		@DisplayName("then the kinds a statistics object builds are part of it")
		void statisticsKinds() throws SQLException {
			assertOneDifference(connection,
					"DROP STATISTICS item_qty_code; CREATE STATISTICS item_qty_code ON qty, code FROM item",
					"public.item.statistics.item_qty_code.kinds", Kind.CHANGED, Category.PERFORMANCE);
		}

		@Test
		@DisplayName("then a rule disabled or rewritten is a change of that rule")
		void ruleChanged() throws SQLException {
			execute(connection, "CREATE RULE item_no_delete AS ON DELETE TO item DO INSTEAD NOTHING");
			assertOneDifference(connection, "ALTER TABLE item DISABLE RULE item_no_delete",
					"public.item.rules.item_no_delete.enabled", Kind.CHANGED, Category.INCOMPATIBLE);
			assertOneDifference(connection, "CREATE OR REPLACE RULE item_codes_insert AS ON INSERT TO item_codes "
					+ "DO INSTEAD INSERT INTO item (id, code) VALUES (0, new.code)",
					"public.views.item_codes.rules.item_codes_insert.definition", Kind.CHANGED, Category.INCOMPATIBLE);
		}

		@Test
		@DisplayName("then the index a replica identity uses is part of it")
		void replicaIndex() throws SQLException {
			execute(connection, """
					CREATE UNIQUE INDEX item_code_again ON item (code);
					ALTER TABLE item REPLICA IDENTITY USING INDEX item_code_idx""");

			assertOneDifference(connection, "ALTER TABLE item REPLICA IDENTITY USING INDEX item_code_again",
					"public.item.replicaIdentity", Kind.CHANGED, Category.CONFIGURATION);
		}

		@Test
		@DisplayName("then an index a failed CREATE INDEX CONCURRENTLY left invalid is a PERFORMANCE difference, both ways")
		void invalidIndex() throws SQLException {
			execute(connection, """
					CREATE TABLE reading (v integer);
					INSERT INTO reading VALUES (1), (2);
					CREATE INDEX reading_inverse ON reading ((1 / v))""");
			SchemaSnapshot valid = read(connection);
			execute(connection, "DROP INDEX reading_inverse; INSERT INTO reading VALUES (0)");

			failing(connection, "CREATE INDEX CONCURRENTLY reading_inverse ON reading ((1 / v))");
			SchemaSnapshot invalid = read(connection);

			assertThat(diff(valid, invalid)).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("public.reading.indexes.btree ((1 / v)).ready", Kind.ADDED, Category.PERFORMANCE),
						tuple("public.reading.indexes.btree ((1 / v)).valid", Kind.ADDED, Category.PERFORMANCE));
			assertThat(diff(invalid, valid)).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(
						tuple("public.reading.indexes.btree ((1 / v)).ready", Kind.REMOVED, Category.PERFORMANCE),
						tuple("public.reading.indexes.btree ((1 / v)).valid", Kind.REMOVED, Category.PERFORMANCE));
		}

		@Test
		@DisplayName("then a unique index left invalid is an INTEGRITY difference, both ways")
		void invalidUniqueIndex() throws SQLException {
			execute(connection, """
					CREATE TABLE ticket (code text);
					INSERT INTO ticket VALUES ('a'), ('b');
					CREATE UNIQUE INDEX ticket_code ON ticket (code)""");
			SchemaSnapshot valid = read(connection);
			execute(connection, "DROP INDEX ticket_code");
			execute(connection, "INSERT INTO ticket VALUES ('a')");

			failing(connection, "CREATE UNIQUE INDEX CONCURRENTLY ticket_code ON ticket (code)");
			SchemaSnapshot invalid = read(connection);

			assertThat(diff(valid, invalid)).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("public.ticket.indexes.unique btree (code).ready", Kind.ADDED, Category.INTEGRITY),
						tuple("public.ticket.indexes.unique btree (code).valid", Kind.ADDED, Category.INTEGRITY));
			assertThat(diff(invalid, valid)).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(
						tuple("public.ticket.indexes.unique btree (code).ready", Kind.REMOVED, Category.INTEGRITY),
						tuple("public.ticket.indexes.unique btree (code).valid", Kind.REMOVED, Category.INTEGRITY));
		}

		@Test
		@DisplayName("then a partition's index not attached to its parent's is a difference on both")
		void detachedPartitionIndex() throws SQLException {
			execute(connection, """
					CREATE INDEX measurement_v ON ONLY measurement (v);
					CREATE INDEX measurement_2024_v ON measurement_2024 (v)""");
			SchemaSnapshot detached = read(connection);

			execute(connection, "ALTER INDEX measurement_v ATTACH PARTITION measurement_2024_v");
			SchemaSnapshot attached = read(connection);

			assertThat(diff(attached, detached)).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("public.measurement.indexes.btree (v).valid", Kind.ADDED, Category.PERFORMANCE),
						tuple("public.measurement_2024.indexes.btree (v).attached", Kind.ADDED, Category.PERFORMANCE));
			assertThat(diff(detached, attached)).extracting(Difference::path, Difference::kind)
				.containsExactly(tuple("public.measurement.indexes.btree (v).valid", Kind.REMOVED),
						tuple("public.measurement_2024.indexes.btree (v).attached", Kind.REMOVED));
		}
	}

	/** Runs a statement that must fail, as a failed {@code CREATE INDEX CONCURRENTLY} in production does. */
	static void failing(Connection connection, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException expected) {
			return;
		}
		throw new AssertionError("expected to fail: " + sql);
	}

	@Nested
	@DisplayName("when two schemas differ only in how an expression or a default is spelled")
	class Equivalent extends OnCoverage {

		@ParameterizedTest(name = "{0}")
		@DisplayName("then their snapshots have no difference")
		@CsvSource(delimiter = '|', textBlock = """
				check AT TIME ZONE         | CREATE TABLE tz (t timestamp, CHECK ((t AT TIME ZONE 'UTC') > '2000-01-01'))  | CREATE TABLE tz (t timestamp, CHECK (timezone('UTC', t) > '2000-01-01'))
				default AT TIME ZONE       | CREATE TABLE tz (t timestamp DEFAULT (now() AT TIME ZONE 'UTC'))               | CREATE TABLE tz (t timestamp DEFAULT timezone('UTC', now()))
				index AT TIME ZONE         | CREATE TABLE tz (t timestamp); CREATE INDEX tz_i ON tz ((t AT TIME ZONE 'UTC')) | CREATE TABLE tz (t timestamp); CREATE INDEX tz_i ON tz (timezone('UTC', t))
				index operand AT TIME ZONE | CREATE TABLE tz (t timestamp); CREATE INDEX tz_i ON tz (((t + interval '1 day') AT TIME ZONE 'UTC')) | CREATE TABLE tz (t timestamp); CREATE INDEX tz_i ON tz (timezone('UTC', t + interval '1 day'))
				nested AT TIME ZONE        | CREATE TABLE tz (t timestamptz, CHECK (((t AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris') > '2000-01-01')) | CREATE TABLE tz (t timestamptz, CHECK (timezone('Europe/Paris', timezone('UTC', t)) > '2000-01-01'))
				predicate AT TIME ZONE     | CREATE TABLE tz (t timestamp); CREATE INDEX tz_i ON tz (t) WHERE (t AT TIME ZONE 'UTC') > '2020-01-01' | CREATE TABLE tz (t timestamp); CREATE INDEX tz_i ON tz (t) WHERE timezone('UTC', t) > '2020-01-01'
				generated AT TIME ZONE     | CREATE TABLE tz (t timestamptz, g timestamp GENERATED ALWAYS AS (t AT TIME ZONE 'UTC') STORED) | CREATE TABLE tz (t timestamptz, g timestamp GENERATED ALWAYS AS (timezone('UTC', t)) STORED)
				view AT TIME ZONE          | CREATE TABLE tz (t timestamp); CREATE VIEW tzv AS SELECT (t + interval '1 hour') AT TIME ZONE 'UTC' AS u FROM tz | CREATE TABLE tz (t timestamp); CREATE VIEW tzv AS SELECT timezone('UTC', t + interval '1 hour') AS u FROM tz
				AT LOCAL                   | CREATE TABLE tz (t timestamp, CHECK ((t AT LOCAL) IS NOT NULL))               | CREATE TABLE tz (t timestamp, CHECK (timezone(t) IS NOT NULL))
				DEFAULT NULL               | CREATE TABLE dn (v varchar(20) DEFAULT NULL, w integer DEFAULT NULL, x text DEFAULT NULL::text, y varchar(5) DEFAULT NULL::text, d positive DEFAULT NULL, m mood DEFAULT NULL) | CREATE TABLE dn (v varchar(20), w integer, x text, y varchar(5), d positive, m mood)
				""")
		void same(String name, String a, String b) throws SQLException {
			execute(connection, "CREATE SCHEMA spelling_a");
			execute(connection, "SET search_path = spelling_a, public");
			execute(connection, a);
			execute(connection, "CREATE SCHEMA spelling_b");
			execute(connection, "SET search_path = spelling_b, public");
			execute(connection, b);
			execute(connection, "RESET search_path");

			var tree = read(connection).tree();

			assertThat(deparsed(connection, "spelling_a").replace("spelling_a", "s"))
				.as("the server keeps the two spellings apart").isNotEqualTo(
						deparsed(connection, "spelling_b").replace("spelling_b", "s"));
			assertThat(tree.path("schemas").path("spelling_a").toString().replace("spelling_a", "s"))
				.as(name).isEqualTo(tree.path("schemas").path("spelling_b").toString().replace("spelling_b", "s"));
		}

		/** What the server's deparser prints for a schema's checks, defaults, indexes and views, raw. */
		private static String deparsed(Connection connection, String schema) throws SQLException {
			try (var statement = connection.prepareStatement("""
					SELECT string_agg(x, ' | ' ORDER BY x) FROM (
					    SELECT pg_get_constraintdef(co.oid) AS x FROM pg_constraint co
					    WHERE co.connamespace = ?::regnamespace
					    UNION ALL SELECT pg_get_expr(ad.adbin, ad.adrelid) FROM pg_attrdef ad
					    JOIN pg_class c ON c.oid = ad.adrelid WHERE c.relnamespace = ?::regnamespace
					    UNION ALL SELECT pg_get_indexdef(c.oid) FROM pg_class c
					    WHERE c.relkind = 'i' AND c.relnamespace = ?::regnamespace
					    UNION ALL SELECT pg_get_viewdef(c.oid) FROM pg_class c
					    WHERE c.relkind = 'v' AND c.relnamespace = ?::regnamespace) d""")) {
				for (int i = 1; i <= 4; i++) {
					statement.setString(i, schema);
				}
				try (var row = statement.executeQuery()) {
					row.next();
					return String.valueOf(row.getString(1));
				}
			}
		}

		@Test
		@DisplayName("then DEFAULT NULL on a column of a domain that has a default still counts, as it overrides it")
		void nullOverridesDomainDefault() throws SQLException {
			execute(connection, "CREATE DOMAIN five AS integer DEFAULT 5; CREATE TABLE dn (d five)");
			SchemaSnapshot before = read(connection);

			execute(connection, "ALTER TABLE dn ALTER COLUMN d SET DEFAULT NULL");
			SchemaSnapshot after = read(connection);

			assertThat(diff(before, after)).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("public.dn.columns.d.default", Kind.ADDED, Category.ADDITIVE));
			assertThat(diff(after, before)).extracting(Difference::path, Difference::kind, Difference::category)
				.containsExactly(tuple("public.dn.columns.d.default", Kind.REMOVED, Category.INCOMPATIBLE));
		}
	}

	@Nested
	@DisplayName("when the same migrations run on PostgreSQL 15 and 17, whose deparsers print AT TIME ZONE differently")
	class AcrossVersions {

		@Test
		@DisplayName("then the schemas' snapshots are the same")
		void sameSchema() throws SQLException {
			String seen15;
			try (Database database = databases.open(RuntimeDatabases.settings(Engine.POSTGRES, "15.18", TIMEZONE,
					Optional.empty())); Connection connection = database.dataSource().getConnection()) {
				seen15 = read(connection).tree().path("schemas").path("public").toString();
			}
			String seen17;
			try (Database database = databases.open(RuntimeDatabases.settings(Engine.POSTGRES, "17.6", TIMEZONE,
					Optional.empty())); Connection connection = database.dataSource().getConnection()) {
				assertThat(deparsedIndex(connection)).as("17 prints the syntax").contains("AT TIME ZONE");
				seen17 = read(connection).tree().path("schemas").path("public").toString();
			}

			assertThat(seen15).contains("timezone('UTC'::text, at)");
			assertThat(seen17).isEqualTo(seen15);
		}

		private static String deparsedIndex(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement();
					var row = statement.executeQuery("SELECT pg_get_indexdef('public.event_day'::regclass)")) {
				row.next();
				return row.getString(1);
			}
		}
	}
}
