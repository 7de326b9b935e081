package dev.dbparity.snapshots.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code StatisticsComparison} compares a statistics snapshot with a baseline, metric by metric, and returns a verdict
 * for each.
 *
 * <pre>{@code
 * StatisticsComparisonResult result = StatisticsComparison.compare(baseline, actual,
 *         StatisticsTolerances.load(Path.of("src/test/resources/parity/tolerances.yaml")), ComparisonMode.SHAPE);
 * if (!result.isEmpty()) {
 *     Files.writeString(report, StatisticsHtmlReport.render(result, "production", "test database"));
 * }
 * }</pre>
 *
 * <p>In {@link ComparisonMode#SHAPE} mode (the default) only scale-free measures are compared, so that a test
 * database of a thousand rows compares with a production table of millions: null fractions, distinct ratios,
 * top-value shares, distributions and children per parent (see {@link Metric} for each distance). Distributions are
 * compared with the Kolmogorov–Smirnov distance rather than the population stability index: KS is bounded by 0 and 1
 * like every other fraction here, so one bound reads the same on every column; it needs no smoothing of empty buckets
 * (PSI is infinite when the actual data leaves a baseline bucket empty, which small test data often does); and it is
 * defined on the two histograms' bounds whatever their buckets, where PSI needs both sides counted over the same
 * buckets. Values of key columns (primary and foreign keys) depend on how many rows were inserted, not on the data's
 * shape, so their distributions and top values are not compared in shape mode.
 *
 * <p>{@link ComparisonMode#EXACT} mode adds row counts, distinct counts and extremes. It needs {@code full} captures on
 * both sides: an {@code IllegalArgumentException} explains why when either was captured from samples or the catalog.
 *
 * <p>Tables, columns and foreign keys on one side only, and top values hashed on one side only, are reported as not
 * comparable, never as failures: schema differences are the schema check's business. A metric that either side lacks
 * (a catalog capture has no means; a sensitive column has no histogram) is not compared.
 *
 * @since 0.1
 */
public final class StatisticsComparison {

	private static final String ABSENT = "absent";

	private static final String PRESENT = "present";

	private StatisticsComparison() {
	}

	/** Compares {@code actual} with {@code baseline} in {@link ComparisonMode#SHAPE} mode with default tolerances. */
	public static StatisticsComparisonResult compare(StatisticsSnapshot baseline, StatisticsSnapshot actual) {
		return compare(baseline, actual, StatisticsTolerances.defaults(), ComparisonMode.SHAPE);
	}

	/**
	 * Compares {@code actual} with {@code baseline}.
	 *
	 * @throws IllegalArgumentException in {@link ComparisonMode#EXACT} mode when either snapshot is not a {@code full}
	 *     capture, saying why
	 * @throws dev.dbparity.snapshots.diff.InvalidTolerancesException when an override of {@code tolerances} names a
	 *     table or column neither snapshot has ({@link StatisticsTolerances#checkNames})
	 */
	public static StatisticsComparisonResult compare(StatisticsSnapshot baseline, StatisticsSnapshot actual,
			StatisticsTolerances tolerances, ComparisonMode mode) {
		tolerances.checkNames(baseline, actual);
		if (mode == ComparisonMode.EXACT) {
			requireFull(baseline, "baseline");
			requireFull(actual, "actual snapshot");
		}
		return new Comparing(baseline.tree(), actual.tree(), tolerances, mode).run(baseline, actual);
	}

	private static void requireFull(StatisticsSnapshot snapshot, String which) {
		if (snapshot.mode() == CaptureMode.FULL) {
			return;
		}
		String why = snapshot.mode() == CaptureMode.CATALOG
				? "its row counts and distinct counts are the engine's estimates (pg_class.reltuples, pg_stats.n_distinct, "
						+ "mysql.column_stats), which change with every ANALYZE and never equal the real counts"
				: "its row counts were extrapolated from a " + format(snapshot.sampleFraction().orElse(0.0) * 100)
						+ " % sample and its distinct counts estimated, so they differ from the real counts by chance";
		throw new IllegalArgumentException("Cannot compare statistics in exact mode: the " + which + " was captured in "
				+ snapshot.mode().id() + " mode, and " + why + ". Compare in shape mode (fractions and distributions, "
				+ "which estimates serve well), or capture both sides again with --statistics full.");
	}

	/** {@code value} with six significant digits, as reports print measured numbers. */
	public static String format(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		JsonNode rounded = Numbers.round(value);
		return rounded.isIntegralNumber() ? rounded.asText() : rounded.decimalValue().toPlainString();
	}

	/** One comparison: the two trees, the tolerances and the verdicts so far. */
	private static final class Comparing {

		private final JsonNode baseline;
		private final JsonNode actual;
		private final StatisticsTolerances tolerances;
		private final ComparisonMode mode;
		private final List<Verdict> verdicts = new ArrayList<>();
		private final int baselineTopK;
		private final int actualTopK;

		Comparing(JsonNode baseline, JsonNode actual, StatisticsTolerances tolerances, ComparisonMode mode) {
			this.baseline = baseline;
			this.actual = actual;
			this.baselineTopK = baseline.path("capture").path("topK").asInt(StatisticsOptions.DEFAULT_TOP_K);
			this.actualTopK = actual.path("capture").path("topK").asInt(StatisticsOptions.DEFAULT_TOP_K);
			this.tolerances = tolerances;
			this.mode = mode;
		}

		StatisticsComparisonResult run(StatisticsSnapshot baselineSnapshot, StatisticsSnapshot actualSnapshot) {
			for (String schema : names(baseline.path("schemas"), actual.path("schemas"))) {
				JsonNode baselineTables = baseline.path("schemas").path(schema).path("tables");
				JsonNode actualTables = actual.path("schemas").path(schema).path("tables");
				for (String table : names(baselineTables, actualTables)) {
					table(schema, table, baselineTables.path(table), actualTables.path(table));
				}
			}
			verdicts.sort(Comparator.comparing(Verdict::schema).thenComparing(Verdict::table)
				.thenComparing(verdict -> verdict.column().orElse(""))
				.thenComparing(verdict -> verdict.detail().orElse("")).thenComparing(Verdict::metric));
			return new StatisticsComparisonResult(baselineSnapshot, actualSnapshot, mode, verdicts);
		}

		private void table(String schema, String table, JsonNode expected, JsonNode found) {
			if (expected.isMissingNode() || found.isMissingNode()) {
				notComparable(schema, table, Optional.empty(), Optional.empty(), Metric.PRESENCE,
						expected.isMissingNode() ? ABSENT : PRESENT, found.isMissingNode() ? ABSENT : PRESENT);
				return;
			}
			if (mode == ComparisonMode.EXACT && expected.path("rows").isNumber() && found.path("rows").isNumber()) {
				long rowsExpected = expected.path("rows").asLong();
				long rowsFound = found.path("rows").asLong();
				judge(schema, table, Optional.empty(), Optional.empty(), Metric.ROW_COUNT, Long.toString(rowsExpected),
						Long.toString(rowsFound), relative(rowsExpected, rowsFound));
			}
			JsonNode expectedKeys = expected.path("foreignKeys");
			JsonNode foundKeys = found.path("foreignKeys");
			for (String key : names(expectedKeys, foundKeys)) {
				JsonNode a = expectedKeys.path(key).path("childrenPerParent");
				JsonNode b = foundKeys.path(key).path("childrenPerParent");
				if (a.isNumber() && b.isNumber()) {
					judge(schema, table, Optional.empty(), Optional.of(key), Metric.CHILDREN_PER_PARENT,
							format(a.asDouble()), format(b.asDouble()), relative(a.asDouble(), b.asDouble()));
				}
			}
			JsonNode expectedColumns = expected.path("columns");
			JsonNode foundColumns = found.path("columns");
			for (String column : names(expectedColumns, foundColumns)) {
				JsonNode a = expectedColumns.path(column);
				JsonNode b = foundColumns.path(column);
				if (a.isMissingNode() || b.isMissingNode()) {
					notComparable(schema, table, Optional.of(column), Optional.empty(), Metric.PRESENCE,
							a.isMissingNode() ? ABSENT : PRESENT, b.isMissingNode() ? ABSENT : PRESENT);
				}
				else {
					column(schema, table, column, expected, found, a, b);
				}
			}
		}

		private void column(String schema, String table, String name, JsonNode expectedTable, JsonNode foundTable,
				JsonNode expected, JsonNode found) {
			Optional<String> column = Optional.of(name);
			boolean key = expected.path("key").asBoolean() || found.path("key").asBoolean();
			if (expected.path("nullFraction").isNumber() && found.path("nullFraction").isNumber()) {
				double a = expected.path("nullFraction").asDouble();
				double b = found.path("nullFraction").asDouble();
				judge(schema, table, column, Optional.empty(), Metric.NULL_FRACTION, format(a), format(b),
						Math.abs(a - b));
			}
			distinctRatio(schema, table, column, expectedTable, foundTable, expected, found);
			// A column whose most frequent value occurs at most twice on both sides (names, birth dates) has no top
			// values to speak of: their shares only say how many rows each side has.
			boolean mostlyUnique = mostFrequentCount(expectedTable, expected) <= 2 && mostFrequentCount(foundTable, found) <= 2;
			if (!key && mostlyUnique && mode == ComparisonMode.SHAPE) {
				distribution(schema, table, column, expected.path("histogram"), found.path("histogram"));
			}
			else if (!key || mode == ComparisonMode.EXACT) {
				topValues(schema, table, column, expected, found);
				distribution(schema, table, column, expected.path("histogram"), found.path("histogram"));
			}
			if (mode == ComparisonMode.EXACT) {
				if (expected.path("distinct").isNumber() && found.path("distinct").isNumber()) {
					long a = expected.path("distinct").asLong();
					long b = found.path("distinct").asLong();
					judge(schema, table, column, Optional.empty(), Metric.DISTINCT, Long.toString(a), Long.toString(b),
							relative(a, b));
				}
				extreme(schema, table, column, Metric.MIN, expected.path("min"), found.path("min"));
				extreme(schema, table, column, Metric.MAX, expected.path("max"), found.path("max"));
			}
		}

		private void distinctRatio(String schema, String table, Optional<String> column, JsonNode expectedTable,
				JsonNode foundTable, JsonNode expected, JsonNode found) {
			OptionalDouble expectedRows = nonNullRows(expectedTable, expected);
			OptionalDouble foundRows = nonNullRows(foundTable, found);
			if (!expected.path("distinct").isNumber() || !found.path("distinct").isNumber() || expectedRows.isEmpty()
					|| foundRows.isEmpty()) {
				return;
			}
			double distinct = expected.path("distinct").asDouble();
			double foundRatio = found.path("distinct").asDouble() / foundRows.getAsDouble();
			// Two models of how distinct values grow with rows: in proportion (ids, amounts), or from a fixed set of d
			// values (days, categories), where n draws show d(1 - (1 - 1/d)^n). One baseline cannot tell them apart
			// near the 10 % at which ANALYZE switches, so the actual is measured against the nearer one.
			double proportional = distinct / expectedRows.getAsDouble();
			double ratio = proportional;
			String shown = format(proportional);
			if (distinct > 0) {
				double n = foundRows.getAsDouble();
				double fixed = distinct * (1 - Math.pow(1 - 1 / distinct, n)) / n;
				if (Math.abs(fixed - foundRatio) < Math.abs(proportional - foundRatio)) {
					ratio = fixed;
					shown = format(fixed) + " (" + format(distinct) + " values at " + format(n) + " rows)";
				}
			}
			judge(schema, table, column, Optional.empty(), Metric.DISTINCT_RATIO, shown, format(foundRatio),
					Math.abs(ratio - foundRatio));
		}

		/** How often the most frequent value occurs, from its share and the non-null rows; 0 when unknown. */
		private static double mostFrequentCount(JsonNode table, JsonNode column) {
			JsonNode top = column.path("top");
			OptionalDouble rows = nonNullRows(table, column);
			if (!top.isArray() || top.isEmpty() || rows.isEmpty()) {
				return Double.POSITIVE_INFINITY;
			}
			double share = 0;
			for (JsonNode entry : top) {
				share = Math.max(share, entry.path("fraction").asDouble());
			}
			return Math.round(share * rows.getAsDouble());
		}

		private static OptionalDouble nonNullRows(JsonNode table, JsonNode column) {
			double rows = table.path("rows").asDouble(0) * (1 - column.path("nullFraction").asDouble(0));
			return rows >= 1 ? OptionalDouble.of(rows) : OptionalDouble.empty();
		}

		private void topValues(String schema, String table, Optional<String> column, JsonNode expected,
				JsonNode found) {
			JsonNode expectedTop = expected.path("top");
			JsonNode foundTop = found.path("top");
			if (!expectedTop.isArray() || !foundTop.isArray() || expectedTop.isEmpty() || foundTop.isEmpty()) {
				return;
			}
			boolean expectedHashed = expectedTop.path(0).has("hash");
			if (expectedHashed != foundTop.path(0).has("hash")) {
				notComparable(schema, table, column, Optional.empty(), Metric.TOP_VALUES,
						expectedHashed ? "hashed" : "raw values", foundTop.path(0).has("hash") ? "hashed" : "raw values");
				return;
			}
			Map<String, Double> expectedShares = shares(expectedTop);
			Map<String, Double> foundShares = shares(foundTop);
			boolean expectedComplete = complete(expected, expectedTop, baselineTopK);
			boolean foundComplete = complete(found, foundTop, actualTopK);
			TreeSet<String> values = new TreeSet<>(expectedShares.keySet());
			values.addAll(foundShares.keySet());
			double distance = 0;
			double expectedRest = 1;
			double foundRest = 1;
			for (String value : values) {
				double a = share(expectedShares, value, foundShares, expectedComplete);
				double b = share(foundShares, value, expectedShares, foundComplete);
				distance += Math.abs(a - b);
				expectedRest -= a;
				foundRest -= b;
			}
			distance = (distance + Math.abs(Math.max(expectedRest, 0) - Math.max(foundRest, 0))) / 2;
			judge(schema, table, column, Optional.empty(), Metric.TOP_VALUES, describe(expectedShares),
					describe(foundShares), distance);
		}

		/** Whether {@code top} lists every value of the column: fewer than top-k, or as many as are distinct. */
		private static boolean complete(JsonNode column, JsonNode top, int topK) {
			return top.size() < topK || column.path("distinct").isNumber() && top.size() >= column.path("distinct")
				.asLong();
		}

		/**
		 * A value's share on one side: as listed; 0 when the side lists all its values; else unknown, but at most the
		 * side's smallest listed share, and taken as the other side's share within that limit. Near-uniform columns
		 * (fifty values of 2 % each) list different top values in every capture, and that is no difference in shape.
		 */
		private static double share(Map<String, Double> shares, String value, Map<String, Double> other,
				boolean complete) {
			Double listed = shares.get(value);
			if (listed != null) {
				return listed;
			}
			if (complete) {
				return 0;
			}
			double smallest = shares.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
			return Math.min(smallest, other.getOrDefault(value, 0.0));
		}

		private static Map<String, Double> shares(JsonNode top) {
			Map<String, Double> shares = new LinkedHashMap<>();
			top.forEach(entry -> shares.put(SqlStatisticsCollector.key(entry), entry.path("fraction").asDouble()));
			return shares;
		}

		private static String describe(Map<String, Double> shares) {
			String shown = shares.entrySet().stream().limit(3)
				.map(share -> share.getKey() + " " + format(share.getValue())).collect(Collectors.joining(", "));
			return shares.size() > 3 ? shown + ", …" : shown;
		}

		private void distribution(String schema, String table, Optional<String> column, JsonNode expected,
				JsonNode found) {
			Optional<Histogram> a = Histogram.of(expected);
			Optional<Histogram> b = Histogram.of(found);
			if (a.isEmpty() || b.isEmpty()) {
				return;
			}
			judge(schema, table, column, Optional.empty(), Metric.DISTRIBUTION, a.get().describe(), b.get().describe(),
					a.get().ksDistance(b.get()));
		}

		private void extreme(String schema, String table, Optional<String> column, Metric metric, JsonNode expected,
				JsonNode found) {
			if (expected.isMissingNode() || found.isMissingNode()) {
				return;
			}
			double distance = expected.isNumber() && found.isNumber()
					? relative(expected.asDouble(), found.asDouble())
					: expected.asText().equals(found.asText()) ? 0 : 1;
			judge(schema, table, column, Optional.empty(), metric, CanonicalJson.writeCompact(expected),
					CanonicalJson.writeCompact(found), distance);
		}

		/** {@code |a - b| / |a|}; the absolute difference when {@code a} is 0. */
		private static double relative(double a, double b) {
			double difference = Math.abs(a - b);
			return a == 0 ? difference : difference / Math.abs(a);
		}

		private void judge(String schema, String table, Optional<String> column, Optional<String> detail,
				Metric metric, String expected, String found, double distance) {
			double bound = tolerances.bound(metric, schema, table, column);
			// Nine decimals, then six significant digits, as stored: float noise such as 1e-16 or 0.1000000001 from
			// rounded inputs must not decide a verdict.
			double rounded = Numbers.round(Math.round(distance * 1e9) / 1e9).asDouble();
			verdicts.add(new Verdict(schema, table, column, detail, metric,
					rounded <= bound ? Verdict.Outcome.PASSED : Verdict.Outcome.FAILED, expected, found, rounded, bound));
		}

		private void notComparable(String schema, String table, Optional<String> column, Optional<String> detail,
				Metric metric, String expected, String found) {
			verdicts.add(new Verdict(schema, table, column, detail, metric, Verdict.Outcome.NOT_COMPARABLE, expected,
					found, 0, tolerances.bound(metric, schema, table, column)));
		}

		private static TreeSet<String> names(JsonNode a, JsonNode b) {
			TreeSet<String> names = new TreeSet<>();
			a.fieldNames().forEachRemaining(names::add);
			b.fieldNames().forEachRemaining(names::add);
			return names;
		}
	}
}
