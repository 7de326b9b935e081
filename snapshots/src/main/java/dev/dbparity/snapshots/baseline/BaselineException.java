package dev.dbparity.snapshots.baseline;

/**
 * {@code BaselineException} is a baseline directory that cannot be used: missing, incomplete, or with a file that does
 * not match its manifest. The message names the file and how to repair it.
 *
 * @since 0.1
 */
public class BaselineException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public BaselineException(String message) {
		super(message);
	}

	public BaselineException(String message, Throwable cause) {
		super(message, cause);
	}
}
