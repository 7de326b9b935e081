package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.catalog.CatalogReaders;

/**
 * The recording data source tells each statement its connections run, as many times as it runs, and only those: a
 * round trip on MariaDB attributes the server's statement counts to them, and a statement told twice or left out
 * makes the counts disagree (a full read).
 */
class StatementRecorderTests {

	private final List<String> told = new ArrayList<>();

	private final DataSource database = StatementRecorder.recording(RealDatabases.freshDatabase(Engine.POSTGRES),
			CatalogReaders.forEngine(Engine.POSTGRES), told::add);

	@Test
	void tellsEachStatementRunWithItsSqlOrAsPrepared() throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE shelf (id INT)");
			statement.executeUpdate("INSERT INTO shelf VALUES (1)");
			try (ResultSet rows = statement.executeQuery("SELECT id FROM shelf")) {
				assertThat(rows.next()).isTrue();
			}
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shelf VALUES (?)")) {
				insert.setInt(1, 2);
				insert.executeUpdate();
				insert.setInt(1, 3);
				insert.execute();
			}
			// prepared, never run: not told
			connection.prepareStatement("DROP TABLE shelf").close();
		}

		assertThat(told).containsExactly("CREATE TABLE shelf (id INT)", "INSERT INTO shelf VALUES (1)",
				"SELECT id FROM shelf", "INSERT INTO shelf VALUES (?)", "INSERT INTO shelf VALUES (?)");
	}

	@Test
	void tellsABatchOnceItRunsOnceForEachStatementOrSetOfParameters() throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.addBatch("CREATE TABLE rack (id INT)");
			statement.addBatch("CREATE TABLE bin (id INT)");
			assertThat(told).isEmpty();
			statement.executeBatch();
			statement.addBatch("DROP TABLE bin");
			statement.clearBatch();
			statement.executeBatch();
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rack VALUES (?)")) {
				insert.setInt(1, 1);
				insert.addBatch();
				insert.setInt(1, 2);
				insert.addBatch();
				insert.executeBatch();
			}
		}

		assertThat(told).containsExactly("CREATE TABLE rack (id INT)", "CREATE TABLE bin (id INT)",
				"INSERT INTO rack VALUES (?)", "INSERT INTO rack VALUES (?)");
	}

	/** A tool that asks a statement for its connection, or keeps connections in a set, sees the recording ones. */
	@Test
	void aStatementsConnectionIsTheRecordingOneAndEachConnectionEqualsOnlyItself() throws SQLException {
		try (Connection first = database.getConnection(); Connection second = database.getConnection();
				Statement statement = first.createStatement()) {
			statement.getConnection().createStatement().execute("SELECT 1");

			assertThat(told).containsExactly("SELECT 1");
			assertThat(statement.getConnection()).isSameAs(first);
			assertThat(Set.of(first, second)).hasSize(2);
			assertThat(first).isEqualTo(first).isNotEqualTo(second);
		}
	}
}
