package dev.dbparity.lint;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Rehearsal} asks the lint to rehearse the pending migrations on data shaped like production: the tables are
 * filled by rules suggested from the baseline's statistics to production's row counts times a scale, each statement
 * is run and timed, its lock hold is extrapolated to production's row count, and the previous application version's
 * queries are explained before and after each migration.
 *
 * @param scale the factor from production's row counts to the rehearsal's
 * @param rows the row count of production's largest table in the rehearsal, the others in proportion; when neither
 *     is given, the largest table gets at most {@value #DEFAULT_ROWS} rows (scale 1 for a smaller production)
 * @param maxLock an estimated lock hold on an existing table above it fails the lint ({@code DP304}); empty: none fails
 * @param planCostFactor a compat query whose estimated cost grows by more than this factor is a plan regression
 * @param planMinRows a table with at least this many rows in production where a compat query's index access becomes a
 *     full scan is a plan regression
 * @since 0.1
 */
public record Rehearsal(Optional<Double> scale, Optional<Long> rows, Optional<Duration> maxLock, double planCostFactor,
		long planMinRows) {

	/** The largest scale: ten times production, for rehearsing growth. */
	public static final double MAX_SCALE = 10;

	/** The most rows a rehearsal puts in one table: the seeder's own limit per table. */
	public static final long MAX_ROWS = 5_000_000;

	/**
	 * Rows of the largest table by default: about a second's load with the seeding module's bulk loaders, so that a
	 * rehearsal of a few migrations stays under a minute on a laptop.
	 */
	public static final long DEFAULT_ROWS = 100_000;

	public Rehearsal {
		Objects.requireNonNull(scale, "scale");
		Objects.requireNonNull(rows, "rows");
		Objects.requireNonNull(maxLock, "maxLock");
		if (scale.isPresent() && rows.isPresent()) {
			throw new IllegalArgumentException("the rehearsal is sized either by a scale or by rows, not both");
		}
		if (scale.filter(value -> !(value > 0 && value <= MAX_SCALE)).isPresent()) {
			throw new IllegalArgumentException("the rehearsal's scale must be above 0 and at most " + (int) MAX_SCALE
					+ ", not " + scale.get() + "; write e.g. 0.01 for 1 % of production's rows");
		}
		if (rows.filter(count -> count < 1 || count > MAX_ROWS).isPresent()) {
			throw new IllegalArgumentException("the rehearsal's row count must be from 1 to " + MAX_ROWS + ", not "
					+ rows.get() + "; write e.g. 1000000");
		}
		if (maxLock.filter(limit -> limit.isNegative() || limit.isZero()).isPresent()) {
			throw new IllegalArgumentException("the rehearsal's maximum lock hold must be positive, not "
					+ maxLock.get() + "; write e.g. 2s");
		}
		if (!(planCostFactor > 1)) {
			throw new IllegalArgumentException("the plan cost factor must be above 1, not " + planCostFactor);
		}
		if (planMinRows < 0) {
			throw new IllegalArgumentException("the plan size threshold must not be negative, not " + planMinRows);
		}
	}

	/**
	 * At most {@value #DEFAULT_ROWS} rows in production's largest table, no lock limit, plans regress when their cost grows
	 * tenfold or an index access on a table of 10,000 rows or more becomes a full scan.
	 */
	public static Rehearsal defaults() {
		return new Rehearsal(Optional.empty(), Optional.empty(), Optional.empty(), 10, 10_000);
	}

	/** With every table at {@code factor} times production's rows, e.g. {@code 0.01}. */
	public Rehearsal withScale(double factor) {
		return new Rehearsal(Optional.of(factor), Optional.empty(), maxLock, planCostFactor, planMinRows);
	}

	/** With production's largest table at {@code count} rows, the others in proportion. */
	public Rehearsal withRows(long count) {
		return new Rehearsal(Optional.empty(), Optional.of(count), maxLock, planCostFactor, planMinRows);
	}

	/** With an estimated lock hold above {@code limit} on an existing table failing the lint. */
	public Rehearsal withMaxLock(Duration limit) {
		return new Rehearsal(scale, rows, Optional.of(limit), planCostFactor, planMinRows);
	}

	public Rehearsal withPlanCostFactor(double factor) {
		return new Rehearsal(scale, rows, maxLock, factor, planMinRows);
	}

	public Rehearsal withPlanMinRows(long minRows) {
		return new Rehearsal(scale, rows, maxLock, planCostFactor, minRows);
	}
}
