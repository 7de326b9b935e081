package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import dev.dbparity.snapshots.json.CanonicalJson;

class PostgresCatalogReaderTests {

	private static final String GOLDEN = "schema/postgres/rich.golden.json";

	static SchemaSnapshot read(Connection connection) throws SQLException {
		return new PostgresCatalogReader().read(connection, CaptureOptions.all());
	}

	static String text(SchemaSnapshot snapshot) {
		return new String(snapshot.toCanonicalJson(), StandardCharsets.UTF_8);
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** The paths, keys from the root joined with {@code .}, at which two trees differ; arrays count as one value. */
	static Set<String> differences(JsonNode before, JsonNode after) {
		Set<String> paths = new TreeSet<>();
		collectDifferences("", before, after, paths);
		return paths;
	}

	private static void collectDifferences(String path, JsonNode before, JsonNode after, Set<String> paths) {
		if (before != null && after != null && before.isObject() && after.isObject()) {
			Set<String> names = new TreeSet<>();
			before.fieldNames().forEachRemaining(names::add);
			after.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				collectDifferences(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), paths);
			}
		}
		else if (before == null || !before.equals(after)) {
			paths.add(path);
		}
	}

	private static RuntimeDatabases databases;

	@BeforeAll
	static void startRuntime() {
		databases = new RuntimeDatabases();
	}

	@AfterAll
	static void stopEngine() {
		databases.close();
	}

	/** The snapshot of a new database migrated with {@code migrations}, as text. */
	static String captured(String migrations) throws SQLException {
		try (Database database = databases.open(Engine.POSTGRES, migrations);
				Connection connection = database.dataSource().getConnection()) {
			return text(read(connection));
		}
	}

	@Nested
	@DisplayName("when two schemas are the same, written differently")
	class Equivalent {

		@Test
		@DisplayName("then their snapshots have the same bytes")
		void sameBytes() throws SQLException {
			String a = captured("schema/postgres/equivalent-a");
			assertThat(a).contains("\"book_count()\"", "\"cheap_books\"", "\"book_touch\"", "\"author_id_seq\"");
			assertThat(captured("schema/postgres/equivalent-b")).isEqualTo(a);
		}
	}

	@Nested
	@DisplayName("when a schema has every kind of object")
	class Rich {

		/** A new database for every test, which may change it. */
		private Database database;

		private Connection connection;

		@BeforeEach
		void openDatabase() throws SQLException {
			database = databases.open(RuntimeDatabases.settings(Engine.POSTGRES, "17.6", "schema/postgres/rich",
					Optional.empty()));
			connection = database.dataSource().getConnection();
		}

		@AfterEach
		void dropDatabase() throws SQLException {
			connection.close();
			database.close();
		}

		@Test
		@DisplayName("then each object is at its path, normalised")
		void paths() throws SQLException {
			JsonNode tree = read(connection).tree();
			JsonNode engine = tree.path("engine");
			JsonNode settings = tree.path("settings");
			JsonNode extensions = tree.path("extensions");
			JsonNode schema = tree.path("schemas").path("public");
			JsonNode orders = schema.path("tables").path("orders");
			JsonNode columns = orders.path("columns");

			assertThat(tree.path("format").asInt()).isEqualTo(1);
			assertThat(engine.path("name").asText()).isEqualTo("postgres");
			assertThat(engine.path("version").asText()).isEqualTo("17.6");
			assertThat(engine.path("major").asText()).isEqualTo("17");
			assertThat(settings.path("encoding").asText()).isEqualTo("UTF8");
			assertThat(settings.path("datlocprovider").asText()).isEqualTo("libc");
			assertThat(settings.path("standard_conforming_strings").asText()).isEqualTo("on");
			assertThat(settings.has("lc_collate") && settings.has("lc_ctype") && settings.has("timezone")).isTrue();
			assertThat(extensions.path("citext").path("schema").asText()).isEqualTo("public");
			assertThat(extensions.path("plpgsql").path("version").asText()).isEqualTo("1.0");
			assertThat(tree.path("schemas").fieldNames()).toIterable().containsExactly("public");
			assertThat(schema.path("comment").asText()).isEqualTo("The shop");

			assertThat(schema.path("tables").fieldNames()).toIterable().as("no history table")
				.containsExactlyInAnyOrder("audit_base", "booking", "customer", "measurement", "measurement_2024",
						"measurement_2025", "order_audit", "orders", "scratch");
			assertThat(columns.path("total").path("type").asText()).isEqualTo("numeric(12,2)");
			assertThat(columns.path("ordered_at").path("type").asText()).isEqualTo("timestamp(3) without time zone");
			assertThat(columns.path("note").path("position").asInt()).as("a dropped column leaves no gap").isEqualTo(9);
			assertThat(columns.path("note").path("default").asText()).isEqualTo("'none'");
			assertThat(columns.path("status").path("default").asText()).isEqualTo("'new'");
			assertThat(columns.path("id").path("default").asText()).isEqualTo("nextval('public.orders_id_seq')");
			assertThat(columns.path("net").path("generated").path("stored").asBoolean()).isTrue();
			assertThat(columns.path("net").has("default")).isFalse();
			assertThat(columns.path("total").has("comment")).isFalse();
			assertThat(columns.path("total").path("nullable").asBoolean(true)).isFalse();
			JsonNode customer = schema.path("tables").path("customer");
			assertThat(customer.path("columns").path("id").path("identity").asText()).isEqualTo("always");
			assertThat(customer.path("columns").path("name").path("collation").asText()).isEqualTo("C");
			assertThat(customer.path("columns").path("email").path("type").asText()).isEqualTo("public.citext");
			assertThat(customer.path("columns").path("email").path("comment").asText()).isEqualTo("Login");
			assertThat(customer.path("uniqueConstraints").path("(email)").path("name").asText())
				.isEqualTo("customer_email_key");
			assertThat(customer.path("grants").path("PUBLIC").toString()).isEqualTo("[\"SELECT\"]");

			assertThat(orders.path("primaryKey").path("columns").toString()).isEqualTo("[\"id\"]");
			JsonNode foreignKey = orders.path("foreignKeys").path("(customer_id) -> public.customer(id)");
			assertThat(foreignKey.path("onDelete").asText()).isEqualTo("CASCADE");
			assertThat(foreignKey.path("match").asText()).isEqualTo("SIMPLE");
			assertThat(schema.path("tables").path("order_audit").path("foreignKeys")
				.path("(order_id) -> public.orders(id)").path("initiallyDeferred").asBoolean()).isTrue();
			assertThat(orders.path("checks").path("((total >= (0)::numeric))").path("validated").asBoolean()).isTrue();
			assertThat(orders.path("checks").path("(((note)::text <> ''::text))").path("validated").asBoolean(true))
				.isFalse();
			assertThat(orders.path("indexes").fieldNames()).toIterable().containsExactlyInAnyOrder(
					"btree (customer_id, ordered_at DESC)",
					"btree (lower(note::text)) include (total) where (status <> 'shipped'::public.order_status)",
					"unique btree (invoice)");
			assertThat(orders.path("indexes").path("unique btree (invoice)").path("nullsNotDistinct").asBoolean())
				.isTrue();
			assertThat(orders.path("triggers").path("orders_audit_disabled").path("enabled").asText()).isEqualTo("D");
			assertThat(orders.path("triggers").path("orders_audit").path("definition").asText()).isEqualTo(
					"CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OF status ON public.orders FOR EACH ROW "
					+ "EXECUTE FUNCTION public.audit_order()");
			assertThat(orders.path("rowLevelSecurity").path("enabled").asBoolean()).isTrue();
			assertThat(orders.path("policies").path("orders_reporting").path("roles").toString())
				.isEqualTo("[\"dbparity_reporting\"]");
			assertThat(orders.path("policies").path("orders_own").path("permissive").asBoolean(true)).isFalse();
			assertThat(orders.path("grants").path("dbparity_reporting").toString())
				.isEqualTo("[\"INSERT\",\"SELECT\",\"UPDATE\"]");
			assertThat(schema.path("tables").path("booking").path("exclusions").fieldNames()).toIterable()
				.containsExactly("EXCLUDE USING gist (during WITH &&) WHERE ((room > 0))");

			JsonNode measurement = schema.path("tables").path("measurement");
			assertThat(measurement.path("kind").asText()).isEqualTo("partitioned table");
			assertThat(measurement.path("partitioning").path("strategy").asText()).isEqualTo("range");
			assertThat(measurement.path("partitioning").path("key").asText()).isEqualTo("logdate");
			JsonNode partition = schema.path("tables").path("measurement_2024");
			assertThat(partition.path("partitionOf").path("parent").asText()).isEqualTo("public.measurement");
			assertThat(partition.path("partitionOf").path("bound").asText())
				.isEqualTo("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
			assertThat(schema.path("tables").path("order_audit").path("inherits").toString())
				.isEqualTo("[\"public.audit_base\"]");
			assertThat(schema.path("tables").path("scratch").path("kind").asText()).isEqualTo("unlogged table");

			JsonNode views = schema.path("views");
			assertThat(views.path("open_orders").path("checkOption").asText()).isEqualTo("CASCADED");
			assertThat(views.path("open_orders").path("securityBarrier").asBoolean()).isTrue();
			assertThat(views.path("open_orders").path("definition").asText()).isEqualTo("SELECT id, customer_id, "
					+ "total FROM public.orders o WHERE status <> 'shipped'::public.order_status");
			assertThat(views.path("customer_totals").path("materialized").asBoolean()).isTrue();
			assertThat(views.path("customer_totals").path("indexes").fieldNames()).toIterable()
				.containsExactly("unique btree (customer_id)");

			JsonNode sequences = schema.path("sequences");
			assertThat(sequences.fieldNames()).toIterable().as("identity sequences belong to their column")
				.containsExactlyInAnyOrder("invoice_number", "orders_id_seq");
			assertThat(sequences.path("invoice_number").path("ownedBy").asText()).isEqualTo("public.orders.invoice");
			assertThat(sequences.path("invoice_number").path("increment").asLong()).isEqualTo(10);

			JsonNode types = schema.path("types");
			assertThat(types.fieldNames()).toIterable().as("no citext, no multirange, no table row types")
				.containsExactlyInAnyOrder("address", "order_status", "positive_amount", "price_range");
			assertThat(types.path("order_status").path("labels").toString()).isEqualTo("[\"new\",\"paid\",\"shipped\"]");
			assertThat(types.path("positive_amount").path("baseType").asText()).isEqualTo("numeric(12,2)");
			assertThat(types.path("positive_amount").path("checks").fieldNames()).toIterable()
				.containsExactly("((VALUE >= (0)::numeric))");
			assertThat(types.path("address").path("attributes").path("city").path("collation").asText())
				.isEqualTo("C");
			assertThat(types.path("price_range").path("subtype").asText()).isEqualTo("numeric");

			JsonNode routines = schema.path("routines");
			assertThat(routines.fieldNames()).toIterable().as("no extension or range constructor functions")
				.containsExactlyInAnyOrder("archive_orders(date)", "audit_order()", "order_total(bigint)");
			JsonNode total = routines.path("order_total(bigint)");
			assertThat(total.path("arguments").asText()).isEqualTo("p_order bigint");
			assertThat(total.path("returns").asText()).isEqualTo("numeric");
			assertThat(total.path("volatility").asText()).isEqualTo("stable");
			assertThat(total.path("parallel").asText()).isEqualTo("safe");
			assertThat(total.path("bodyHash").asText()).startsWith("sha256:").hasSize("sha256:".length() + 64);
			assertThat(total.path("grants").path("dbparity_reporting").toString()).isEqualTo("[\"EXECUTE\"]");
			assertThat(routines.path("archive_orders(date)").path("kind").asText()).isEqualTo("procedure");
			assertThat(routines.path("audit_order()").path("securityDefiner").asBoolean()).isTrue();
		}

		@Test
		@DisplayName("then the snapshot matches the reviewed golden file, apart from the host's settings")
		void golden() throws SQLException, IOException {
			ObjectNode tree = (ObjectNode) read(connection).tree();
			// Locale and time zone come from the machine the engine was initialised on, not from the migrations.
			tree.remove("settings");
			String actual = CanonicalJson.writeString(tree);

			String expected;
			try (InputStream golden = PostgresCatalogReaderTests.class.getClassLoader().getResourceAsStream(GOLDEN)) {
				expected = golden == null ? "" : new String(golden.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!actual.equals(expected)) {
				// Beside the build output, for review: copy it over the golden file when the change is intended.
				Path written = Files.writeString(Path.of("target", "rich.actual.json"), actual);
				assertThat(actual).as("snapshot of schema/postgres/rich; this one is in " + written.toAbsolutePath())
					.isEqualTo(expected);
			}
			assertThat(actual).doesNotContain("localhost", "127.0.0.1", "password", "dbparity_t");
		}

		@Test
		@DisplayName("then reading twice gives the same bytes and leaves the connection as it was")
		void deterministic() throws SQLException {
			boolean autoCommit = connection.getAutoCommit();
			boolean readOnly = connection.isReadOnly();

			byte[] first = read(connection).toCanonicalJson();
			byte[] second = read(connection).toCanonicalJson();

			assertThat(second).isEqualTo(first);
			assertThat(connection.getAutoCommit()).isEqualTo(autoCommit);
			assertThat(connection.isReadOnly()).isEqualTo(readOnly);
		}

		@Test
		@DisplayName("then a read inside the caller's transaction gives the same tree and keeps the search path and plan cache mode")
		void insideTransaction() throws SQLException {
			byte[] outside = read(connection).toCanonicalJson();
			connection.setAutoCommit(false);
			try {
				execute(connection, "SET LOCAL search_path = public, pg_catalog");

				byte[] inside = read(connection).toCanonicalJson();

				assertThat(inside).isEqualTo(outside);
				try (Statement statement = connection.createStatement();
						var row = statement.executeQuery("SELECT current_setting('search_path'), "
								+ "current_setting('plan_cache_mode')")) {
					row.next();
					assertThat(row.getString(1)).isEqualTo("public, pg_catalog");
					assertThat(row.getString(2)).as("the reader's generic plans stay its own").isEqualTo("auto");
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}

		@Test
		@DisplayName("then capture options narrow the schemas read")
		void schemas() throws SQLException {
			execute(connection, "CREATE SCHEMA other");
			execute(connection, "CREATE TABLE other.thing (id int)");
			PostgresCatalogReader reader = new PostgresCatalogReader();

			JsonNode all = reader.read(connection, CaptureOptions.all()).tree();
			JsonNode other = reader.read(connection, new CaptureOptions(List.of("other"))).tree();

			assertThat(all.path("schemas").fieldNames()).toIterable().containsExactlyInAnyOrder("other", "public");
			assertThat(other.path("schemas").fieldNames()).toIterable().containsExactly("other");
			assertThat(other.path("schemas").path("other")).isEqualTo(all.path("schemas").path("other"));
		}

		@ParameterizedTest(name = "{0}")
		@DisplayName("then a change shows up at its path, and only there")
		@CsvSource(delimiter = '|', textBlock = """
				ALTER TABLE orders RENAME CONSTRAINT orders_total_check TO orders_total_positive | schemas.public.tables.orders.checks.((total >= (0)::numeric)).name
				ALTER INDEX orders_customer_idx RENAME TO orders_by_customer | schemas.public.tables.orders.indexes.btree (customer_id, ordered_at DESC).name
				ALTER TYPE order_status ADD VALUE 'cancelled' | schemas.public.types.order_status.labels
				CREATE INDEX ON customer (created_at) | schemas.public.tables.customer.indexes
				ALTER TABLE customer ALTER COLUMN name TYPE text COLLATE "POSIX" | schemas.public.tables.customer.columns.name.collation
				ALTER TABLE scratch ALTER COLUMN v TYPE json | schemas.public.tables.scratch.columns.v.type
				ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'n/a' | schemas.public.tables.orders.columns.note.default
				ALTER TABLE orders DISABLE TRIGGER orders_audit | schemas.public.tables.orders.triggers.orders_audit.enabled
				DROP TRIGGER orders_audit_disabled ON orders | schemas.public.tables.orders.triggers.orders_audit_disabled
				GRANT DELETE ON orders TO dbparity_reporting | schemas.public.tables.orders.grants.dbparity_reporting
				CREATE POLICY orders_delete ON orders FOR DELETE USING (false) | schemas.public.tables.orders.policies.orders_delete
				ALTER TABLE orders FORCE ROW LEVEL SECURITY | schemas.public.tables.orders.rowLevelSecurity.forced
				CREATE OR REPLACE FUNCTION order_total(p_order bigint) RETURNS numeric LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$ SELECT total + 0 FROM public.orders WHERE id = p_order $$ | schemas.public.routines.order_total(bigint).bodyHash
				ALTER FUNCTION order_total(bigint) VOLATILE | schemas.public.routines.order_total(bigint).volatility
				CREATE OR REPLACE VIEW open_orders WITH (security_barrier) AS SELECT o.id, o.customer_id, o.total FROM orders o WHERE o.status = 'new' WITH CHECK OPTION | schemas.public.views.open_orders.definition
				ALTER TABLE orders VALIDATE CONSTRAINT orders_note_not_blank | schemas.public.tables.orders.checks.(((note)::text <> ''::text)).validated
				ALTER SEQUENCE invoice_number INCREMENT BY 5 | schemas.public.sequences.invoice_number.increment
				ALTER TABLE customer ALTER COLUMN id SET INCREMENT BY 5 | schemas.public.tables.customer.columns.id.sequence
				ALTER TABLE customer ALTER COLUMN id SET GENERATED BY DEFAULT | schemas.public.tables.customer.columns.id.identity
				ALTER DOMAIN positive_amount DROP NOT NULL | schemas.public.types.positive_amount.nullable
				COMMENT ON COLUMN orders.total IS 'Gross' | schemas.public.tables.orders.columns.total.comment
				CREATE EXTENSION pg_trgm | extensions.pg_trgm
				ALTER TABLE orders SET (fillfactor = 80) | schemas.public.tables.orders.storage
				ALTER INDEX orders_customer_idx SET (fillfactor = 70) | schemas.public.tables.orders.indexes.btree (customer_id, ordered_at DESC).storage
				""")
		void change(String statement, String path) throws SQLException {
			JsonNode before = read(connection).tree();

			execute(connection, statement);

			assertThat(differences(before, read(connection).tree())).containsExactly(path);
		}

		@Test
		@DisplayName("then an extension update shows up as its version")
		void extensionVersion() throws SQLException {
			execute(connection, "CREATE EXTENSION pg_trgm VERSION '1.5'");
			JsonNode before = read(connection).tree();

			execute(connection, "ALTER EXTENSION pg_trgm UPDATE TO '1.6'");
			JsonNode after = read(connection).tree();

			assertThat(differences(before, after)).containsExactly("extensions.pg_trgm.version");
			assertThat(after.path("schemas").path("public").path("routines").fieldNames()).toIterable()
				.as("extension functions are not the schema's").hasSize(3);
		}
	}

	@Test
	@DisplayName("differences lists changed, added and removed leaves")
	void differencesHelper() {
		ObjectNode before = CanonicalJson.object();
		before.put("same", 1).put("changed", 1).put("removed", 1).putObject("nested").put("x", "a");
		ObjectNode after = CanonicalJson.object();
		after.put("same", 1).put("changed", 2).put("added", 1).putObject("nested").put("x", "b");

		assertThat(differences(before, after)).containsExactly("added", "changed", "nested.x", "removed");
	}
}
