package dev.dbparity.spring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

import dev.dbparity.runtime.DatabaseSettings;
import dev.dbparity.runtime.MigrationRunnerChoice;
import dev.dbparity.runtime.ParityConfigurationException;
import dev.dbparity.snapshots.Engine;

/**
 * {@code ApplicationMigrations} reads how a Spring Boot application migrates its database — Spring Boot's Flyway or
 * Liquibase, when on the classpath and enabled — from the context's properties, as the runner that dbparity migrates
 * the template with: the same tool, the same locations, placeholders and changelog.
 */
final class ApplicationMigrations {

	static final String FLYWAY_ENABLED = "spring.flyway.enabled";
	static final String FLYWAY_LOCATIONS = "spring.flyway.locations";
	static final String FLYWAY_PLACEHOLDERS = "spring.flyway.placeholders";
	static final String FLYWAY_SCHEMAS = "spring.flyway.schemas";
	static final String LIQUIBASE_ENABLED = "spring.liquibase.enabled";
	static final String LIQUIBASE_CHANGE_LOG = "spring.liquibase.change-log";

	/** The property source Spring Boot attaches over all others ({@code ConfigurationPropertySources}). */
	private static final String ATTACHED_VIEW = "configurationProperties";

	/** Spring Boot's own defaults. */
	private static final String DEFAULT_FLYWAY_LOCATION = "classpath:db/migration";
	private static final String DEFAULT_CHANGE_LOG = "classpath:/db/changelog/db.changelog-master.yaml";

