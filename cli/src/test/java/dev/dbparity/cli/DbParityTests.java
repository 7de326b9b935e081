package dev.dbparity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.snapshots.Engine;

/** The command line against a real PostgreSQL server, as a user would run it. */
class DbParityTests {

	private static RunningEngine server;
	private static int counter;

	@TempDir
	Path temporary;

	private String database;
	private String url;

	record Result(int exitCode, String out, String err) {
	}

	static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = DbParity.run(new PrintWriter(out), new PrintWriter(err), args);
		return new Result(exitCode, out.toString(), err.toString());
	}

	@BeforeAll
	static void startServer() {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void shopAtVersion2() {
		database = "dbparity_cli_" + ++counter;
		server.createDatabase(database);
		new SqlMigrationRunner().migrateTo(server.dataSource(database), Engine.POSTGRES,
				MigrationSet.load("db/shop", getClass().getClassLoader()), MigrationVersion.parse("2"));
		url = server.jdbcUrl(database) + "?user=postgres";
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = server.dataSource(database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Test
	void captureWritesABaselineThatVerifiesAgainstTheSameDatabase() throws Exception {
		Path baseline = temporary.resolve("production");

		Result capture = run("capture", "--url", url, "--out", baseline.toString());
		assertThat(capture.exitCode()).as(capture.err()).isZero();
		assertThat(capture.err()).contains("dbparity: read tables and views", "dbparity: migration version 2");
		String manifest = Files.readString(baseline.resolve("manifest.json"));
		assertThat(manifest).contains("\"migrationVersion\": \"2\"", "\"source\": \"jdbc:postgresql://localhost:");
		assertThat(Files.readString(baseline.resolve("schema.json"))).doesNotContain("localhost", database);

		Result verify = run("verify", "--baseline", baseline.toString(), "--url", url);
		assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
	}

	@Test
	void diffFindsAHandHotfixAndExitsOne() throws Exception {
		Path baseline = temporary.resolve("production");
		assertThat(run("capture", "--url", url, "--out", baseline.toString()).exitCode()).isZero();
		execute("CREATE INDEX customer_email_idx ON customer (email)");
		execute("ALTER TABLE customer ALTER COLUMN email TYPE varchar(320) COLLATE \"C\"");

		Result diff = run("diff", baseline.toString(), url, "--format", "json");

		assertThat(diff.exitCode()).isEqualTo(1);
		assertThat(diff.out()).startsWith("{\n  \"differences\": [")
			.contains("\"path\": \"public.customer.columns.email.collation\"", "\"category\": \"CONFIGURATION\"")
			.contains("\"path\": \"public.customer.indexes.", "\"category\": \"PERFORMANCE\"", "\"kind\": \"added\"");
	}

	@Test
	void diffAndVerifyApplyTheTestsToleranceFile() throws Exception {
		Path baseline = temporary.resolve("production");
		assertThat(run("capture", "--url", url, "--out", baseline.toString()).exitCode()).isZero();
		execute("CREATE INDEX customer_email_idx ON customer (email)");
		Path tolerances = Files.writeString(temporary.resolve("tolerances.yaml"),
				"schema:\n  ignore:\n    - \"public.customer.indexes.**\"\n");

		assertThat(run("diff", baseline.toString(), url).exitCode()).isEqualTo(1);
		Result tolerated = run("verify", "--baseline", baseline.toString(), "--url", url, "--tolerances",
				tolerances.toString());
		assertThat(tolerated.exitCode()).as(tolerated.out() + tolerated.err()).isZero();

		Result missing = run("diff", baseline.toString(), url, "--tolerances", temporary.resolve("nope.yaml").toString());
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("--tolerances " + temporary.resolve("nope.yaml") + ": no such file.");
		Files.writeString(tolerances, "schema:\n  ignor: []\n");
		Result invalid = run("diff", baseline.toString(), url, "--tolerances", tolerances.toString());
		assertThat(invalid.exitCode()).isEqualTo(2);
		assertThat(invalid.err()).contains(tolerances.toString() + ":2:");
	}

	@Test
	void diffComparesLiveStatisticsWithTheBaselines() throws Exception {
		Path baseline = temporary.resolve("production");
		execute("INSERT INTO customer (id, email) SELECT n, 'c' || n || '@example.org' FROM generate_series(1, 50) n");
		assertThat(run("capture", "--url", url, "--out", baseline.toString(), "--statistics", "full",
				"--allow-development-masking-key").exitCode()).isZero();

		Result same = run("diff", baseline.toString(), url, "--statistics", "full", "--statistics-mode", "exact",
				"--allow-development-masking-key");
		assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
		assertThat(same.out()).contains("(exact mode)");

		execute("UPDATE customer SET email = 'same@example.org' WHERE id % 2 = 0");
		Result changed = run("diff", baseline.toString(), url, "--statistics", "full",
				"--allow-development-masking-key");
		assertThat(changed.exitCode()).isEqualTo(1);
		assertThat(changed.out()).contains("public.customer.email: distinctRatio");

		Result schemaOnly = run("diff", baseline.toString(), url);
		assertThat(schemaOnly.exitCode()).isZero();
		assertThat(schemaOnly.err()).contains("has data statistics, so they are not compared");

		Result verify = run("verify", "--baseline", baseline.toString(), "--url", url, "--statistics", "full",
				"--allow-development-masking-key");
		assertThat(verify.exitCode()).as("verify gates statistics like diff").isEqualTo(1);
		assertThat(verify.out()).contains("public.customer.email: distinctRatio");
	}

	@Test
	void ignoredDifferencesDoNotCount() throws Exception {
		Path baseline = temporary.resolve("production");
		assertThat(run("capture", "--url", url, "--out", baseline.toString()).exitCode()).isZero();
		execute("COMMENT ON TABLE customer IS 'changed by hand'");

		assertThat(run("diff", baseline.toString(), url).exitCode()).isEqualTo(1);
		assertThat(run("diff", baseline.toString(), url, "--ignore", "**.comment").exitCode()).isZero();
	}

	@Test
	void reportsGoToTheOutputFileInEveryFormat() throws Exception {
		Path baseline = temporary.resolve("production");
		assertThat(run("capture", "--url", url, "--out", baseline.toString()).exitCode()).isZero();
		execute("ALTER TABLE customer_order ADD COLUMN note TEXT");
		for (String format : new String[] { "text", "markdown", "json", "html" }) {
			Path report = temporary.resolve("report." + format);

			Result diff = run("diff", baseline.toString(), url, "--format", format, "--output", report.toString());

			assertThat(diff.exitCode()).isEqualTo(1);
			assertThat(report).content().contains("public.customer_order.columns.note");
		}
	}

	@Test
	void unreachableDatabaseExitsTwoWithoutThePassword() {
		Result capture = run("capture", "--url", "jdbc:postgresql://localhost:1/shop?user=ci&password=s3cret-pw", "--out",
				temporary.resolve("x").toString());

		assertThat(capture.exitCode()).isEqualTo(2);
		assertThat(capture.err()).contains("Could not connect to jdbc:postgresql://localhost:1/shop?user=ci&password=***: "
				+ "connection refused at localhost:1").doesNotContain("s3cret-pw");
	}

	@Test
	void databaseWithoutHistoryTableNeedsAnExplicitVersion() throws Exception {
		execute("DROP TABLE dbparity_schema_history");

		Result capture = run("capture", "--url", url, "--out", temporary.resolve("x").toString());
		assertThat(capture.exitCode()).isEqualTo(2);
		assertThat(capture.err()).contains("has no migration history table (dbparity_schema_history, "
				+ "flyway_schema_history, databasechangelog, __diesel_schema_migrations, schema_migration or "
				+ "_prisma_migrations)", "Give it with --migration-version <version>.");

		assertThat(run("capture", "--url", url, "--out", temporary.resolve("y").toString(), "--migration-version", "2")
			.exitCode()).isZero();
	}

	@Test
	void missingBaselineExitsTwo() {
		Result diff = run("diff", temporary.resolve("nowhere").toString(), url);

		assertThat(diff.exitCode()).isEqualTo(2);
		assertThat(diff.err()).contains("LEFT " + temporary.resolve("nowhere") + ": no such baseline directory");
	}

	@Test
	void usageErrorExitsTwo() {
		Result diff = run("diff", "--format", "pdf", "a", "b");

		assertThat(diff.exitCode()).isEqualTo(2);
		assertThat(diff.err()).contains("--format", "pdf");
	}

	@Test
	void seedLoadsRulesWithProgressAndRejectsBadOnes() throws Exception {
		Path rules = temporary.resolve("seed.yaml");
		Files.writeString(rules, """
				version: 1
				seed: 7
				tables:
				  customer:
				    rows: 50
				    columns:
				      id: {sequence: {start: 1}}
				      email: {faker: "#{Internet.emailAddress}", unique: true}
				  customer_order:
				    rows: {perParent: customer, poisson: 2}
				    columns:
				      id: {sequence: {start: 1}}
				      customer_id: {references: customer.id}
				      total: {uniform: {min: 1, max: 99, scale: 2}}
				""");

		Result seed = run("seed", "--rules", rules.toString(), "--url", url);

		assertThat(seed.exitCode()).as(seed.err()).isZero();
		assertThat(seed.err()).contains("dbparity: customer", "dbparity: customer_order", "dbparity: seeded ");
		try (Connection connection = server.dataSource(database).getConnection();
				var rows = connection.createStatement().executeQuery("SELECT count(*) FROM customer")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(50);
		}

		Result limited = run("seed", "--rules", rules.toString(), "--url", url, "--max-rows", "10");
		assertThat(limited.exitCode()).isEqualTo(2);
		assertThat(limited.err()).contains("customer: about 50 rows (rows: 50) are above the limit of 10 rows per table")
			.contains("dbparity seed --max-rows 50");

		Files.writeString(rules, Files.readString(rules).replace("total:", "totl:"));
		Result bad = run("seed", "--rules", rules.toString(), "--url", url);
		assertThat(bad.exitCode()).isEqualTo(2);
		assertThat(bad.err()).contains("seed.yaml:14:7: customer_order.totl");
	}

	@Test
	void lintClassifiesThePendingMigrationsOnAnEmbeddedEngine() throws Exception {
		Path baseline = temporary.resolve("production");
		assertThat(run("capture", "--url", url, "--out", baseline.toString()).exitCode()).isZero();
		Path migrations = Path.of(getClass().getClassLoader().getResource("db/shop").toURI());

		Result lint = run("lint", "--migrations", migrations.toString(), "--baseline", baseline.toString(), "--engine",
				"postgres", "--format", "json");

		assertThat(lint.exitCode()).as(lint.err()).isEqualTo(1);
		assertThat(lint.err()).contains("dbparity: linting on postgres 17.6 (embedded)");
		assertThat(lint.out()).contains("\"version\": \"3\"", "INDEX_NOT_CONCURRENT", "\"version\": \"4\"",
				"\"classification\": \"INCOMPATIBLE\"", "public.customer.columns.phone", "\"code\": \"DP103\"");
		assertThat(lint.out()).as("--migrations was absolute; the report names the scripts relative to the project")
			.contains("\"location\": \"file:target/test-classes/db/shop/V3__")
			.doesNotContain(Path.of("").toAbsolutePath().toString());

		Result html = run("lint", "--migrations", migrations.toString(), "--baseline", baseline.toString(), "--engine",
				"postgres", "--format", "html");
		assertThat(html.exitCode()).as(html.err()).isEqualTo(1);
		assertThat(html.out()).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n")
			.contains("<span class=\"fails\">fails</span>", "INCOMPATIBLE added <code>public.customer.columns.phone</code>");
	}

	@Test
	void lintPolicyAndTimeoutsAreOptions() throws Exception {
		Path baseline = temporary.resolve("production");
		assertThat(run("capture", "--url", url, "--out", baseline.toString()).exitCode()).isZero();
		String migrations = Path.of(getClass().getClassLoader().getResource("db/shop").toURI()).toString();

		Result lenient = run("lint", "--migrations", migrations, "--baseline", baseline.toString(), "--engine",
				"postgres", "--fail-on", "DESTRUCTIVE", "--lock-timeout", "500ms", "--statement-timeout", "30");
		assertThat(lenient.exitCode()).as("INCOMPATIBLE no longer fails: " + lenient.err()).isZero();

		Result typo = run("lint", "--migrations", migrations, "--baseline", baseline.toString(), "--engine",
				"postgres", "--fail-on", "DESTRUCTIV");
		assertThat(typo.exitCode()).isEqualTo(2);
		assertThat(typo.err()).contains("--fail-on DESTRUCTIV: not a category; allowed: none or DESTRUCTIVE, ");
		Result badTimeout = run("lint", "--migrations", migrations, "--baseline", baseline.toString(), "--engine",
				"postgres", "--lock-timeout", "2 seconds");
		assertThat(badTimeout.exitCode()).isEqualTo(2);
		assertThat(badTimeout.err()).contains("--lock-timeout 2 seconds: not a duration; write it like 500ms, 2s or 5m");
	}

	@Test
	void roundtripChecksEveryVersionAndExitsOneWhenAnUndoIsWrong() throws Exception {
		Path folder = Files.createDirectories(temporary.resolve("migrations"));
		Files.writeString(folder.resolve("000001_shelves.up.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY, label TEXT);\n");
		Files.writeString(folder.resolve("000001_shelves.down.sql"), "DROP TABLE shelf;\n");
		Files.writeString(folder.resolve("000002_label_index.up.sql"), "CREATE INDEX shelf_label_idx ON shelf (label);\n");
		Files.writeString(folder.resolve("000002_label_index.down.sql"), "-- Forgets the index.\nSELECT 1;\n");
		Files.writeString(folder.resolve("000003_note.up.sql"), "ALTER TABLE shelf ADD COLUMN note TEXT;\n");
		Files.writeString(folder.resolve("000003_note.down.sql"), "ALTER TABLE shelf DROP COLUMN note;\n");

		Result text = run("roundtrip", "--migrations", folder.toString(), "--engine", "postgres");

		assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
		assertThat(text.err()).contains("dbparity: round trips of 3 versions on postgres 17.6 (embedded)",
				"dbparity: V1 shelves: passed", "dbparity: V2 label index: failed", "dbparity: V3 note: passed");
		assertThat(text.out()).startsWith("Round trips of file:" + folder + ": 1 failed, 2 passed (")
			.contains("\nV1 shelves: passed\nV2 label index: failed\n  V2 (file:" + folder + "/000002_label_index.up.sql) does not "
					+ "round-trip: ", "PERFORMANCE    added    public.shelf.indexes.btree (label)");

		Files.writeString(folder.resolve("000002_label_index.down.sql"), "DROP INDEX shelf_label_idx;\n");
		Result json = run("roundtrip", "--migrations", folder.toString(), "--engine", "postgres", "--format", "json");

		assertThat(json.exitCode()).as(json.err()).isZero();
		assertThat(json.out()).contains("\"passes\": true", "\"name\": \"V2 label index\"", "\"result\": \"passed\"",
				"\"snapshots\": ", "\"schemaReads\": {\n    \"full\": 1,\n    \"partial\": 8,\n    \"spared\": 1\n  }");
	}

	@Test
	void roundtripRunsAnIrreversibleMigrationForwardAndFailsWhenItCannotRun() throws Exception {
		Path folder = Files.createDirectories(temporary.resolve("irreversible"));
		Files.writeString(folder.resolve("V1__shelves.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY, label VARCHAR(9));\n");
		Files.writeString(folder.resolve("U1__shelves.sql"), "DROP TABLE shelf;\n");
		Files.writeString(folder.resolve("V2__drop_label.sql"), "-- dbparity:irreversible the labels are not kept\n"
				+ "ALTER TABLE shelf ADD COLUMN position INT;\nALTER TABLE shelf DROPP COLUMN label;\n");

		for (String engine : new String[] { "postgres", "mariadb" }) {
			Result result = run("roundtrip", "--migrations", folder.toString(), "--engine", engine);

			assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
			assertThat(result.out()).contains("V1 shelves: passed\nV2 drop label: failed\n  V2 (file:" + folder
					+ "/V2__drop_label.sql) is declared irreversible, so it has no undo to test, but its forward script "
					+ "fails:", "failed at file:" + folder + "/V2__drop_label.sql:3");
		}
	}

	@Test
	void roundtripListsTheVersionsAFailureForwardKeepsFromBeingCheckedTogetherInTextAndEachInJson() throws Exception {
		Path folder = Files.createDirectories(temporary.resolve("stopped"));
		Files.writeString(folder.resolve("V1__shelves.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY, label TEXT);\n");
		Files.writeString(folder.resolve("U1__shelves.sql"), "DROP TABLE shelf;\n");
		Files.writeString(folder.resolve("V2__typo.sql"), "ALTER TABLE shelf DROPP COLUMN label;\n");
		Files.writeString(folder.resolve("U2__typo.sql"), "SELECT 1;\n");
		for (int version = 3; version <= 12; version++) {
			Files.writeString(folder.resolve("V" + version + "__column_" + version + ".sql"),
					"ALTER TABLE shelf ADD COLUMN c" + version + " INT;\n");
			Files.writeString(folder.resolve("U" + version + "__column_" + version + ".sql"),
					"ALTER TABLE shelf DROP COLUMN c" + version + ";\n");
		}

		Result text = run("roundtrip", "--migrations", folder.toString(), "--engine", "postgres");
		Result json = run("roundtrip", "--migrations", folder.toString(), "--engine", "postgres", "--format", "json");

		assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
		assertThat(text.err()).contains("dbparity: V3 column 3: skipped", "dbparity: V12 column 12: skipped");
		assertThat(text.out()).startsWith("Round trips of file:" + folder + ": 1 failed, 1 passed, 10 skipped (")
			.contains("\nV3 column 3 … V12 column 12 (10 versions): skipped\n  V3 was not checked: V2 (file:" + folder
					+ "/V2__typo.sql) before it fails forward, so no database reaches V3. Fix V2 (file:" + folder
					+ "/V2__typo.sql), and V3 will be checked.\n  (the same for each of them, shown for V3)\n")
			.doesNotContain("V4 column 4", "V11 column 11");
		JsonNode versions = new ObjectMapper().readTree(json.out()).get("versions");
		assertThat(versions).hasSize(12);
		assertThat(versions.get(11).get("message").asText()).startsWith("V12 was not checked: V2 (file:" + folder);
	}

	@Test
	void roundtripReportsADeclaredIrreversibleVersionAsSkippedWithItsReasonAndANoteOfAPassedOne() throws Exception {
		Path folder = Files.createDirectories(temporary.resolve("skipped"));
		Files.writeString(folder.resolve("V1__shelves.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY, label TEXT);\n");
		Files.writeString(folder.resolve("U1__shelves.sql"), "DROP TABLE shelf;\n");
		Files.writeString(folder.resolve("V2__drop_label.sql"), "-- dbparity:irreversible the labels are not kept\n"
				+ "ALTER TABLE shelf DROP COLUMN label;\n");
		Files.writeString(folder.resolve("V3__count.sql"), "SELECT COUNT(*) FROM shelf;\n");

		Result result = run("roundtrip", "--migrations", folder.toString(), "--engine", "postgres");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.err()).contains("dbparity: V2 drop label: skipped");
		assertThat(result.out()).startsWith("Round trips of file:" + folder + ": 2 passed, 1 skipped (")
			.contains("\nV2 drop label: skipped\n  V2 is irreversible (declared in file:" + folder + "/V2__drop_label.sql)"
					+ ": the labels are not kept; it ran forward, and there is no undo to test\n"
					+ "V3 count: passed\n  note: it changes neither the schema nor a row, so it needs no undo script\n");
	}

	@Test
	void commandsWhoseVersionOptionIsTheEnginesStillHaveHelp() {
		for (String command : new String[] { "lint", "roundtrip" }) {
			Result help = run(command, "--help");

			assertThat(help.exitCode()).as(command + ": " + help.err()).isZero();
			assertThat(help.out()).startsWith("Usage: dbparity " + command).contains("--version=PIN");
		}
	}

	@Test
	void lintOfAnUnknownEngineExitsTwo() {
		Result lint = run("lint", "--migrations", "x", "--baseline", "y", "--engine", "oracle");

		assertThat(lint.exitCode()).isEqualTo(2);
		assertThat(lint.err()).contains("--engine oracle: not an engine dbparity runs; allowed values: postgres, mariadb, "
				+ "mysql. Write --engine postgres, --engine mariadb, --engine mysql.");
	}

	@Test
	void mariadbUrlsUseTheMySqlDriver() {
		assertThat(LiveDatabase.driverUrl("jdbc:mariadb://db:3306/shop?user=ci")).isEqualTo("jdbc:mysql://db:3306/shop?user=ci");
		assertThat(LiveDatabase.driverUrl("jdbc:postgresql://db/shop")).isEqualTo("jdbc:postgresql://db/shop");
	}

	@Test
	void urlsAreShownWithoutTheirPasswords() {
		assertThat(Urls.shown("jdbc:postgresql://db:5432/shop?user=ci&password=p&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/shop?user=ci&password=***&ssl=true");
		assertThat(Urls.shown("jdbc:mysql://root:p@db:3306/shop?password=p")).isEqualTo("jdbc:mysql://root:***@db:3306/shop?password=***");
	}
}
