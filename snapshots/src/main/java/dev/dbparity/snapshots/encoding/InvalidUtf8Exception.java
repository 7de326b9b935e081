package dev.dbparity.snapshots.encoding;

/**
 * {@code InvalidUtf8Exception} is thrown for a file that is not valid UTF-8. Its message names the file, the line and
 * column of the first invalid byte, its byte offset and value, and how to fix the file; callers that know more (which
 * migration, which rules entry) put it in front.
 *
 * @since 0.1
 */
public final class InvalidUtf8Exception extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String source;
	private final int line;
	private final int column;
	private final long byteOffset;
	private final String problem;
	private final String fix;

	InvalidUtf8Exception(String source, int line, int column, long byteOffset, String problem, String fix) {
		super(source + ":" + line + ":" + column + ": " + problem + ". Fix: " + fix + ".");
		this.source = source;
		this.line = line;
		this.column = column;
		this.byteOffset = byteOffset;
		this.problem = problem;
		this.fix = fix;
	}

	/** {@code problem} is what is wrong, without the position: {@code invalid UTF-8 at byte offset 51 (0xEB): …}. */
	public String problem() {
		return problem;
	}

	/** {@code fix} is how to repair the file. */
	public String fix() {
		return fix;
	}

	/** {@code source} is the file as it was named to {@link StrictUtf8#decode}. */
	public String source() {
		return source;
	}

	/** {@code line} is the 1-based line of the first invalid byte. */
	public int line() {
		return line;
	}

	/** {@code column} is the 1-based column (in characters) of the first invalid byte. */
	public int column() {
		return column;
	}

	/** {@code byteOffset} is the 0-based offset of the first invalid byte in the file. */
	public long byteOffset() {
		return byteOffset;
	}
}
