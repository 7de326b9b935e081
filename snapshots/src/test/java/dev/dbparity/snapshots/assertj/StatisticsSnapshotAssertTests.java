package dev.dbparity.snapshots.assertj;

import static dev.dbparity.snapshots.assertj.ParityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.dbparity.snapshots.statistics.ComparisonMode;
import dev.dbparity.snapshots.statistics.Metric;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;

class StatisticsSnapshotAssertTests {

	static StatisticsSnapshot statistics(String mode, long rows, double nullFraction) {
		return StatisticsSnapshot.fromJson(("{\"format\": 1, \"engine\": {\"name\": \"postgres\"}, \"capture\": "
				+ "{\"mode\": \"" + mode + "\"}, \"schemas\": {\"public\": {\"tables\": {\"book\": {\"rows\": " + rows
				+ ", \"columns\": {\"title\": {\"nullFraction\": " + nullFraction + "}}}}}}}")
			.getBytes(StandardCharsets.UTF_8), "test");
	}

	@Test
	void theCheckHappensInWithinSoThatTolerancesComeFirst() {
		StatisticsSnapshot baseline = statistics("full", 1_000_000, 0.1);
		StatisticsSnapshot actual = statistics("full", 1000, 0.2);

		assertThatCode(() -> {
			// Nothing is checked until within(…).
			@SuppressWarnings("unused")
			Object pending = assertThat(actual).isComparableTo(baseline);
		}).doesNotThrowAnyException();
		assertThatThrownBy(() -> assertThat(actual).isComparableTo(baseline).withinDefaultTolerances())
			.isInstanceOf(AssertionError.class)
			.hasMessage("\nData statistics of actual statistics against baseline statistics (shape mode): 1 of 1 "
					+ "metrics failed.\n  public.book.title: nullFraction 0.1 > bound 0.05 (baseline 0.1, actual 0.2)");
		assertThat(actual).isComparableTo(baseline)
			.within(StatisticsTolerances.defaults().withOverride("book.title", Metric.NULL_FRACTION, 0.1));
	}

	@Test
	void matchesShapeOfChecksAtOnceWithDefaults() {
		assertThat(statistics("full", 1000, 0.1)).matchesShapeOf(statistics("catalog", 5, 0.12));
		assertThatThrownBy(() -> assertThat(statistics("full", 1000, 0.1)).matchesShapeOf(statistics("full", 5, 0.5)))
			.isInstanceOf(AssertionError.class);
	}

	@Test
	void exactModeComparesRowCountsAndRefusesEstimates() {
		assertThatThrownBy(() -> assertThat(statistics("full", 1000, 0.1)).isComparableTo(statistics("full", 999, 0.1))
			.inMode(ComparisonMode.EXACT).withinDefaultTolerances()).isInstanceOf(AssertionError.class)
			.hasMessageContaining("public.book: rowCount");
		assertThatThrownBy(() -> assertThat(statistics("full", 1000, 0.1))
			.isComparableTo(statistics("catalog", 1000, 0.1)).inMode(ComparisonMode.EXACT).withinDefaultTolerances())
			.isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Cannot compare statistics in exact mode");
	}
}
