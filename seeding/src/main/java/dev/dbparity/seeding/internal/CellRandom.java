package dev.dbparity.seeding.internal;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * {@code CellRandom} is the random source of one cell: SplitMix64 started from a state that depends only on the seed,
 * the rules version, the table, the column and the row index.
 *
 * <p>Every method that Datafaker or a distribution calls is implemented here, with fixed arithmetic, rather than
 * inherited from {@link RandomGenerator}'s defaults: those are implementation details of the JDK and may change between
 * Java 17 and 25, which would change seeded data. Distributions use {@link StrictMath} for the same reason.
 *
 * <p>May change in any minor release. Not thread-safe: one instance per generating thread, {@link #reset} per cell.
 */
public final class CellRandom implements RandomGenerator {

	private static final long GOLDEN = 0x9E3779B97F4A7C15L;

	private long state;

	public CellRandom() {
	}

	/** Starts the stream of the cell {@code key} (from {@link #key}) at {@code row}. */
	public CellRandom reset(long key, long row) {
		state = mix(key ^ mix(row * GOLDEN + 0x632BE59BD9B4E019L));
		return this;
	}

	/** The key of a column: a hash of the seed, the rules version, the table and the column. */
	public static long key(long seed, int version, String table, String column) {
		long h = mix(seed ^ mix(version + 0x2545F4914F6CDD1DL));
		h = mix(h ^ hash(table));
		return mix(h ^ hash(column) * 31);
	}

	/** FNV-1a over UTF-8 bytes, finalised: 64 bits, where {@link String#hashCode()} has only 32. */
	public static long hash(String text) {
		long h = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		return mix(h);
	}

	/** The SplitMix64 finaliser. */
	public static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	@Override
	public long nextLong() {
		state += GOLDEN;
		return mix(state);
	}

	@Override
	public int nextInt() {
		return (int) (nextLong() >>> 32);
	}

	@Override
	public int nextInt(int bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("bound must be positive: " + bound);
		}
		return (int) nextLong(bound);
	}

	@Override
	public int nextInt(int origin, int bound) {
		if (origin >= bound) {
			throw new IllegalArgumentException("origin " + origin + " must be below bound " + bound);
		}
		return (int) (origin + nextLong((long) bound - origin));
	}

	/** Uniform in {@code [0, bound)} by multiply-high with rejection, so without modulo bias. */
	@Override
	public long nextLong(long bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("bound must be positive: " + bound);
		}
		long threshold = Long.remainderUnsigned(-bound, bound);
		while (true) {
			long r = nextLong();
			long low = r * bound;
			if (Long.compareUnsigned(low, threshold) >= 0) {
				return Math.multiplyHigh(r, bound) + ((r >> 63) & bound);
			}
		}
	}

	@Override
	public long nextLong(long origin, long bound) {
		if (origin >= bound) {
			throw new IllegalArgumentException("origin " + origin + " must be below bound " + bound);
		}
		long range = bound - origin;
		if (range > 0) {
			return origin + nextLong(range);
		}
		while (true) {
			long r = nextLong();
			if (r >= origin && r < bound) {
				return r;
			}
		}
	}

	@Override
	public double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	@Override
	public double nextDouble(double bound) {
		return nextDouble() * bound;
	}

	@Override
	public double nextDouble(double origin, double bound) {
		return origin + nextDouble() * (bound - origin);
	}

	@Override
	public float nextFloat() {
		return (nextLong() >>> 40) * 0x1.0p-24f;
	}

	@Override
	public boolean nextBoolean() {
		return nextLong() < 0;
	}

	@Override
	public void nextBytes(byte[] bytes) {
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) nextLong();
		}
	}

	/** Standard normal by Box–Muller with {@link StrictMath}; {@code Random.nextGaussian} changed in Java 17. */
	@Override
	public double nextGaussian() {
		double u = 1.0 - nextDouble();
		double v = nextDouble();
		return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
	}

	@Override
	public double nextGaussian(double mean, double stddev) {
		return mean + stddev * nextGaussian();
	}
}
