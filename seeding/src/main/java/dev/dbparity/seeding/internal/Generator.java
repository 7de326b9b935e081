package dev.dbparity.seeding.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@code Generator} makes the value of one cell from the cell's random source (already reset for the cell) and the
 * row. Values are {@link Long}, {@link BigDecimal}, {@link String}, {@link Boolean}, {@link java.time.LocalDate},
 * {@link java.time.LocalDateTime} or {@code null}. May change in any minor release.
 */
public interface Generator {

	Object next(RowContext row);

	/** What can be known about the values without generating them, for checking them against the column. */
	default Facts facts(long rows) {
		return Facts.UNKNOWN;
	}

	/**
	 * What kind of values this generator makes, for checking them against the column's type before anything is written.
	 */
	default Output output() {
		return Output.TEXT;
	}

	/**
	 * An upper bound of the number of different values this generator can make, for checking it against the rows of a
	 * unique key; empty when there is none or it is not known.
	 */
	default Optional<java.math.BigInteger> distinctValues() {
		return Optional.empty();
	}

	/** Columns of the same row that this one is derived from. */
	default List<String> dependsOn() {
		return List.of();
	}

	/** The Java type of a generator's values, as {@link #next} returns them. */
	enum Output {
		/** {@link String}. */
		TEXT,
		/** {@link Long}. */
		WHOLE,
		/** {@link BigDecimal}. */
		DECIMAL,
		/** {@link Boolean}. */
		BOOLEAN,
		/** {@link java.time.LocalDate}. */
		DATE,
		/** {@link java.time.LocalDateTime}. */
		TIMESTAMP,
		/** Only {@code null}. */
		NULL
	}

	/**
	 * What a generator's values are known to be.
	 *
	 * @param maxLength the longest text
	 * @param min the smallest number
	 * @param max the largest number
	 * @param values all the values there can be
	 * @param injective whether different rows always get different values
	 * @param scale the decimals of numbers
	 * @param earliest the earliest date or timestamp
	 * @param latest the latest date or timestamp
	 */
	record Facts(Optional<Integer> maxLength, Optional<BigDecimal> min, Optional<BigDecimal> max,
			Optional<List<Object>> values, boolean injective, Optional<Integer> scale,
			Optional<java.time.LocalDateTime> earliest, Optional<java.time.LocalDateTime> latest) {

		static final Facts UNKNOWN = new Facts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
				false);

		Facts(Optional<Integer> maxLength, Optional<BigDecimal> min, Optional<BigDecimal> max,
				Optional<List<Object>> values, boolean injective) {
			this(maxLength, min, max, values, injective, Optional.empty(), Optional.empty(), Optional.empty());
		}

		Facts(Optional<Integer> maxLength, Optional<BigDecimal> min, Optional<BigDecimal> max,
				Optional<List<Object>> values, boolean injective, int scale) {
			this(maxLength, min, max, values, injective, Optional.of(scale), Optional.empty(), Optional.empty());
		}

		static Facts range(BigDecimal min, BigDecimal max, boolean injective) {
			return new Facts(Optional.empty(), Optional.of(min), Optional.of(max), Optional.empty(), injective);
		}

		static Facts length(int maxLength, boolean injective) {
			return new Facts(Optional.of(maxLength), Optional.empty(), Optional.empty(), Optional.empty(), injective);
		}

		static Facts dates(java.time.LocalDateTime earliest, java.time.LocalDateTime latest) {
			return new Facts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
					Optional.empty(), Optional.of(earliest), Optional.of(latest));
		}
	}
}
