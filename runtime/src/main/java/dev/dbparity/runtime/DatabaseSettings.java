package dev.dbparity.runtime;

import java.util.Objects;
import java.util.Optional;

import dev.dbparity.baselines.BaselineSettings;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.snapshots.Engine;

/**
 * {@code DatabaseSettings} is everything the runtime needs to give a front end one database: the engine and where it
 * comes from, the migrations and seed rules of its template, and the baseline it is compared with. Front ends resolve
 * their own sources (annotation attributes, configuration parameters, Spring properties) into it.
 *
 * @param engineSpec the engine, its version pin and its {@code dbparity.<engine>.*} settings
 * @param providerId the provider's id ({@code embedded}, {@code testcontainers}, {@code external}), or
 *     {@link dev.dbparity.engines.Engines#AUTO}
 * @param migrations where the migrations are, engine placeholders expanded
 * @param migrationsExplicit whether the user named the location (a default location may be absent)
 * @param seed the seed rules' location, if any
 * @param baseline how the database compares with its committed baseline
 * @param failOnVersionMismatch whether an external server of another version than the pin fails
 * @param prefetch how many clones the template keeps ready in the background
 * @since 0.1
 */
public record DatabaseSettings(EngineSpec engineSpec, String providerId, Optional<String> migrations,
		boolean migrationsExplicit, Optional<String> seed, BaselineSettings baseline, boolean failOnVersionMismatch,
		int prefetch) {

	/** Where migrations are looked for when no location is configured. */
	public static final String DEFAULT_MIGRATIONS = "db/migration";

	public DatabaseSettings {
		Objects.requireNonNull(engineSpec, "engineSpec");
		Objects.requireNonNull(providerId, "providerId");
		Objects.requireNonNull(migrations, "migrations");
		Objects.requireNonNull(seed, "seed");
		Objects.requireNonNull(baseline, "baseline");
	}

	/** These settings with their migrations at {@code location}, named by the user. */
	public DatabaseSettings withMigrations(String location) {
		return new DatabaseSettings(engineSpec, providerId, Optional.of(location), true, seed, baseline,
				failOnVersionMismatch, prefetch);
	}

	/** The pins used when no version is configured. */
	public static String defaultVersion(Engine engine) {
		return switch (engine) {
			case POSTGRES -> "17.6";
			case MARIADB -> "10.11";
			case MYSQL -> "8.4";
		};
	}

	/**
	 * The clones kept ready when none is configured: on PostgreSQL a pool sized by the cores once a template is asked
	 * for a second clone ({@link dev.dbparity.templates.TemplateDatabase#AUTO_PREFETCH}), on MariaDB and MySQL two.
	 */
	public static int defaultPrefetch(Engine engine) {
		return engine == Engine.POSTGRES ? dev.dbparity.templates.TemplateDatabase.AUTO_PREFETCH : 2;
	}

	/**
	 * One project can keep a migrations folder per engine: {@code {engine}} expands to our id ({@code postgres}) and
	 * {@code {vendor}} to Flyway's ({@code postgresql}), so a Flyway layout works as it is.
	 */
	public static String expandEngine(String location, Engine engine) {
		return location.replace("{engine}", engine.id())
			.replace("{vendor}", engine == Engine.POSTGRES ? "postgresql" : engine.id());
	}
}
