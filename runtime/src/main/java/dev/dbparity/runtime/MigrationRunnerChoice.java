package dev.dbparity.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code MigrationRunnerChoice} is the migration runner one database is migrated with when it is not the run's: a front
 * end that knows how the application migrates (Spring Boot's Flyway or Liquibase, configured by the application's
 * properties) passes it to {@link ParityRuntime#open(DatabaseSettings, String, boolean, Optional)}, so that the
 * template is migrated by that tool with that configuration.
 *
 * @param runnerId the runner's id ({@code flyway}, {@code liquibase})
 * @param source where the choice was made, for messages, e.g. {@code spring.flyway.* (Spring Boot's Flyway)}
 * @param parameters the runner's own parameters ({@code dbparity.flyway.locations}, …), which take the place of the
 *     run's; their values are part of the template's key
 * @param migrations the folder (or changelog) the runner's migrations are read from, when it is not the configured one
 * @since 0.1
 */
public record MigrationRunnerChoice(String runnerId, String source, Map<String, String> parameters,
		Optional<String> migrations) {

	public MigrationRunnerChoice {
		Objects.requireNonNull(runnerId, "runnerId");
		Objects.requireNonNull(source, "source");
		parameters = Map.copyOf(parameters);
		Objects.requireNonNull(migrations, "migrations");
	}

	/**
	 * This choice with {@code {engine}} and {@code {vendor}} in its parameters and migrations expanded for
	 * {@code engine}, as in a configured migrations folder ({@link DatabaseSettings#expandEngine}).
	 */
	public MigrationRunnerChoice expandedFor(Engine engine) {
		Map<String, String> expanded = new TreeMap<>();
		parameters.forEach((key, value) -> expanded.put(key, DatabaseSettings.expandEngine(value, engine)));
		return new MigrationRunnerChoice(runnerId, source, expanded,
				migrations.map(location -> DatabaseSettings.expandEngine(location, engine)));
	}

	/** The parameters in key order, so that equal choices key the same template. */
	String fingerprint() {
		return runnerId + new TreeMap<>(parameters);
	}

	/** Values hidden: a placeholder may hold a secret. */
	@Override
	public String toString() {
		return "MigrationRunnerChoice[" + runnerId + " from " + source + ", parameters " + new TreeMap<>(parameters)
			.keySet() + " (values " + Redaction.MASK + "), migrations " + migrations.orElse("as configured") + "]";
	}
}
