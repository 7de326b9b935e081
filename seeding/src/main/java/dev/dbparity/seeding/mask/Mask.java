package dev.dbparity.seeding.mask;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Mask} is how one fixture column is masked, from {@code mask:} in the seed rules.
 *
 * <ul>
 * <li>{@code email} — pseudonymous local part; {@code keepDomain: true} keeps the domain, else {@code example.org}</li>
 * <li>{@code name} — a pseudonymous person name from a fixed list, capitalised like the input</li>
 * <li>{@code phone} — every digit replaced, separators and the leading {@code +} kept</li>
 * <li>{@code redact} — letters become {@code x}, digits {@code 0}; length and punctuation are kept</li>
 * <li>{@code dateShift} — an ISO date or timestamp moved by a keyed number of days within {@code ±window} (default 30)</li>
 * <li>{@code noise} — a number moved by a keyed fraction within {@code ±fraction} (default 0.1), scale kept</li>
 * <li>{@code hash} — {@code h_} and 16 hex digits of the keyed hash</li>
 * <li>{@code null} — always null</li>
 * <li>{@code none} — kept as it is: an explicit statement that the column is not sensitive</li>
 * </ul>
 *
 * @param kind the masking
 * @param keepDomain for {@code email}
 * @param window days, for {@code dateShift}
 * @param fraction for {@code noise}
 * @since 0.1
 */
public record Mask(Kind kind, boolean keepDomain, int window, BigDecimal fraction) {

	/** The masking functions. */
	public enum Kind {
		EMAIL, NAME, PHONE, REDACT, DATE_SHIFT, NOISE, HASH, NULL, NONE;

		/** The name used in YAML, e.g. {@code dateShift}. */
		public String yamlName() {
			String lower = name().toLowerCase(Locale.ROOT);
			int underscore = lower.indexOf('_');
			return underscore < 0 ? lower
					: lower.substring(0, underscore) + Character.toUpperCase(lower.charAt(underscore + 1))
							+ lower.substring(underscore + 2);
		}

		public static Optional<Kind> fromYaml(String name) {
			for (Kind kind : values()) {
				if (kind.yamlName().equals(name)) {
					return Optional.of(kind);
				}
			}
			return Optional.empty();
		}
	}

	public Mask {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(fraction, "fraction");
		if (window < 0) {
			throw new IllegalArgumentException("window must not be negative: " + window);
		}
	}

	public static Mask of(Kind kind) {
		return new Mask(kind, false, 30, new BigDecimal("0.1"));
	}
}
