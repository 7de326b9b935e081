package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.statistics.StatisticsCollectors;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * Statistics captured from PostgreSQL in every mode, against 100 rows whose statistics are known exactly
 * ({@code statistics/postgres/known}), in one database for the class and its nested classes.
 */
class StatisticsPostgresTests {

	private static RuntimeDatabases databases;

	private static Database database;

	private Connection connection;

	@BeforeAll
	static void openDatabase() {
		databases = new RuntimeDatabases();
		database = databases.open(Engine.POSTGRES, "statistics/postgres/known");
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

	/** The statistics of the generated test data, which may be hashed with the public development key. */
	static StatisticsSnapshot collect(Connection connection, StatisticsOptions options) throws SQLException {
		return collectStrictly(connection, options.withDevelopmentKeyAllowed());
	}

	/** The statistics as a capture of real data takes them: sensitive columns need a masking key. */
	static StatisticsSnapshot collectStrictly(Connection connection, StatisticsOptions options) throws SQLException {
		SchemaSnapshot schema = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
		return StatisticsCollectors.forConnection(connection).collect(connection, schema, options);
	}

	static String text(StatisticsSnapshot snapshot) {
		return new String(snapshot.toCanonicalJson(), StandardCharsets.UTF_8);
	}

	/** The personal-looking values the migration inserts, none of which may be written. */
	static List<String> personalValues() {
		List<String> values = new ArrayList<>(List.of("leak.example", "Leakname", "Secretvalue"));
		for (int i = 1; i <= 20; i++) {
			values.add(LocalDate.of(1970, 1, 1).plusDays(i * 97L).toString());
		}
		return values;
	}

	static JsonNode known(StatisticsSnapshot snapshot, String schema) {
		return snapshot.table(schema, "known").orElseThrow();
	}

	/** The checks every engine's {@code full} capture of the known table passes. */
	static void assertKnownFull(JsonNode known) {
		JsonNode columns = known.path("columns");
		assertThat(known.path("rows").asLong()).isEqualTo(100);
		JsonNode grp = columns.path("grp");
		assertThat(grp.path("kind").asText()).isEqualTo("number");
		assertThat(grp.path("nullFraction").asDouble()).isZero();
		assertThat(grp.path("distinct").asLong()).isEqualTo(4);
		assertThat(grp.has("distinctEstimated")).isFalse();
		assertThat(grp.path("min").asInt()).isZero();
		assertThat(grp.path("max").asInt()).isEqualTo(3);
		assertThat(grp.path("mean").asDouble()).isEqualTo(1.5);
		assertThat(grp.path("stddev").asDouble()).isEqualTo(1.11803);
		assertThat(grp.path("top")).extracting(entry -> entry.path("value").asInt(), entry -> entry.path("fraction")
			.asDouble()).containsExactly(tuple(0, 0.25), tuple(1, 0.25), tuple(2, 0.25), tuple(3, 0.25));
		JsonNode label = columns.path("label");
		assertThat(label.path("nullFraction").asDouble()).isEqualTo(0.2);
		assertThat(label.path("distinct").asLong()).isEqualTo(3);
		assertThat(label.path("min").asText()).isEqualTo("L0");
		assertThat(label.path("max").asText()).isEqualTo("L2");
		assertThat(label.path("length").toString()).isEqualTo("{\"max\":2,\"mean\":2,\"min\":2}");
		assertThat(label.path("top")).extracting(entry -> entry.path("value").asText(),
				entry -> entry.path("fraction").asDouble())
			.containsExactly(tuple("L0", 0.3375), tuple("L1", 0.3375), tuple("L2", 0.325));
		JsonNode amount = columns.path("amount");
		assertThat(amount.path("min").decimalValue()).isEqualByComparingTo("1.5");
		assertThat(amount.path("max").decimalValue()).isEqualByComparingTo("150");
		assertThat(amount.path("mean").asDouble()).isEqualTo(75.75);
		assertThat(amount.path("stddev").asDouble()).isEqualTo(43.2991);
		assertThat(amount.path("histogram").path("bounds").toString())
			.isEqualTo("[1.5,15,30,45,60,75,90,105,120,135,150]");
		assertThat(amount.path("histogram").path("fractions").toString())
			.isEqualTo("[0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1]");
		JsonNode day = columns.path("day");
		assertThat(day.path("kind").asText()).isEqualTo("temporal");
		assertThat(day.path("min").asText()).isEqualTo("2024-01-02");
		assertThat(day.path("max").asText()).isEqualTo("2024-04-10");
		assertThat(day.path("histogram").path("bounds").path(1).asText()).isEqualTo("2024-01-11");
		assertThat(columns.path("flag").path("top")).extracting(entry -> entry.path("fraction").asDouble())
			.containsExactly(0.5, 0.5);
		JsonNode note = columns.path("secret_note");
		assertThat(note.path("sensitive").asBoolean()).isTrue();
		assertThat(note.path("length").path("mean").asDouble()).isEqualTo(12);
		assertThat(note.path("distinct").asLong()).isEqualTo(7);
		assertThat(note.has("min") || note.has("max") || note.has("histogram")).isFalse();
		assertThat(note.path("top").path(0).path("hash").asText()).startsWith("hmac-sha256:");
		assertThat(columns.path("author_id").path("key").asBoolean()).isTrue();
		assertThat(columns.path("author_id").path("nullFraction").asDouble()).isEqualTo(0.1);
		assertThat(known.path("foreignKeys").toString()).contains("\"childrenPerParent\":4.5");
	}

	@Nested
	@DisplayName("when all rows are read (full)")
	class Full {

		@Test
		@DisplayName("then every statistic is exact")
		void exact() throws SQLException {
			StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.full());

			assertThat(snapshot.engine()).isEqualTo("postgres");
			assertKnownFull(known(snapshot, "public"));
			assertThat(snapshot.tree().path("capture").toString())
				.isEqualTo("{\"histogramBuckets\":10,\"mode\":\"full\",\"topK\":10}");
		}

		@Test
		@DisplayName("then the same data gives the same bytes, also with another top-k")
		void deterministic() throws SQLException {
			assertThat(text(collect(connection, StatisticsOptions.full())))
				.isEqualTo(text(collect(connection, StatisticsOptions.full())));
			StatisticsSnapshot three = collect(connection, StatisticsOptions.full().withTopK(3));
			assertThat(known(three, "public").path("columns").path("grp").path("top")).hasSize(3);
		}

		@Test
		@DisplayName("then inside the caller's transaction it reads the same, and puts the time zone back")
		void callersTransaction() throws SQLException {
			String outside = text(collect(connection, StatisticsOptions.full()));
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL TimeZone = 'Europe/Berlin'");
				assertThat(text(collect(connection, StatisticsOptions.full()))).isEqualTo(outside);
				try (ResultSet row = statement.executeQuery("SELECT current_setting('TimeZone')")) {
					row.next();
					assertThat(row.getString(1)).isEqualTo("Europe/Berlin");
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}

		@Test
		@DisplayName("then the masking key changes the hashes")
		void maskingKey() throws SQLException {
			String development = text(collect(connection, StatisticsOptions.full()));
			String keyed = text(collect(connection, StatisticsOptions.full().withMaskingKey("production-secret")));

			assertThat(keyed).isNotEqualTo(development);
			assertThat(StatisticsSnapshot.fromJson(keyed.getBytes(StandardCharsets.UTF_8), "keyed").table("public", "known"))
				.map(table -> table.path("columns").path("grp").toString())
				.contains(known(StatisticsSnapshot.fromJson(development.getBytes(StandardCharsets.UTF_8), "dev"),
						"public").path("columns").path("grp").toString());
		}
	}

	@Nested
	@DisplayName("when a sample is read")
	class Sample {

		@Test
		@DisplayName("then counts are extrapolated, fractions estimated, and the same seed gives the same bytes")
		void sample() throws SQLException {
			StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.sample(0.5));
			JsonNode known = known(snapshot, "public");

			assertThat(snapshot.sampleFraction()).contains(0.5);
			assertThat(known.path("rows").asLong()).isBetween(60L, 140L);
			assertThat(known.path("rows").asLong()).isEqualTo(2 * known.path("sampledRows").asLong());
			assertThat(known.path("columns").path("label").path("nullFraction").asDouble()).isBetween(0.05, 0.35);
			assertThat(known.path("columns").path("grp").path("distinct").asLong()).isEqualTo(4);
			assertThat(known.path("columns").path("grp").path("distinctEstimated").asBoolean()).isTrue();
			assertThat(text(collect(connection, StatisticsOptions.sample(0.5)))).isEqualTo(text(snapshot));
			assertThat(text(collect(connection, StatisticsOptions.sample(0.5).withSeed(7)))).isNotEqualTo(text(snapshot));
		}
	}

