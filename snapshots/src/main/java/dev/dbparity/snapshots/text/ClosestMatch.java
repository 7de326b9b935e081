package dev.dbparity.snapshots.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ClosestMatch} finds, among the names that exist, the ones a misspelt name most likely meant, for the "did you
 * mean" part of error messages (a misspelt key in a tolerances file, a column named on the command line that does not
 * exist). It is for every reader of hand-written names, so that they all suggest alike.
 *
 * <p>Closeness is the Damerau–Levenshtein (optimal string alignment) distance, case-insensitive: a swapped pair of
 * letters ({@code pubilc}) counts as one edit, as a typing mistake is. Hand-written because it is twenty lines and
 * must be exact and deterministic (ties go to the alphabetically first name); no library the project uses has it.
 *
 * @since 0.1
 */
public final class ClosestMatch {

	private ClosestMatch() {
	}

	/**
	 * The name of {@code candidates} closest to {@code name}, if it is close enough to be a likely typo: at most a
	 * third of the longer name's letters differ (at least one edit), or one contains the other.
	 */
	public static Optional<String> of(String name, Collection<String> candidates) {
		return ranked(name, candidates).stream().findFirst().filter(best -> likely(name, best));
	}

	/**
	 * {@code candidates} from the closest to {@code name} to the farthest, ties alphabetically: for messages that list
	 * what exists, closest first.
	 */
	public static List<String> ranked(String name, Collection<String> candidates) {
		return candidates.stream().distinct()
			.sorted(Comparator.<String>comparingInt(candidate -> distance(name, candidate))
				.thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/** {@code " Did you mean \"x\"?"} for the closest likely candidate, else {@code ""}. */
	public static String didYouMean(String name, Collection<String> candidates) {
		return of(name, candidates).map(best -> " Did you mean \"" + best + "\"?").orElse("");
	}

	private static boolean likely(String name, String candidate) {
		String a = name.toLowerCase(Locale.ROOT);
		String b = candidate.toLowerCase(Locale.ROOT);
		if (!a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a))) {
			return true;
		}
		return distance(a, b) <= Math.max(1, Math.max(a.length(), b.length()) / 3);
	}

	/** The optimal string alignment distance of {@code a} and {@code b}, ignoring case. */
	static int distance(String a, String b) {
		String s = a.toLowerCase(Locale.ROOT);
		String t = b.toLowerCase(Locale.ROOT);
		int[][] d = new int[s.length() + 1][t.length() + 1];
		for (int i = 0; i <= s.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= t.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= s.length(); i++) {
			for (int j = 1; j <= t.length(); j++) {
				int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[s.length()][t.length()];
	}
}
