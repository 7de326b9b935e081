package dev.dbparity.seeding.internal;

/**
 * {@code Distributions} samples from the distributions seed rules name, with {@link StrictMath} so that the values are
 * the same on every JVM. May change in any minor release.
 */
public final class Distributions {

	private Distributions() {
	}

	/**
	 * Poisson by multiplication of uniforms (Knuth) up to a mean of 500, beyond it the rounded normal approximation,
	 * whose error there is far below what seed data can show.
	 */
	public static long poisson(CellRandom random, double mean) {
		if (mean <= 0) {
			return 0;
		}
		if (mean > 500) {
			return Math.max(0, StrictMath.round(mean + StrictMath.sqrt(mean) * random.nextGaussian()));
		}
		double limit = StrictMath.exp(-mean);
		long k = 0;
		double p = random.nextDouble();
		while (p > limit) {
			k++;
			p *= random.nextDouble();
		}
		return k;
	}

	/**
	 * {@code Zipf} samples ranks {@code 1..n} with probability proportional to {@code 1/k^s} by rejection-inversion
	 * (Hörmann and Derflinger, 1996), in constant memory whatever {@code n}: a table of a million parents needs no
	 * million-entry table of weights.
	 */
	public static final class Zipf {

		private final long n;

		private final double exponent;

		private final double hIntegralX1;

		private final double hIntegralN;

		private final double s;

		public Zipf(long n, double exponent) {
			if (n < 1 || !(exponent > 0)) {
				throw new IllegalArgumentException("zipf needs n >= 1 and s > 0, not n=" + n + ", s=" + exponent);
			}
			this.n = n;
			this.exponent = exponent;
			this.hIntegralX1 = hIntegral(1.5) - 1.0;
			this.hIntegralN = hIntegral(n + 0.5);
			this.s = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2));
		}

		public long sample(CellRandom random) {
			while (true) {
				double u = hIntegralN + random.nextDouble() * (hIntegralX1 - hIntegralN);
				double x = hIntegralInverse(u);
				long k = (long) (x + 0.5);
				if (k < 1) {
					k = 1;
				}
				else if (k > n) {
					k = n;
				}
				if (k - x <= s || u >= hIntegral(k + 0.5) - h(k)) {
					return k;
				}
			}
		}

		private double hIntegral(double x) {
			double logX = StrictMath.log(x);
			return helper2((1.0 - exponent) * logX) * logX;
		}

		private double h(double x) {
			return StrictMath.exp(-exponent * StrictMath.log(x));
		}

		private double hIntegralInverse(double x) {
			double t = x * (1.0 - exponent);
			if (t < -1.0) {
				t = -1.0;
			}
			return StrictMath.exp(helper1(t) * x);
		}

		private static double helper1(double x) {
			return Math.abs(x) > 1e-8 ? StrictMath.log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
		}

		private static double helper2(double x) {
			return Math.abs(x) > 1e-8 ? StrictMath.expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x * (1.0 / 3.0) * (1.0 + 0.25 * x));
		}
	}
}
