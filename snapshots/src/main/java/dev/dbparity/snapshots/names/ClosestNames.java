package dev.dbparity.snapshots.names;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ClosestNames} orders existing names by how close they are to one a user typed, so that an error can say
 * "did you mean" and list what does exist, closest first. Every reader of hand-written names (options, keys of
 * tolerance files, columns named sensitive, schemas) uses it, so that they all suggest alike.
 *
 * @since 0.1
 */
public final class ClosestNames {

	private ClosestNames() {
	}

	/**
	 * {@code known}, closest to {@code typed} first (by edit distance, ignoring case), ties in alphabetical order.
	 */
	public static List<String> byCloseness(String typed, Collection<String> known) {
		return known.stream().distinct()
			.sorted(Comparator.<String>comparingInt(name -> distance(typed, name)).thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/**
	 * The known name {@code typed} most likely meant: the closest one, when it is close enough to be a typo (at most a
	 * third of the longer name's letters differ, at least one edit), or when one name contains the other
	 * ({@code orders.status_code} for {@code orders.status}); else empty.
	 */
	public static Optional<String> closest(String typed, Collection<String> known) {
		return byCloseness(typed, known).stream().findFirst().filter(name -> likely(typed, name));
	}

	/** {@code " Did you mean \"x\"?"} for the name {@code typed} most likely meant, else {@code ""}. */
	public static String didYouMean(String typed, Collection<String> known) {
		return closest(typed, known).map(name -> " Did you mean \"" + name + "\"?").orElse("");
	}

	private static boolean likely(String typed, String name) {
		String a = typed.toLowerCase(Locale.ROOT);
		String b = name.toLowerCase(Locale.ROOT);
		if (!a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a))) {
			return true;
		}
		return distance(a, b) <= Math.max(1, Math.max(a.length(), b.length()) / 3);
	}

	/**
	 * The Damerau (optimal string alignment) distance, case-insensitively: a swapped pair of letters, the commonest
	 * typo ({@code pubilc}), counts as one edit. Hand-written because it is a dozen lines and the lowest module should
	 * not bring users a text library for it.
	 */
	static int distance(String typed, String name) {
		String a = typed.toLowerCase(Locale.ROOT);
		String b = name.toLowerCase(Locale.ROOT);
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}
}
