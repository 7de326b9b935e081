package dev.dbparity.migrations;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code SqlStatement} is one statement of a script, as {@link SqlScriptSplitter} found it.
 *
 * @param line the 1-based line of the statement's first character that is neither blank nor part of a comment
 * @param sql the statement text, without its delimiter
 * @since 0.1
 */
public record SqlStatement(int line, String sql) {

	private static final Pattern LEADING_COMMENTS = Pattern.compile("(?s)^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*");

	public SqlStatement {
		Objects.requireNonNull(sql, "sql");
		if (line < 1) {
			throw new IllegalArgumentException("line must be at least 1, but was: " + line);
		}
	}

	/**
	 * {@code code} is the statement without the blanks and comments before it (a script's header travels with its
	 * first statement), for recognising what kind of statement it is.
	 */
	public String code() {
		return LEADING_COMMENTS.matcher(sql).replaceFirst("");
	}

	/** {@code abbreviated} is the statement on one line, cut to about {@code maxLength} characters, for messages. */
	public String abbreviated(int maxLength) {
		String oneLine = sql.strip().replaceAll("\\s+", " ");
		return oneLine.length() <= maxLength ? oneLine : oneLine.substring(0, maxLength) + "…";
	}
}
