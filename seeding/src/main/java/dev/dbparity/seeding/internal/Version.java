package dev.dbparity.seeding.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.dbparity.snapshots.versions.VersionNumbers;

/**
 * {@code Version} is a migration version as seed rules name it in {@code since:}: numbers separated by {@code .} or
 * {@code _} ({@code 5}, {@code 2.1}, {@code 1_2}, {@code 20230101120000}), compared numerically part by part, trailing
 * zero parts insignificant: the rules of {@link VersionNumbers}, which the runtime's {@code MigrationVersion} follows
 * too. May change in any minor release.
 *
 * @param parts the numeric parts, without trailing zeros; never empty
 */
public record Version(List<BigInteger> parts) implements Comparable<Version> {

	public Version {
		parts = VersionNumbers.withoutTrailingZeros(parts);
	}

	/** The version {@code text} names, or empty when it is not numbers separated by {@code .} or {@code _}. */
	public static Optional<Version> parse(String text) {
		return VersionNumbers.parse(text).map(Version::new);
	}

	@Override
	public int compareTo(Version other) {
		return VersionNumbers.compare(parts, other.parts);
	}

	/** The dotted form, e.g. {@code 2.10.1}. */
	@Override
	public String toString() {
		return parts.stream().map(BigInteger::toString).collect(Collectors.joining("."));
	}
}
