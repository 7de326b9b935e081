package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertRevealsNone;
import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * The catalogue's mistakes in {@code dbparity map}, through the real command line against a real PostgreSQL: each
 * message says what, where and how to fix it; argument mistakes are refused before any environment is read, and
 * nothing is written.
 */
class DriftMapBadInputTests {

	/** A password in the arguments, which no message may show. */
	private static final String PASSWORD = "map-secret-7c2";

	private static RunningEngine server;
	private static int counter;

	@TempDir
	Path temporary;

	private String url;
	private Path report;

	@BeforeAll
	static void startServer() {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void shop() {
		String database = "dbparity_map_bad_" + ++counter;
		server.createDatabase(database);
		new SqlMigrationRunner().migrateTo(server.dataSource(database), Engine.POSTGRES,
				MigrationSet.load("db/shop", getClass().getClassLoader()), MigrationVersion.parse("2"));
		url = server.jdbcUrl(database) + "?user=postgres&password=" + PASSWORD;
		report = temporary.resolve("map.md");
	}

	/** Runs {@code args}, asserting exit code 2, that no environment was read and that no file changed. */
	private Result refused(String... args) {
		FileTree before = FileTree.of(temporary);
		Result result = run(args);
		assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(DbParity.ERROR);
		assertThat(result.err()).doesNotContain("dbparity: connecting");
		assertThat(FileTree.of(temporary)).isEqualTo(before);
		assertRevealsNone(result.out() + result.err(), PASSWORD);
		return result;
	}

	@Test
	@BadInputEntry("CLI-050")
	void aMapOfOneEnvironment() {
		Result result = refused("map", "prod=" + url, "--output", report.toString());

		assertSays(result.err(), "a map compares two environments or more, and only one was given", "map prod=…",
				"Name each after the command, e.g. dbparity map dev=jdbc:postgresql://localhost:5432/shop "
						+ "prod=parity/baseline/production");
	}

	@Test
	@BadInputEntry("CLI-051")
	void twoEnvironmentsOfOneName() {
		Result result = refused("map", "prod=" + url, "staging=" + url, "Prod=parity/baseline/production");

		assertSays(result.err(), "the name Prod is given twice", "map Prod=…",
				"Give each environment its own name, e.g. Prod-eu=… Prod-us=…");
		assertThat(result.err()).contains("(prod=jdbc:postgresql://", "password=***", "and Prod=parity/baseline/production)");
	}

	@Test
	@BadInputEntry("CLI-052")
	void anEnvironmentWithoutAName() {
		Result result = refused("map", "prod=" + url, url);

		assertSays(result.err(), "an environment is NAME=SOURCE", "map " + server.jdbcUrl("dbparity_map_bad_" + counter),
				"Name it, e.g. staging=jdbc:postgresql://");
		assertThat(result.err()).contains("this argument reads as a source without a name");
	}

	@Test
	@BadInputEntry("CLI-053")
	void aNameWithNothingAfterTheEqualsSign() {
		Result result = refused("map", "prod=" + url, "staging=");

		assertSays(result.err(), "the environment staging has nothing after '='", "map staging=",
				"e.g. staging=jdbc:postgresql://host:5432/shop or staging=parity/baseline/staging");
	}

	@Test
	@BadInputEntry("CLI-054")
	void aReferenceNoEnvironmentHas() {
		Result result = refused("map", "prod=" + url, "staging=" + url, "--reference", "production");

		assertSays(result.err(), "no environment is named production; the environments are prod, staging",
				"--reference production", "Did you mean prod? Give the name before '=' of one of them, e.g. "
						+ "--reference prod");
	}

	@Test
	@BadInputEntry("CLI-055")
	void anEnvironmentThatCannotBeReached() {
		String unreachable = "jdbc:postgresql://127.0.0.1:1/shop?user=ci&password=" + PASSWORD;

		Result result = run("map", "prod=" + url, "staging=" + url, "ci=" + unreachable, "--format", "markdown",
				"--output", report.toString());

		assertThat(result.exitCode()).isEqualTo(DbParity.ERROR);
		assertSays(result.err(), "ci could not be read, so its column holds no values",
				"jdbc:postgresql://127.0.0.1:1/shop", "Check the host and port in the URL");
		assertThat(result.err()).contains("connection refused at 127.0.0.1:1");
		// The map is written all the same: the other environments' columns, and ci's marked.
		assertThat(report).content().contains("| ci | `jdbc:postgresql://127.0.0.1:1/shop?user=ci&password=***` | "
				+ "⚠️ not read: Could not connect to", "| **prod** (reference) |", "| staging |");
		assertRevealsNone(result.out() + result.err() + FileTree.of(temporary), PASSWORD);
	}

	@Test
	@BadInputEntry("CLI-056")
	void aFailOnSectionThatDoesNotExist() {
		Result result = refused("map", "prod=" + url, "staging=" + url, "--fail-on", "DESTRUCTIVE,INCOMPATABLE");

		assertSays(result.err(), "not a section; allowed: CONFIGURATION, DESTRUCTIVE", "--fail-on INCOMPATABLE",
				"Did you mean INCOMPATIBLE? Write e.g. --fail-on DESTRUCTIVE,INCOMPATIBLE");
	}

	@Test
	@BadInputEntry("CLI-058")
	void aBaselineDirectoryThatDoesNotExist() {
		Result result = refused("map", "prod=" + url, "staging=parity/baseline/stagign");

		assertSays(result.err(), "no such baseline directory, and not a JDBC URL", "map staging=parity/baseline/stagign",
				"Give the directory dbparity capture --out wrote");
	}

	@Test
	@BadInputEntry("CLI-059")
	void aReferenceThatCannotBeReached() {
		Result result = run("map", "prod=jdbc:postgresql://127.0.0.1:1/shop", "staging=" + url, "ci=" + url,
				"--reference", "prod", "--output", report.toString());

		assertThat(result.exitCode()).isEqualTo(DbParity.ERROR);
		assertSays(result.err(), "the reference prod could not be read, so no environment's drift from it is known",
				"jdbc:postgresql://127.0.0.1:1/shop", "name another environment with --reference NAME");
		assertThat(report).content().contains("prod: jdbc:postgresql://127.0.0.1:1/shop (reference): not read:");
	}
}
