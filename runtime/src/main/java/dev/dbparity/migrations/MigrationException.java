package dev.dbparity.migrations;

import dev.dbparity.runtime.ParityException;

/**
 * {@code MigrationException} is a failure to load or apply migrations: a missing or malformed migration folder, a
 * migration edited after it was applied, a missing undo script, or a failing statement.
 *
 * <p>Its message says what failed, where (location or {@code file:line}), why, and how to fix it; a database error is
 * attached as the cause.
 *
 * @since 0.1
 */
public class MigrationException extends ParityException {

	private static final long serialVersionUID = 1L;

	public MigrationException(String message) {
		super(message);
	}

	public MigrationException(String message, Throwable cause) {
		super(message, cause);
	}
}
