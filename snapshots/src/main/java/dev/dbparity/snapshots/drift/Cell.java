package dev.dbparity.snapshots.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Cell} is one environment's value in one row of a {@link DriftMap}.
 *
 * @param kind whether the environment has a value here, lacks the object, or could not be compared
 * @param variant which of the row's variants the value is, from 0 (the reference's when it has one), or -1 when the
 *     cell is not a {@link Kind#VALUE}
 * @param value the value as compact JSON (schema rows) or as the statistics reports print it; for other kinds why
 *     there is none
 * @since 0.2
 */
public record Cell(Kind kind, int variant, String value) {

	/** What a cell holds. */
	public enum Kind {
		/** A value, one of the row's variants. */
		VALUE,
		/** The object or statistic does not exist in this environment. */
		ABSENT,
		/** The environment could not be read, or has nothing to compare here (no statistics). */
		UNAVAILABLE
	}

	public Cell {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(value, "value");
		if ((kind == Kind.VALUE) != (variant >= 0)) {
			throw new IllegalArgumentException("a value has a variant, other cells none");
		}
	}

	/** The variant's letter: {@code A}, {@code B}, … {@code Z}, {@code AA}, …; empty for a cell without a value. */
	public Optional<String> letter() {
		return variant < 0 ? Optional.empty() : Optional.of(letter(variant));
	}

	static String letter(int variant) {
		String letters = "";
		for (int n = variant + 1; n > 0; n = (n - 1) / 26) {
			letters = (char) ('A' + (n - 1) % 26) + letters;
		}
		return letters;
	}
}
