package dev.dbparity.seeding.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code Closest} finds the known name a misspelt one was meant to be, for "did you mean" fixes. Edit distance is
 * written here because the JDK has none and it is ten lines. May change in any minor release.
 */
public final class Closest {

	private Closest() {
	}

	/** The candidate nearest to {@code name}, if one is near enough to be a likely typo. */
	public static Optional<String> to(String name, Collection<String> candidates) {
		String wanted = name.toLowerCase(Locale.ROOT);
		return candidates.stream().min(Comparator.comparingInt((String c) -> distance(wanted, c.toLowerCase(Locale.ROOT)))
			.thenComparing(Comparator.naturalOrder()))
			.filter(c -> distance(wanted, c.toLowerCase(Locale.ROOT)) <= Math.max(2, wanted.length() / 3));
	}

	/** {@code "did you mean \"x\"? "} or {@code ""}. */
	public static String suggestion(String name, Collection<String> candidates) {
		return to(name, candidates).map(c -> "did you mean \"" + c + "\"? ").orElse("");
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
