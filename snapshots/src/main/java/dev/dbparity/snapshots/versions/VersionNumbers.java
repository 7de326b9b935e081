package dev.dbparity.snapshots.versions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code VersionNumbers} is the one rule by which dbparity orders versions — of migrations, of the migrations seed
 * rules name in {@code since:}, of servers against a pin: numbers compared part by part, numerically (so {@code 1.10}
 * comes after {@code 1.9}), a missing part counting as zero (so {@code 1}, {@code 1.0} and {@code 1_0} are equal).
 *
 * @since 0.1
 */
public final class VersionNumbers {

	/** Compiled once: {@code String.split} compiles a pattern of more than one character on every call. */
	private static final Pattern SEPARATOR = Pattern.compile("[._]");

	private VersionNumbers() {
	}

	/**
	 * The numbers of {@code text} separated by {@code .} or {@code _} ({@code 5}, {@code 2.1}, {@code 1_2},
	 * {@code 20230101120000}), or empty when it is anything else.
	 */
	public static Optional<List<BigInteger>> parse(String text) {
		List<BigInteger> parts = new ArrayList<>();
		for (String piece : SEPARATOR.split(text, -1)) {
			if (piece.isEmpty() || !piece.chars().allMatch(c -> c >= '0' && c <= '9')) {
				return Optional.empty();
			}
			parts.add(new BigInteger(piece));
		}
		return Optional.of(parts);
	}

	/** {@code parts} without trailing zero parts, keeping at least one. */
	public static List<BigInteger> withoutTrailingZeros(List<BigInteger> parts) {
		int size = parts.size();
		while (size > 1 && parts.get(size - 1).signum() == 0) {
			size--;
		}
		return List.copyOf(parts.subList(0, size));
	}

	/** Orders {@code left} and {@code right} part by part, a missing part counting as zero. */
	public static int compare(List<BigInteger> left, List<BigInteger> right) {
		for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
			int result = part(left, i).compareTo(part(right, i));
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

	private static BigInteger part(List<BigInteger> parts, int index) {
		return index < parts.size() ? parts.get(index) : BigInteger.ZERO;
	}
}
