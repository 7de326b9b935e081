package dev.dbparity.snapshots.sqltext;

/**
 * {@code QuotedText} finds where a quoted string or identifier ends in SQL text. Hand-written because the readers
 * that scan SQL (CHECK clauses, a migration's RENAMEs) need exact positions, not a parser.
 *
 * @since 0.1
 */
public final class QuotedText {

	private QuotedText() {
	}

	/**
	 * The index after the quote that closes the one at {@code start}: a doubled quote does not close it, and neither
	 * does one after a backslash when {@code backslashEscapes} (MariaDB/MySQL strings); the text's length when it is
	 * never closed.
	 */
	public static int end(String text, int start, boolean backslashEscapes) {
		char quote = text.charAt(start);
		int i = start + 1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\' && backslashEscapes) {
				i += 2;
			}
			else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
				i += 2;
			}
			else if (c == quote) {
				return i + 1;
			}
			else {
				i++;
			}
		}
		return text.length();
	}
}