	@Nested
	@DisplayName("when the catalog is read")
	class Catalog {

		@Test
		@DisplayName("then after ANALYZE it holds pg_stats' estimates, the same bytes each time")
		void catalog() throws SQLException {
			StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.catalog().withAnalyze(true));
			JsonNode known = known(snapshot, "public");
			JsonNode columns = known.path("columns");

			// ANALYZE reads all of a table this small, so its estimates are the exact values.
			assertThat(known.path("rows").asLong()).isEqualTo(100);
			assertThat(columns.path("label").path("nullFraction").asDouble()).isEqualTo(0.2);
			assertThat(columns.path("label").path("distinct").asLong()).isEqualTo(3);
			assertThat(columns.path("label").path("distinctEstimated").asBoolean()).isTrue();
			assertThat(columns.path("grp").path("top")).extracting(entry -> entry.path("fraction").asDouble())
				.containsExactly(0.25, 0.25, 0.25, 0.25);
			assertThat(columns.path("flag").path("top")).extracting(entry -> entry.path("value").asText())
				.containsExactly("false", "true");
			assertThat(columns.path("amount").path("min").decimalValue()).isEqualByComparingTo("1.5");
			assertThat(columns.path("amount").path("max").decimalValue()).isEqualByComparingTo("150");
			assertThat(columns.path("amount").path("histogram").path("bounds")).hasSize(11);
			assertThat(columns.path("day").path("histogram").path("bounds").path(0).asText()).isEqualTo("2024-01-02");
			assertThat(known.path("foreignKeys").toString()).contains("\"childrenPerParent\":4.5");
			assertThat(text(collect(connection, StatisticsOptions.catalog()))).isEqualTo(text(snapshot));
		}
	}

	@Test
	@DisplayName("personal values are written in no mode")
	void noLeaks() throws SQLException {
		for (StatisticsOptions options : List.of(StatisticsOptions.full(), StatisticsOptions.sample(0.5),
				StatisticsOptions.catalog().withAnalyze(true), StatisticsOptions.full().withTopK(100))) {
			String json = text(collect(connection, options));

			assertThat(json).as("%s capture", options.mode()).doesNotContain(personalValues())
				.contains("\"email\"", "\"full_name\"", "\"birth_date\"", "\"secret_note\"");
		}
	}
}
