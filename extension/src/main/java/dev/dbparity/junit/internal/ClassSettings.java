package dev.dbparity.junit.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.dbparity.baselines.BaselineSettings;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.VersionPin;
import dev.dbparity.junit.Isolation;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.Provider;
import dev.dbparity.runtime.DatabaseSettings;
import dev.dbparity.snapshots.Engine;

/**
 * {@code ClassSettings} is one {@link ParityDatabase} with every attribute resolved: annotation attribute, else
 * configuration parameter, else default — the runtime's {@link DatabaseSettings} and the test scope it is opened for.
 *
 * <p>Internal: may change in any minor release.
 */
public record ClassSettings(DatabaseSettings database, Isolation isolation) {

	/**
	 * @param declaredOn where the annotation was found, for error messages
	 * @throws ExtensionConfigurationException for an attribute or parameter dbparity cannot use
	 */
	public static ClassSettings resolve(ParityDatabase annotation, ParityConfiguration configuration, String declaredOn) {
		Engine engine = annotation.engine() != dev.dbparity.junit.Engine.DEFAULT ? annotation.engine().resolved()
				: configuration.engine().orElse(Engine.POSTGRES);
		Map<String, String> engineSettings = configuration.settingsOf(engine);
		String version = !annotation.version().isBlank() ? annotation.version()
				: engineSettings.getOrDefault("version", DatabaseSettings.defaultVersion(engine));
		try {
			VersionPin.parse(version);
		}
		catch (IllegalArgumentException e) {
			String source = !annotation.version().isBlank() ? "@ParityDatabase(version) on " + declaredOn
					: "configuration parameter 'dbparity." + engine.id() + ".version'";
			throw new ExtensionConfigurationException("Invalid engine version in " + source + ": " + e.getMessage() + ".", e);
		}
		Optional<String> migrations = nonBlank(annotation.migrations()).or(configuration::migrations)
			.map(location -> DatabaseSettings.expandEngine(location, engine));
		int prefetch = configuration.prefetch().orElse(DatabaseSettings.defaultPrefetch(engine));
		Provider provider = annotation.provider() != Provider.DEFAULT ? annotation.provider()
				: configuration.provider().orElse(Provider.AUTO);
		DatabaseSettings database = new DatabaseSettings(new EngineSpec(engine, version, engineSettings), provider.id(),
				migrations.or(() -> Optional.of(DatabaseSettings.DEFAULT_MIGRATIONS)), migrations.isPresent(),
				nonBlank(annotation.seed()).or(configuration::seed),
				new BaselineSettings(nonBlank(annotation.baseline()).or(configuration::baseline),
						configuration.updateBaseline(), configuration.tolerances(), configuration.engineVersionMatch(),
						List.of(annotation.ignore()), configuration.compat(), configuration.statisticsMaskingKey(),
						configuration.sensitiveColumns()),
				configuration.failOnVersionMismatch(), prefetch);
		return new ClassSettings(database, annotation.isolation() != Isolation.DEFAULT ? annotation.isolation()
				: configuration.isolation().orElse(Isolation.PER_CLASS));
	}

	private static Optional<String> nonBlank(String value) {
		return Optional.of(value.trim()).filter(text -> !text.isEmpty());
	}
}
