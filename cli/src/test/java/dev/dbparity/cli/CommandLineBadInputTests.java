package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.cli.DbParityTests.Result;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.snapshots.Engine;

/**
 * The catalogue's command-line mistakes, each through the real command line (against a real PostgreSQL where the
 * command connects): every message says what, where and how to fix it, and nothing is written.
 */
class CommandLineBadInputTests {

	private static RunningEngine server;
	private static int counter;

	@TempDir
	Path temporary;

	private String database;
	private String url;
	/** A baseline of the shop at version 2, for the commands that read one. */
	private Path baseline;

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
		database = "dbparity_bad_" + ++counter;
		server.createDatabase(database);
		new SqlMigrationRunner().migrateTo(server.dataSource(database), Engine.POSTGRES,
				MigrationSet.load("db/shop", getClass().getClassLoader()), MigrationVersion.parse("2"));
		url = server.jdbcUrl(database) + "?user=postgres";
		baseline = temporary.resolve("production");
		assertThat(run("capture", "--url", url, "--out", baseline.toString()).exitCode()).isZero();
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = server.dataSource(database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Runs {@code args}, asserting exit code 2 and that no file below the temporary directory changed. */
	private Result refused(String... args) {
		FileTree before = FileTree.of(temporary);
		Result result = run(args);
		assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(DbParity.ERROR);
		assertThat(FileTree.of(temporary)).isEqualTo(before);
		return result;
	}

	private String out() {
		return temporary.resolve("new-baseline").toString();
	}

	private void assertNoBaselineWritten() {
		assertThat(temporary.resolve("new-baseline")).doesNotExist();
	}

	@Test
	@BadInputEntry("CLI-001")
	void aMisspeltSchema() {
		Result result = refused("capture", "--url", url, "--out", out(), "--schema", "pubilc");

		assertSays(result.err(), "No schema named pubilc exists", "--schema pubilc",
				"Did you mean public? Name an existing schema");
		assertThat(result.err()).contains("closest first: public");
		assertNoBaselineWritten();
	}

	@Test
	@BadInputEntry("CLI-002")
	void anOutPathThatIsAFile() throws Exception {
		Path file = Files.writeString(temporary.resolve("notes.txt"), "keep me\n");

		Result result = refused("capture", "--url", url, "--out", file.toString());

		assertSays(result.err(), "it is a file, not a directory", "--out " + file,
				"Fix: give a directory path (--out parity/baseline/production), or move the file away");
		assertThat(result.err()).doesNotContain("dbparity: connecting");
	}

	@Test
	@BadInputEntry("CLI-003")
	void aSamplePercentageAbove100() {
		Result result = refused("capture", "--url", url, "--out", out(), "--statistics", "sample:150");

		assertSays(result.err(), "the percentage 150 is out of range", "--statistics sample:150",
				"greater than 0 and at most 100, e.g. sample:10");
		assertNoBaselineWritten();
	}

	@Test
	@BadInputEntry("CLI-004")
	void aNegativeStatementTimeout() {
		Result result = refused("capture", "--url", url, "--out", out(), "--statement-timeout", "-5");

		assertSays(result.err(), "-5 is out of range", "--statement-timeout",
				"whole seconds from 1 to 86400. Write e.g. --statement-timeout 60");
		assertThat(result.err()).doesNotContain("dbparity: connecting");
		assertNoBaselineWritten();
	}

	@Test
	@BadInputEntry("CLI-005")
	void aStatementTimeoutOfZero() {
		Result result = refused("verify", "--baseline", baseline.toString(), "--url", url, "--statement-timeout", "0");

		assertSays(result.err(), "0 would remove it", "--statement-timeout", "--statement-timeout 60");
	}

	@Test
	@BadInputEntry("CLI-006")
	void aDatabaseWithoutHistoryAndNoMigrationVersion() throws Exception {
		execute("DROP TABLE dbparity_schema_history");

		Result result = refused("capture", "--url", url, "--out", out(), "--statistics", "full");

		assertSays(result.err(), "has no migration history table", server.jdbcUrl(database),
				"Give it with --migration-version <version>");
		assertThat(result.err()).doesNotContain("reading data statistics", "dbparity: read tables");
		assertNoBaselineWritten();
	}

	@Test
	@BadInputEntry("CLI-007")
	void aMigrationVersionThatContradictsTheHistory() {
		Result result = refused("capture", "--url", url, "--out", out(), "--migration-version", "3",
				"--statistics", "full");

		assertSays(result.err(), "--migration-version 3 contradicts the history table", server.jdbcUrl(database),
				"Leave the option out");
		assertThat(result.err()).doesNotContain("reading data statistics");
		assertNoBaselineWritten();
	}

	@Test
	@BadInputEntry("CLI-008")
	void aMissingRequiredOption() {
		Result result = refused("capture", "--url", url);

		assertSays(result.err(), "Missing required option", "'--out=DIR'",
				"Give --out DIR: The baseline directory to write.");
	}

	@Test
	@BadInputEntry("CLI-009")
	void aMisspeltOption() {
		Result result = refused("capture", "--url", url, "--out", out(), "--shema", "public");

		assertSays(result.err(), "Unknown options: '--shema'", "--shema", "Did you mean --schema instead of --shema?");
		assertNoBaselineWritten();
	}

	@Test
	@BadInputEntry("CLI-010")
	void aMisspeltCommand() {
		Result result = refused("captur", "--url", url, "--out", out());

		assertSays(result.err(), "Unmatched arguments from index 0: 'captur'", "'captur'",
				"Did you mean: dbparity capture");
		assertNoBaselineWritten();
	}

	@Test
	@BadInputEntry("CLI-011")
	void aNumberOptionGivenText() {
		Result result = refused("rules", "suggest", "--baseline", baseline.toString(), "--rows-scale", "tenth");

		assertSays(result.err(), "'tenth' is not a double", "--rows-scale",
				"Generated rows per baseline row, e.g. 0.01");
	}

	@Test
	@BadInputEntry("CLI-012")
	void aReportFormatThatDoesNotExist() {
		Result result = refused("diff", baseline.toString(), url, "--format", "pdf");

		assertSays(result.err(), "Invalid value for option '--format'", "--format",
				"expected one of [text, markdown, json, html]");
	}

	@Test
	@BadInputEntry("CLI-013")
	void aBaselineDirectoryThatDoesNotExist() {
		Path missing = temporary.resolve("prodution");

		Result result = refused("diff", missing.toString(), url);

		assertSays(result.err(), "no such baseline directory", "LEFT " + missing,
				"Give the directory dbparity capture --out wrote");
		assertThat(result.err()).doesNotContain("dbparity: connecting");
	}

	@Test
	@BadInputEntry("CLI-014")
	void aBaselineThatIsAFile() {
		Path schema = baseline.resolve("schema.json");

		Result result = refused("verify", "--baseline", schema.toString(), "--url", url);

		assertSays(result.err(), "is a file, but a baseline is a directory", "--baseline " + schema,
				"Give the directory dbparity capture --out wrote");
	}

	@Test
	@BadInputEntry("CLI-015")
	void aReportOutputThatIsADirectory() {
		Result result = refused("diff", baseline.toString(), url, "--output", temporary.toString());

		assertSays(result.err(), "is a directory, but a report is one file", "--output " + temporary,
				"Give a file path, e.g. --output " + temporary.resolve("report.txt"));
		assertThat(result.err()).doesNotContain("dbparity: connecting");
	}

	@Test
	@BadInputEntry("CLI-016")
	void aReportOutputInADirectoryThatDoesNotExist() {
		Path report = temporary.resolve("reports/drift.md");

		Result result = refused("verify", "--baseline", baseline.toString(), "--url", url, "--format", "markdown",
				"--output", report.toString());

		assertSays(result.err(), "the directory " + report.getParent() + " does not exist", "--output " + report,
				"Create it first (mkdir -p " + report.getParent() + ")");
	}

	@Test
	@BadInputEntry("CLI-017")
	void aToleranceFileThatDoesNotExist() {
		Path missing = temporary.resolve("parity/tolerance.yaml");

		Result result = refused("diff", baseline.toString(), url, "--tolerances", missing.toString());

		assertSays(result.err(), "no such file", "--tolerances " + missing, "or leave the option out");
	}

	@Test
	@BadInputEntry("CLI-018")
	void aMisspeltLintCategory() {
		Result result = refused("lint", "--migrations", temporary.toString(), "--baseline", baseline.toString(),
				"--engine", "postgres", "--fail-on", "DESTRUCTIV");

		assertSays(result.err(), "not a category", "--fail-on DESTRUCTIV", "Did you mean DESTRUCTIVE?");
	}

	@Test
	@BadInputEntry("CLI-019")
	void aLockTimeoutWrittenInWords() {
		Result result = refused("lint", "--migrations", temporary.toString(), "--baseline", baseline.toString(),
				"--engine", "postgres", "--lock-timeout", "2 seconds");

		assertSays(result.err(), "not a duration", "--lock-timeout 2 seconds", "write it like 500ms, 2s or 5m");
	}

	@Test
	@BadInputEntry("CLI-020")
	void anEngineDbparityDoesNotRun() {
		Result result = refused("roundtrip", "--migrations", temporary.toString(), "--engine", "postgre");

		assertSays(result.err(), "not an engine dbparity runs", "--engine postgre",
				"Did you mean postgres? Write --engine postgres, --engine mariadb, --engine mysql");
	}

	@Test
	@BadInputEntry("CLI-021")
	void seedRulesThatAreNotYaml() throws Exception {
		Path rules = Files.writeString(temporary.resolve("seed.yaml"), "version: 1\ntables:\n  customer: {rows: 5\n");

		Result result = refused("seed", "--rules", rules.toString(), "--url", url);

		assertSays(result.err(), "malformed YAML", "seed.yaml:", "fix the YAML syntax at that position");
	}

	@Test
	@BadInputEntry("CLI-022")
	void suggestedRulesWrittenToADirectory() {
		Result result = refused("rules", "suggest", "--baseline", baseline.toString(), "--out", temporary.toString());

		assertSays(result.err(), "is a directory, but a report is one file", "--out " + temporary,
				"Give a file path");
	}

	@Test
	@BadInputEntry("CLI-023")
	void aDiffWithOneSide() {
		Result result = refused("diff", baseline.toString());

		assertSays(result.err(), "Missing required parameter", "'RIGHT'",
				"Give RIGHT: The actual side: JDBC URL or baseline directory.");
	}

	@Test
	@BadInputEntry("CLI-024")
	void aMisspeltStatisticsMode() {
		Result result = refused("verify", "--baseline", baseline.toString(), "--url", url, "--statistics", "sampel");

		assertSays(result.err(), "Unknown statistics mode \"sampel\"", "--statistics sampel",
				"allowed: full, sample[:<percent>] (e.g. sample:10");
		assertThat(result.err()).doesNotContain("dbparity: connecting");
	}

	@Test
	@BadInputEntry("CLI-025")
	void seedRulesThatDoNotExist() {
		Path rules = temporary.resolve("parity/seed.yml");

		Result result = refused("seed", "--rules", rules.toString(), "--url", url);

		assertSays(result.err(), "no such file", "--rules " + rules, "dbparity rules suggest --baseline DIR --out");
	}

	@Test
	@BadInputEntry("CLI-026")
	void aSeedProfileTheRulesDoNotHave() throws Exception {
		Path rules = Files.writeString(temporary.resolve("seed.yaml"), """
				version: 1
				seed: 42
				profiles: {small: 0.1, large: 10}
				tables:
				  customer: {rows: 5, columns: {id: {sequence: {start: 1}}, email: {constant: a@example.org}}}
				""");

		Result result = refused("seed", "--rules", rules.toString(), "--url", url, "--profile", "smal");

		assertSays(result.err(), "has no such profile", "--profile smal", "Did you mean small?");
		assertThat(result.err()).contains("it has small, default, large").doesNotContain("dbparity: customer");
	}

	@Test
	@BadInputEntry("CLI-027")
	void roundTripSeedRulesThatDoNotExist() throws Exception {
		Path migrations = Files.createDirectories(temporary.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__customer.sql"), "CREATE TABLE customer (id int PRIMARY KEY);\n");
		Path seed = temporary.resolve("seed.yaml");

		Result result = refused("roundtrip", "--migrations", migrations.toString(), "--engine", "postgres", "--seed",
				seed.toString());

		assertSays(result.err(), "no such file", "--seed " + seed, "or leave the option out for generated rows");
		assertThat(result.err()).doesNotContain("round trips of");
	}

	@Test
	@BadInputEntry("CLI-028")
	void aMigrationFolderThatDoesNotExist() {
		Path migrations = temporary.resolve("db/migraton");

		Result result = refused("roundtrip", "--migrations", migrations.toString(), "--engine", "postgres");

		assertSays(result.err(), "was not found on the file system", migrations + " is not a directory",
				"Create the folder");
	}

	@Test
	@BadInputEntry("CLI-029")
	void aLintBaselineThatDoesNotExist() throws Exception {
		Path migrations = Files.createDirectories(temporary.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__customer.sql"), "CREATE TABLE customer (id int PRIMARY KEY);\n");
		Path missing = temporary.resolve("baseline/prod");

		Result result = refused("lint", "--migrations", migrations.toString(), "--baseline", missing.toString(),
				"--engine", "postgres");

		assertSays(result.err(), "does not exist", "Baseline directory " + missing,
				"Capture one from production with `dbparity capture --url <jdbc-url> --out " + missing);
	}

	@Test
	@BadInputEntry("CLI-030")
	void exactStatisticsOfASample() {
		Result result = refused("verify", "--baseline", baseline.toString(), "--url", url, "--statistics", "sample:10",
				"--statistics-mode", "exact");

		assertSays(result.err(), "only a full capture has exactly", "--statistics-mode exact --statistics sample:10",
				"Capture with --statistics full, or compare in --statistics-mode shape");
		assertThat(result.err()).doesNotContain("dbparity: connecting");
	}

	@Test
	@BadInputEntry("CLI-031")
	void compatQueriesThatDoNotExist() {
		Path compat = temporary.resolve("compat/v41");

		Result result = refused("lint", "--migrations", temporary.toString(), "--baseline", baseline.toString(),
				"--engine", "postgres", "--compat", compat.toString());

		assertSays(result.err(), "no such directory", "--compat " + compat, "or leave the option out");
	}
}
