package dev.dbparity.snapshots.statistics;

/**
 * {@code SensitiveColumnsException} is a statistics capture refused because it could reveal personal data: a
 * sensitive column named (in a file, on the command line) that matches no column, a file of sensitive columns that
 * cannot be read, or sensitive columns that would be hashed with the public development key. The message says what,
 * where ({@code file:line:column}, {@code schema.table.column}) and how to fix it, and holds no value of any column.
 *
 * @since 0.1
 */
public class SensitiveColumnsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SensitiveColumnsException(String message) {
		super(message);
	}

	public SensitiveColumnsException(String message, Throwable cause) {
		super(message, cause);
	}
}
