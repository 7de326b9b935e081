package dev.dbparity.runtime;

/**
 * {@code ParityConfigurationException} says that dbparity was configured in a way it cannot use: a setting, a file it
 * names, or a mode that is refused here (update modes on CI). Its message says which setting, why, and how to fix it.
 * Front ends report it as their own kind of configuration error (the JUnit extension as an
 * {@code ExtensionConfigurationException}).
 *
 * @since 0.1
 */
public class ParityConfigurationException extends ParityException {

	private static final long serialVersionUID = 1L;

	public ParityConfigurationException(String message) {
		super(message);
	}

	public ParityConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}
}
