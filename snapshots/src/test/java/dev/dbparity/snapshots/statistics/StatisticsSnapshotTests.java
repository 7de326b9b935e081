package dev.dbparity.snapshots.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dbparity.snapshots.UnsupportedFormatException;

class StatisticsSnapshotTests {

	@Test
	void readingWhatWasWrittenGivesTheSameSnapshotAndBytes() {
		StatisticsSnapshot snapshot = Snapshots.of("sample", "{'t': {'rows': 150, 'columns': {'c': {'min': 150.00, "
				+ "'mean': 0.1234565, 'top': [{'value': 1.50, 'fraction': 0.5}]}}}}");

		StatisticsSnapshot read = StatisticsSnapshot.fromJson(snapshot.toCanonicalJson(), "statistics.json");

		assertThat(read).isEqualTo(snapshot);
		assertThat(read.toCanonicalJson()).isEqualTo(snapshot.toCanonicalJson());
		assertThat(read.mode()).isEqualTo(CaptureMode.SAMPLE);
		assertThat(read.sampleFraction()).contains(0.1);
		assertThat(read.column("public", "t", "c")).isPresent();
		assertThat(read.table("public", "u")).isEmpty();
	}

	@Test
	void aFileWithoutFormatOrFromANewerDbparityIsRefused() {
		assertThatThrownBy(() -> StatisticsSnapshot.fromJson("{}".getBytes(StandardCharsets.UTF_8), "s.json"))
			.isInstanceOf(UnsupportedFormatException.class).hasMessageStartingWith("s.json is not a dbparity statistics");
		assertThatThrownBy(() -> StatisticsSnapshot.fromJson("{\"format\": 9, \"capture\": {\"mode\": \"full\"}}"
			.getBytes(StandardCharsets.UTF_8), "s.json")).isInstanceOf(UnsupportedFormatException.class)
			.hasMessageContaining("has format 9, but this dbparity reads format 1 at most");
	}

	@ParameterizedTest
	@CsvSource({ "0.1234565, 0.123456", "0.1234576, 0.123458", "150.00, 150", "1000000, 1000000", "1234567.8, 1234570",
			"0.000012345678, 0.0000123457", "0, 0" })
	void measuredNumbersHaveSixSignificantDigits(double value, String written) {
		assertThat(StatisticsComparison.format(value)).isEqualTo(written);
	}

	@ParameterizedTest
	@ValueSource(strings = { "email", "customer_email", "phone_number", "firstName", "last_name", "street_address",
			"ssn", "iban", "birth_date", "dob", "zip", "ip", "passwordHash", "Name" })
	void namesThatLookPersonalAreSensitive(String column) {
		assertThat(SensitiveColumns.matchesHeuristics(column)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "amount", "created_at", "status", "category", "zipper_count", "shipping" })
	void otherNamesAreNot(String column) {
		assertThat(SensitiveColumns.matchesHeuristics(column)).isFalse();
	}

	@Test
	void listedColumnsAreSensitiveAndHeuristicsCanBeSwitchedOff() {
		StatisticsOptions options = StatisticsOptions.full().withSensitiveColumns("orders.note", "audit.log.text")
			.withoutNameHeuristics();

		assertThat(SensitiveColumns.isSensitive("public", "orders", "note", options)).isTrue();
		assertThat(SensitiveColumns.isSensitive("audit", "log", "TEXT", options)).isTrue();
		assertThat(SensitiveColumns.isSensitive("public", "orders", "email", options)).isFalse();
		assertThat(SensitiveColumns.isSensitive("public", "orders", "email", StatisticsOptions.full())).isTrue();
	}

	@Test
	void hashesAreKeyed() {
		String a = SensitiveColumns.hash("ada@example.org", "k1".getBytes(StandardCharsets.UTF_8));

		assertThat(a).startsWith("hmac-sha256:").hasSize("hmac-sha256:".length() + 32)
			.isEqualTo(SensitiveColumns.hash("ada@example.org", "k1".getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(SensitiveColumns.hash("ada@example.org", "k2".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void optionsParseCommandLineModes() {
		assertThat(StatisticsOptions.parse("full")).isEqualTo(StatisticsOptions.full());
		assertThat(StatisticsOptions.parse("sample:10").sampleFraction()).isEqualTo(0.1);
		assertThat(StatisticsOptions.parse("catalog").mode()).isEqualTo(CaptureMode.CATALOG);
		assertThat(StatisticsOptions.parse("sample").sampleFraction()).isEqualTo(0.1);
		assertThat(StatisticsOptions.parse("sample:100").sampleFraction()).isEqualTo(1.0);
		assertThatIllegalArgumentException().isThrownBy(() -> StatisticsOptions.parse("sample:150"))
			.withMessage("Statistics mode \"sample:150\": the percentage 150 is out of range; it must be greater than 0 "
					+ "and at most 100, e.g. sample:10 for a 10 % sample, or full for every row");
		assertThatIllegalArgumentException().isThrownBy(() -> StatisticsOptions.parse("sample:0"))
			.withMessageContaining("greater than 0 and at most 100");
		assertThatIllegalArgumentException().isThrownBy(() -> StatisticsOptions.parse("sampel"))
			.withMessage("Unknown statistics mode \"sampel\"; allowed: full, sample[:<percent>] (e.g. sample:10; sample "
					+ "alone is 10 %), catalog");
		assertThatIllegalArgumentException().isThrownBy(() -> StatisticsOptions.sample(0))
			.withMessageStartingWith("sampleFraction must be in (0, 1], but was 0.0");
		assertThat(StatisticsOptions.full().withMaskingKey("").maskingKey()).isEqualTo(Optional.empty());
	}

	@Test
	void typesDecideTheStatistics() {
		assertThat(ColumnKind.of("numeric(10,2)")).isEqualTo(ColumnKind.NUMBER);
		assertThat(ColumnKind.of("int unsigned")).isEqualTo(ColumnKind.NUMBER);
		assertThat(ColumnKind.of("double precision")).isEqualTo(ColumnKind.NUMBER);
		assertThat(ColumnKind.of("timestamp with time zone")).isEqualTo(ColumnKind.TEMPORAL);
		assertThat(ColumnKind.of("datetime(6)")).isEqualTo(ColumnKind.TEMPORAL);
		assertThat(ColumnKind.of("character varying(20)")).isEqualTo(ColumnKind.TEXT);
		assertThat(ColumnKind.of("tinyint(1)")).isEqualTo(ColumnKind.DISCRETE);
		assertThat(ColumnKind.of("enum('a','b')")).isEqualTo(ColumnKind.DISCRETE);
		assertThat(ColumnKind.of("public.mood")).isEqualTo(ColumnKind.DISCRETE);
		assertThat(ColumnKind.of("json")).isEqualTo(ColumnKind.OPAQUE);
		assertThat(ColumnKind.of("longblob")).isEqualTo(ColumnKind.OPAQUE);
		assertThat(ColumnKind.of("text[]")).isEqualTo(ColumnKind.OPAQUE);
	}

	@Test
	void duj1EstimatesDistinctValuesFromASample() {
		assertThat(SqlStatisticsCollector.duj1(100, 100, 100, 1000)).isEqualTo(1000);
		assertThat(SqlStatisticsCollector.duj1(100, 5, 0, 1000)).isEqualTo(5);
		assertThat(SqlStatisticsCollector.duj1(1000, 10, 3, 1000)).isEqualTo(10);
	}
}
