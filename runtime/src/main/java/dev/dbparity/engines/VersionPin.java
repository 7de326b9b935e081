package dev.dbparity.engines;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.snapshots.versions.VersionNumbers;

/**
 * {@code VersionPin} is an engine version as users pin it: dotted numbers with at least major and minor, e.g.
 * {@code 17.6} or {@code 10.11.5}. A pin matches every version that starts with its numbers: {@code 17.6} matches
 * {@code 17.6}, {@code 17.6.0} and {@code 17.6 (Debian 17.6-1)}, not {@code 17.60}.
 *
 * @since 0.1
 */
public record VersionPin(String value, int[] numbers) {

	private static final Pattern PIN = Pattern.compile("\\d+(\\.\\d+)+");
	private static final Pattern LEADING_NUMBERS = Pattern.compile("^(\\d+(?:\\.\\d+)*)");

	/**
	 * @throws IllegalArgumentException when {@code value} is not at least {@code major.minor}
	 */
	public static VersionPin parse(String value) {
		String trimmed = value.trim();
		if (!PIN.matcher(trimmed).matches()) {
			throw new IllegalArgumentException("'" + value + "' is not a version pin: give at least major.minor, "
					+ "e.g. 17.6 or 10.11.5, so that the engine cannot change under your tests");
		}
		return new VersionPin(trimmed, Arrays.stream(trimmed.split("\\.")).mapToInt(Integer::parseInt).toArray());
	}

	/** Whether {@code version} (a server's or an artifact's version string) is one this pin allows. */
	public boolean matches(String version) {
		Matcher matcher = LEADING_NUMBERS.matcher(version.trim());
		if (!matcher.find()) {
			return false;
		}
		String[] parts = matcher.group(1).split("\\.");
		if (parts.length < numbers.length) {
			return false;
		}
		for (int i = 0; i < numbers.length; i++) {
			if (Integer.parseInt(parts[i]) != numbers[i]) {
				return false;
			}
		}
		return true;
	}

	/** The highest of {@code candidates} this pin matches. */
	public Optional<String> highestMatch(Collection<String> candidates) {
		return candidates.stream().filter(this::matches).max(VersionPin::compareVersions);
	}

	/** Orders version strings by their leading numbers. */
	public static int compareVersions(String left, String right) {
		return VersionNumbers.compare(leadingNumbers(left), leadingNumbers(right));
	}

	/** A comparator over version strings, lowest first. */
	public static Comparator<String> versionOrder() {
		return VersionPin::compareVersions;
	}

	/** The dotted numbers a server's version starts with ({@code 10.11.5} of {@code 10.11.5-MariaDB}). */
	private static List<BigInteger> leadingNumbers(String version) {
		Matcher matcher = LEADING_NUMBERS.matcher(version.trim());
		return matcher.find() ? VersionNumbers.parse(matcher.group(1)).orElse(List.of()) : List.of();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VersionPin pin && pin.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}
}
