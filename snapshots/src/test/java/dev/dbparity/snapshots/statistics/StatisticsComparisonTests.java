package dev.dbparity.snapshots.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatisticsComparisonTests {

	private static final String UNIFORM = "{'bounds': [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], "
			+ "'fractions': [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]}";

	/** Every value in [0, 50]: the distribution function is 1 at 50, where the uniform one is 0.5. */
	private static final String LOWER_HALF = "{'bounds': [0, 50], 'fractions': [1]}";

	static StatisticsSnapshot table(long rows, String columns) {
		return Snapshots.full("{'t': {'rows': " + rows + ", 'columns': " + columns + "}}");
	}

	static Verdict only(StatisticsComparisonResult result, Metric metric) {
		List<Verdict> verdicts = result.verdicts().stream().filter(verdict -> verdict.metric() == metric).toList();
		assertThat(verdicts).as("verdicts of %s in %s", metric, result.verdicts()).hasSize(1);
		return verdicts.get(0);
	}

	@Nested
	@DisplayName("in shape mode")
	class Shape {

		@Test
		@DisplayName("then null fractions compare by absolute difference")
		void nullFraction() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(1_000_000, "{'c': {'nullFraction': 0.1}}"), table(1000, "{'c': {'nullFraction': 0.2}}"));

			Verdict verdict = only(result, Metric.NULL_FRACTION);
			assertThat(verdict.path()).isEqualTo("public.t.c");
			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.FAILED);
			assertThat(verdict.baseline()).isEqualTo("0.1");
			assertThat(verdict.actual()).isEqualTo("0.2");
			assertThat(verdict.distance()).isEqualTo(0.1);
			assertThat(verdict.bound()).isEqualTo(0.05);
			assertThat(result.isEmpty()).isFalse();
			assertThat(result.failures()).containsExactly(verdict);
		}

		@Test
		@DisplayName("then row counts, distinct counts and extremes are not compared")
		void scaleFree() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(1_000_000, "{'c': {'nullFraction': 0, 'distinct': 1000000, 'min': 1, 'max': 1000000}}"),
					table(1000, "{'c': {'nullFraction': 0, 'distinct': 1000, 'min': 1, 'max': 1000}}"));

			assertThat(result.isEmpty()).isTrue();
			assertThat(result.verdicts()).extracting(Verdict::metric)
				.containsExactly(Metric.NULL_FRACTION, Metric.DISTINCT_RATIO);
			assertThat(only(result, Metric.DISTINCT_RATIO).distance()).isZero();
		}

		@Test
		@DisplayName("then a column with a fixed set of values is expected to show fewer of them in fewer rows")
		void fixedDomain() {
			// 365 days in a million rows; 1000 draws from 365 days show 365 (1 - (364/365)^1000) = 341.5 of them.
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(1_000_000, "{'day': {'nullFraction': 0, 'distinct': 365}}"),
					table(1000, "{'day': {'nullFraction': 0, 'distinct': 340}}"));

			Verdict verdict = only(result, Metric.DISTINCT_RATIO);
			assertThat(verdict.baseline()).isEqualTo("0.341514 (365 values at 1000 rows)");
			assertThat(verdict.actual()).isEqualTo("0.34");
			assertThat(verdict.distance()).isCloseTo(0.001514, within(1e-6));
			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.PASSED);
		}

		@Test
		@DisplayName("then a ratio near 10 % may grow with the rows or not")
		void eitherModel() {
			// 9,983 customers of 100,000 purchases: a fixed set would show 0.95 at 1,000 rows, growth 0.1.
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(100_000, "{'customer_id': {'nullFraction': 0, 'distinct': 9983}}"),
					table(1000, "{'customer_id': {'nullFraction': 0, 'distinct': 100}}"));

			Verdict verdict = only(result, Metric.DISTINCT_RATIO);
			assertThat(verdict.baseline()).isEqualTo("0.09983");
			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.PASSED);
		}

		@Test
		@DisplayName("then unique values where the baseline has a small fixed set fail")
		void tooManyValues() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(1_000_000, "{'code': {'nullFraction': 0, 'distinct': 1000}}"),
					table(1000, "{'code': {'nullFraction': 0, 'distinct': 1000}}"));

			Verdict verdict = only(result, Metric.DISTINCT_RATIO);
			assertThat(verdict.baseline()).isEqualTo("0.632305 (1000 values at 1000 rows)");
			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.FAILED);
		}

		@Test
		@DisplayName("then top values compare by total variation distance over the values of both")
		void topValues() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(100, "{'c': {'top': [{'value': 'a', 'fraction': 0.5}, {'value': 'b', 'fraction': 0.3}, "
							+ "{'value': 'c', 'fraction': 0.2}]}}"),
					table(100, "{'c': {'top': [{'value': 'a', 'fraction': 0.9}, {'value': 'c', 'fraction': 0.1}]}}"));

			// Both list all their values. a: |0.5 - 0.9| = 0.4, b: |0.3 - 0| = 0.3, c: |0.2 - 0.1| = 0.1; half of 0.8.
			Verdict verdict = only(result, Metric.TOP_VALUES);
			assertThat(verdict.distance()).isEqualTo(0.4);
			assertThat(verdict.baseline()).isEqualTo("a 0.5, b 0.3, c 0.2");
			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.FAILED);
		}

		@Test
		@DisplayName("then a value missing from a top-k list that is cut off is taken to be just below it")
		void cutOffTopValues() {
			// Three values listed of many: d's share in the baseline is unknown, but below 0.02.
			String cutOff = "{'c': {'distinct': 50, 'top': [{'value': 'a', 'fraction': 0.03}, {'value': 'b', "
					+ "'fraction': 0.02}, {'value': 'c', 'fraction': 0.02}]}}";
			StatisticsSnapshot baseline = Snapshots.of("full", 3, "{'t': {'rows': 100, 'columns': " + cutOff + "}}");
			StatisticsSnapshot actual = Snapshots.of("full", 3, "{'t': {'rows': 100, 'columns': {'c': {'distinct': 50, "
					+ "'top': "
					+ "[{'value': 'a', 'fraction': 0.03}, {'value': 'd', 'fraction': 0.025}, {'value': 'b', "
					+ "'fraction': 0.02}]}}}}");

			StatisticsComparisonResult result = StatisticsComparison.compare(baseline, actual);

			// d: 0.025 against at most 0.02; c: 0.02 against 0.02 (the actual's smallest listed share); rest evens out.
			assertThat(only(result, Metric.TOP_VALUES).distance()).isEqualTo(0.005);
		}

		@Test
		@DisplayName("then numbers in top values are the same whatever their notation")
		void numericTopValues() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(100, "{'c': {'top': [{'value': 1.50, 'fraction': 0.5}]}}"),
					table(100, "{'c': {'top': [{'value': 1.5, 'fraction': 0.5}]}}"));

			assertThat(only(result, Metric.TOP_VALUES).distance()).isZero();
		}

		@Test
		@DisplayName("then hashed top values do not compare with raw ones")
		void hashedOnOneSide() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(100, "{'c': {'top': [{'hash': 'hmac-sha256:00', 'fraction': 0.5}]}}"),
					table(100, "{'c': {'top': [{'value': 'x', 'fraction': 0.5}]}}"));

			Verdict verdict = only(result, Metric.TOP_VALUES);
			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.NOT_COMPARABLE);
			assertThat(result.isEmpty()).isTrue();
		}

		@Test
		@DisplayName("then distributions compare by the Kolmogorov-Smirnov distance of the histograms")
		void distribution() {
			StatisticsComparisonResult same = StatisticsComparison.compare(table(1_000_000, "{'c': {'histogram': "
					+ UNIFORM + "}}"), table(100, "{'c': {'histogram': {'bounds': [0, 50, 100], 'fractions': [0.5, 0.5]}}}"));
			StatisticsComparisonResult skewed = StatisticsComparison.compare(table(100, "{'c': {'histogram': "
					+ UNIFORM + "}}"), table(100, "{'c': {'histogram': " + LOWER_HALF + "}}"));

			assertThat(only(same, Metric.DISTRIBUTION).distance()).isZero();
			Verdict verdict = only(skewed, Metric.DISTRIBUTION);
			assertThat(verdict.distance()).isEqualTo(0.5);
			assertThat(verdict.baseline()).isEqualTo("10 buckets, 0 … 100");
			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.FAILED);
		}

		@Test
		@DisplayName("then dates in histograms compare on a time axis")
		void dates() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(100, "{'d': {'histogram': {'bounds': ['2024-01-01', '2024-01-11', '2024-01-21'], "
							+ "'fractions': [0.5, 0.5]}}}"),
					table(100, "{'d': {'histogram': {'bounds': ['2024-01-01', '2024-01-21'], 'fractions': [1]}}}"));

			assertThat(only(result, Metric.DISTRIBUTION).distance()).isZero();
		}

		@Test
		@DisplayName("then key columns keep no distribution or top values to compare")
		void keys() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(1_000_000, "{'id': {'key': true, 'histogram': " + UNIFORM + "}}"),
					table(100, "{'id': {'key': true, 'histogram': " + LOWER_HALF + "}}"));

			assertThat(result.verdicts()).isEmpty();
		}

		@Test
		@DisplayName("then children per parent compare by relative difference")
		void childrenPerParent() {
			String parent = "'p': {'rows': 10, 'columns': {}}";
			StatisticsComparisonResult result = StatisticsComparison.compare(
					Snapshots.full("{" + parent + ", 'c': {'rows': 100, 'columns': {}, 'foreignKeys': {'(p_id) -> "
							+ "public.p(id)': {'references': 'public.p', 'childrenPerParent': 10}}}}"),
					Snapshots.full("{" + parent + ", 'c': {'rows': 130, 'columns': {}, 'foreignKeys': {'(p_id) -> "
							+ "public.p(id)': {'references': 'public.p', 'childrenPerParent': 13}}}}"));

			Verdict verdict = only(result, Metric.CHILDREN_PER_PARENT);
			assertThat(verdict.path()).isEqualTo("public.c (p_id) -> public.p(id)");
			assertThat(verdict.distance()).isEqualTo(0.3);
			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.FAILED);
		}

		@Test
		@DisplayName("then tables and columns on one side only are not comparable, not failures")
		void oneSide() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					Snapshots.full("{'a': {'rows': 1, 'columns': {'x': {}, 'y': {}}}}"),
					Snapshots.full("{'a': {'rows': 1, 'columns': {'x': {}}}, 'b': {'rows': 1, 'columns': {}}}"));

			assertThat(result.isEmpty()).isTrue();
			assertThat(result.notComparable()).extracting(Verdict::path, Verdict::baseline, Verdict::actual)
				.containsExactly(Tuple.tuple("public.a.y", "present", "absent"),
						Tuple.tuple("public.b", "absent", "present"));
		}

		@Test
		@DisplayName("then bounds come from the column, else the table, else the defaults")
		void overrides() {
			StatisticsTolerances tolerances = StatisticsTolerances.defaults().withDefault(Metric.NULL_FRACTION, 0.2)
				.withOverride("t", Metric.NULL_FRACTION, 0.3).withOverride("t.c", Metric.NULL_FRACTION, 0.4)
				.withOverride("public.t.d", Metric.NULL_FRACTION, 0.5);

			assertThat(tolerances.bound(Metric.NULL_FRACTION, "public", "t", Optional.of("c"))).isEqualTo(0.4);
			assertThat(tolerances.bound(Metric.NULL_FRACTION, "public", "t", Optional.of("d"))).isEqualTo(0.5);
			assertThat(tolerances.bound(Metric.NULL_FRACTION, "public", "t", Optional.of("e"))).isEqualTo(0.3);
			assertThat(tolerances.bound(Metric.NULL_FRACTION, "public", "u", Optional.of("c"))).isEqualTo(0.2);
			assertThat(tolerances.bound(Metric.TOP_VALUES, "public", "t", Optional.of("c"))).isEqualTo(0.1);
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(1, "{'c': {'nullFraction': 0}, 'd': {'nullFraction': 0}}"),
					table(1, "{'c': {'nullFraction': 0.35}, 'd': {'nullFraction': 0}}"), tolerances, ComparisonMode.SHAPE);
			assertThat(result.isEmpty()).isTrue();
		}

		@Test
		@DisplayName("then an override of a column neither side has is an error naming the closest column")
		void overrideOfAMissingColumn() {
			StatisticsTolerances tolerances = StatisticsTolerances.defaults().withOverride("t.cc", Metric.NULL_FRACTION,
					0.4);

			assertThatThrownBy(() -> StatisticsComparison.compare(table(1, "{'c': {'nullFraction': 0}}"),
					table(1, "{'c': {'nullFraction': 0}}"), tolerances, ComparisonMode.SHAPE))
				.isInstanceOf(dev.dbparity.snapshots.diff.InvalidTolerancesException.class)
				.hasMessageStartingWith("StatisticsTolerances.withOverride(\"t.cc\"): statistics.overrides names \"t.cc\", "
						+ "but neither the baseline nor the compared database has such a table or column")
				.hasMessageContaining("(\"t.c\"?)");
		}
	}

	@Nested
	@DisplayName("in exact mode")
	class Exact {

		@Test
		@DisplayName("then row counts, distinct counts and extremes compare too")
		void values() {
			StatisticsComparisonResult result = StatisticsComparison.compare(
					table(100, "{'c': {'distinct': 10, 'min': 1, 'max': 'z'}}"),
					table(110, "{'c': {'distinct': 10, 'min': 2, 'max': 'y'}}"), StatisticsTolerances.defaults(),
					ComparisonMode.EXACT);

			assertThat(result.failures()).extracting(Verdict::metric, Verdict::distance).containsExactly(
					Tuple.tuple(Metric.ROW_COUNT, 0.1),
					Tuple.tuple(Metric.MIN, 1.0),
					Tuple.tuple(Metric.MAX, 1.0));
			assertThat(only(result, Metric.DISTINCT).outcome()).isEqualTo(Verdict.Outcome.PASSED);
		}

		@Test
		@DisplayName("then a catalog baseline is refused, saying why")
		void catalogBaseline() {
			StatisticsSnapshot catalog = Snapshots.of("catalog", "{}");

			assertThatIllegalArgumentException()
				.isThrownBy(() -> StatisticsComparison.compare(catalog, Snapshots.full("{}"),
						StatisticsTolerances.defaults(), ComparisonMode.EXACT))
				.withMessage("Cannot compare statistics in exact mode: the baseline was captured in catalog mode, and "
						+ "its row counts and distinct counts are the engine's estimates (pg_class.reltuples, "
						+ "pg_stats.n_distinct, mysql.column_stats), which change with every ANALYZE and never equal the "
						+ "real counts. Compare in shape mode (fractions and distributions, which estimates serve well), "
						+ "or capture both sides again with --statistics full.");
		}

		@Test
		@DisplayName("then a sampled actual snapshot is refused, saying why")
		void sampleActual() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> StatisticsComparison.compare(Snapshots.full("{}"), Snapshots.of("sample", "{}"),
						StatisticsTolerances.defaults(), ComparisonMode.EXACT))
				.withMessageContaining("the actual snapshot was captured in sample mode, and its row counts were "
						+ "extrapolated from a 10 % sample");
		}
	}
}
