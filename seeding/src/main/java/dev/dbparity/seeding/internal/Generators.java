package dev.dbparity.seeding.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The generators seed rules can name. May change in any minor release. */
final class Generators {

	private Generators() {
	}

	static BigDecimal decimal(long value) {
		return BigDecimal.valueOf(value);
	}

	static Generator.Output output(Object value) {
		if (value == null) {
			return Generator.Output.NULL;
		}
		if (value instanceof Long) {
			return Generator.Output.WHOLE;
		}
		if (value instanceof BigDecimal) {
			return Generator.Output.DECIMAL;
		}
		return value instanceof Boolean ? Generator.Output.BOOLEAN : Generator.Output.TEXT;
	}

	/** How many numbers of {@code scale} decimals lie in {@code [min, max]}. */
	static BigInteger steps(BigDecimal min, BigDecimal max, int scale) {
		return max.subtract(min).movePointRight(scale).setScale(0, RoundingMode.FLOOR).toBigInteger().add(BigInteger.ONE);
	}

	record Constant(Object value) implements Generator {

		@Override
		public Object next(RowContext row) {
			return value;
		}

		@Override
		public Facts facts(long rows) {
			List<Object> values = new ArrayList<>();
			values.add(value);
			Optional<BigDecimal> number = value instanceof Long l ? Optional.of(decimal(l))
					: value instanceof BigDecimal d ? Optional.of(d) : Optional.empty();
			return new Facts(value instanceof String s ? Optional.of(s.length()) : Optional.empty(), number, number,
					Optional.of(values), rows <= 1, value instanceof BigDecimal d ? Optional.of(d.scale()) : Optional.empty(),
					Optional.empty(), Optional.empty());
		}

		@Override
		public Output output() {
			return Generators.output(value);
		}

		@Override
		public Optional<BigInteger> distinctValues() {
			return Optional.of(BigInteger.ONE);
		}
	}

	record Sequence(long start, long step) implements Generator {

		@Override
		public Object next(RowContext row) {
			return start + step * row.row;
		}

		@Override
		public Facts facts(long rows) {
			// In BigDecimal: the row count of rules refused for their size can make the last value overflow a long.
			BigDecimal first = decimal(start);
			BigDecimal last = first.add(decimal(step).multiply(decimal(Math.max(0, rows - 1))));
			return Facts.range(first.min(last), first.max(last), step != 0);
		}

		@Override
		public Output output() {
			return Output.WHOLE;
		}

		@Override
		public Optional<BigInteger> distinctValues() {
			return step == 0 ? Optional.of(BigInteger.ONE) : Optional.empty();
		}
	}

	/** A number uniform in {@code [min, max]}: a whole number without {@code scale}, else a decimal of that scale. */
	record Uniform(BigDecimal min, BigDecimal max, int scale) implements Generator {

		@Override
		public Object next(RowContext row) {
			if (scale == 0) {
				long low = min.longValueExact();
				return low + row.random.nextLong(max.longValueExact() - low + 1);
			}
			BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
			long steps = max.subtract(min).divide(unit, 0, RoundingMode.FLOOR).longValueExact();
			return min.setScale(scale, RoundingMode.HALF_EVEN).add(unit.multiply(decimal(row.random.nextLong(steps + 1))));
		}

		@Override
		public Facts facts(long rows) {
			return new Facts(Optional.empty(), Optional.of(min), Optional.of(max), Optional.empty(), false, scale);
		}

		@Override
		public Output output() {
			return scale == 0 ? Output.WHOLE : Output.DECIMAL;
		}

		@Override
		public Optional<BigInteger> distinctValues() {
			return Optional.of(steps(min, max, scale));
		}
	}

	/** A normal value, clamped to the optional bounds (clamping keeps one draw per cell). */
	record Normal(double mean, double stddev, Optional<BigDecimal> min, Optional<BigDecimal> max, int scale)
			implements Generator {

		@Override
		public Object next(RowContext row) {
			double value = row.random.nextGaussian(mean, stddev);
			BigDecimal number = new BigDecimal(Double.toString(value)).setScale(scale, RoundingMode.HALF_EVEN);
			if (min.isPresent() && number.compareTo(min.get()) < 0) {
				number = min.get().setScale(scale, RoundingMode.CEILING);
			}
			if (max.isPresent() && number.compareTo(max.get()) > 0) {
				number = max.get().setScale(scale, RoundingMode.FLOOR);
			}
			return scale == 0 ? (Object) number.longValueExact() : number;
		}

		@Override
		public Facts facts(long rows) {
			return new Facts(Optional.empty(), min, max, Optional.empty(), false, scale);
		}

		@Override
		public Output output() {
			return scale == 0 ? Output.WHOLE : Output.DECIMAL;
		}

		@Override
		public Optional<BigInteger> distinctValues() {
			return min.isPresent() && max.isPresent() ? Optional.of(steps(min.get(), max.get(), scale)) : Optional.empty();
		}
	}

