package dev.dbparity.migrations;

import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code MigrationRunners} chooses the {@link MigrationRunner} a project configured, by id, among those registered with
 * {@link ServiceLoader}: {@code sql} (built in), {@code flyway} and {@code liquibase} (optional dependencies).
 *
 * <p>There is no detection from the classpath or the migrations folder: a project that has Flyway on its classpath for
 * other reasons still gets the runner it asked for.
 *
 * @since 0.1
 */
public final class MigrationRunners {

	/** {@code DEFAULT_ID} is the runner used when none is configured, {@value}. */
	public static final String DEFAULT_ID = SqlMigrationRunner.ID;

	private MigrationRunners() {
	}

	/**
	 * The runner with {@code id}, configured from {@code parameters}.
	 *
	 * @param setting where the id came from, for messages, e.g. {@code configuration parameter 'dbparity.migration.runner'}
	 * @throws MigrationException if no runner has the id (listing those that exist), or if it is unavailable (saying
	 *     what to add)
	 */
	public static MigrationRunner choose(String id, String setting, Function<String, Optional<String>> parameters) {
		String wanted = id.trim().toLowerCase(Locale.ROOT);
		TreeMap<String, MigrationRunner> runners = new TreeMap<>();
		for (MigrationRunner runner : ServiceLoader.load(MigrationRunner.class, MigrationRunners.class.getClassLoader())) {
			runners.putIfAbsent(runner.id(), runner);
		}
		MigrationRunner runner = runners.get(wanted);
		if (runner == null) {
			throw new MigrationException("Unknown migration runner '" + id + "' in " + setting + ". Allowed values: "
					+ String.join(", ", runners.keySet()) + ", e.g. dbparity.migration.runner=flyway.");
		}
		Optional<String> unavailable = runner.unavailableReason();
		if (unavailable.isPresent()) {
			throw new MigrationException("Migration runner '" + wanted + "' (" + setting + ") cannot be used: "
					+ unavailable.get());
		}
		return runner.configure(parameters);
	}
}
