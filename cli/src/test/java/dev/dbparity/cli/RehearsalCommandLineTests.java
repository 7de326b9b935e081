package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

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
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code dbparity lint --rehearse} against baselines captured from a PostgreSQL production of 4,000 orders at V1, with
 * and without statistics; V2 rewrites {@code orders}. The catalogue's entries for the rehearsal's options
 * ({@code CLI-07x}) are refused before any engine starts, and write nothing.
 */
class RehearsalCommandLineTests {

	private static RunningEngine server;
	private static final String MIGRATIONS = "src/test/resources/rehearsal/postgres";

	@TempDir
	static Path temporary;

	private static Path withStatistics;
	private static Path withoutStatistics;

	@BeforeAll
	static void captureProduction() throws Exception {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
		server.createDatabase("production");
		new SqlMigrationRunner().migrateTo(server.dataSource("production"), Engine.POSTGRES,
				MigrationSet.load("file:" + MIGRATIONS, RehearsalCommandLineTests.class.getClassLoader()),
				MigrationVersion.parse("1"));
		try (Connection connection = server.dataSource("production").getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO orders SELECT n, n % 400, n FROM generate_series(1, 4000) n");
		}
		String url = server.jdbcUrl("production") + "?user=postgres";
		withStatistics = temporary.resolve("with-statistics");
		withoutStatistics = temporary.resolve("without-statistics");
		assertThat(run("capture", "--url", url, "--out", withStatistics.toString(), "--statistics", "full")
			.exitCode()).isZero();
		assertThat(run("capture", "--url", url, "--out", withoutStatistics.toString()).exitCode()).isZero();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private static String[] lint(Path baseline, String... more) {
		String[] args = new String[7 + more.length];
		System.arraycopy(new String[] {"lint", "--migrations", MIGRATIONS, "--baseline", baseline.toString(),
				"--engine", "postgres"}, 0, args, 0, 7);
		System.arraycopy(more, 0, args, 7, more.length);
		return args;
	}

	/** Runs {@code args}, asserting exit code 2 and that no file below the temporary directory changed. */
	private static Result refused(String... args) {
		FileTree before = FileTree.of(temporary);
		Result result = run(args);
		assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(DbParity.ERROR);
		assertThat(FileTree.of(temporary)).isEqualTo(before);
		return result;
	}

	@Test
	void theRehearsalReportsEachStatementAtProductionsRows() {
		Result result = run(lint(withStatistics, "--rehearse", "--rows", "2000", "--format", "json"));

		assertThat(result.exitCode()).as(result.err()).isZero();
		JsonNode rehearsal = CanonicalJson.read(result.out().getBytes(StandardCharsets.UTF_8), "stdout")
			.path("migrations").path(0).path("rehearsal");
		assertThat(rehearsal.path("scale").asText()).isEqualTo("2,000 rows in public.orders, production's largest "
				+ "table (4,000 rows)");
		JsonNode statement = rehearsal.path("statements").path(0);
		assertThat(statement.path("lock").asText()).isEqualTo("AccessExclusiveLock");
		assertThat(statement.path("rewrote").asBoolean()).isTrue();
		assertThat(statement.path("rehearsalRows").asLong()).isEqualTo(2000);
		assertThat(statement.path("productionRows").asLong()).isEqualTo(4000);
	}

	@Test
	void anHourOfAllowedLockPassesAndTheMarkdownSaysItIsAnEstimate() {
		Result result = run(lint(withStatistics, "--rehearse", "--scale", "0.25", "--max-lock", "60m"));

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("Rehearsal at scale 0.25 of production's rows: estimated times are "
				+ "extrapolated to production's row counts", "| 1,000 / 4,000 |");
	}

	@Test
	@BadInputEntry("CLI-070")
	void scaleAndRowsTogether() {
		Result result = refused(lint(withStatistics, "--rehearse", "--scale", "0.01", "--rows", "1000000"));

		assertSays(result.err(), "both size the rehearsal", "--scale 0.01 --rows 1000000", "give one");
	}

	@Test
	@BadInputEntry("CLI-071")
	void aScaleOutOfRange() {
		Result result = refused(lint(withStatistics, "--rehearse", "--scale", "50"));

		assertSays(result.err(), "must be above 0 and at most 10", "--scale 50", "write e.g. 0.01");
	}

	@Test
	@BadInputEntry("CLI-072")
	void aRowCountOutOfRange() {
		Result result = refused(lint(withStatistics, "--rehearse", "--rows", "0"));

		assertSays(result.err(), "row count must be from 1 to 5000000", "--rows 0", "write e.g. 1000000");
	}

	@Test
	@BadInputEntry("CLI-073")
	void aMaximumLockHoldInWords() {
		Result result = refused(lint(withStatistics, "--rehearse", "--max-lock", "2 seconds"));

		assertSays(result.err(), "not a duration", "--max-lock 2 seconds", "write it like 500ms, 2s or 5m");
	}

	@Test
	@BadInputEntry("CLI-074")
	void aRehearsalOfABaselineWithoutStatistics() {
		Result result = refused(lint(withoutStatistics, "--rehearse"));

		assertSays(result.err(), "has no statistics.json", "--baseline " + withoutStatistics,
				"--statistics catalog --out " + withoutStatistics);
	}

	@Test
	@BadInputEntry("CLI-075")
	void aScaleWithoutRehearse() {
		Result result = refused(lint(withStatistics, "--scale", "0.01"));

		assertSays(result.err(), "none was asked for", "--scale 0.01", "Add --rehearse");
	}

	@Test
	@BadInputEntry("CLI-076")
	void aScaleThatIsNoNumber() {
		Result result = refused(lint(withStatistics, "--rehearse", "--scale", "1%"));

		assertSays(result.err(), "not a number", "--scale 1%", "--scale 0.01");
	}
}
