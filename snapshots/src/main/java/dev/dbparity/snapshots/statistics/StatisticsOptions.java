package dev.dbparity.snapshots.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code StatisticsOptions} says how a {@link StatisticsCollector} captures statistics: the {@link CaptureMode}, the
 * sample fraction and seed, how many top values and histogram buckets to keep, which columns are sensitive and the
 * key their values are hashed with.
 *
 * <pre>{@code
 * StatisticsOptions.sample(0.1).withSensitiveColumns("customer.note").withMaskingKey(System.getenv("PARITY_KEY"));
 * }</pre>
 *
 * @param mode how rows are read
 * @param sampleFraction the fraction of rows a {@link CaptureMode#SAMPLE} capture reads, in (0, 1]; 1 otherwise
 * @param seed makes samples repeatable: the same seed and data give the same sample
 * @param topK how many of the most frequent values each column keeps, at least 1
 * @param histogramBuckets how many equi-depth buckets a histogram has, at least 1
 * @param sensitiveColumns columns whose raw values must never be stored, as {@code table.column} or
 *     {@code schema.table.column}, each part a name or a glob ({@code *}, {@code ?}), in addition to
 *     {@link SensitiveColumns#HEURISTIC_WORDS} when {@code nameHeuristics} is on and to columns whose values are
 *     recognised as personal data; a name that matches no column is an error when the capture runs
 * @param sensitiveOrigins where each of {@code sensitiveColumns} was named ({@code parity/sensitive.yaml:3:3},
 *     {@code --sensitive}), for the error when it names no column; names given in code have none
 * @param maskingKey the HMAC key for sensitive top values; absent means the public
 *     {@link SensitiveColumns#DEVELOPMENT_KEY}, which a capture refuses unless {@code developmentKeyAllowed} (test runs
 *     must use the same key as production for top-value shares to compare)
 * @param analyze whether a {@link CaptureMode#CATALOG} capture refreshes the engine's statistics first
 *     ({@code ANALYZE}); this writes to the catalog, so it is off by default
 * @param nameHeuristics whether column names alone can mark a column sensitive
 * @param developmentKeyAllowed whether a capture may hash sensitive values with the public development key when no
 *     {@code maskingKey} is set: only for generated (seeded) data, never for real data, whose hashes anyone could
 *     reverse by hashing likely values with the same public key
 * @since 0.1
 */
public record StatisticsOptions(CaptureMode mode, double sampleFraction, long seed, int topK, int histogramBuckets,
		Set<String> sensitiveColumns, Map<String, String> sensitiveOrigins, Optional<String> maskingKey,
		boolean analyze, boolean nameHeuristics, boolean developmentKeyAllowed) {

	/** The default of {@link #topK}. */
	public static final int DEFAULT_TOP_K = 10;

	/** The default of {@link #histogramBuckets}. */
	public static final int DEFAULT_BUCKETS = 10;

	/** The default of {@link #seed}. */
	public static final long DEFAULT_SEED = 42;

	/** The percentage of rows {@code sample} without one reads, as {@link #parse} takes it. */
	public static final int DEFAULT_SAMPLE_PERCENT = 10;

	/** @throws IllegalArgumentException for a fraction outside (0, 1], or fewer than one top value or bucket */
	public StatisticsOptions {
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(maskingKey, "maskingKey");
		if (!(sampleFraction > 0 && sampleFraction <= 1)) {
			throw new IllegalArgumentException("sampleFraction must be in (0, 1], but was " + sampleFraction
					+ "; e.g. 0.1 for a 10 % sample");
		}
		if (mode != CaptureMode.SAMPLE) {
			sampleFraction = 1;
		}
		if (topK < 1 || histogramBuckets < 1) {
			throw new IllegalArgumentException("topK and histogramBuckets must be at least 1, but were " + topK + " and "
					+ histogramBuckets);
		}
		sensitiveColumns = Set.copyOf(new TreeSet<>(Objects.requireNonNull(sensitiveColumns, "sensitiveColumns")));
		sensitiveOrigins = Map.copyOf(Objects.requireNonNull(sensitiveOrigins, "sensitiveOrigins"));
		maskingKey = maskingKey.filter(key -> !key.isEmpty());
	}

	/** Exact statistics over every row. */
	public static StatisticsOptions full() {
		return new StatisticsOptions(CaptureMode.FULL, 1, DEFAULT_SEED, DEFAULT_TOP_K, DEFAULT_BUCKETS, Set.of(),
				Map.of(), Optional.empty(), false, true, false);
	}

	/** Statistics over a repeatable sample of {@code fraction} of the rows, e.g. {@code 0.1}. */
	public static StatisticsOptions sample(double fraction) {
		return full().withMode(CaptureMode.SAMPLE, fraction);
	}

	/** The engine's own statistics, without reading rows and without {@code ANALYZE}. */
	public static StatisticsOptions catalog() {
		return full().withMode(CaptureMode.CATALOG, 1);
	}

	/**
	 * The options a command line names: {@code full}, {@code sample[:<percent>]} (e.g. {@code sample:10}; {@code sample}
	 * alone is {@value #DEFAULT_SAMPLE_PERCENT} %) or {@code catalog}.
	 *
	 * @throws IllegalArgumentException naming the value and the allowed forms, in percent as they are typed
	 */
	public static StatisticsOptions parse(String spec) {
		String value = spec.trim().toLowerCase(Locale.ROOT);
		if (value.equals("sample")) {
			return sample(DEFAULT_SAMPLE_PERCENT / 100.0);
		}
		if (value.startsWith("sample:")) {
			String percent = value.substring("sample:".length());
			double parsed;
			try {
				parsed = Double.parseDouble(percent);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("Statistics mode \"" + spec + "\": " + percent + " is not a "
						+ "percentage; write sample:<percent>, a number greater than 0 and at most 100, e.g. sample:10 "
						+ "for a 10 % sample", e);
			}
			if (!(parsed > 0 && parsed <= 100)) {
				throw new IllegalArgumentException("Statistics mode \"" + spec + "\": the percentage " + percent
						+ " is out of range; it must be greater than 0 and at most 100, e.g. sample:10 for a 10 % sample, "
						+ "or full for every row");
			}
			return sample(parsed / 100);
		}
		try {
			return full().withMode(CaptureMode.fromId(value), 1);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("Unknown statistics mode \"" + spec + "\"; allowed: full, "
					+ "sample[:<percent>] (e.g. sample:10; sample alone is " + DEFAULT_SAMPLE_PERCENT + " %), catalog", e);
		}
	}

	public StatisticsOptions withMode(CaptureMode newMode, double fraction) {
		return new StatisticsOptions(newMode, fraction, seed, topK, histogramBuckets, sensitiveColumns, sensitiveOrigins,
				maskingKey, analyze, nameHeuristics, developmentKeyAllowed);
	}

	public StatisticsOptions withSeed(long newSeed) {
		return new StatisticsOptions(mode, sampleFraction, newSeed, topK, histogramBuckets, sensitiveColumns,
				sensitiveOrigins, maskingKey, analyze, nameHeuristics, developmentKeyAllowed);
	}

	public StatisticsOptions withTopK(int k) {
		return new StatisticsOptions(mode, sampleFraction, seed, k, histogramBuckets, sensitiveColumns, sensitiveOrigins,
				maskingKey, analyze, nameHeuristics, developmentKeyAllowed);
	}

	public StatisticsOptions withHistogramBuckets(int buckets) {
		return new StatisticsOptions(mode, sampleFraction, seed, topK, buckets, sensitiveColumns, sensitiveOrigins,
				maskingKey, analyze, nameHeuristics, developmentKeyAllowed);
	}

	/**
	 * These options with {@code columns} ({@code table.column} or {@code schema.table.column}, globs allowed) also
	 * sensitive.
	 */
	public StatisticsOptions withSensitiveColumns(String... columns) {
		List<String> all = new ArrayList<>(sensitiveColumns);
		all.addAll(Arrays.asList(columns));
		return new StatisticsOptions(mode, sampleFraction, seed, topK, histogramBuckets, Set.copyOf(all),
				sensitiveOrigins, maskingKey, analyze, nameHeuristics, developmentKeyAllowed);
	}

	/**
	 * These options with the names of {@code columns} also sensitive; each maps to where it was named
	 * ({@code parity/sensitive.yaml:3:3}, {@code --sensitive}), which the error for a name matching no column shows.
	 * See {@link SensitiveColumns#load} for files.
	 */
	public StatisticsOptions withSensitiveColumns(Map<String, String> columns) {
		Set<String> all = new TreeSet<>(sensitiveColumns);
		all.addAll(columns.keySet());
		Map<String, String> origins = new LinkedHashMap<>(columns);
		origins.putAll(sensitiveOrigins);
		return new StatisticsOptions(mode, sampleFraction, seed, topK, histogramBuckets, all, origins, maskingKey,
				analyze, nameHeuristics, developmentKeyAllowed);
	}

	public StatisticsOptions withMaskingKey(String key) {
		return new StatisticsOptions(mode, sampleFraction, seed, topK, histogramBuckets, sensitiveColumns,
				sensitiveOrigins, Optional.of(key), analyze, nameHeuristics, developmentKeyAllowed);
	}

	public StatisticsOptions withAnalyze(boolean refresh) {
		return new StatisticsOptions(mode, sampleFraction, seed, topK, histogramBuckets, sensitiveColumns,
				sensitiveOrigins, maskingKey, refresh, nameHeuristics, developmentKeyAllowed);
	}

	/** These options with only {@link #sensitiveColumns} sensitive, whatever the column names say. */
	public StatisticsOptions withoutNameHeuristics() {
		return new StatisticsOptions(mode, sampleFraction, seed, topK, histogramBuckets, sensitiveColumns,
				sensitiveOrigins, maskingKey, analyze, false, developmentKeyAllowed);
	}

	/**
	 * These options allowing the public development key when no masking key is set: for statistics of generated test
	 * data only (a seeded test database), whose values are fake, so that hashes a guess can reverse reveal nothing.
	 */
	public StatisticsOptions withDevelopmentKeyAllowed() {
		return new StatisticsOptions(mode, sampleFraction, seed, topK, histogramBuckets, sensitiveColumns,
				sensitiveOrigins, maskingKey, analyze, nameHeuristics, true);
	}
}
