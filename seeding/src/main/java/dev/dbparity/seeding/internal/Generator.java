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

	/** Columns of the same row that this one is derived from. */
	default List<String> dependsOn() {
		return List.of();
	}

	/**
	 * What a generator's values are known to be.
	 *
	 * @param maxLength the longest text
	 * @param min the smallest number
	 * @param max the largest number
	 * @param values all the values there can be
	 * @param injective whether different rows always get different values
	 */
	record Facts(Optional<Integer> maxLength, Optional<BigDecimal> min, Optional<BigDecimal> max,
			Optional<List<Object>> values, boolean injective) {

		static final Facts UNKNOWN = new Facts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
				false);

		static Facts range(BigDecimal min, BigDecimal max, boolean injective) {
			return new Facts(Optional.empty(), Optional.of(min), Optional.of(max), Optional.empty(), injective);
		}

		static Facts length(int maxLength, boolean injective) {
			return new Facts(Optional.of(maxLength), Optional.empty(), Optional.empty(), Optional.empty(), injective);
		}
	}
}
