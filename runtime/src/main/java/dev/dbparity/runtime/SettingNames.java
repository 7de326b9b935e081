package dev.dbparity.runtime;

/**
 * {@code SettingNames} says how a front end's users set a configuration key, for the runtime's messages that advise
 * one: the JUnit extension's users write an annotation attribute or a configuration parameter, the command line's an
 * option. The runtime names the key ({@link ConfigurationNames}, or an engine's {@code dbparity.<engine>.version}); the
 * front end gives the words.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SettingNames {

	/** The key itself, for users who write configuration keys. */
	SettingNames KEYS = key -> key;

	/** How users set {@code key}, such as {@code --version PIN} for {@code dbparity.postgres.version}. */
	String of(String key);
}
