package dev.dbparity.runtime;

/**
 * {@code ParityException} is a runtime failure of dbparity itself: an engine that does not start, a migration that
 * fails, a database that cannot be cloned.
 *
 * <p>Its message names the engine, the JDBC URL (never a password) and the phase ({@code start}, {@code migrate},
 * {@code seed}, {@code snapshot}), then the cause; the cause is attached, never swallowed.
 *
 * @since 0.1
 */
public class ParityException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ParityException(String message) {
		super(message);
	}

	public ParityException(String message, Throwable cause) {
		super(message, cause);
	}
}
