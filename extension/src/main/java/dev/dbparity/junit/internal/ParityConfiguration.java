package dev.dbparity.junit.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.dbparity.baselines.EngineVersionMatch;
import dev.dbparity.junit.Isolation;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.Provider;
import dev.dbparity.migrations.MigrationGaps;
import dev.dbparity.migrations.MigrationRunners;
import dev.dbparity.snapshots.Engine;

/**
 * {@code ParityConfiguration} is the run-wide configuration read from JUnit configuration parameters, parsed once per
 * run. Annotation attributes override it (see {@link ClassSettings}).
 *
 * <p>Internal: may change in any minor release.
 */
public record ParityConfiguration(Optional<Engine> engine, Optional<Provider> provider, Optional<Isolation> isolation,
		Optional<String> migrations, Optional<String> seed, Optional<String> baseline, boolean failOnVersionMismatch,
		Optional<Integer> prefetch, boolean updateBaseline, Optional<String> tolerances,
		EngineVersionMatch engineVersionMatch, boolean printReport, Optional<String> seedProfile, boolean updateSeedLock,
		Optional<String> maskingKey, Map<Engine, Map<String, String>> engineSettings, String migrationRunner,
		Optional<String> compat, MigrationGaps migrationGaps, Optional<String> statisticsMaskingKey,
		Optional<String> sensitiveColumns, Optional<Long> seedMaxRows) {

	/** Settings read per engine from {@code dbparity.<engine>.<name>}. */
	static final String[] ENGINE_SETTINGS = { "version", "url", "user", "password", "image", "digest",
			"binaries.repository", "locale", "timezone" };

	public ParityConfiguration {
		engineSettings = Map.copyOf(engineSettings);
	}

	/**
	 * @param parameters looks up a configuration parameter by key
	 * @throws ExtensionConfigurationException naming the key, the value and the allowed values
	 */
	public static ParityConfiguration read(Function<String, Optional<String>> parameters) {
		Map<Engine, Map<String, String>> engineSettings = new java.util.EnumMap<>(Engine.class);
		for (Engine engine : new Engine[] { Engine.POSTGRES, Engine.MARIADB, Engine.MYSQL }) {
			Map<String, String> settings = new java.util.HashMap<>();
			for (String name : ENGINE_SETTINGS) {
				parameters.apply(ParityDatabase.ENGINE_SETTING_PROPERTY_PREFIX + engine.id() + "." + name)
					.ifPresent(value -> settings.put(name, value));
			}
			engineSettings.put(engine, settings);
		}
		return new ParityConfiguration(
				parse(parameters, ParityDatabase.ENGINE_PROPERTY_NAME, Engine::parse),
				parse(parameters, ParityDatabase.PROVIDER_PROPERTY_NAME, Provider::parse),
				parse(parameters, ParityDatabase.ISOLATION_PROPERTY_NAME, Isolation::parse),
				text(parameters, ParityDatabase.MIGRATIONS_PROPERTY_NAME),
				text(parameters, ParityDatabase.SEED_PROPERTY_NAME),
				text(parameters, ParityDatabase.BASELINE_PROPERTY_NAME),
				parse(parameters, ParityDatabase.VERSION_CHECK_PROPERTY_NAME, ParityConfiguration::parseVersionCheck)
					.orElse(true),
				parse(parameters, ParityDatabase.PREFETCH_PROPERTY_NAME, ParityConfiguration::parsePrefetch),
				parse(parameters, ParityDatabase.BASELINE_UPDATE_PROPERTY_NAME, ParityConfiguration::parseBoolean)
					.orElse(false),
				text(parameters, ParityDatabase.TOLERANCES_PROPERTY_NAME),
				parse(parameters, ParityDatabase.BASELINE_ENGINE_VERSION_PROPERTY_NAME, value -> constant(EngineVersionMatch.class, value))
					.orElse(EngineVersionMatch.MAJOR),
				parse(parameters, ParityDatabase.REPORT_PROPERTY_NAME, ParityConfiguration::parseBoolean).orElse(true),
				text(parameters, ParityDatabase.SEED_PROFILE_PROPERTY_NAME),
				parse(parameters, ParityDatabase.SEED_LOCK_UPDATE_PROPERTY_NAME, ParityConfiguration::parseBoolean)
					.orElse(false),
				text(parameters, ParityDatabase.MASKING_KEY_PROPERTY_NAME),
				engineSettings,
				text(parameters, ParityDatabase.MIGRATION_RUNNER_PROPERTY_NAME).orElse(MigrationRunners.DEFAULT_ID),
				text(parameters, ParityDatabase.COMPAT_PROPERTY_NAME),
				parse(parameters, ParityDatabase.MIGRATION_GAPS_PROPERTY_NAME, value -> constant(MigrationGaps.class, value))
					.orElse(MigrationGaps.WARN),
				text(parameters, ParityDatabase.STATISTICS_MASKING_KEY_PROPERTY_NAME),
				text(parameters, ParityDatabase.STATISTICS_SENSITIVE_COLUMNS_PROPERTY_NAME),
				parse(parameters, ParityDatabase.SEED_MAX_ROWS_PROPERTY_NAME, ParityConfiguration::parseMaxRows));

	}

	/** The settings of {@code engine}, from {@code dbparity.<engine>.*}. */
	public Map<String, String> settingsOf(Engine engine) {
		return engineSettings.getOrDefault(engine, Map.of());
	}

	private static Optional<String> text(Function<String, Optional<String>> parameters, String key) {
		return parameters.apply(key).map(String::trim).filter(value -> !value.isEmpty());
	}

	private static <T> Optional<T> parse(Function<String, Optional<String>> parameters, String key,
			Function<String, T> parser) {
		Optional<String> value = text(parameters, key);
		try {
			return value.map(parser);
		}
		catch (IllegalArgumentException e) {
			throw new ExtensionConfigurationException("Invalid value '" + value.orElseThrow() + "' for configuration parameter '"
					+ key + "': " + e.getMessage() + ". Fix: set one of the allowed values (-D" + key + "=… or in "
					+ "junit-platform.properties), or remove the key to get the default.", e);
		}
	}

	/** The constant of {@code type} named {@code value}, in any case. */
	private static <E extends Enum<E>> E constant(Class<E> type, String value) {
		return Arrays.stream(type.getEnumConstants())
			.filter(constant -> constant.name().equalsIgnoreCase(value.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("allowed values: " + Arrays.stream(type.getEnumConstants())
				.map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
	}

	private static boolean parseVersionCheck(String value) {
		return switch (value.toLowerCase(java.util.Locale.ROOT)) {
			case "fail" -> true;
			case "warn" -> false;
			default -> throw new IllegalArgumentException("allowed values: fail, warn");
		};
	}

	private static boolean parseBoolean(String value) {
		return switch (value.toLowerCase(java.util.Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException("allowed values: true, false");
		};
	}

	private static long parseMaxRows(String value) {
		try {
			long rows = Long.parseLong(value.replace("_", ""));
			if (rows >= 1) {
				return rows;
			}
		}
		catch (NumberFormatException e) {
			// reported below with the allowed values
		}
		throw new IllegalArgumentException("allowed values: a whole number from 1, e.g. 20000000");
	}

	private static int parsePrefetch(String value) {
		try {
			int prefetch = Integer.parseInt(value);
			if (prefetch >= 0 && prefetch <= 16) {
				return prefetch;
			}
		}
		catch (NumberFormatException e) {
			// reported below with the allowed values
		}
		throw new IllegalArgumentException("allowed values: a whole number from 0 to 16");
	}

	/** The choices that shape a run, without the masking keys and the engines' settings (passwords, URLs). */
	@Override
	public String toString() {
		return "ParityConfiguration[engine=" + engine + ", provider=" + provider + ", isolation=" + isolation
				+ ", migrations=" + migrations + ", migrationRunner=" + migrationRunner + ", seed=" + seed
				+ ", baseline=" + baseline + ", engine settings and keys not shown]";
	}
}
