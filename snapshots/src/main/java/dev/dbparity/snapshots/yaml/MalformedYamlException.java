package dev.dbparity.snapshots.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * {@code MalformedYamlException} is thrown for a file that is not YAML at all; its message starts with
 * {@code file:line:column}.
 *
 * <p>It carries the document as far as it was read ({@link #partial()}), so that a reader of a format can report a
 * mistake written above the syntax error first, as a reader going down the file meets it first: in
 * {@code defaults: nullFraction: 0.02}, that {@code defaults} is given text instead of a mapping.
 *
 * @since 0.1
 */
public final class MalformedYamlException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int line;
	private final int column;
	private final String problem;
	private final transient YamlNode partial;

	MalformedYamlException(String source, int line, int column, String problem, YamlNode partial,
			JsonProcessingException cause) {
		super(source + ":" + line + ":" + column + ": " + problem
				+ ". Fix the YAML syntax at that position (indentation, quoting, a repeated key).", cause);
		this.line = line;
		this.column = column;
		this.problem = problem;
		this.partial = partial;
	}

	/** {@code line} is the 1-based line of the syntax error. */
	public int line() {
		return line;
	}

	/** {@code column} is the 1-based column of the syntax error. */
	public int column() {
		return column;
	}

	/** {@code problem} is what is wrong, without the position and the fix: {@code malformed YAML: …}. */
	public String problem() {
		return problem;
	}

	/**
	 * The document up to the syntax error: every mapping and list still open there closed with the entries read before
	 * it; a {@code null} node when nothing was read.
	 */
	public YamlNode partial() {
		return partial;
	}

	/** The parser's own exception, whose location and words a format's reader may explain in its own terms. */
	@Override
	public synchronized JsonProcessingException getCause() {
		return (JsonProcessingException) super.getCause();
	}
}
