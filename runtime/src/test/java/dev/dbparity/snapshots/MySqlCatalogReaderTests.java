package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.dbparity.baselines.BaselineSettings;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.Engines;
import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.DatabaseSettings;
import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;
import dev.dbparity.snapshots.catalog.UnknownSchemaException;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code MySqlCatalogReader} on real MariaDB databases that a {@link RuntimeDatabases} migrated. Each migrations
 * folder is captured once, before the tests, into a new database, so that the tests here can compare snapshots of
 * different databases.
 */
class MySqlCatalogReaderTests {

	private static final String GOLDEN = "schema/mariadb/rich.golden.json";

	private static final String EQUIVALENT_A = "schema/mariadb/equivalent-a";

	private static final String EQUIVALENT_B = "schema/mariadb/equivalent-b";

	private static final String CHANGED = "schema/mariadb/changed";

	private static final String RICH = "schema/mariadb/rich";

	/** What one capture read: its database's name and the snapshot's canonical bytes. */
	record Captured(String database, String json) {

		JsonNode tree() {
			return CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8), database);
		}
	}

	private static final Map<String, List<Captured>> CAPTURED = new HashMap<>();

	private static RuntimeDatabases databases;

	static Captured capture(Database database) throws SQLException {
		try (Connection connection = database.dataSource().getConnection()) {
			SchemaSnapshot snapshot = new MySqlCatalogReader().read(connection, CaptureOptions.all());
			return new Captured(database.name(), new String(snapshot.toCanonicalJson(), StandardCharsets.UTF_8));
		}
	}

	static Captured captured(String migrations) {
		assertThat(CAPTURED.get(migrations)).as("snapshots captured of %s", migrations).isNotEmpty();
		return CAPTURED.get(migrations).get(0);
	}

	@BeforeAll
	static void captureEveryMigrationsFolder() throws SQLException {
		databases = new RuntimeDatabases();
		for (String migrations : List.of(EQUIVALENT_A, EQUIVALENT_B, CHANGED)) {
			try (Database database = databases.open(Engine.MARIADB, migrations)) {
				CAPTURED.put(migrations, List.of(capture(database)));
			}
		}
		// Captured twice, into two databases, to show that the database's name reaches no byte of the snapshot.
		List<Captured> rich = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			try (Database database = databases.open(Engine.MARIADB, RICH)) {
				rich.add(capture(database));
			}
		}
		CAPTURED.put(RICH, rich);
	}

	@AfterAll
	static void stopEngines() {
		databases.close();
	}

	@Test
	@DisplayName("equivalent schemas written differently give byte-identical snapshots")
	void equivalentSchemas() {
		assertThat(captured(EQUIVALENT_B).json()).isEqualTo(captured(EQUIVALENT_A).json());
	}

	@Test
	@DisplayName("real changes show up at their own paths and nowhere else")
	void realChanges() {
		Set<String> paths = new TreeSet<>();
		differences(captured(EQUIVALENT_A).tree(), captured(CHANGED).tree(), List.of(), paths);

		assertThat(paths).containsExactlyInAnyOrder(
				"default.customer.columns.email.type",
				"default.customer.columns.nickname.collation",
				"default.orders.columns.note.default",
				"default.orders.indexes.btree (total)",
				"default.orders.foreignKeys.(customer_id) -> default.customer(id)",
				"default.orders.triggers.orders_note.definition",
				"default.routines.order_count(int).bodyHash");
	}

	@Test
	@DisplayName("two databases migrated alike give the same bytes, and neither's name appears in them")
	void deterministic() {
		List<Captured> rich = CAPTURED.get(RICH);

		assertThat(rich).hasSize(2);
		assertThat(rich.get(0).database()).isNotEqualTo(rich.get(1).database());
		assertThat(rich.get(1).json()).isEqualTo(rich.get(0).json());
		for (Captured captured : rich) {
			assertThat(captured.json()).doesNotContain(captured.database()).doesNotContain("dbparity_")
				.doesNotContain("\"definer\"").doesNotContain("localhost").doesNotContain("@");
		}
	}

	@Test
	@DisplayName("the rich schema's snapshot equals the reviewed golden file byte for byte")
	void golden() throws IOException {
		String actual = captured(RICH).json();
		String expected;
		try (InputStream golden = MySqlCatalogReaderTests.class.getClassLoader().getResourceAsStream(GOLDEN)) {
			expected = golden == null ? "" : new String(golden.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (!actual.equals(expected)) {
			Path written = Files.createDirectories(Path.of("target", "golden")).resolve("rich.actual.json");
			Files.writeString(written, actual);
			assertThat(actual).as("The rich schema's snapshot differs from src/test/resources/%s. Review %s and, if it "
					+ "is right, copy it over the golden file.", GOLDEN, written.toAbsolutePath()).isEqualTo(expected);
		}
	}

	@Nested
	@DisplayName("the rich schema")
	class Rich {

		private final JsonNode tree = captured(RICH).tree();

		private JsonNode at(String... keys) {
			JsonNode node = tree;
			for (String key : keys) {
				node = node.path(key);
			}
			return node;
		}

		private JsonNode table(String table, String... keys) {
			JsonNode node = at("schemas", "default", "tables", table);
			for (String key : keys) {
				node = node.path(key);
			}
			return node;
		}

		@Test
		@DisplayName("names the engine and its settings, and keys the current database as default")
		void engineAndSettings() {
			assertThat(at("engine", "name").asText()).isEqualTo("mariadb");
			assertThat(at("engine", "major").asText()).isEqualTo("10.11");
			assertThat(at("settings", "collation_database").asText()).isEqualTo("utf8mb4_unicode_ci");
			assertThat(at("settings", "sql_mode").asText()).matches("([A-Z_]+(,[A-Z_]+)*)?")
				.satisfies(modes -> assertThat(List.of(modes.split(","))).isSorted());
			assertThat(at("schemas").properties()).extracting(Map.Entry::getKey).containsExactly("default");
			assertThat(at("schemas", "default", "tables").has("dbparity_schema_history")).isFalse();
		}

		@Test
		@DisplayName("normalises column types, defaults and options")
		void columns() {
			assertThat(table("orders", "columns", "total", "type").asText()).isEqualTo("decimal(12,2)");
			assertThat(table("orders", "columns", "total", "default").asText()).isEqualTo("0.00");
			assertThat(table("orders", "columns", "id", "type").asText()).isEqualTo("bigint");
			assertThat(table("orders", "columns", "id", "autoIncrement").asBoolean()).isTrue();
			assertThat(table("orders", "columns", "placed_at", "default").asText()).isEqualTo("current_timestamp()");
			assertThat(table("orders", "columns", "status", "type").asText()).isEqualTo("enum('new','paid','shipped')");
			assertThat(table("orders", "columns", "status", "default").asText()).isEqualTo("'new'");
			assertThat(table("customer", "columns", "id", "type").asText()).isEqualTo("int unsigned");
			assertThat(table("customer", "columns", "newsletter", "type").asText()).isEqualTo("tinyint(1)");
			assertThat(table("customer", "columns", "newsletter", "default").asText()).isEqualTo("0");
			assertThat(table("customer", "columns", "loyalty", "type").asText()).isEqualTo("int(5) unsigned zerofill");
			assertThat(table("customer", "columns", "country", "collation").asText()).isEqualTo("ascii_bin");
			assertThat(table("customer", "columns", "email").has("collation")).as("same as the table's").isFalse();
			assertThat(table("customer", "columns", "name", "comment").asText()).isEqualTo("shown on invoices");
			assertThat(table("customer", "columns", "internal_code", "invisible").asBoolean()).isTrue();
			assertThat(table("customer", "columns", "updated_at", "onUpdate").asText()).isEqualTo("current_timestamp()");
			assertThat(table("customer", "columns", "updated_at").has("default")).as("NULL default").isFalse();
			assertThat(table("product", "columns", "net_price", "generated", "stored").asBoolean()).isFalse();
			assertThat(table("product", "columns", "title_lower", "generated", "expression").asText())
				.isEqualTo("lcase(`title`)");
			assertThat(table("product", "columns", "title_lower", "generated", "stored").asBoolean()).isTrue();
			assertThat(table("product", "columns").elements()).toIterable()
				.allSatisfy(column -> assertThat(column.has("position") && column.has("type") && column.has("nullable"))
					.isTrue());
		}

		@Test
		@DisplayName("reads table options and partitioning")
		void tables() {
			assertThat(table("customer", "engine").asText()).isEqualTo("InnoDB");
			assertThat(table("customer", "charset").asText()).isEqualTo("utf8mb4");
			assertThat(table("customer", "comment").asText()).isEqualTo("people who order");
			assertThat(table("orders", "partitioning", "strategy").asText()).isEqualTo("range");
			assertThat(table("orders", "partitioning", "key").asText()).isEqualTo("year(`placed_at`)");
			assertThat(table("orders", "partitioning", "partitions").properties()).extracting(Map.Entry::getKey)
				.containsExactlyInAnyOrder("p2023", "p2024", "pmax");
			assertThat(table("orders", "partitioning", "partitions", "pmax", "values").asText()).isEqualTo("MAXVALUE");
		}

		@Test
		@DisplayName("keys constraints and indexes by structure and keeps only chosen names")
		void keysAndIndexes() {
			assertThat(table("orders", "primaryKey", "columns")).extracting(JsonNode::asText)
				.containsExactly("id", "placed_at");
			assertThat(table("customer", "uniqueConstraints", "(email)", "name").asText()).isEqualTo("uq_customer_email");
			assertThat(table("customer", "indexes", "btree (name(10))", "name").asText()).isEqualTo("customer_name_prefix");
			assertThat(table("customer", "indexes", "fulltext (name)", "method").asText()).isEqualTo("fulltext");
			assertThat(table("orders", "indexes", "btree (customer_id, placed_at DESC)", "name").asText())
				.isEqualTo("orders_by_customer");

			JsonNode named = table("order_line", "foreignKeys", "(sku) -> default.product(sku)");
			assertThat(named.path("name").asText()).isEqualTo("fk_line_product");
			assertThat(named.path("onDelete").asText()).isEqualTo("RESTRICT");
			assertThat(named.path("onUpdate").asText()).isEqualTo("CASCADE");
			assertThat(named.path("references").path("schema").asText()).isEqualTo("default");
			JsonNode generated = table("order_line", "foreignKeys", "(customer_id) -> default.customer(id)");
			assertThat(generated.path("onDelete").asText()).isEqualTo("SET NULL");
			assertThat(generated.has("name")).as("order_line_ibfk_1 is generated").isFalse();

			assertThat(table("product", "checks", "`price` > 0", "name").asText()).isEqualTo("product_price_positive");
			assertThat(table("product", "checks", "`discount` between 0 and 1").has("name")).isFalse();
			assertThat(table("order_line", "checks", "`quantity` > 0").isObject()).isTrue();
		}

		@Test
		@DisplayName("reads views, triggers, routines and sequences without definers or the database's name")
		void logic() {
			JsonNode paid = at("schemas", "default", "views", "paid_orders");
			assertThat(paid.path("definition").asText()).isEqualTo("select `orders`.`id` AS `id`,`orders`.`total` AS "
					+ "`total` from `orders` where `orders`.`status` = 'paid'");
			assertThat(paid.path("checkOption").asText()).isEqualTo("CASCADED");
			assertThat(paid.path("securityType").asText()).isEqualTo("DEFINER");
			assertThat(paid.has("definer")).isFalse();

			assertThat(table("order_line", "triggers", "order_line_default_quantity", "definition").asText()).isEqualTo(
					"CREATE TRIGGER order_line_default_quantity BEFORE INSERT ON order_line FOR EACH ROW "
							+ "SET NEW.quantity = GREATEST(NEW.quantity, 1)");
			assertThat(table("customer", "triggers", "customer_touch", "definition").asText())
				.startsWith("CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW BEGIN IF ");

			JsonNode function = at("schemas", "default", "routines", "order_total(bigint)");
			assertThat(function.path("kind").asText()).isEqualTo("function");
			assertThat(function.path("returns").asText()).isEqualTo("decimal(12,2)");
			assertThat(function.path("arguments").asText()).isEqualTo("p_order bigint");
			assertThat(function.path("deterministic").asBoolean()).isTrue();
			assertThat(function.path("sqlDataAccess").asText()).isEqualTo("READS SQL DATA");
			assertThat(function.path("comment").asText()).isEqualTo("sum of an order");
			assertThat(function.path("bodyHash").asText()).matches("sha256:[0-9a-f]{64}");
			JsonNode procedure = at("schemas", "default", "routines", "archive_orders(date, int)");
			assertThat(procedure.path("kind").asText()).isEqualTo("procedure");
			assertThat(procedure.path("arguments").asText()).isEqualTo("IN p_before date, OUT p_count int");
			assertThat(procedure.path("securityType").asText()).isEqualTo("INVOKER");

			JsonNode sequence = at("schemas", "default", "sequences", "invoice_number");
			assertThat(sequence.path("start").asLong()).isEqualTo(1000);
			assertThat(sequence.path("increment").asLong()).isEqualTo(10);
			assertThat(sequence.path("max").asLong()).isEqualTo(999999);
			assertThat(sequence.path("cache").asLong()).isEqualTo(20);
			assertThat(sequence.path("cycle").asBoolean()).isTrue();
			assertThat(at("schemas", "default", "tables").has("invoice_number")).isFalse();
		}
	}

	@Nested
	@DisplayName("on MySQL 8")
	class OnMySql {

		/** A new database for every test, which may change it. */
		private Database database;

		private Connection connection;

		/** MySQL has no embedded engine: its tests need a server, configured with {@code dbparity.mysql.url}. */
		@BeforeEach
		void openDatabase() throws SQLException {
			Map<String, String> settings = new HashMap<>();
			for (String name : List.of("url", "user", "password")) {
				Optional.ofNullable(System.getProperty("dbparity.mysql." + name))
					.ifPresent(value -> settings.put(name, value));
			}
			assumeTrue(settings.containsKey("url"),
					"MySQL 8 cannot run embedded; set dbparity.mysql.url (e.g. -Ddbparity.mysql.url=jdbc:mysql://localhost:3306/) "
							+ "to run the MySQL reader tests against a server");
			database = databases.open(new DatabaseSettings(
					new EngineSpec(Engine.MYSQL, DatabaseSettings.defaultVersion(Engine.MYSQL), settings), Engines.AUTO,
					Optional.of("schema/mysql/basic"), true, Optional.empty(), BaselineSettings.none(), true,
					DatabaseSettings.defaultPrefetch(Engine.MYSQL)));
			connection = database.dataSource().getConnection();
		}

		@AfterEach
		void dropDatabase() throws SQLException {
			if (database != null) {
				connection.close();
				database.close();
			}
		}

		@Test
		@DisplayName("normalises MySQL's spellings to the same format and reads its own features")
		void mysql() throws SQLException {
			JsonNode tree = new MySqlCatalogReader().read(connection, CaptureOptions.all()).tree();
			JsonNode item = tree.path("schemas").path("default").path("tables").path("item");

			assertThat(tree.path("engine").path("name").asText()).isEqualTo("mysql");
			assertThat(item.path("columns").path("id").path("type").asText()).isEqualTo("int");
			assertThat(item.path("columns").path("active").path("type").asText()).isEqualTo("tinyint(1)");
			assertThat(item.path("columns").path("label").path("default").asText()).isEqualTo("'it''s'");
			assertThat(item.path("columns").path("quantity").path("default").asText()).isEqualTo("0");
			assertThat(item.path("columns").path("created_at").path("default").asText()).isEqualTo("current_timestamp()");
			assertThat(item.path("columns").path("created_at").path("onUpdate").asText()).isEqualTo("current_timestamp()");
			assertThat(item.path("checks").properties()).singleElement()
				.satisfies(check -> assertThat(check.getValue().has("name")).as("item_chk_1 is generated").isFalse());
			assertThat(item.path("indexes").properties()).extracting(Map.Entry::getKey)
				.anySatisfy(key -> assertThat(key).startsWith("btree ((lower("));
			JsonNode cleanup = tree.path("schemas").path("default").path("events").path("cleanup");
			assertThat(cleanup.path("every").asText()).isEqualTo("1 DAY");
			assertThat(cleanup.path("status").asText()).isEqualTo("ENABLED");
			assertThat(cleanup.path("onCompletion").asText()).isEqualTo("NOT PRESERVE");
			assertThat(cleanup.path("comment").asText()).isEqualTo("nightly");
			assertThat(cleanup.path("definition").asText()).isEqualTo("DELETE FROM item WHERE quantity < 0");
			assertThat(cleanup.has("starts")).as("the creation time is no explicit start").isFalse();
			assertThat(cleanup.has("timeZone")).isFalse();
		}

		@Test
		@DisplayName("reads a geometry column's SRID, and column and routine privileges with the grant option")
		void sridAndPrivileges() throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE place (id INT PRIMARY KEY, spot POINT NOT NULL SRID 4326)");
				statement.execute("CREATE PROCEDURE noop() SELECT 1");
				statement.execute("CREATE USER dbparity_mysql_app");
				try {
					statement.execute("GRANT UPDATE (spot) ON place TO dbparity_mysql_app WITH GRANT OPTION");
					statement.execute("GRANT EXECUTE ON PROCEDURE noop TO dbparity_mysql_app");

					JsonNode schema = new MySqlCatalogReader().read(connection, CaptureOptions.all()).tree()
						.path("schemas").path("default");

					JsonNode spot = schema.path("tables").path("place").path("columns").path("spot");
					assertThat(spot.path("srid").asLong()).isEqualTo(4326);
					assertThat(spot.path("grants").toString())
						.isEqualTo("{\"'dbparity_mysql_app'@'%'\":[\"UPDATE WITH GRANT OPTION\"]}");
					assertThat(schema.path("routines").path("noop()").path("grants").toString())
						.isEqualTo("{\"'dbparity_mysql_app'@'%'\":[\"EXECUTE\"]}");
				}
				finally {
					statement.execute("DROP USER dbparity_mysql_app");
				}
			}
		}
	}

	/**
	 * MariaDB keeps procedures and functions apart: one of each may have the same name and argument types, and a
	 * snapshot keyed by name and argument types alone kept only one of them.
	 */
	@Test
	@DisplayName("a procedure with a function's name and argument types is read too, its key saying it is the procedure")
	void aProcedureWithAFunctionsSignatureIsReadToo() throws SQLException {
		try (Database database = databases.open(Engine.MARIADB, RICH);
				Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE FUNCTION shelf_count(n INT) RETURNS INT RETURN n");
			statement.execute("CREATE PROCEDURE shelf_count(IN n INT) SELECT n");
			statement.execute("CREATE PROCEDURE shelf_sum(IN n INT) SELECT n");
			MySqlCatalogReader reader = new MySqlCatalogReader();

			JsonNode routines = reader.read(connection, CaptureOptions.all()).tree().path("schemas").path("default")
				.path("routines");

			assertThat(routines.path("shelf_count(int)").path("kind").asText()).isEqualTo("function");
			assertThat(routines.path("shelf_count(int) procedure").path("kind").asText()).isEqualTo("procedure");
			assertThat(routines.path("shelf_count(int) procedure").path("arguments").asText()).isEqualTo("IN n int");
			assertThat(routines.path("shelf_sum(int)").path("kind").asText()).isEqualTo("procedure");
			statement.execute("DROP FUNCTION shelf_count");
			assertThat(reader.read(connection, CaptureOptions.all()).tree().path("schemas").path("default")
				.path("routines").path("shelf_count(int)").path("kind").asText()).isEqualTo("procedure");
		}
	}

	@Test
	@DisplayName("naming the current database reads the same, and naming a missing one fails with the databases there")
	void namingTheCurrentDatabaseReadsTheSameAndAMissingOneFails() throws SQLException {
		try (Database database = databases.open(Engine.MARIADB, RICH);
				Connection connection = database.dataSource().getConnection()) {
			MySqlCatalogReader reader = new MySqlCatalogReader();

			assertThat(reader.read(connection, new CaptureOptions(List.of(database.name()))))
				.isEqualTo(reader.read(connection, CaptureOptions.all()));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> reader.read(connection, new CaptureOptions(List.of("no_such_db"))))
				.isInstanceOf(UnknownSchemaException.class)
				.withMessageStartingWith("No database named no_such_db exists (or this user cannot see it); the "
						+ "databases there, closest first: ")
				.withMessageContaining(database.name())
				.withMessageEndingWith("Name an existing database, or none to read the URL's database.");
		}
	}

	/**
	 * The reader's queries name the tables and views they read, across every schema read: a name that is a view in
	 * one database and a table in the other must still be read from each as what it is there.
	 */
	@Test
	@DisplayName("two databases read together give each the objects it has, though a name is a view in one and a table in the other")
	void twoDatabasesReadTogetherKeepTheirOwnObjects() throws SQLException {
		try (Database first = databases.open(Engine.MARIADB, RICH); Database second = databases.open(Engine.MARIADB, RICH);
				Connection connection = first.dataSource().getConnection();
				Connection secondConnection = second.dataSource().getConnection();
				Statement statement = secondConnection.createStatement()) {
			statement.execute("DROP VIEW paid_orders");
			statement.execute("CREATE TABLE paid_orders (id INT PRIMARY KEY, note VARCHAR(10) CHECK (note <> ''), "
					+ "KEY paid_orders_note (note)) PARTITION BY HASH (id) PARTITIONS 2");
			statement.execute("CREATE TRIGGER paid_orders_note BEFORE INSERT ON paid_orders FOR EACH ROW "
					+ "SET NEW.note = TRIM(NEW.note)");
			statement.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");
			MySqlCatalogReader reader = new MySqlCatalogReader();
			JsonNode alone = reader.read(connection, CaptureOptions.all()).tree().path("schemas").path("default");
			JsonNode secondAlone = reader.read(secondConnection, CaptureOptions.all()).tree().path("schemas")
				.path("default");

			JsonNode both = reader.read(connection, new CaptureOptions(List.of(first.name(), second.name()))).tree()
				.path("schemas");

			assertThat(both.path("default")).isEqualTo(alone);
			assertThat(both.path("default").path("views").has("paid_orders")).isTrue();
			assertThat(both.path("default").path("tables").has("paid_orders")).isFalse();
			JsonNode table = both.path(second.name()).path("tables").path("paid_orders");
			assertThat(table).isEqualTo(secondAlone.path("tables").path("paid_orders"));
			assertThat(table.path("columns").has("note")).isTrue();
			assertThat(table.path("checks").size()).isEqualTo(1);
			assertThat(table.path("triggers").has("paid_orders_note")).isTrue();
			assertThat(table.path("partitioning").path("strategy").asText()).isEqualTo("hash");
			assertThat(both.path(second.name()).path("views").has("paid_orders")).isFalse();
			assertThat(both.path(second.name()).path("tables").has("flyway_schema_history")).isFalse();
		}
	}

	/** The paths where {@code actual} differs from {@code expected}, in the contract's form (no schemas/tables level). */
	private static void differences(JsonNode expected, JsonNode actual, List<String> keys, Set<String> paths) {
		if (expected.isObject() && actual.isObject()) {
			Set<String> names = new TreeSet<>();
			expected.properties().forEach(property -> names.add(property.getKey()));
			actual.properties().forEach(property -> names.add(property.getKey()));
			for (String name : names) {
				List<String> child = new ArrayList<>(keys);
				child.add(name);
				if (!expected.has(name) || !actual.has(name)) {
					paths.add(path(child));
				}
				else {
					differences(expected.get(name), actual.get(name), child, paths);
				}
			}
		}
		else if (!expected.equals(actual)) {
			paths.add(path(keys));
		}
	}

	private static String path(List<String> keys) {
		List<String> shown = new ArrayList<>(keys);
		if (shown.size() > 2 && shown.get(0).equals("schemas")) {
			shown.remove(0);
			if (shown.size() > 2 && shown.get(1).equals("tables")) {
				shown.remove(1);
			}
		}
		return String.join(".", shown);
	}
}
