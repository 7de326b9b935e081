package dev.dbparity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.snapshots.json.CanonicalJson;

/** A baseline captured with the command line reads back as exactly what the database holds, on a real PostgreSQL. */
class BaselineRoundTripTests {

	private static RunningEngine server;
	private static int counter;

	@TempDir
	Path temporary;

	private String database;
	private String url;

	@BeforeAll
	static void startServer() {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void createDatabase() {
		database = "dbparity_roundtrip_" + ++counter;
		server.createDatabase(database);
		url = server.jdbcUrl(database) + "?user=postgres";
	}

	private void execute(String... statements) throws SQLException {
		try (Connection connection = server.dataSource(database).getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static String[] run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = DbParity.run(new PrintWriter(out), new PrintWriter(err), args);
		return new String[] {Integer.toString(exitCode), out.toString(), err.toString()};
	}

	@Test
	void valuesHoldingColonsSurviveCaptureAndDiffAgainstTheSameDatabaseFindsNothing() throws SQLException {
		execute("CREATE TABLE t (id int PRIMARY KEY, note text DEFAULT 'ratio : 1')",
				"COMMENT ON TABLE t IS 'a : b'",
				"CREATE VIEW v AS SELECT id, 'x : y' AS s FROM t");
		Path baseline = temporary.resolve("production");

		String[] capture = run("capture", "--url", url, "--out", baseline.toString(), "--migration-version", "1");
		assertThat(capture[0]).as(capture[2]).isEqualTo("0");

		Baseline read = Baseline.read(baseline);
		assertThat(read.schema().at(List.of("schemas", "public", "tables", "t", "comment")).orElseThrow().asText())
			.isEqualTo("a : b");
		assertThat(read.schema().at(List.of("schemas", "public", "tables", "t", "columns", "note", "default"))
			.orElseThrow().asText()).contains("'ratio : 1'");
		String[] diff = run("diff", baseline.toString(), url);
		assertThat(diff[0]).as("no false difference:\n" + diff[1] + diff[2]).isEqualTo("0");
		String[] verify = run("verify", "--baseline", baseline.toString(), "--url", url);
		assertThat(verify[0]).as(verify[1] + verify[2]).isEqualTo("0");
	}

	@Test
	void aManifestRelabelledAsMariaDbNoLongerMatchesTheLivePostgres() throws Exception {
		execute("CREATE TABLE t (id int PRIMARY KEY)");
		Path baseline = temporary.resolve("production");
		assertThat(run("capture", "--url", url, "--out", baseline.toString(), "--migration-version", "1")[0]).isEqualTo("0");
		Path manifest = baseline.resolve("manifest.json");
		Files.writeString(manifest, Files.readString(manifest).replace("\"name\": \"postgres\"", "\"name\": \"mariadb\""));

		String[] verify = run("verify", "--baseline", baseline.toString(), "--url", url);

		assertThat(verify[0]).isEqualTo("2");
		assertThat(verify[2]).contains(manifest + ": field \"engine\" was changed after dbparity wrote the manifest");
	}

	@Test
	void aBaselineOfAnotherEngineIsRefusedBeforeComparing() throws Exception {
		ObjectNode tree = CanonicalJson.object().put("format", 1);
		tree.putObject("engine").put("name", "mariadb").put("version", "11.4.5").put("major", "11");
		tree.putObject("schemas");
		Path baseline = temporary.resolve("mariadb");
		Baseline.write(baseline, new Manifest(Manifest.FORMAT, "mariadb", "11.4.5", "sha256:00", Optional.of("1"),
				"0.1.0", Optional.empty(), Map.of()), new SchemaSnapshot(tree));

		String[] verify = run("verify", "--baseline", baseline.toString(), "--url", url);
		String[] diff = run("diff", url, baseline.toString());

		assertThat(verify[0]).isEqualTo("2");
		assertThat(verify[2]).contains("Baseline " + baseline + " was captured from mariadb 11.4.5", "is postgres",
				"use a baseline captured from postgres");
		assertThat(diff[0]).isEqualTo("2");
		assertThat(diff[2]).contains("was captured from mariadb 11.4.5");
	}

	@Test
	void captureRefusesAnOutputBelowAFileBeforeConnecting() throws Exception {
		Path file = Files.writeString(temporary.resolve("parity"), "a file");

		String[] capture = run("capture", "--url", "jdbc:postgresql://127.0.0.1:1/none?user=postgres", "--out",
				file.resolve("baseline").toString());

		assertThat(capture[0]).isEqualTo("2");
		assertThat(capture[2]).contains(file + " is a file, so no directory can be created below it")
			.doesNotContain("connecting to");
	}
}
