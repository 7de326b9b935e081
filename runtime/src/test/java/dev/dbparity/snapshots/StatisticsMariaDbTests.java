package dev.dbparity.snapshots;

import static dev.dbparity.snapshots.StatisticsPostgresTests.collect;
import static dev.dbparity.snapshots.StatisticsPostgresTests.known;
import static dev.dbparity.snapshots.StatisticsPostgresTests.personalValues;
import static dev.dbparity.snapshots.StatisticsPostgresTests.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * Statistics captured from MariaDB in every mode, against the same 100 known rows as on PostgreSQL
 * ({@code statistics/mariadb/known}); the current database is the schema {@code default}.
 */
class StatisticsMariaDbTests {

	private static RuntimeDatabases databases;

	private static Database database;

	private Connection connection;

	@BeforeAll
	static void openDatabase() {
		databases = new RuntimeDatabases();
		database = databases.open(Engine.MARIADB, "statistics/mariadb/known");
	}

	@AfterAll
	static void stopEngine() {
		databases.close();
	}

	@BeforeEach
	void connect() throws SQLException {
		connection = database.dataSource().getConnection();
	}

	@AfterEach
	void disconnect() throws SQLException {
		connection.close();
	}

	@Test
	@DisplayName("full: every statistic is exact, as on PostgreSQL")
	void full() throws SQLException {
		StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.full());

		assertThat(snapshot.engine()).isEqualTo("mariadb");
		StatisticsPostgresTests.assertKnownFull(known(snapshot, "default"));
		assertThat(text(collect(connection, StatisticsOptions.full()))).isEqualTo(text(snapshot));
	}

	@Test
	@DisplayName("sample: a repeatable row sample by key hash, counts extrapolated")
	void sample() throws SQLException {
		StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.sample(0.5));
		JsonNode known = known(snapshot, "default");

		assertThat(known.path("rows").asLong()).isBetween(60L, 140L);
		assertThat(known.path("columns").path("grp").path("distinct").asLong()).isEqualTo(4);
		assertThat(known.path("columns").path("label").path("nullFraction").asDouble()).isBetween(0.05, 0.35);
		assertThat(text(collect(connection, StatisticsOptions.sample(0.5)))).isEqualTo(text(snapshot));
	}

	@Test
	@DisplayName("catalog: mysql.table_stats and column_stats after ANALYZE TABLE … PERSISTENT FOR ALL")
	void catalog() throws SQLException {
		StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.catalog().withAnalyze(true));
		JsonNode known = known(snapshot, "default");
		JsonNode columns = known.path("columns");

		assertThat(known.path("rows").asLong()).isEqualTo(100);
		assertThat(columns.path("label").path("nullFraction").asDouble()).isEqualTo(0.2);
		assertThat(columns.path("label").path("distinct").asLong()).isEqualTo(3);
		assertThat(columns.path("grp").path("distinct").asLong()).isEqualTo(4);
		assertThat(columns.path("amount").path("min").decimalValue()).isEqualByComparingTo("1.5");
		assertThat(columns.path("amount").path("max").decimalValue()).isEqualByComparingTo("150");
		assertThat(columns.path("amount").path("histogram").path("bounds").size()).isGreaterThan(2);
		assertThat(known.path("foreignKeys").toString()).contains("\"childrenPerParent\":4.5");
		assertThat(text(collect(connection, StatisticsOptions.catalog()))).isEqualTo(text(snapshot));
	}

	@Test
	@DisplayName("personal values are written in no mode")
	void noLeaks() throws SQLException {
		for (StatisticsOptions options : List.of(StatisticsOptions.full(), StatisticsOptions.sample(0.5),
				StatisticsOptions.catalog().withAnalyze(true))) {
			assertThat(text(collect(connection, options))).as("%s capture", options.mode())
				.doesNotContain(personalValues()).contains("\"email\"", "\"full_name\"", "\"birth_date\"");
		}
	}

	@Test
	@DisplayName("personal data in neutral columns is found by content in every mode, and never written raw")
	void personalDataByContent() throws SQLException {
		StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.full());
		JsonNode contacts = snapshot.table("default", "contact_book").orElseThrow().path("columns");

		assertThat(contacts.path("contact").path("detected").asText()).isEqualTo("email");
		assertThat(contacts.path("ref").path("detected").asText()).isEqualTo("card");
		assertThat(snapshot.table("default", "message_log").orElseThrow().path("columns").path("sender")
			.path("detected").asText()).isEqualTo("email");
		for (StatisticsOptions options : List.of(StatisticsOptions.full(), StatisticsOptions.sample(0.5),
				StatisticsOptions.catalog().withAnalyze(true))) {
			assertThat(text(collect(connection, options))).as("%s capture", options.mode())
				.doesNotContain("hidden.example", "4111111111111111", "5555 5555 5555 4444");
		}
	}
}
