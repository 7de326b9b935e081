package dev.dbparity.seeding.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code Version} is a migration version as seed rules name it in {@code since:}: numbers separated by {@code .} or
 * {@code _} ({@code 5}, {@code 2.1}, {@code 1_2}, {@code 20230101120000}), compared numerically part by part, trailing
 * zero parts insignificant. These are the rules of the extension's {@code MigrationVersion}, which seeding cannot use:
 * it must not depend on the extension. May change in any minor release.
 *
 * @param parts the numeric parts, without trailing zeros; never empty
 */
public record Version(List<BigInteger> parts) implements Comparable<Version> {

	public Version {
		int size = parts.size();
		while (size > 1 && parts.get(size - 1).signum() == 0) {
			size--;
		}
		parts = List.copyOf(parts.subList(0, size));
	}

	/** The version {@code text} names, or empty when it is not numbers separated by {@code .} or {@code _}. */
	public static Optional<Version> parse(String text) {
		List<BigInteger> parts = new ArrayList<>();
		for (String piece : text.split("[._]", -1)) {
			if (piece.isEmpty() || !piece.chars().allMatch(c -> c >= '0' && c <= '9')) {
				return Optional.empty();
			}
			parts.add(new BigInteger(piece));
		}
		return Optional.of(new Version(parts));
	}

	@Override
	public int compareTo(Version other) {
		for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
			int result = part(i).compareTo(other.part(i));
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

	private BigInteger part(int index) {
		return index < parts.size() ? parts.get(index) : BigInteger.ZERO;
	}

	/** The dotted form, e.g. {@code 2.10.1}. */
	@Override
	public String toString() {
		return parts.stream().map(BigInteger::toString).collect(Collectors.joining("."));
	}
}
