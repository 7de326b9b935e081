package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.dbparity.baselines.SchemaBaselineCheck;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.seeding.LockMode;
import dev.dbparity.seeding.SeedOptions;
import dev.dbparity.seeding.SeedRules;
import dev.dbparity.seeding.SeedRulesException;
import dev.dbparity.seeding.mask.MaskingKey;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;
import dev.dbparity.templates.TemplateSeed;

/**
 * Filling a database migration by migration from seed rules with {@code since:}, on real PostgreSQL and MariaDB: orders
 * appear at V2, their note column and refunds at V3.
 */
class RoundTripSeedTests {

	private static final MigrationSet MIGRATIONS = MigrationSet.load("roundtrip-seed/migrations",
			RoundTripSeedTests.class.getClassLoader());

	private final MigrationRunner runner = new SqlMigrationRunner();

	@TempDir
	Path dir;

	static Path rulesFile() {
		try {
			return Path.of(RoundTripSeedTests.class.getResource("/roundtrip-seed/seed.yaml").toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The rules with {@code from} replaced by {@code to}. */
	static SeedRules rules(String from, String to) throws Exception {
		String yaml = Files.readString(rulesFile()).replace(from, to);
		return SeedRules.parse(yaml.getBytes(StandardCharsets.UTF_8), "seed.yaml", rulesFile().getParent());
	}

	/** A template seed whose lock mode VERIFY would fail (no lock file), unless the round trip ignores the lock. */
	TemplateSeed seed(SeedRules rules) {
		return new TemplateSeed(rules, SeedOptions.defaults().withMaskingKey(MaskingKey.of("round trip"))
			.withLock(LockMode.VERIFY, dir.resolve("seed.lock.json")));
	}

	DataSource migratedTo(DataSource db, Engine engine, String version) {
		runner.migrateTo(db, engine, MIGRATIONS, MigrationVersion.parse(version));
		return db;
	}

	static RoundTripSeed.Result fill(DataSource db, String version, TemplateSeed seed, TableRef... tables)
			throws SQLException {
		SchemaSnapshot snapshot = SchemaBaselineCheck.snapshot(db);
		try (Connection connection = db.getConnection()) {
			return RoundTripSeed.fill(connection, snapshot, version, seed, Set.of(tables));
		}
	}

	static TableRef table(Engine engine, String name) {
		return new TableRef(engine == Engine.POSTGRES ? "public" : MySqlCatalogReader.CURRENT_SCHEMA, name);
	}

	static List<List<String>> query(DataSource db, String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void fillsTheTablesOfEachVersionAsOneFullSeedWould(Engine engine) throws Exception {
		TemplateSeed seed = seed(SeedRules.load(rulesFile()));
		DataSource chain = RealDatabases.freshDatabase(engine);

		RoundTripSeed.Result first = fill(migratedTo(chain, engine, "1"), "1", seed, table(engine, "customers"));
		RoundTripSeed.Result second = fill(migratedTo(chain, engine, "2"), "2", seed, table(engine, "orders"));
		RoundTripSeed.Result third = fill(migratedTo(chain, engine, "3"), "3", seed, table(engine, "refunds"),
				table(engine, "audit_log"));

		assertThat(first.filled()).containsExactly(table(engine, "customers"));
		assertThat(first.skipped()).isEmpty();
		assertThat(first.notes()).isEmpty();
		assertThat(second.filled()).containsExactly(table(engine, "orders"));
		assertThat(second.notes()).containsExactly("seed.yaml:17:7: orders.note: left out at version 2: the rule says "
				+ "since: 3 and the column does not exist yet");
		assertThat(third.filled()).containsExactly(table(engine, "refunds"));
		assertThat(third.skipped()).containsExactly(Map.entry(table(engine, "audit_log"),
				"the seed rules seed.yaml have no rules for it"));

		DataSource whole = migratedTo(RealDatabases.freshDatabase(engine), engine, "3");
		RoundTripSeed.Result all = fill(whole, "3", seed, table(engine, "customers"), table(engine, "orders"),
				table(engine, "refunds"));
		assertThat(all.filled()).hasSize(3);
		for (String sql : List.of("SELECT id, name FROM customers ORDER BY id", "SELECT id, customer_id, amount FROM "
				+ "orders ORDER BY id", "SELECT order_id, reason FROM refunds ORDER BY order_id")) {
			assertThat(query(chain, sql)).as(sql).isNotEmpty().isEqualTo(query(whole, sql));
		}
		// The note came after the orders' rows were seeded, so the chain's rows have none.
		assertThat(query(chain, "SELECT count(*) FROM orders WHERE note IS NOT NULL")).containsExactly(List.of("0"));
		assertThat(query(whole, "SELECT count(*) FROM orders WHERE note IS NULL")).containsExactly(List.of("0"));
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void aSinceTheMigrationsContradictIsAnErrorAndWritesNothing(Engine engine) throws Exception {
		TemplateSeed seed = seed(rules("since: 3}", "since: 2}"));
		DataSource db = migratedTo(RealDatabases.freshDatabase(engine), engine, "2");

		assertThatThrownBy(() -> fill(db, "2", seed, table(engine, "customers"), table(engine, "orders")))
			.isInstanceOf(SeedRulesException.class).hasMessage("1 problem in seed rules; nothing was written:\n"
					+ "  seed.yaml:17:42: orders.note: the rule says since: 2, so the column should exist at version 2, "
					+ "but \"orders\" has no column \"note\". Fix: set since: to the version of the migration that adds "
					+ "orders.note, or add that migration if it is missing");
		assertThat(query(db, "SELECT count(*) FROM customers")).containsExactly(List.of("0"));
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void rowsTheDatabaseRefusesNameTheTablesAndTheVersion(Engine engine) throws Exception {
		TemplateSeed seed = seed(SeedRules.load(rulesFile()));
		DataSource db = migratedTo(RealDatabases.freshDatabase(engine), engine, "2");

		// Orders without their customers: the foreign key refuses them.
		assertThatThrownBy(() -> fill(db, "2", seed, table(engine, "orders"))).isInstanceOf(SQLException.class)
			.hasMessageStartingWith("Seeding [orders] from seed.yaml at migration version 2 failed, so nothing was "
					+ "written: ")
			.hasCauseInstanceOf(SQLException.class);
		assertThat(query(db, "SELECT count(*) FROM orders")).containsExactly(List.of("0"));
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void aRuleForALaterVersionIsSkippedWithItsReason(Engine engine) throws Exception {
		TemplateSeed seed = seed(rules("since: 3\n", "since: 4\n"));
		DataSource db = migratedTo(RealDatabases.freshDatabase(engine), engine, "3");

		RoundTripSeed.Result result = fill(db, "3", seed, table(engine, "customers"), table(engine, "refunds"));

		assertThat(result.filled()).containsExactly(table(engine, "customers"));
		assertThat(result.skipped()).containsExactly(Map.entry(table(engine, "refunds"), "seed.yaml:18:3: refunds: "
				+ "left out at version 3: the table exists, but the rule says since: 4 (a rule for a later version)"));
		assertThat(query(db, "SELECT count(*) FROM refunds")).containsExactly(List.of("0"));
		assertThatThrownBy(() -> fill(db, "3", seed, table(engine, "invoices"))).isInstanceOf(
				IllegalArgumentException.class).hasMessage("Cannot fill [" + table(engine, "invoices") + "]: not "
						+ "tables of the " + (engine == Engine.POSTGRES ? "postgres" : "mariadb") + " schema snapshot at "
						+ "version 3");
	}
}
