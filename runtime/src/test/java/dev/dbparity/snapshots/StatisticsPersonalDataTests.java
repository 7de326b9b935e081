package dev.dbparity.snapshots;

import static dev.dbparity.snapshots.StatisticsPostgresTests.collect;
import static dev.dbparity.snapshots.StatisticsPostgresTests.collectStrictly;
import static dev.dbparity.snapshots.StatisticsPostgresTests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.snapshots.statistics.SensitiveColumnsException;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * Personal data found by content in columns whose names say nothing ({@code statistics/postgres/personal}): e-mail
 * addresses, phone numbers, social security numbers, card numbers and IBANs lose their raw values in every mode,
 * while ordinary codes beside them keep theirs.
 */
class StatisticsPersonalDataTests {

	/** Raw values of the migration's personal columns, none of which may be written. */
	static final List<String> RAW = List.of("hidden.example", "@", "+49 30 70000", "101-11-1001", "4111111111111111",
			"5555 5555 5555 4444", "378282246310005", "DE89370400440532013000", "GB82 WEST", "NL91ABNA0417164300");

	private static RuntimeDatabases databases;

	private static Database database;

	private Connection connection;

	@BeforeAll
	static void openDatabase() {
		databases = new RuntimeDatabases();
		database = databases.open(Engine.POSTGRES, "statistics/postgres/personal");
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

	private static JsonNode column(StatisticsSnapshot snapshot, String table, String column) {
		return snapshot.table("public", table).orElseThrow().path("columns").path(column);
	}

	@Test
	@DisplayName("columns whose sampled values are personal data are sensitive, with what was found")
	void detectedByContent() throws SQLException {
		StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.full());

		assertThat(List.of(column(snapshot, "contact_book", "contact"), column(snapshot, "contact_book", "line"),
				column(snapshot, "contact_book", "code"), column(snapshot, "payment", "ref"),
				column(snapshot, "payment", "account"), column(snapshot, "message_log", "sender")))
			.extracting(node -> node.path("detected").asText())
			.containsExactly("email", "phone", "national-id", "card", "iban", "email");
		JsonNode ref = column(snapshot, "payment", "ref");
		assertThat(ref.path("sensitive").asBoolean()).isTrue();
		assertThat(ref.has("min") || ref.has("max") || ref.has("histogram")).isFalse();
		assertThat(ref.path("top")).hasSize(5).allSatisfy(entry -> assertThat(entry.path("hash").asText())
			.startsWith("hmac-sha256:"));
		assertThat(column(snapshot, "contact_book", "contact").path("length").path("max").isNumber()).isTrue();
	}

	@Test
	@DisplayName("a table without a key is checked on the values its capture read (top values, extremes)")
	void detectedAfterTheScan() throws SQLException {
		JsonNode sender = column(collect(connection, StatisticsOptions.full()), "message_log", "sender");

		assertThat(sender.path("top")).hasSize(5).allSatisfy(entry -> assertThat(entry.has("value")).isFalse());
		assertThat(sender.has("min")).isFalse();
	}

	@Test
	@DisplayName("ordinary codes, numbers, dates and versions keep their values")
	void ordinaryValuesStay() throws SQLException {
		StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.full());

		for (String name : List.of("sku", "barcode", "released", "version")) {
			JsonNode node = column(snapshot, "product", name);
			assertThat(node.has("sensitive")).as(name).isFalse();
			assertThat(node.has("min")).as(name).isTrue();
		}
		assertThat(column(snapshot, "payment", "amount").has("sensitive")).isFalse();
	}

	@Test
	@DisplayName("no raw personal value is written in any mode, and the same data gives the same bytes")
	void noLeaksInAnyMode() throws SQLException {
		for (StatisticsOptions options : List.of(StatisticsOptions.full(), StatisticsOptions.sample(0.5),
				StatisticsOptions.catalog().withAnalyze(true), StatisticsOptions.full().withTopK(100))) {
			String json = text(collect(connection, options));

			assertThat(json).as("%s capture", options.mode()).doesNotContain(RAW);
			assertThat(text(collect(connection, options))).isEqualTo(json);
		}
	}

	@Test
	@DisplayName("the public development key is refused for personal data found by content, naming the columns")
	void developmentKeyRefused() {
		assertThatThrownBy(() -> collectStrictly(connection, StatisticsOptions.full().withoutNameHeuristics()))
			.isInstanceOf(SensitiveColumnsException.class)
			.hasMessageContaining("public.contact_book.contact (e-mail addresses in its values)")
			.hasMessageContaining("DBPARITY_MASKING_KEY")
			.hasMessageContaining("dbparity.statistics.masking-key")
			.satisfies(e -> assertThat(e.getMessage()).doesNotContain(RAW));
	}

	@Test
	@DisplayName("with a masking key, personal data is captured hashed")
	void keyed() throws SQLException {
		StatisticsSnapshot snapshot = collectStrictly(connection, StatisticsOptions.full().withMaskingKey("a secret"));

		assertThat(column(snapshot, "contact_book", "contact").path("detected").asText()).isEqualTo("email");
		assertThat(text(snapshot)).doesNotContain(RAW);
	}

	@Test
	@DisplayName("columns named sensitive by a glob lose their values; a name matching no column is an error")
	void namedColumns() throws SQLException {
		StatisticsSnapshot snapshot = collect(connection, StatisticsOptions.full().withSensitiveColumns("product.s*"));
		assertThat(column(snapshot, "product", "sku").path("sensitive").asBoolean()).isTrue();
		assertThat(column(snapshot, "product", "sku").has("detected")).isFalse();

		assertThatThrownBy(() -> collect(connection, StatisticsOptions.full()
			.withSensitiveColumns(Map.of("product.skuu", "parity/sensitive.yaml:2:3"))))
			.isInstanceOf(SensitiveColumnsException.class)
			.hasMessageStartingWith("parity/sensitive.yaml:2:3: the sensitive column \"product.skuu\" matches no column")
			.hasMessageContaining("(\"product.sku\"?)");
	}
}
