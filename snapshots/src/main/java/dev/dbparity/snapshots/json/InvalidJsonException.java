package dev.dbparity.snapshots.json;

/**
 * {@code InvalidJsonException} is a file dbparity should read that is not valid JSON; the message names the file, the
 * line and column, and the fix.
 *
 * @since 0.1
 */
public class InvalidJsonException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InvalidJsonException(String message, Throwable cause) {
		super(message, cause);
	}
}
