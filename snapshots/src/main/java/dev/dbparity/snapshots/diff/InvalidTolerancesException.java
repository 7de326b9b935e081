package dev.dbparity.snapshots.diff;

/**
 * {@code InvalidTolerancesException} is a {@code parity/tolerances.yaml} that cannot be used; the message names the
 * file, the line and column, the offending value, the rule and a fix.
 *
 * @since 0.1
 */
public class InvalidTolerancesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InvalidTolerancesException(String message, Throwable cause) {
		super(message, cause);
	}
}