	/** Boot 3's and Boot 4's auto-configurations, named: which one is present depends on the user's Boot. */
	private static final List<String> FLYWAY_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");
	private static final List<String> LIQUIBASE_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration",
			"org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration");

	private ApplicationMigrations() {
	}

	/**
	 * The runner the application migrates with, if Spring Boot migrates it.
	 *
	 * @param engine the engine the class runs on, for Flyway's {@code {vendor}} in locations
	 * @throws ParityConfigurationException for a location or changelog that does not exist
	 */
	static Optional<MigrationRunnerChoice> of(ConfigurableEnvironment environment, Optional<Engine> engine,
			ClassLoader classLoader) {
		if (flywayEnabled(environment, classLoader) && liquibaseEnabled(environment, classLoader)) {
			throw new ParityConfigurationException("Both Spring Boot's Flyway and its Liquibase are on the classpath and "
					+ "enabled (" + FLYWAY_ENABLED + origin(environment, FLYWAY_ENABLED) + ", " + LIQUIBASE_ENABLED
					+ origin(environment, LIQUIBASE_ENABLED) + "), so Spring would run both, and dbparity migrates its "
					+ "template with one tool. Fix: switch off the one the application does not migrate with, e.g. "
					+ LIQUIBASE_ENABLED + "=false in application.properties, or remove its dependency.");
		}
		if (flywayEnabled(environment, classLoader)) {
			return Optional.of(flyway(environment, engine, classLoader));
		}
		if (liquibaseEnabled(environment, classLoader)) {
			return Optional.of(liquibase(environment, classLoader));
		}
		return Optional.empty();
	}

	static boolean flywayEnabled(ConfigurableEnvironment environment, ClassLoader classLoader) {
		return ClassUtils.isPresent("org.flywaydb.core.Flyway", classLoader)
				&& FLYWAY_AUTO_CONFIGURATIONS.stream().anyMatch(name -> ClassUtils.isPresent(name, classLoader))
				&& environment.getProperty(FLYWAY_ENABLED, Boolean.class, true);
	}

	static boolean liquibaseEnabled(ConfigurableEnvironment environment, ClassLoader classLoader) {
		return ClassUtils.isPresent("liquibase.Liquibase", classLoader)
				&& LIQUIBASE_AUTO_CONFIGURATIONS.stream().anyMatch(name -> ClassUtils.isPresent(name, classLoader))
				&& environment.getProperty(LIQUIBASE_ENABLED, Boolean.class, true);
	}

	private static MigrationRunnerChoice flyway(ConfigurableEnvironment environment, Optional<Engine> engine,
			ClassLoader classLoader) {
		Binder binder = Binder.get(environment);
		List<String> locations = binder.bind(FLYWAY_LOCATIONS, Bindable.listOf(String.class))
			.orElse(List.of(DEFAULT_FLYWAY_LOCATION)).stream()
			.map(location -> engine.map(known -> DatabaseSettings.expandEngine(location.trim(), known))
				.orElse(location.trim()))
			.toList();
		for (String location : locations) {
			// An unexpanded {vendor} must exist for some engine; the runtime expands it for the class's.
			if (Arrays.stream(Engine.values()).noneMatch(candidate -> exists(DatabaseSettings.expandEngine(location,
					candidate), classLoader))) {
				throw new ParityConfigurationException("Spring Boot's Flyway location '" + location + "' does not exist ("
						+ FLYWAY_LOCATIONS + origin(environment, FLYWAY_LOCATIONS) + "), so the application's migrations "
						+ "cannot be applied to dbparity's database. Fix: name an existing folder, e.g. " + FLYWAY_LOCATIONS
						+ "=" + DEFAULT_FLYWAY_LOCATION + " (src/main/resources/db/migration), or filesystem:<path>.");
			}
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("dbparity.flyway.locations", String.join(",", locations));
		binder.bind(FLYWAY_PLACEHOLDERS, Bindable.mapOf(String.class, String.class)).orElse(Map.of())
			.forEach((name, value) -> parameters.put("dbparity.flyway.placeholders." + name, value));
		binder.bind(FLYWAY_SCHEMAS, Bindable.listOf(String.class))
			.ifBound(schemas -> parameters.put("dbparity.flyway.schemas", String.join(",", schemas)));
		return new MigrationRunnerChoice("flyway", "Spring Boot's Flyway (spring.flyway.*)", parameters,
				Optional.of(folder(locations.get(0))));
	}

	private static MigrationRunnerChoice liquibase(ConfigurableEnvironment environment, ClassLoader classLoader) {
		String changeLog = environment.getProperty(LIQUIBASE_CHANGE_LOG, DEFAULT_CHANGE_LOG).trim();
		String path = changeLog.startsWith("classpath:") ? changeLog.substring("classpath:".length()) : changeLog;
		path = path.startsWith("/") ? path.substring(1) : path;
		if (!path.startsWith("file:") && classLoader.getResource(path) == null) {
			throw new ParityConfigurationException("Spring Boot's Liquibase changelog '" + changeLog + "' does not exist ("
					+ LIQUIBASE_CHANGE_LOG + origin(environment, LIQUIBASE_CHANGE_LOG) + "), so the application's "
					+ "migrations cannot be applied to dbparity's database. Fix: name an existing changelog, e.g. "
					+ LIQUIBASE_CHANGE_LOG + "=" + DEFAULT_CHANGE_LOG + ".");
		}
		return new MigrationRunnerChoice("liquibase", "Spring Boot's Liquibase (spring.liquibase.*)",
				Map.of("dbparity.liquibase.changelog", path), Optional.empty());
	}

	/** dbparity's location of a Flyway location: a classpath folder, or {@code file:} a path. */
	private static String folder(String location) {
		if (location.startsWith("filesystem:")) {
			return "file:" + location.substring("filesystem:".length());
		}
		String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
		return path.startsWith("/") ? path.substring(1) : path;
	}

	private static boolean exists(String location, ClassLoader classLoader) {
		if (location.startsWith("filesystem:")) {
			return Files.isDirectory(Path.of(location.substring("filesystem:".length())));
		}
		return classLoader.getResource(folder(location)) != null;
	}

	/** Where a property was set, e.g. {@code  in application.properties}, when Spring can tell. */
	private static String origin(ConfigurableEnvironment environment, String key) {
		for (PropertySource<?> source : environment.getPropertySources()) {
			// Boot's view of all the others comes first and names none of them.
			if (!source.getName().equals(ATTACHED_VIEW) && source.containsProperty(key)) {
				String name = source.getName();
				int bracket = name.indexOf('[');
				// Boot names its config files "Config resource 'class path resource [application.properties]' via …".
				return " in " + (bracket >= 0 && name.indexOf(']', bracket) > bracket
						? name.substring(bracket + 1, name.indexOf(']', bracket)) : name);
			}
		}
		return ", Spring Boot's default";
	}
}
