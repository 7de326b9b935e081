package dev.dbparity.snapshots.statistics;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code Metric} is one measure {@link StatisticsComparison} compares, with the name it has in
 * {@code parity/tolerances.yaml} and its default bound. Each metric is a distance (0 when equal); a verdict fails when
 * the distance exceeds the bound.
 *
 * @since 0.1
 */
public enum Metric {

	/** A table or column exists on one side only: never a failure, reported as not comparable. */
	PRESENCE("presence", 0, false),

	/** Absolute difference of the fractions of NULLs. */
	NULL_FRACTION("nullFraction", 0.05, false),

	/**
	 * Absolute difference of distinct values per non-null row, against the nearer of two expectations from the
	 * baseline: its own ratio (distinct values that grow with the rows, like ids), or the ratio {@code n} draws from its
	 * {@code d} values would show, {@code d(1 - (1 - 1/d)^n) / n} (a fixed set of values, like days or categories).
	 */
	DISTINCT_RATIO("distinctRatio", 0.1, false),

	/**
	 * Total variation distance between the top-value shares, over the values either side lists and "everything else":
	 * half the sum of the absolute differences of the shares; 0 is the same, 1 disjoint. A value one side does not list
	 * has share 0 there when that side lists all its values, else the other side's share, capped at the smallest share
	 * the side lists (it is rarer than all of those).
	 */
	TOP_VALUES("topValues", 0.1, false),

	/**
	 * Kolmogorov–Smirnov distance between the two histograms: the largest difference between their cumulative
	 * distributions, each read with values spread evenly inside its buckets, at the bounds of both.
	 */
	DISTRIBUTION("distribution", 0.1, false),

	/** Relative difference of the average number of children per parent along a foreign key. */
	CHILDREN_PER_PARENT("childrenPerParent", 0.2, false),

	/** Relative difference of the row counts ({@link ComparisonMode#EXACT} only). */
	ROW_COUNT("rowCount", 0, true),

	/** Relative difference of the distinct counts ({@link ComparisonMode#EXACT} only). */
	DISTINCT("distinct", 0, true),

	/** Relative difference of the minimums; 1 for different texts or times ({@link ComparisonMode#EXACT} only). */
	MIN("min", 0, true),

	/** Relative difference of the maximums; 1 for different texts or times ({@link ComparisonMode#EXACT} only). */
	MAX("max", 0, true);

	private final String id;
	private final double defaultBound;
	private final boolean exactOnly;

	Metric(String id, double defaultBound, boolean exactOnly) {
		this.id = id;
		this.defaultBound = defaultBound;
		this.exactOnly = exactOnly;
	}

	/** The name in {@code tolerances.yaml} and reports. */
	public String id() {
		return id;
	}

	/** The bound used when {@code tolerances.yaml} sets none. */
	public double defaultBound() {
		return defaultBound;
	}

	/** Whether only {@link ComparisonMode#EXACT} compares it. */
	public boolean exactOnly() {
		return exactOnly;
	}

	/** The metric named {@code id} in {@code tolerances.yaml}; {@link #PRESENCE} has no bound to set. */
	public static Optional<Metric> fromId(String id) {
		return Arrays.stream(values()).filter(metric -> metric != PRESENCE && metric.id.equals(id)).findFirst();
	}
}
