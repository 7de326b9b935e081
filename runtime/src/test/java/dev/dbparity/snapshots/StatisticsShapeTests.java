package dev.dbparity.snapshots;

import static dev.dbparity.snapshots.StatisticsPostgresTests.collect;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.snapshots.assertj.ParityAssertions;
import dev.dbparity.snapshots.statistics.ComparisonMode;
import dev.dbparity.snapshots.statistics.Metric;
import dev.dbparity.snapshots.statistics.StatisticsComparison;
import dev.dbparity.snapshots.statistics.StatisticsComparisonResult;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;
import dev.dbparity.snapshots.statistics.Verdict;

/**
 * Shape comparison of real captures: a 1,000-row database against a 100,000-row one with the same distributions,
 * and against a 1,000-row one whose categories are skewed ({@code statistics/postgres/shape-*}), each captured once
 * for the class.
 */
class StatisticsShapeTests {

	private static final Map<String, StatisticsSnapshot> CAPTURED = new HashMap<>();

	@BeforeAll
	static void captureEveryDatabase() throws SQLException {
		try (RuntimeDatabases databases = new RuntimeDatabases()) {
			for (String name : List.of("small", "large", "skewed")) {
				try (Database database = databases.open(Engine.POSTGRES, "statistics/postgres/shape-" + name);
						Connection connection = database.dataSource().getConnection()) {
					capture(name, connection);
				}
			}
		}
	}

	static void capture(String name, Connection connection) throws SQLException {
		CAPTURED.put(name, collect(connection, StatisticsOptions.full()));
		CAPTURED.put(name + " sample", collect(connection, StatisticsOptions.sample(0.1)));
		CAPTURED.put(name + " catalog", collect(connection, StatisticsOptions.catalog().withAnalyze(true)));
	}

	@Test
	@DisplayName("a small database with the large one's distributions has its shape")
	void sameShape() {
		StatisticsComparisonResult result = StatisticsComparison.compare(CAPTURED.get("large"), CAPTURED.get("small"));

		assertThat(result.failures()).isEmpty();
		assertThat(result.notComparable()).isEmpty();
		assertThat(result.passed()).extracting(Verdict::metric).contains(Metric.NULL_FRACTION, Metric.DISTINCT_RATIO,
				Metric.TOP_VALUES, Metric.DISTRIBUTION, Metric.CHILDREN_PER_PARENT);
		ParityAssertions.assertThat(CAPTURED.get("small")).isComparableTo(CAPTURED.get("large"))
			.within(StatisticsTolerances.defaults());
	}

	@Test
	@DisplayName("a sample or catalog capture of the large database is a baseline the small one matches too")
	void estimatedBaselines() {
		assertThat(StatisticsComparison.compare(CAPTURED.get("large sample"), CAPTURED.get("small")).failures())
			.isEmpty();
		assertThat(StatisticsComparison.compare(CAPTURED.get("large catalog"), CAPTURED.get("small")).failures())
			.isEmpty();
	}

	@Test
	@DisplayName("a sample of 10 % estimates the large table within a few per cent")
	void sampleError() {
		JsonNode full = CAPTURED.get("large").table("public", "purchase").orElseThrow();
		JsonNode sample = CAPTURED.get("large sample").table("public", "purchase").orElseThrow();

		assertThat(sample.path("rows").asDouble()).isCloseTo(100_000, org.assertj.core.data.Percentage.withPercentage(5));
		assertThat(sample.path("columns").path("amount").path("mean").asDouble())
			.isCloseTo(full.path("columns").path("amount").path("mean").asDouble(),
					org.assertj.core.data.Percentage.withPercentage(3));
		assertThat(sample.path("columns").path("note").path("nullFraction").asDouble()).isBetween(0.08, 0.12);
		assertThat(sample.path("columns").path("id").path("distinct").asDouble())
			.isCloseTo(100_000, org.assertj.core.data.Percentage.withPercentage(10));
		StatisticsComparisonResult result = StatisticsComparison.compare(CAPTURED.get("large"),
				CAPTURED.get("large sample"));
		assertThat(result.failures()).isEmpty();
	}

	@Test
	@DisplayName("a skewed database fails on the skewed column's top values only")
	void skewed() {
		StatisticsComparisonResult result = StatisticsComparison.compare(CAPTURED.get("large"), CAPTURED.get("skewed"));

		assertThat(result.failures()).extracting(Verdict::path, Verdict::metric)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("public.purchase.category", Metric.TOP_VALUES));
		Verdict verdict = result.failures().get(0);
		assertThat(verdict.baseline()).isEqualTo("a 0.5, b 0.3, c 0.2");
		assertThat(verdict.actual()).isEqualTo("a 0.9, b 0.05, c 0.05");
		assertThat(verdict.distance()).isEqualTo(0.4);
		assertThat(verdict.bound()).isEqualTo(0.1);
	}

	@Test
	@DisplayName("exact mode tells databases of different sizes apart")
	void exact() {
		StatisticsComparisonResult result = StatisticsComparison.compare(CAPTURED.get("large"), CAPTURED.get("small"),
				StatisticsTolerances.defaults(), ComparisonMode.EXACT);

		assertThat(result.failures()).extracting(Verdict::metric).contains(Metric.ROW_COUNT, Metric.DISTINCT,
				Metric.MAX);
		assertThat(StatisticsComparison.compare(CAPTURED.get("large"), CAPTURED.get("large"),
				StatisticsTolerances.defaults(), ComparisonMode.EXACT).failures()).isEmpty();
	}
}
