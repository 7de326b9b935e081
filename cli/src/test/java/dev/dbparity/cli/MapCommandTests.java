package dev.dbparity.cli;

import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.cli.DbParityTests.Result;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.chromium.HeadlessChromium;

/**
 * {@code dbparity map} against a real PostgreSQL: four environments of the shop, each drifted its own way, three live
 * and one a captured baseline.
 */
class MapCommandTests {

	/** The directory {@link #htmlRendersInChromium} copies its screenshot to when set, for the README: {@value}. */
	static final String SCREENSHOT_PROPERTY = "docs.drift-map-screenshot";

	private static RunningEngine server;
	private static int counter;

	@TempDir
	Path temporary;

	private String dev;
	private String staging;
	private String ci;
	private Path prod;

	@BeforeAll
	static void startServer() {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	/** A new database of the shop at version 2; its URL. */
	private static String shop(String name) {
		String database = "dbparity_map_" + name + "_" + ++counter;
		server.createDatabase(database);
		new SqlMigrationRunner().migrateTo(server.dataSource(database), Engine.POSTGRES,
				MigrationSet.load("db/shop", MapCommandTests.class.getClassLoader()), MigrationVersion.parse("2"));
		return server.jdbcUrl(database) + "?user=postgres";
	}

	private static void execute(String url, String... statements) throws SQLException {
		String database = url.replaceFirst("^.*/([^/?]+)\\?.*$", "$1");
		try (Connection connection = server.dataSource(database).getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * Production is a baseline of the shop; staging has a hand-made index and another time zone; dev is a migration ahead (the phone column)
	 * with a wider e-mail; CI lost the orders' total.
	 */
	@BeforeEach
	void environments() throws SQLException {
		String production = shop("prod");
		prod = temporary.resolve("baseline/production");
		Result capture = run("capture", "--url", production, "--out", prod.toString());
		assertThat(capture.exitCode()).as(capture.err()).isZero();
		staging = shop("staging");
		execute(staging, "CREATE INDEX customer_email_idx ON customer (email)", "ALTER DATABASE "
				+ staging.replaceFirst("^.*/([^/?]+)\\?.*$", "$1") + " SET timezone TO 'Europe/Berlin'");
		dev = shop("dev");
		execute(dev, "ALTER TABLE customer ADD COLUMN phone VARCHAR(40)",
				"ALTER TABLE customer ALTER COLUMN email TYPE VARCHAR(400)");
		ci = shop("ci");
		execute(ci, "ALTER TABLE customer_order DROP COLUMN total");
	}

	private String[] map(String... options) {
		String[] environments = { "map", "dev=" + dev, "staging=" + staging, "prod=" + prod, "ci=" + ci, "--reference",
				"prod" };
		String[] args = new String[environments.length + options.length];
		System.arraycopy(environments, 0, args, 0, environments.length);
		System.arraycopy(options, 0, args, environments.length, options.length);
		return args;
	}

	@Test
	void fourEnvironmentsMapTheirDriftAndCiFailsTheDefaultPolicy() {
		Result result = run(map());

		assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(DbParity.DIFFERENT);
		assertThat(result.out()).startsWith("Drift map of 4 environments against prod: 5 rows; 3 environments drift "
				+ "from prod.\n")
			.contains("  prod: " + prod + " (reference)\n",
					"  public.customer_order.columns.total: dev A, staging A, prod A, ci absent\n",
					"  public.customer.columns.email.type: dev B, staging A, prod A, ci A\n"
							+ "    A = \"character varying(320)\"; B = \"character varying(400)\"\n",
					"  public.customer.columns.phone: dev A, staging absent, prod absent, ci absent\n",
					"PERFORMANCE (1)\n  public.customer.indexes.",
					"CONFIGURATION (1)\n  settings.timezone: dev A, staging B, prod A, ci A\n");
		assertThat(result.err()).contains("dbparity: ci drifts from prod in DESTRUCTIVE (--fail-on "
				+ "DESTRUCTIVE,INCOMPATIBLE, the default)");
	}

	@Test
	void failOnChoosesWhichDriftExitsOne() {
		assertThat(run(map("--fail-on", "none")).exitCode()).isEqualTo(DbParity.SAME);
		Result performance = run(map("--fail-on", "PERFORMANCE"));
		assertThat(performance.exitCode()).isEqualTo(DbParity.DIFFERENT);
		assertThat(performance.err()).contains("dbparity: staging drifts from prod in PERFORMANCE (--fail-on PERFORMANCE)");
		assertThat(run(map("--fail-on", "security,NAMING")).exitCode()).isEqualTo(DbParity.SAME);
		// From CI's side, nothing was lost anywhere: the others have a column more.
		String[] fromCi = map("--fail-on", "DESTRUCTIVE");
		fromCi[6] = "ci";
		assertThat(run(fromCi).exitCode()).isEqualTo(DbParity.SAME);
	}

	@Test
	void theSameEnvironmentsGiveByteIdenticalFilesInEveryFormat() throws IOException {
		for (String format : new String[] { "text", "markdown", "json", "html" }) {
			Path first = temporary.resolve("first." + format);
			Path second = temporary.resolve("second." + format);
			assertThat(run(map("--format", format, "--output", first.toString())).exitCode()).isEqualTo(1);
			assertThat(run(map("--format", format, "--output", second.toString())).exitCode()).isEqualTo(1);
			assertThat(Files.readAllBytes(second)).as(format).isEqualTo(Files.readAllBytes(first));
		}
		assertThat(temporary.resolve("first.markdown")).content().contains("#### CONFIGURATION",
				"| **prod** (reference) | `" + prod + "` | — |", "| `public.customer.columns.email.type` | 🟧 B | 🟦 A |");
		assertThat(temporary.resolve("first.json")).content().contains("\"reference\": \"prod\"",
				"\"path\": \"public.customer_order.columns.total\"", "\"section\": \"DESTRUCTIVE\"");
	}

	@Test
	void passwordsInUrlsAppearInNoOutput() throws IOException {
		String secret = "map-pw-93f1";
		Path report = temporary.resolve("map.md");
		Result result = run("map", "dev=" + dev + "&password=" + secret, "prod=" + prod, "ci=" + ci.replace("localhost",
				"127.0.0.1").replace("?user=postgres", "?user=ci&password=" + secret).replaceFirst(":\\d+/", ":1/"),
				"--format", "markdown", "--output", report.toString());

		assertThat(result.exitCode()).isEqualTo(DbParity.ERROR);
		assertThat(report).content().contains("password=***", "connection refused").doesNotContain(secret);
		assertThat(result.out() + result.err()).doesNotContain(secret);
	}

	@Test
	void statisticsOutsideTheirToleranceAreRows() throws Exception {
		String left = shop("left");
		String right = shop("right");
		execute(left, "INSERT INTO customer SELECT n, 'c' || n || '@example.org' FROM generate_series(1, 100) n");
		execute(right, "INSERT INTO customer SELECT n, CASE WHEN n % 2 = 0 THEN 'same@example.org' ELSE "
				+ "'c' || n || '@example.org' END FROM generate_series(1, 100) n");

		Result result = run("map", "left=" + left, "right=" + right, "--statistics", "full",
				"--allow-development-masking-key", "--fail-on", "STATISTICS", "--format", "json");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(DbParity.DIFFERENT);
		assertThat(result.out()).contains("\"section\": \"STATISTICS\"", "\"path\": \"public.customer.email\"");
		assertThat(result.err()).contains("right drifts from left in STATISTICS");
	}

	@Test
	void aCaptureRefusedInOneEnvironmentMarksOnlyItsColumn() {
		// Only dev has the phone column, so the other live environments refuse to capture with it named sensitive.
		Result result = run("map", "dev=" + dev, "prod=" + prod, "ci=" + ci, "--statistics", "full",
				"--allow-development-masking-key", "--sensitive", "customer.phone");

		assertThat(result.exitCode()).isEqualTo(DbParity.ERROR);
		assertThat(result.err()).contains("dbparity: ci could not be read, so its column holds no values: --sensitive "
				+ "customer.phone:");
		assertThat(result.out()).contains("  public.customer.columns.phone: dev A, prod absent, ci not read\n");
	}

	/**
	 * The HTML map in headless Chromium: drawn, in the variants' colours. With {@value #SCREENSHOT_PROPERTY} naming a
	 * directory, the screenshot is copied there as {@code drift-map.png}, with the Markdown map beside it: the README's
	 * picture and example come from this test.
	 */
	@Test
	void htmlRendersInChromium() throws Exception {
		Path page = temporary.resolve("map.html");
		assertThat(run(map("--format", "html", "--output", page.toString())).exitCode()).isEqualTo(1);

		Path screenshot = HeadlessChromium.screenshot(Files.readString(page), temporary, 1100, 1080);

		Set<Integer> colours = HeadlessChromium.colours(screenshot, 1100, 1080);
		assertThat(colours).as("the variants' blue and orange cells are drawn").contains(0xFFDDF4FF, 0xFFFFE2CC);
		String docs = System.getProperty(SCREENSHOT_PROPERTY, "");
		if (!docs.isEmpty()) {
			Files.copy(screenshot, Path.of(docs, "drift-map.png"), StandardCopyOption.REPLACE_EXISTING);
			run(map("--format", "markdown", "--output", Path.of(docs, "drift-map.md").toString()));
		}
	}
}
