package dev.dbparity.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.seeding.mask.MaskingKey;
import dev.dbparity.snapshots.Engine;

/**
 * Seeding a small shop on real PostgreSQL and MariaDB, each test on new databases the runtime migrated with
 * {@code seeding/shop-<engine>}.
 */
class SeedShopTests {

	static final List<Engine> ENGINES = List.of(Engine.POSTGRES, Engine.MARIADB);

	private static RuntimeDatabases databases;

	@BeforeAll
	static void startRuntime() {
		databases = new RuntimeDatabases();
	}

	@AfterAll
	static void stopEngines() {
		databases.close();
	}

	/** What a test does with a new shop database. */
	interface ShopTest {

		void run(Connection connection) throws Exception;
	}

	/** Runs {@code test} on a new database migrated with {@code seeding/shop-<engine>}, then drops the database. */
	static void onShop(RuntimeDatabases databases, Engine engine, ShopTest test) throws Exception {
		try (Database database = databases.open(engine, "seeding/shop-" + engine.id());
				Connection connection = database.dataSource().getConnection()) {
			test.run(connection);
		}
	}

	static SeedRules shopRules() {
		try {
			return SeedRules.load(Path.of(SeedShopTests.class.getResource("/seeding/shop/seed.yaml").toURI()));
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static SeedOptions options() {
		return SeedOptions.defaults().withMaskingKey(MaskingKey.of("shop test key"));
	}

	static List<List<String>> query(Connection connection, String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	static long count(Connection connection, String sql) throws SQLException {
		return Long.parseLong(query(connection, sql).get(0).get(0));
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Test
	@DisplayName("the shop is seeded on PostgreSQL and MariaDB with the same content, keys intact and counters moved")
	void seedsTheShopOnBothEngines() throws Exception {
		Map<Engine, SeedReport> reports = new ConcurrentHashMap<>();
		Map<Engine, List<List<String>>> content = new ConcurrentHashMap<>();
		for (Engine engine : ENGINES) {
			onShop(databases, engine, connection -> {
				reports.put(engine, seeds(connection));
				content.put(engine, query(connection, "SELECT o.id, o.customer_id, o.product_id, o.status, o.quantity, "
						+ "o.placed_on, o.note, c.email, c.phone, c.referred_by, p.sku, p.name, p.price FROM orders o "
						+ "JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = o.product_id ORDER BY o.id"));
			});
		}

		assertThat(reports).containsOnlyKeys(Engine.POSTGRES, Engine.MARIADB);
		SeedReport postgres = reports.get(Engine.POSTGRES);
		SeedReport mariadb = reports.get(Engine.MARIADB);
		assertThat(postgres.hashes()).isEqualTo(mariadb.hashes()).containsOnlyKeys("customers", "products", "orders");
		assertThat(postgres.rows()).isEqualTo(mariadb.rows()).containsEntry("customers", 43L)
			.containsEntry("products", 25L);
		assertThat(content.get(Engine.POSTGRES)).isEqualTo(content.get(Engine.MARIADB));
	}

	/** Seeds the shop and checks what it wrote on this engine; the inserts it tries are removed again. */
	static SeedReport seeds(Connection connection) throws SQLException {
		SeedReport report = Seeder.seed(connection, shopRules(), options());

		assertThat(count(connection, "SELECT count(*) FROM customers")).isEqualTo(43);
		assertThat(count(connection, "SELECT count(*) FROM orders")).isEqualTo(report.rows().get("orders"));
		// Foreign keys hold (the engines check them too), and the self reference was set after loading.
		assertThat(count(connection, "SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id "
				+ "WHERE c.id IS NULL")).isZero();
		assertThat(count(connection, "SELECT count(*) FROM customers WHERE referred_by IS NOT NULL"))
			.isBetween(4L, 25L);
		// Masked fixture rows: pseudonyms, not the originals, in the original format.
		List<List<String>> fixtures = query(connection, "SELECT email, first_name, phone FROM customers WHERE id "
				+ ">= 9001 ORDER BY id");
		assertThat(fixtures).hasSize(3);
		assertThat(fixtures.get(0).get(0)).matches("[a-z0-9]{12}@example\\.org");
		assertThat(fixtures.get(0).get(1)).isNotEqualTo("Ada");
		assertThat(fixtures.get(1).get(2)).matches("\\+\\d \\(\\d{3}\\) \\d{3}-\\d{4}").isNotEqualTo("+1 (202) 555-0147");
		assertThat(fixtures.get(2).get(2)).isNull();
		// Zipf: product 1 is the most ordered.
		List<List<String>> popular = query(connection, "SELECT product_id, count(*) FROM orders GROUP BY product_id "
				+ "ORDER BY count(*) DESC, product_id");
		assertThat(popular.get(0).get(0)).isEqualTo("1");
		assertThat(query(connection, "SELECT DISTINCT status FROM orders ORDER BY status")).flatExtracting(r -> r)
			.containsExactly("cancelled", "paid", "shipped");
		// Counters were moved past the seeded keys: inserts without a key work.
		execute(connection, "INSERT INTO customers (email, first_name, last_name) VALUES ('new@example.org', 'N', 'N')");
		execute(connection, "INSERT INTO products (sku, name, price) VALUES ('NEW', 'New', 1)");
		execute(connection, "INSERT INTO orders (customer_id, product_id, status, quantity, placed_on) VALUES "
				+ "(1, 1, 'paid', 1, DATE '2024-06-01')");
		assertThat(count(connection, "SELECT id FROM customers WHERE email = 'new@example.org'")).isEqualTo(9004);
		assertThat(count(connection, "SELECT max(id) FROM products")).isEqualTo(26);
		execute(connection, "DELETE FROM orders WHERE placed_on = DATE '2024-06-01' AND id > " + report.rows().get("orders"));
		execute(connection, "DELETE FROM products WHERE sku = 'NEW'");
		execute(connection, "DELETE FROM customers WHERE email = 'new@example.org'");
		return report;
	}

	@Test
	@DisplayName("seeding the parents first, then their children with onlyTables, gives the data of one full seed")
	void inParts() throws Exception {
		for (Engine engine : ENGINES) {
			Map<String, List<List<String>>> content = new ConcurrentHashMap<>();
			Map<String, Map<String, String>> hashes = new ConcurrentHashMap<>();
			onShop(databases, engine, connection -> {
				SeedReport report = Seeder.seed(connection, shopRules(), options());

				content.put("at once", content(connection));
				hashes.put("at once", report.hashes());
			});
			onShop(databases, engine, connection -> {
				SeedReport parents = Seeder.seed(connection, shopRules(), options().withOnlyTables(Set.of("customers",
						"products")));
				assertThat(count(connection, "SELECT count(*) FROM orders")).isZero();
				SeedReport children = Seeder.seed(connection, shopRules(), options().withOnlyTables(Set.of("orders")));

				assertThat(parents.rows()).containsOnlyKeys("customers", "products");
				assertThat(children.rows()).containsOnlyKeys("orders");
				content.put("in parts", content(connection));
				Map<String, String> both = new TreeMap<>(parents.hashes());
				both.putAll(children.hashes());
				hashes.put("in parts", both);
				assertThatThrownBy(() -> Seeder.seed(connection, shopRules(), options().withOnlyTables(Set.of("order"))))
					.isInstanceOf(IllegalArgumentException.class).hasMessage("SeedOptions.onlyTables names [order], "
							+ "which has no rules in seed.yaml. Name tables as the rules do: [customers, products, orders]");
			});

			assertThat(content.get("in parts")).as(engine.toString()).isNotEmpty().isEqualTo(content.get("at once"));
			assertThat(hashes.get("in parts")).as(engine.toString()).isEqualTo(hashes.get("at once"));
		}
	}

	/** Every row, but the creation time of fixture rows: the fixture file leaves it to the default, now(). */
	static List<List<String>> content(Connection connection) throws SQLException {
		List<List<String>> content = new ArrayList<>();
		content.addAll(query(connection, "SELECT id, email, first_name, last_name, phone, referred_by, CASE WHEN "
				+ "id < 9000 THEN created_at END FROM customers ORDER BY id"));
		content.addAll(query(connection, "SELECT * FROM products ORDER BY id"));
		content.addAll(query(connection, "SELECT * FROM orders ORDER BY id"));
		return content;
	}

	@Test
	@DisplayName("rules that do not fit the schema write nothing and name every problem")
	void nothingWrittenWhenValidationFails() throws Exception {
		String yaml = """
				version: 1
				seed: 1
				tables:
				  products:
				    rows: 5
				    columns:
				      id: {sequence: {start: 1}}
				      sku: "PRODUCT-{seq:6}"
				      name: "#{Commerce.productName}"
				      price: {uniform: {min: 0, max: 10}}
				      colour: red
				""";
		SeedRules rules = SeedRules.parse(yaml.getBytes(StandardCharsets.UTF_8), "bad.yaml");
		for (Engine engine : ENGINES) {
			onShop(databases, engine, connection -> {
				String varchar = connection.getMetaData().getDatabaseProductName().contains("PostgreSQL")
						? "character varying(12)" : "varchar(12)";
				assertThatThrownBy(() -> Seeder.seed(connection, rules, options()))
					.isInstanceOfSatisfying(SeedRulesException.class, e -> assertThat(e.problems())
						.extracting(SeedProblem::toString).containsExactly(
								"bad.yaml:11:7: products.colour: there is no column \"colour\" in table \"products\". "
										+ "Fix: use one of [id, sku, name, price] or remove the rule",
								"bad.yaml:8:7: products.sku: values up to 14 characters do not fit " + varchar
										+ ". Fix: shorten the generator's values to 12 characters, or widen the column",
								e.problems().get(2).toString()));
				assertThat(count(connection, "SELECT count(*) FROM products")).as(engine.toString()).isZero();
			});
		}
	}

	@Test
	@DisplayName("the lock file is written in UPDATE, and in VERIFY a change of output rolls back and names the tables")
	void lock(@TempDir Path dir) throws Exception {
		Path lockFile = dir.resolve("seed.lock.json");
		onShop(databases, Engine.POSTGRES, connection -> {
			SeedRules rules = shopRules();
			assertThatThrownBy(() -> Seeder.seed(connection, rules, options().withLock(LockMode.VERIFY, lockFile)))
				.isInstanceOf(SeedLockException.class).hasMessageStartingWith(lockFile + " does not exist");

			SeedReport first = Seeder.seed(connection, rules, options().withLock(LockMode.UPDATE, lockFile));
			String lock = Files.readString(lockFile);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile)))
				.as("committed like any other file, not the temporary file's rw-------").isEqualTo("rw-r--r--");
			assertThat(lock).contains("\"rulesVersion\": 1", "\"datafaker\": \"2.7.0\"",
					"\"hash\": \"" + first.hashes().get("orders") + "\"");
			execute(connection, "TRUNCATE orders, products, customers");

			Seeder.seed(connection, rules, options().withLock(LockMode.VERIFY, lockFile));
			execute(connection, "TRUNCATE orders, products, customers");

			String changed = new String(Files.readAllBytes(Path.of(SeedShopTests.class
				.getResource("/seeding/shop/seed.yaml").toURI())), StandardCharsets.UTF_8)
				.replace("paid: 60", "paid: 50");
			SeedRules edited = SeedRules.parse(changed.getBytes(StandardCharsets.UTF_8), "seed.yaml",
					rules.baseDirectory());
			assertThatThrownBy(() -> Seeder.seed(connection, edited, options().withLock(LockMode.VERIFY, lockFile)))
				.isInstanceOfSatisfying(SeedLockException.class, e -> assertThat(e.changedTables()).singleElement()
					.asString().startsWith("orders ("))
				.hasMessageContaining("differs from " + lockFile + " for profile \"default\" in 1 table");
			assertThat(count(connection, "SELECT count(*) FROM customers")).as("rolled back").isZero();
			assertThat(Files.readString(lockFile)).isEqualTo(lock);
			assertThat(Optional.of(first.totalRows())).hasValueSatisfying(rows -> assertThat(rows).isGreaterThan(68));
		});
	}
}
