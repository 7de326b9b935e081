package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.cli.DbParityTests.Result;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.Engine;

/** {@code dbparity map} of MariaDB environments, with the {@code jdbc:mariadb:} URLs MariaDB users write. */
class MapMariaDbTests {

	/** The samples' production baseline: a PostgreSQL one. */
	private static final String POSTGRES_BASELINE = "../samples/src/test/resources/parity/baseline/production";

	private static RunningEngine server;
	private static String dev;
	private static String staging;

	@BeforeAll
	static void environments() throws SQLException {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()));
		dev = database("dbparity_map_dev", "CREATE TABLE customer (id INT NOT NULL PRIMARY KEY, email VARCHAR(320) "
				+ "NOT NULL, phone VARCHAR(40)) COLLATE utf8mb4_bin");
		staging = database("dbparity_map_staging", "CREATE TABLE customer (id INT NOT NULL PRIMARY KEY, email "
				+ "VARCHAR(320) NOT NULL) COLLATE utf8mb4_bin", "CREATE INDEX customer_email ON customer (email)");
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private static String database(String name, String... statements) throws SQLException {
		server.createDatabase(name);
		try (Connection connection = server.dataSource(name).getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		return server.jdbcUrl(name).replace("jdbc:mysql:", "jdbc:mariadb:") + "?user=root";
	}

	@Test
	void twoMariaDbEnvironmentsMapTheirColumnAndIndex() {
		Result result = run("map", "dev=" + dev, "staging=" + staging, "--fail-on", "PERFORMANCE");

		assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(DbParity.DIFFERENT);
		assertThat(result.out()).contains("  default.customer.columns.phone: dev A, staging absent\n",
				"PERFORMANCE (1)\n  default.customer.indexes.");
		assertThat(result.err()).contains("staging drifts from dev in PERFORMANCE");
	}

	@Test
	@BadInputEntry("CLI-057")
	void anEnvironmentOfAnotherEngine() {
		Result result = run("map", "dev=" + dev, "staging=" + staging, "prod=" + POSTGRES_BASELINE);

		assertThat(result.exitCode()).isEqualTo(DbParity.ERROR);
		assertSays(result.err(), "prod is postgres but the reference dev is mariadb", "prod could not be read",
				"Map the postgres environments in a map of their own, or leave prod out");
		// The MariaDB environments are still mapped.
		assertThat(result.out()).contains("  default.customer.columns.phone: dev A, staging absent, prod not read\n");
	}
}
