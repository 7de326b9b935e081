package dev.dbparity.snapshots.diff;

import java.util.Arrays;
import java.util.List;

/**
 * {@code KeyPattern} is a compiled path glob: segments separated by {@code .}, where {@code *} matches any characters
 * within one segment and a {@code **} segment matches any number of segments, none included.
 *
 * <p>It serves both the user's {@link IgnoreRules} (matched against difference paths) and the {@link CategoryRules}
 * table (matched against the full snapshot keys, where a literal segment only matches an attribute key, never an
 * object's name, so that a table called {@code comment} is not mistaken for a comment).
 */
final class KeyPattern {

	private final String glob;

	private final List<String> segments;

	private KeyPattern(String glob, List<String> segments) {
		this.glob = glob;
		this.segments = segments;
	}

	/**
	 * Compiles {@code glob}.
	 *
	 * @throws IllegalArgumentException for an empty glob, one with whitespace, an empty segment or a {@code **}
	 * that is not a whole segment; the message names the glob and the rule
	 */
	static KeyPattern compile(String glob) {
		if (glob == null || glob.isEmpty()) {
			throw invalid(glob, "a glob may not be empty");
		}
		if (glob.chars().anyMatch(Character::isWhitespace)) {
			throw invalid(glob, "a glob may not contain whitespace; match keys that contain spaces with *");
		}
		List<String> segments = Arrays.asList(glob.split("\\.", -1));
		for (String segment : segments) {
			if (segment.isEmpty()) {
				throw invalid(glob, "a glob may not have an empty segment (a leading, trailing or doubled .)");
			}
			if (segment.contains("**") && !segment.equals("**")) {
				throw invalid(glob,
						"a glob may not have ** within a segment; ** is a whole segment, as in public.**.comment");
			}
		}
		return new KeyPattern(glob, List.copyOf(segments));
	}

	private static IllegalArgumentException invalid(String glob, String rule) {
		return new IllegalArgumentException("Invalid glob \"" + glob + "\": " + rule + ". Globs match difference "
				+ "paths such as public.orders.columns.total.type: * matches within one segment, ** any number of "
				+ "segments (e.g. public.audit_*, **.comment).");
	}

	/** Whether this glob matches {@code keys} or one of its ancestors; every segment may match any key. */
	boolean matchesPathOrAncestor(List<String> keys) {
		return match(0, keys, 0, null, true);
	}

	/**
	 * Whether this glob matches exactly {@code keys}, where {@code names[i]} says that {@code keys.get(i)} is an
	 * object's name, which only a wildcard may match.
	 */
	boolean matchesKeys(List<String> keys, boolean[] names) {
		return match(0, keys, 0, names, false);
	}

	private boolean match(int segment, List<String> keys, int key, boolean[] names, boolean prefix) {
		if (segment == segments.size()) {
			return prefix || key == keys.size();
		}
		String glob = segments.get(segment);
		if (glob.equals("**")) {
			for (int next = key; next <= keys.size(); next++) {
				if (match(segment + 1, keys, next, names, prefix)) {
					return true;
				}
			}
			return false;
		}
		if (key == keys.size()) {
			return false;
		}
		boolean segmentMatches = glob.indexOf('*') < 0
				? glob.equals(keys.get(key)) && (names == null || !names[key])
				: wildcard(glob, keys.get(key));
		return segmentMatches && match(segment + 1, keys, key + 1, names, prefix);
	}

	/** Whether {@code text} matches {@code glob}, whose {@code *} matches any run of characters. */
	private static boolean wildcard(String glob, String text) {
		int g = 0;
		int t = 0;
		int star = -1;
		int starText = 0;
		while (t < text.length()) {
			if (g < glob.length() && glob.charAt(g) == '*') {
				star = g++;
				starText = t;
			}
			else if (g < glob.length() && glob.charAt(g) == text.charAt(t)) {
				g++;
				t++;
			}
			else if (star >= 0) {
				g = star + 1;
				t = ++starText;
			}
			else {
				return false;
			}
		}
		while (g < glob.length() && glob.charAt(g) == '*') {
			g++;
		}
		return g == glob.length();
	}

	@Override
	public String toString() {
		return glob;
	}
}
