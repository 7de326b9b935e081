package dev.dbparity.seeding;

/**
 * {@code RowLimits} bound how many rows {@link Seeder#seed} generates, per table and in total, so that a mistyped
 * {@code rows:} (or a per-parent count multiplied through a chain of parents) is refused with an estimate before
 * anything is written, instead of running for days.
 *
 * <p>The defaults are what the measured rates load within a test run: Datafaker-heavy rows are generated at about
 * {@value #MEASURED_ROWS_PER_SECOND} rows/s on two cores (PostgreSQL {@code COPY} takes 0.45–0.7 M rows/s, MariaDB
 * {@code LOAD DATA} about 0.22 M rows/s), so 5,000,000 rows in one table take about 25 s and 10,000,000 rows about
 * 50 s. Raise them explicitly where more is meant: {@code limits: {rowsPerTable: …, rows: …}} in the rules,
 * {@link SeedOptions#withRowLimits}, {@code dbparity seed --max-rows}, or the configuration key
 * {@code dbparity.seed.max-rows}.
 *
 * @param perTable the most rows one table may get (generated rows; fixture rows are counted from their files)
 * @param total the most rows all tables together may get
 * @since 0.1
 */
public record RowLimits(long perTable, long total) {

	/** The rate the estimate of a load's duration is based on: generation with Datafaker, the slowest part. */
	public static final long MEASURED_ROWS_PER_SECOND = 200_000;

	/** 5,000,000 rows per table and 10,000,000 in total. */
	public static final RowLimits DEFAULT = new RowLimits(5_000_000, 10_000_000);

	public RowLimits {
		if (perTable < 1 || total < 1) {
			throw new IllegalArgumentException("row limits must be at least 1, not " + perTable + " per table and "
					+ total + " in total; write e.g. new RowLimits(20_000_000, 50_000_000)");
		}
	}

	/** At most {@code rows} rows in one table and in total, as {@code --max-rows} and {@code dbparity.seed.max-rows} set them. */
	public static RowLimits of(long rows) {
		return new RowLimits(rows, rows);
	}
}
