package dev.dbparity.junit.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.Isolation;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.Provider;
import dev.dbparity.junit.engine.EngineSpec;
import dev.dbparity.junit.engine.VersionPin;

/**
 * {@code DatabaseSettings} is one {@link ParityDatabase} with every attribute resolved: annotation attribute, else
 * configuration parameter, else default.
 *
 * <p>Internal: may change in any minor release.
 */
public record DatabaseSettings(EngineSpec engineSpec, Provider provider, Isolation isolation,
		Optional<String> migrations, boolean migrationsExplicit, Optional<String> seed, BaselineSettings baseline,
		boolean failOnVersionMismatch, int prefetch) {

	static final String DEFAULT_MIGRATIONS = "db/migration";

	/**
	 * @param declaredOn where the annotation was found, for error messages
	 * @throws ExtensionConfigurationException for an attribute or parameter dbparity cannot use
	 */
	public static DatabaseSettings resolve(ParityDatabase annotation, ParityConfiguration configuration, String declaredOn) {
		Engine engine = annotation.engine() != Engine.DEFAULT ? annotation.engine()
				: configuration.engine().orElse(Engine.POSTGRES);
		Map<String, String> engineSettings = configuration.settingsOf(engine);
		String version = !annotation.version().isBlank() ? annotation.version()
				: engineSettings.getOrDefault("version", defaultVersion(engine));
		try {
			VersionPin.parse(version);
		}
		catch (IllegalArgumentException e) {
			String source = !annotation.version().isBlank() ? "@ParityDatabase(version) on " + declaredOn
					: "configuration parameter 'dbparity." + engine.id() + ".version'";
			throw new ExtensionConfigurationException("Invalid engine version in " + source + ": " + e.getMessage() + ".", e);
		}
		Optional<String> migrations = nonBlank(annotation.migrations()).or(configuration::migrations)
			.map(location -> expandEngine(location, engine));
		int prefetch = configuration.prefetch().orElse(engine == Engine.POSTGRES ? 0 : 2);
		return new DatabaseSettings(new EngineSpec(engine, version, engineSettings),
				annotation.provider() != Provider.DEFAULT ? annotation.provider()
						: configuration.provider().orElse(Provider.AUTO),
				annotation.isolation() != Isolation.DEFAULT ? annotation.isolation()
						: configuration.isolation().orElse(Isolation.PER_CLASS),
				migrations.or(() -> Optional.of(DEFAULT_MIGRATIONS)), migrations.isPresent(),
				nonBlank(annotation.seed()).or(configuration::seed),
				new BaselineSettings(nonBlank(annotation.baseline()).or(configuration::baseline),
						configuration.updateBaseline(), configuration.tolerances(), configuration.engineVersionMatch(),
						List.of(annotation.ignore()), configuration.compat(), configuration.statisticsMaskingKey(),
						configuration.sensitiveColumns()),
				configuration.failOnVersionMismatch(), prefetch);
	}

	/** The pins used when neither the annotation nor the configuration gives one. */
	public static String defaultVersion(Engine engine) {
		return switch (engine) {
			case POSTGRES -> "17.6";
			case MARIADB -> "10.11";
			case MYSQL -> "8.4";
			case DEFAULT -> throw new IllegalArgumentException("engine must be resolved");
		};
	}

	/**
	 * One project can keep a migrations folder per engine: {@code {engine}} expands to our id ({@code postgres}) and
	 * {@code {vendor}} to Flyway's ({@code postgresql}), so a Flyway layout works as it is.
	 */
	private static String expandEngine(String location, Engine engine) {
		return location.replace("{engine}", engine.id())
			.replace("{vendor}", engine == Engine.POSTGRES ? "postgresql" : engine.id());
	}

	private static Optional<String> nonBlank(String value) {
		return Optional.of(value.trim()).filter(text -> !text.isEmpty());
	}
}
