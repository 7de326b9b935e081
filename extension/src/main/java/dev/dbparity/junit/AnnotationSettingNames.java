package dev.dbparity.junit;

import dev.dbparity.runtime.ConfigurationNames;
import dev.dbparity.runtime.SettingNames;

/**
 * {@code AnnotationSettingNames} words the runtime's advice for the extension's users: the {@link ParityDatabase}
 * attribute, with the configuration parameter beside it.
 */
final class AnnotationSettingNames implements SettingNames {

	@Override
	public String of(String key) {
		return switch (key) {
			case ConfigurationNames.PROVIDER -> "@ParityDatabase(provider = …) or " + key
					+ " (auto, embedded, testcontainers, external)";
			case ConfigurationNames.SEED -> "@ParityDatabase(seed = \"…\") / " + key;
			// An engine's version pin: dbparity.postgres.version, dbparity.mariadb.version, …
			default -> key.endsWith(".version") ? "@ParityDatabase(version = \"...\") or " + key : key;
		};
	}
}
