package dev.dbparity.cli;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.Engine;

/** The command line against a real MariaDB, with the {@code jdbc:mariadb:} URLs MariaDB users write. */
class DbParityMariaDbTests {

	private static RunningEngine server;

	@TempDir
	Path temporary;

	@BeforeAll
	static void startServer() {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private static void execute(String database, String... statements) throws SQLException {
		try (Connection connection = server.dataSource(database).getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	@Test
	void twoDatabasesWrittenDifferentlyCompareEqualAndAHotfixIsFound() throws Exception {
		server.createDatabase("dbparity_cli_left");
		server.createDatabase("dbparity_cli_right");
		execute("dbparity_cli_left", "CREATE TABLE customer (id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY, "
				+ "email VARCHAR(320) NOT NULL, UNIQUE KEY (email))");
		execute("dbparity_cli_right", "CREATE TABLE customer (id INTEGER NOT NULL AUTO_INCREMENT, email VARCHAR(320) NOT NULL, "
				+ "PRIMARY KEY (id), CONSTRAINT customer_email UNIQUE (email))");
		String left = server.jdbcUrl("dbparity_cli_left").replace("jdbc:mysql:", "jdbc:mariadb:") + "?user=root";
		String right = server.jdbcUrl("dbparity_cli_right").replace("jdbc:mysql:", "jdbc:mariadb:") + "?user=root";

		var same = run("diff", left, right, "--ignore", "**.name");
		assertThat(same.exitCode()).as(same.out() + same.err()).isZero();

		Path baseline = temporary.resolve("production");
		assertThat(run("capture", "--url", left, "--out", baseline.toString(), "--migration-version", "1").exitCode())
			.isZero();
		assertThat(Files.readString(baseline.resolve("schema.json"))).doesNotContain("dbparity_cli_left");
		execute("dbparity_cli_left", "CREATE INDEX customer_created_idx ON customer (email, id)");

		var drift = run("verify", "--baseline", baseline.toString(), "--url", left, "--format", "json");
		assertThat(drift.exitCode()).isEqualTo(1);
		assertThat(drift.out()).contains("\"path\": \"default.customer.indexes.", "\"category\": \"PERFORMANCE\"");
	}
}
