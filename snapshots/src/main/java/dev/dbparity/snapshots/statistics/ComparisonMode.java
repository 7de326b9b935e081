package dev.dbparity.snapshots.statistics;

import java.util.Locale;

/**
 * {@code ComparisonMode} is what {@link StatisticsComparison} compares.
 *
 * @since 0.1
 */
public enum ComparisonMode {

	/**
	 * Scale-free measures only (fractions, ratios, distributions), so that a small seeded test database compares with
	 * a large production one: the default.
	 */
	SHAPE,

	/**
	 * The shape, plus row counts, distinct counts and extremes: for two environments that should hold the same data.
	 * Both snapshots must be {@code full} captures.
	 */
	EXACT;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}
