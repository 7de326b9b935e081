package dev.dbparity.seeding.internal;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code Progress} reports a long table load while it runs: a line each tenth of the rows (at least
 * {@value #MIN_STEP} rows apart) and at least every {@value #SECONDS} seconds, with the rate and the time left, so
 * that a big seed is visibly moving and says how long it will take. Tables smaller than one step say nothing until
 * they are done. May change in any minor release.
 */
final class Progress {

	static final long MIN_STEP = 100_000;

	static final long SECONDS = 5;

	/** How often the clock is read: every row would cost more than the line is worth. */
	private static final long CLOCK_EVERY = 4096;

	private final String table;

	private final long rows;

	private final Consumer<String> out;

	private final long step;

	private final long start = System.nanoTime();

	private long nextRow;

	private long lastLine = start;

	Progress(String table, long rows, Consumer<String> out) {
		this.table = table;
		this.rows = rows;
		this.out = out;
		this.step = Math.max(MIN_STEP, (rows + 9) / 10);
		this.nextRow = step;
		if (rows > step) {
			out.accept(table + ": loading " + String.format(Locale.ROOT, "%,d", rows) + " rows");
		}
	}

	/** {@code done} rows have been generated. */
	void row(long done) {
		if (done >= rows) {
			return;
		}
		boolean stepReached = done >= nextRow;
		if (!stepReached && done % CLOCK_EVERY != 0) {
			return;
		}
		long now = System.nanoTime();
		if (!stepReached && now - lastLine < SECONDS * 1_000_000_000L) {
			return;
		}
		while (nextRow <= done) {
			nextRow += step;
		}
		lastLine = now;
		double seconds = Math.max(1e-3, (now - start) / 1e9);
		long rate = (long) (done / seconds);
		long left = rate == 0 ? 0 : (rows - done + rate - 1) / rate;
		out.accept(String.format(Locale.ROOT, "%s: %,d of %,d rows (%d %%), %,d rows/s, about %s left", table, done, rows,
				done * 100 / rows, rate, left >= 120 ? left / 60 + " min" : left + " s"));
	}
}
