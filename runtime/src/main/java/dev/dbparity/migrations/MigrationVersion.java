package dev.dbparity.migrations;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.dbparity.snapshots.versions.VersionNumbers;

/**
 * {@code MigrationVersion} is the version of a migration: dotted numbers such as {@code 1}, {@code 1.2} or
 * {@code 2.10.1}, compared numerically part by part, so {@code 1.10} comes after {@code 1.9}.
 *
 * <p>Trailing zero parts are insignificant and dropped, so {@code 1}, {@code 1.0} and {@code 1_0} are the same
 * version; {@code _} is accepted as a separator, as in Flyway file names ({@code V1_2__x.sql} is version {@code 1.2}).
 *
 * <p>{@link #ZERO}, the version before any migration, has no parts and is below every parsed version, {@code 0}
 * included: diesel's {@code 00000000000000_diesel_initial_setup} is a real migration of version {@code 0}, which
 * migrating down to {@code ZERO} undoes too.
 *
 * @param parts the numeric parts, without trailing zeros; empty only for {@link #ZERO}
 * @since 0.1
 */
public record MigrationVersion(List<BigInteger> parts) implements Comparable<MigrationVersion> {

	/**
	 * {@code ZERO} is the version before any migration, below even a migration of version {@code 0}; migrating down to
	 * it undoes everything. It is written {@code 0}.
	 */
	public static final MigrationVersion ZERO = new MigrationVersion(List.of());

	public MigrationVersion {
		Objects.requireNonNull(parts, "parts");
		for (BigInteger part : parts) {
			if (Objects.requireNonNull(part, "part").signum() < 0) {
				throw new IllegalArgumentException("version parts must not be negative, but was: " + parts);
			}
		}
		// Normalising here, rather than in equals, keeps equals, hashCode and compareTo consistent.
		parts = parts.isEmpty() ? List.of() : VersionNumbers.withoutTrailingZeros(parts);
	}

	/**
	 * Parses a version such as {@code 1.2}, {@code 2_10_1} or {@code 007}.
	 *
	 * @throws IllegalArgumentException saying what is wrong and what a valid version looks like
	 */
	public static MigrationVersion parse(String text) {
		Objects.requireNonNull(text, "text");
		return new MigrationVersion(VersionNumbers.parse(text).orElseThrow(() -> new IllegalArgumentException(
				"Invalid migration version '" + text + "': a version is numbers separated by '.' or '_', e.g. 1, 1.2 "
						+ "or 2_10_1")));
	}

	/** {@code next} is this version with its last part incremented, e.g. {@code 1.3} after {@code 1.2}. */
	MigrationVersion next() {
		List<BigInteger> nextParts = new ArrayList<>(parts);
		nextParts.set(nextParts.size() - 1, nextParts.get(nextParts.size() - 1).add(BigInteger.ONE));
		return new MigrationVersion(nextParts);
	}

	@Override
	public int compareTo(MigrationVersion other) {
		if (parts.isEmpty() || other.parts.isEmpty()) {
			return Boolean.compare(!parts.isEmpty(), !other.parts.isEmpty());
		}
		return VersionNumbers.compare(parts, other.parts);
	}

	/** The dotted form, e.g. {@code 2.10.1}; {@code 0} for {@link #ZERO}. */
	@Override
	public String toString() {
		return parts.isEmpty() ? "0" : parts.stream().map(BigInteger::toString).collect(Collectors.joining("."));
	}
}
