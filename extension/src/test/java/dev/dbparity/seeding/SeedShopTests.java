package dev.dbparity.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

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

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.Isolation;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;
import dev.dbparity.seeding.mask.MaskingKey;

/** Seeding a small shop on real PostgreSQL and MariaDB. */
class SeedShopTests {

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

	static EngineExecutionResults run(Class<?> testCase) {
		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute();
		results.allEvents().failed().stream().forEach(event -> event.getPayload(
				org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
			.ifPresent(Throwable::printStackTrace));
		return results;
	}

	@Test
	@DisplayName("the shop is seeded on PostgreSQL and MariaDB with the same content, keys intact and counters moved")
	void seedsTheShopOnBothEngines() {
		ShopTestCase.REPORTS.clear();
		ShopTestCase.CONTENT.clear();
		run(ShopTestCase.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

		assertThat(ShopTestCase.REPORTS).containsOnlyKeys(Engine.POSTGRES, Engine.MARIADB);
		SeedReport postgres = ShopTestCase.REPORTS.get(Engine.POSTGRES);
		SeedReport mariadb = ShopTestCase.REPORTS.get(Engine.MARIADB);
		assertThat(postgres.hashes()).isEqualTo(mariadb.hashes()).containsOnlyKeys("customers", "products", "orders");
		assertThat(postgres.rows()).isEqualTo(mariadb.rows()).containsEntry("customers", 43L)
			.containsEntry("products", 25L);
		assertThat(ShopTestCase.CONTENT.get(Engine.POSTGRES)).isEqualTo(ShopTestCase.CONTENT.get(Engine.MARIADB));
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "seeding/shop-postgres", isolation = Isolation.PER_METHOD)
	@ParityDatabase(engine = Engine.MARIADB, migrations = "seeding/shop-mariadb", isolation = Isolation.PER_METHOD)
	static class ShopTestCase {

		static final Map<Engine, SeedReport> REPORTS = new ConcurrentHashMap<>();

		static final Map<Engine, List<List<String>>> CONTENT = new ConcurrentHashMap<>();

		@Test
		void seeds(ParityDb db, Connection connection) throws SQLException {
			SeedReport report = Seeder.seed(connection, shopRules(), options());
			REPORTS.put(db.engine(), report);

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

			CONTENT.put(db.engine(), query(connection, "SELECT o.id, o.customer_id, o.product_id, o.status, o.quantity, "
					+ "o.placed_on, o.note, c.email, c.phone, c.referred_by, p.sku, p.name, p.price FROM orders o JOIN "
					+ "customers c ON c.id = o.customer_id JOIN products p ON p.id = o.product_id ORDER BY o.id"));
		}
	}

	@Test
	@DisplayName("seeding the parents first, then their children with onlyTables, gives the data of one full seed")
	void inParts() {
		PartsTestCase.CONTENT.clear();
		PartsTestCase.HASHES.clear();
		run(PartsTestCase.class).testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));

		for (Engine engine : List.of(Engine.POSTGRES, Engine.MARIADB)) {
			assertThat(PartsTestCase.CONTENT.get(engine + " in parts")).as(engine.toString()).isNotEmpty()
				.isEqualTo(PartsTestCase.CONTENT.get(engine + " at once"));
			assertThat(PartsTestCase.HASHES.get(engine + " in parts")).as(engine.toString())
				.isEqualTo(PartsTestCase.HASHES.get(engine + " at once"));
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "seeding/shop-postgres", isolation = Isolation.PER_METHOD)
	@ParityDatabase(engine = Engine.MARIADB, migrations = "seeding/shop-mariadb", isolation = Isolation.PER_METHOD)
	static class PartsTestCase {

		static final Map<String, List<List<String>>> CONTENT = new ConcurrentHashMap<>();

		static final Map<String, Map<String, String>> HASHES = new ConcurrentHashMap<>();

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
		void atOnce(ParityDb db, Connection connection) throws SQLException {
			SeedReport report = Seeder.seed(connection, shopRules(), options());

			CONTENT.put(db.engine() + " at once", content(connection));
			HASHES.put(db.engine() + " at once", report.hashes());
		}

		@Test
		void inParts(ParityDb db, Connection connection) throws SQLException {
			SeedReport parents = Seeder.seed(connection, shopRules(), options().withOnlyTables(Set.of("customers",
					"products")));
			assertThat(count(connection, "SELECT count(*) FROM orders")).isZero();
			SeedReport children = Seeder.seed(connection, shopRules(), options().withOnlyTables(Set.of("orders")));

			assertThat(parents.rows()).containsOnlyKeys("customers", "products");
			assertThat(children.rows()).containsOnlyKeys("orders");
			CONTENT.put(db.engine() + " in parts", content(connection));
			Map<String, String> hashes = new TreeMap<>(parents.hashes());
			hashes.putAll(children.hashes());
			HASHES.put(db.engine() + " in parts", hashes);
			assertThatThrownBy(() -> Seeder.seed(connection, shopRules(), options().withOnlyTables(Set.of("order"))))
				.isInstanceOf(IllegalArgumentException.class).hasMessage("SeedOptions.onlyTables names [order], which "
						+ "has no rules in seed.yaml. Name tables as the rules do: [customers, products, orders]");
		}
	}

	@Test
	@DisplayName("rules that do not fit the schema write nothing and name every problem")
	void nothingWrittenWhenValidationFails() {
		run(InvalidTestCase.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "seeding/shop-postgres", isolation = Isolation.PER_METHOD)
	@ParityDatabase(engine = Engine.MARIADB, migrations = "seeding/shop-mariadb", isolation = Isolation.PER_METHOD)
	static class InvalidTestCase {

		@Test
		void refuses(Connection connection) throws SQLException {
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
			String varchar = connection.getMetaData().getDatabaseProductName().contains("PostgreSQL")
					? "character varying(12)" : "varchar(12)";
			assertThatThrownBy(() -> Seeder.seed(connection, rules, options()))
				.isInstanceOfSatisfying(SeedRulesException.class, e -> assertThat(e.problems())
					.extracting(SeedProblem::toString).containsExactly(
							"bad.yaml:11:7: products.colour: there is no column \"colour\" in table \"products\". Fix: "
									+ "use one of [id, sku, name, price] or remove the rule",
							"bad.yaml:8:7: products.sku: values up to 14 characters do not fit " + varchar
									+ ". Fix: shorten the generator's values to 12 characters, or widen the column",
							e.problems().get(2).toString()));
			assertThat(count(connection, "SELECT count(*) FROM products")).isZero();
		}
	}

	@Test
	@DisplayName("the lock file is written in UPDATE, and in VERIFY a change of output rolls back and names the tables")
	void lock(@TempDir Path dir) {
		LockTestCase.lockFile = dir.resolve("seed.lock.json");
		run(LockTestCase.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "seeding/shop-postgres", isolation = Isolation.PER_METHOD)
	static class LockTestCase {

		static Path lockFile;

		@Test
		void lock(Connection connection) throws Exception {
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
		}
	}
}
