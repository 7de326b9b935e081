package dev.dbparity.lint;

/**
 * {@code Parameters} numbers a compat query's JDBC parameters for a PostgreSQL {@code PREPARE}, whose generic plan
 * leaves {@code $1}, {@code $2}, … unknown. Hand-written because the drivers keep their own parsers private;
 * it skips quoted text, quoted names, dollar-quoted bodies and comments, and {@code ??}, JDBC's escaped {@code ?}.
 */
final class Parameters {

	private Parameters() {
	}

	/**
	 * {@code sql} with its {@code ?} parameters written {@code $1}, {@code $2}, … and {@code ??} as {@code ?}, and how
	 * many parameters there are.
	 */
	record Numbered(String sql, int count) {
	}

	static Numbered numbered(String sql) {
		StringBuilder out = new StringBuilder(sql.length());
		int number = 0;
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			int end = skipped(sql, i);
			if (end > i) {
				out.append(sql, i, end);
				i = end;
			}
			else if (c == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
				out.append('?');
				i += 2;
			}
			else if (c == '?') {
				out.append('$').append(++number);
				i++;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return new Numbered(out.toString(), number);
	}

	/** The end of a quoted part or comment starting at {@code i}, or {@code i} when none starts there. */
	private static int skipped(String sql, int i) {
		char c = sql.charAt(i);
		if (c == '\'' || c == '"') {
			int close = sql.indexOf(c, i + 1);
			return close < 0 ? sql.length() : close + 1;
		}
		if (sql.startsWith("--", i)) {
			int close = sql.indexOf('\n', i);
			return close < 0 ? sql.length() : close + 1;
		}
		if (sql.startsWith("/*", i)) {
			int close = sql.indexOf("*/", i + 2);
			return close < 0 ? sql.length() : close + 2;
		}
		if (c == '$') {
			int tagEnd = sql.indexOf('$', i + 1);
			if (tagEnd > 0 && sql.substring(i + 1, tagEnd).matches("[A-Za-z_]*")) {
				String tag = sql.substring(i, tagEnd + 1);
				int close = sql.indexOf(tag, tagEnd + 1);
				return close < 0 ? sql.length() : close + tag.length();
			}
		}
		return i;
	}
}