	record Zipf(Distributions.Zipf zipf, long n) implements Generator {

		@Override
		public Object next(RowContext row) {
			return zipf.sample(row.random);
		}

		@Override
		public Facts facts(long rows) {
			return Facts.range(BigDecimal.ONE, decimal(n), false);
		}

		@Override
		public Output output() {
			return Output.WHOLE;
		}

		@Override
		public Optional<BigInteger> distinctValues() {
			return Optional.of(BigInteger.valueOf(n));
		}
	}

	record Poisson(double mean) implements Generator {

		@Override
		public Object next(RowContext row) {
			return Distributions.poisson(row.random, mean);
		}

		@Override
		public Facts facts(long rows) {
			return new Facts(Optional.empty(), Optional.of(BigDecimal.ZERO), Optional.empty(), Optional.empty(), false);
		}

		@Override
		public Output output() {
			return Output.WHOLE;
		}
	}

	/** One of the choices, with probability weight / total; values keep their YAML type (text, number, boolean). */
	record Weighted(List<Object> choices, long[] cumulative) implements Generator {

		@Override
		public Object next(RowContext row) {
			long pick = row.random.nextLong(cumulative[cumulative.length - 1]);
			int low = 0;
			int high = cumulative.length - 1;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (cumulative[middle] > pick) {
					high = middle;
				}
				else {
					low = middle + 1;
				}
			}
			return choices.get(low);
		}

		@Override
		public Facts facts(long rows) {
			int longest = choices.stream().mapToInt(c -> c.toString().length()).max().orElse(0);
			List<BigDecimal> numbers = choices.stream().filter(BigDecimal.class::isInstance).map(BigDecimal.class::cast)
				.toList();
			Optional<BigDecimal> min = numbers.size() == choices.size() ? numbers.stream().min(BigDecimal::compareTo)
					: Optional.empty();
			Optional<BigDecimal> max = numbers.size() == choices.size() ? numbers.stream().max(BigDecimal::compareTo)
					: Optional.empty();
			return new Facts(Optional.of(longest), min, max, Optional.of(choices), false);
		}

