package dev.dbparity.snapshots.statistics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code CaptureMode} is how a {@link StatisticsCollector} reads a database's data statistics, written as
 * {@code capture.mode} in {@code statistics.json}.
 *
 * @since 0.1
 */
public enum CaptureMode {

	/** Every row is read, in SQL: exact counts, fractions, lengths and distinct counts. */
	FULL,

	/**
	 * A repeatable sample of the rows is read: fractions and distributions are estimates, row counts are extrapolated
	 * and distinct counts estimated.
	 */
	SAMPLE,

	/** No row is read: the engine's own statistics (PostgreSQL {@code pg_stats}, MariaDB {@code column_stats}). */
	CATALOG;

	/** The name in files and on command lines: {@code full}, {@code sample}, {@code catalog}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The mode named {@code id}.
	 *
	 * @throws IllegalArgumentException naming the value and the allowed ones
	 */
	public static CaptureMode fromId(String id) {
		return Arrays.stream(values()).filter(mode -> mode.id().equals(id)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown statistics capture mode \"" + id + "\"; allowed: "
					+ Arrays.stream(values()).map(CaptureMode::id).collect(Collectors.joining(", "))));
	}

	/** Whether the mode's row counts and distinct counts are estimates. */
	public boolean estimates() {
		return this != FULL;
	}
}
