package dev.dbparity.cli;

/** {@code CliException} ends a command with exit code 2 and its message on stderr. */
final class CliException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	CliException(String message) {
		super(message);
	}

	CliException(String message, Throwable cause) {
		super(message, cause);
	}
}