		@Override
		public Optional<BigInteger> distinctValues() {
			return Optional.of(BigInteger.valueOf(choices.size()));
		}
	}

	record DateRange(LocalDate from, LocalDate to) implements Generator {

		@Override
		public Object next(RowContext row) {
			return from.plusDays(row.random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
		}

		@Override
		public Facts facts(long rows) {
			return Facts.dates(from.atStartOfDay(), to.atStartOfDay());
		}

		@Override
		public Output output() {
			return Output.DATE;
		}

		@Override
		public Optional<BigInteger> distinctValues() {
			return Optional.of(BigInteger.valueOf(to.toEpochDay() - from.toEpochDay() + 1));
		}
	}

	/** Whole seconds between the bounds, both included. */
	record TimestampRange(LocalDateTime from, LocalDateTime to) implements Generator {

		@Override
		public Object next(RowContext row) {
			long seconds = java.time.Duration.between(from, to).getSeconds();
			return from.plusSeconds(row.random.nextLong(seconds + 1));
		}

		@Override
		public Facts facts(long rows) {
			return Facts.dates(from, to);
		}

		@Override
		public Output output() {
			return Output.TIMESTAMP;
		}

		@Override
		public Optional<BigInteger> distinctValues() {
			return Optional.of(BigInteger.valueOf(java.time.Duration.between(from, to).getSeconds() + 1));
		}
	}

	record Faker(String expression, Locale locale) implements Generator {

		@Override
		public Object next(RowContext row) {
			return row.faker.evaluate(expression, locale);
		}
	}

	/**
	 * Text with placeholders: {@code {seq}} and {@code {seq:6}} (row number from 1, zero-padded), {@code {row}} (row
	 * index from 0), {@code {column}} and {@code {column|lower}}, {@code {column|upper}} (another column of the row).
	 */
	record Template(List<Part> parts, List<String> dependsOn) implements Generator {

		sealed interface Part permits Literal, Seq, Row, ColumnRef {
		}

		record Literal(String text) implements Part {
		}

		record Seq(int width) implements Part {
		}

		record Row() implements Part {
		}

		record ColumnRef(String name, int index, String filter) implements Part {
		}

		@Override
		public Object next(RowContext row) {
			StringBuilder out = new StringBuilder();
			for (Part part : parts) {
				if (part instanceof Literal literal) {
					out.append(literal.text());
				}
				else if (part instanceof Seq seq) {
					String digits = Long.toString(row.row + 1);
					out.append("0".repeat(Math.max(0, seq.width() - digits.length()))).append(digits);
				}
				else if (part instanceof Row) {
					out.append(row.row);
				}
				else if (part instanceof ColumnRef ref) {
					Object value = row.values[ref.index()];
					String text = value == null ? "" : Values.text(value);
					out.append(switch (ref.filter()) {
						case "lower" -> text.toLowerCase(Locale.ROOT);
						case "upper" -> text.toUpperCase(Locale.ROOT);
						default -> text;
					});
				}
			}
			return out.toString();
		}

		boolean injective() {
			return parts.stream().anyMatch(part -> part instanceof Seq || part instanceof Row);
		}

		/** Text, or whole numbers when the template is only digits and row numbers, such as "{seq}" or "9{seq:4}". */
		@Override
		public Output output() {
			boolean digits = parts.stream().allMatch(part -> part instanceof Seq || part instanceof Row
					|| part instanceof Literal literal && literal.text().matches("[0-9]+"));
			return digits && injective() ? Output.WHOLE : Output.TEXT;
		}

		@Override
		public Facts facts(long rows) {
			int length = 0;
			int digits = Long.toString(Math.max(1, rows)).length();
			for (Part part : parts) {
				if (part instanceof Literal literal) {
					length += literal.text().length();
				}
				else if (part instanceof Seq seq) {
					length += Math.max(seq.width(), digits);
				}
				else if (part instanceof Row) {
					length += digits;
				}
				else {
					return new Facts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), injective());
				}
			}
			return Facts.length(length, injective());
		}
	}

	/**
	 * A key of a parent row: the parent row index is drawn (uniform or zipf over the parent's generated rows, or the
	 * row's own parent for tables with rows per parent, or the row index itself when unique), then the parent's key
	 * column is computed for that index, as it was when the parent was generated. No lookup table is kept.
	 */
	static final class Reference implements Generator {

		final TablePlan parent;

		final ColumnPlan parentColumn;

		final long groupKey;

		final Optional<Double> zipfExponent;

		final boolean rowParent;

		final boolean oneToOne;

		/** Made on first use, since the parent's row count is known only once the plan has counted all tables. */
		private volatile Distributions.Zipf zipf;

		Reference(TablePlan parent, ColumnPlan parentColumn, long groupKey, Optional<Double> zipfExponent,
				boolean rowParent, boolean oneToOne) {
			this.parent = parent;
			this.parentColumn = parentColumn;
			this.groupKey = groupKey;
			this.zipfExponent = zipfExponent;
			this.rowParent = rowParent;
			this.oneToOne = oneToOne;
		}

		@Override
		public Object next(RowContext row) {
			long index;
			if (rowParent) {
				index = row.parent;
			}
			else if (oneToOne) {
				index = row.row;
			}
			else {
				row.random.reset(groupKey, row.row);
				if (zipfExponent.isPresent()) {
					Distributions.Zipf sampler = zipf;
					if (sampler == null) {
						sampler = new Distributions.Zipf(parent.rows(), zipfExponent.get());
						zipf = sampler;
					}
					index = sampler.sample(row.random) - 1;
				}
				else {
					index = row.random.nextLong(parent.rows());
				}
			}
			return parent.valueAt(parentColumn, index, row);
		}

		@Override
		public Facts facts(long rows) {
			return new Facts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), oneToOne);
		}

		/** The parent key's kind: a reference copies it. */
		@Override
		public Output output() {
			return parentColumn.generator.output();
		}

		/** At most one value per parent row. */
		@Override
		public Optional<BigInteger> distinctValues() {
			return Optional.of(BigInteger.valueOf(parent.rowsForChecks()));
		}
	}
}
