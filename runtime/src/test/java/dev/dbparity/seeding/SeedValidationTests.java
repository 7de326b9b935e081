package dev.dbparity.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.dbparity.badinput.FileTree;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.seeding.mask.MaskingKey;
import dev.dbparity.snapshots.Engine;

/**
 * Seed rules that cannot load are refused before anything is written, on real PostgreSQL and MariaDB: the tables stay
 * empty and {@code seed.lock.json} untouched. What only the database can refuse is reported with the rule's
 * {@code file:line:column} and {@code table.column} beside the engine's message; long loads report progress.
 */
class SeedValidationTests {

	static final String SCHEMA = "CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(40) NOT NULL UNIQUE, "
			+ "name VARCHAR(10)); CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES "
			+ "customers (id), status VARCHAR(12) NOT NULL, quantity SMALLINT NOT NULL, CONSTRAINT quantity_not_three "
			+ "CHECK (quantity <> 3))";

	static final String HEAD = "version: 1\nseed: 3\ntables:\n  customers:\n";

	static final String ORDERS = "  orders:\n    rows: 5\n    columns:\n      id: {sequence: {start: 1}}\n"
			+ "      customer_id: {references: customers.id}\n";

	@TempDir
	Path dir;

	/** What seeding {@code yaml} into a fresh database with {@link #SCHEMA} throws, having written nothing. */
	<T extends Throwable> T seeding(Engine engine, String yaml, Class<T> type) throws IOException, SQLException {
		DataSource database = RealDatabases.freshDatabase(engine);
		Path rules = dir.resolve("seed.yaml");
		Files.writeString(rules, yaml);
		Path lock = dir.resolve("seed.lock.json");
		Files.writeString(lock, "{\"format\": 1, \"profiles\": {}}\n");
		FileTree before = FileTree.of(dir);
		SeedOptions options = SeedOptions.defaults().withMaskingKey(MaskingKey.of("validation key"))
			.withLock(LockMode.UPDATE, lock);
		try (Connection connection = database.getConnection()) {
			for (String statement : SCHEMA.split("; ")) {
				execute(connection, statement);
			}
			T thrown = catchThrowableOfType(type, () -> Seeder.seed(connection, SeedRules.load(rules), options));
			assertThat(SeedShopTests.count(connection, "SELECT count(*) FROM customers")).isZero();
			assertThat(SeedShopTests.count(connection, "SELECT count(*) FROM orders")).isZero();
			assertThat(FileTree.of(dir)).isEqualTo(before);
			return thrown;
		}
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	@DisplayName("Datafaker text into an integer column is refused before writing, naming the rule and the column")
	void textIntoAnInteger(Engine engine) throws Exception {
		SeedRulesException thrown = seeding(engine, HEAD + "    rows: 3\n    columns:\n      id: {sequence: {start: 1}}\n"
				+ "      email: \"c{seq}@example.org\"\n" + ORDERS + "      status: paid\n"
				+ "      quantity: \"#{Lorem.word}\"\n", SeedRulesException.class);
		assertThat(thrown.problems()).singleElement().asString().startsWith("seed.yaml:15:7: orders.quantity: the rule "
				+ "gives values such as \"").contains("which is not a whole number (smallint on ");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	@DisplayName("a constant NULL for a NOT NULL column is refused before writing")
	void nullIntoNotNull(Engine engine) throws Exception {
		SeedRulesException thrown = seeding(engine, HEAD + "    rows: 3\n    columns:\n      id: {sequence: {start: 1}}\n"
				+ "      email: \"c{seq}@example.org\"\n" + ORDERS + "      status: {constant: null}\n      quantity: 1\n",
				SeedRulesException.class);
		assertThat(thrown.problems()).singleElement().asString().isEqualTo("seed.yaml:14:7: orders.status: the rule gives "
				+ "only NULL, but the column is NOT NULL. Fix: give it a value, e.g. status: \"#{Lorem.word}\", or make the "
				+ "column nullable");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	@DisplayName("one constant for a UNIQUE column with more than one row is refused before writing")
	void constantIntoUnique(Engine engine) throws Exception {
		SeedRulesException thrown = seeding(engine, HEAD + "    rows: 3\n    columns:\n      id: {sequence: {start: 1}}\n"
				+ "      email: same@example.org\n", SeedRulesException.class);
		assertThat(thrown.problems()).singleElement().asString().isEqualTo("seed.yaml:8:7: customers.email: the unique "
				+ "key needs 3 different values, but its rule gives at most 1. Fix: use a sequence (email: {sequence: "
				+ "{start: 1}}), a template with {seq}, or seed at most 1 rows");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	@DisplayName("rows: 99999999999999 is refused with its estimate before anything is counted or written")
	void rowsAboveTheLimit(Engine engine) throws Exception {
		SeedRulesException thrown = seeding(engine, HEAD + "    rows: 99999999999999\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      email: \"c{seq}@example.org\"\n" + ORDERS.replace("rows: 5",
						"rows: {perParent: customers, poisson: 3}") + "      status: paid\n      quantity: 1\n",
				SeedRulesException.class);
		assertThat(thrown.getMessage()).contains("seed.yaml:5:5: customers: about 99,999,999,999,999 rows")
			.contains("seed.yaml:10:5: orders: about 299,999,999,999,997 rows (99,999,999,999,999 rows of customers × 3 "
					+ "per parent, the poisson mean")
			.contains("limits: {rowsPerTable: 299999999999997}");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	@DisplayName("Datafaker text longer than a varchar column is refused before writing, on the first rows' values")
	void textTooLong(Engine engine) throws Exception {
		SeedRulesException thrown = seeding(engine, HEAD + "    rows: 3\n    columns:\n      id: {sequence: {start: 1}}\n"
				+ "      email: \"c{seq}@example.org\"\n      name: \"#{Lorem.paragraph}\"\n", SeedRulesException.class);
		assertThat(thrown.problems()).singleElement().asString().startsWith("seed.yaml:9:7: customers.name: the rule "
				+ "gives values such as \"").contains("characters), which do not fit ").contains("(10)");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	@DisplayName("what only the database refuses names the rule's file:line:column and table.column beside its message")
	void loadTimeRefusalNamesTheRule(Engine engine) throws Exception {
		// The checks read col >= n and col IN (…) constraints, not <>: this one is left to the database.
		SQLException thrown = seeding(engine, HEAD + "    rows: 3\n    columns:\n      id: {sequence: {start: 1}}\n"
				+ "      email: \"c{seq}@example.org\"\n" + ORDERS.replace("rows: 5", "rows: 50") + "      status: paid\n"
				+ "      quantity: {uniform: {min: 1, max: 4}}\n", SQLException.class);
		assertThat((Throwable) thrown).isNotInstanceOf(SeedRulesException.class);
		assertThat(thrown.getMessage()).startsWith("seed.yaml:15:7: orders.quantity: the database refused the seeded "
				+ "rows: ").contains("quantity_not_three")
			.contains("Fix: change the rule of orders.quantity so that its values fit the column (smallint) and its "
					+ "constraints");
		assertThat(thrown.getCause()).isInstanceOf(SQLException.class);
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	@DisplayName("a long table load reports its size, then progress with rows/s and the time left")
	void progress(Engine engine) throws Exception {
		DataSource database = RealDatabases.freshDatabase(engine);
		Path rules = dir.resolve("seed.yaml");
		Files.writeString(rules, HEAD + "    rows: 300000\n    columns:\n      id: {sequence: {start: 1}}\n"
				+ "      email: \"c{seq}@example.org\"\n");
		List<String> lines = new CopyOnWriteArrayList<>();
		try (Connection connection = database.getConnection()) {
			for (String statement : SCHEMA.split("; ")) {
				execute(connection, statement);
			}
			SeedReport report = Seeder.seed(connection, SeedRules.load(rules), SeedOptions.defaults()
				.withMaskingKey(MaskingKey.of("validation key")).withProgress(lines::add));
			assertThat(report.rows()).containsEntry("customers", 300_000L);
		}
		assertThat(lines.get(0)).isEqualTo("seed.yaml checked: about 300,000 rows to load into 1 table (limits: "
				+ "5,000,000 per table, 10,000,000 in total)");
		assertThat(lines).contains("customers: loading 300,000 rows")
			.anyMatch(line -> line.matches("customers: 100,000 of 300,000 rows \\(33 %\\), [0-9,]+ rows/s, about \\d+ s left"))
			.anyMatch(line -> line.startsWith("customers: 300,000 rows in "));
	}
}
