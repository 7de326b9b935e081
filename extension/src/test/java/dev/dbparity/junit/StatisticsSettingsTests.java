package dev.dbparity.junit;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.junit.ParityTestKit.executeTestClassWithConfigurationParameters;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * The statistics settings the extension reads: {@value ParityDatabase#STATISTICS_MASKING_KEY_PROPERTY_NAME} and
 * {@value ParityDatabase#STATISTICS_SENSITIVE_COLUMNS_PROPERTY_NAME}; without either, a test database's generated data
 * is captured with the development key rather than refused.
 */
class StatisticsSettingsTests {

	@TempDir
	Path temporary;

	private static StatisticsSnapshot capture(Map<String, String> configuration) {
		PersonalStatisticsTestCase.CAPTURED.clear();
		executeTestClassWithConfigurationParameters(PersonalStatisticsTestCase.class, configuration).testEvents()
			.assertStatistics(stats -> stats.succeeded(1));
		return PersonalStatisticsTestCase.CAPTURED.get(0);
	}

	private static JsonNode column(StatisticsSnapshot snapshot, String table, String column) {
		return snapshot.table("public", table).orElseThrow().path("columns").path(column);
	}

	@Test
	@DisplayName("without a key, generated data is captured, personal columns hashed; the configured key changes the hashes")
	void maskingKey() {
		StatisticsSnapshot unkeyed = capture(Map.of());
		StatisticsSnapshot keyed = capture(Map.of(ParityDatabase.STATISTICS_MASKING_KEY_PROPERTY_NAME, "a test secret"));
		StatisticsSnapshot again = capture(Map.of(ParityDatabase.STATISTICS_MASKING_KEY_PROPERTY_NAME, "a test secret"));

		JsonNode ref = column(keyed, "payment", "ref");
		assertThat(ref.path("detected").asText()).isEqualTo("card");
		assertThat(ref.path("top").path(0).path("hash").asText()).startsWith("hmac-sha256:")
			.isNotEqualTo(column(unkeyed, "payment", "ref").path("top").path(0).path("hash").asText())
			.isEqualTo(column(again, "payment", "ref").path("top").path(0).path("hash").asText());
	}

	@Test
	@DisplayName("the columns of the sensitive-columns file lose their raw values")
	void sensitiveColumnsFile() throws IOException {
		Path file = Files.writeString(temporary.resolve("sensitive.yaml"), "- product.sku\n- \"*.vers?on\"\n");

		StatisticsSnapshot snapshot = capture(Map.of(ParityDatabase.STATISTICS_SENSITIVE_COLUMNS_PROPERTY_NAME,
				"file:" + file));

		assertThat(column(snapshot, "product", "sku").path("sensitive").asBoolean()).isTrue();
		assertThat(column(snapshot, "product", "version").has("min")).isFalse();
		assertThat(column(snapshot, "product", "barcode").has("min")).isTrue();
	}

	@Test
	@BadInputEntry("STAT-012")
	void sensitiveColumnsFileNamingAColumnThatDoesNotExist() throws IOException {
		Path file = Files.writeString(temporary.resolve("sensitive.yaml"), "- product.sku\n- product.barcod\n");

		EngineExecutionResults results = executeTestClassWithConfigurationParameters(PersonalStatisticsTestCase.class,
				Map.of(ParityDatabase.STATISTICS_SENSITIVE_COLUMNS_PROPERTY_NAME, "file:" + file));

		List<Throwable> failures = new ArrayList<>();
		results.testEvents().failed().list().forEach(event -> failures.add(event.getPayload(TestExecutionResult.class)
			.orElseThrow().getThrowable().orElseThrow()));
		assertThat(failures).singleElement().isInstanceOf(ExtensionConfigurationException.class);
		assertSays(failures.get(0), "the sensitive column \"product.barcod\" matches no column", file + ":2:3",
				"(\"product.barcode\"?)");
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "statistics/postgres/personal")
	static class PersonalStatisticsTestCase {

		static final List<StatisticsSnapshot> CAPTURED = new ArrayList<>();

		@Test
		void capture(ParityDb db) {
			CAPTURED.add(db.statisticsSnapshot());
		}
	}
}
