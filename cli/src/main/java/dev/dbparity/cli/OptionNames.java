package dev.dbparity.cli;

import dev.dbparity.runtime.ConfigurationNames;
import dev.dbparity.runtime.SettingNames;

/** {@code OptionNames} words the runtime's advice for the command line's users: the option that sets it. */
final class OptionNames implements SettingNames {

	@Override
	public String of(String key) {
		return switch (key) {
			case ConfigurationNames.PROVIDER -> "--url JDBC, a server of your own";
			case ConfigurationNames.SEED -> "--seed FILE";
			// An engine's version pin: dbparity.postgres.version, dbparity.mariadb.version, …
			default -> key.endsWith(".version") ? "--version PIN" : key;
		};
	}
}
