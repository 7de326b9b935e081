package dev.dbparity.seeding.yaml;

/**
 * {@code MalformedYamlException} is thrown for a file that is not YAML at all; its message starts with
 * {@code file:line:column}.
 *
 * @since 0.1
 */
public final class MalformedYamlException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MalformedYamlException(String message, Throwable cause) {
		super(message, cause);
	}
}
