package dev.dbparity.junit.internal;

import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.runtime.ConfigurationNames;
import dev.dbparity.runtime.SettingNames;

/**
 * {@code AnnotationSettingNames} words the runtime's advice for the extension's users: the {@link ParityDatabase}
 * attribute, with the configuration parameter beside it (as the messages said before the runtime left the extension).
 *
 * <p>Internal: may change in any minor release.
 */
public final class AnnotationSettingNames implements SettingNames {

	@Override
	public String of(String key) {
		return switch (key) {
			case ConfigurationNames.PROVIDER -> "@ParityDatabase(provider = …) or " + key
					+ " (auto, embedded, testcontainers, external)";
			case ConfigurationNames.SEED -> "@ParityDatabase(seed = \"…\") / " + key;
			case ConfigurationNames.MIGRATIONS -> "@ParityDatabase(migrations = \"…\")";
			case ConfigurationNames.BASELINE -> "@ParityDatabase(baseline = \"parity/baseline/production\") or the "
					+ "configuration parameter " + key;
			// An engine's version pin: dbparity.postgres.version, dbparity.mariadb.version, …
			default -> key.endsWith(".version") ? "@ParityDatabase(version = \"...\") or " + key : key;
		};
	}
}
