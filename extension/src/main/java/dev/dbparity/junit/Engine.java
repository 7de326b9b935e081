package dev.dbparity.junit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code Engine} is the database engine a {@link ParityDatabase} runs on.
 *
 * <p>{@link #DEFAULT} is the annotation's sentinel: it means "read {@value ParityDatabase#ENGINE_PROPERTY_NAME},
 * else {@link #POSTGRES}".
 *
 * @since 0.1
 */
public enum Engine {

	/** Sentinel: use the configured engine, else {@link #POSTGRES}. */
	DEFAULT("default", ""),

	/** PostgreSQL. */
	POSTGRES("postgres", "PostgreSQL"),

	/** MariaDB. */
	MARIADB("mariadb", "MariaDB"),

	/** MySQL (Oracle). */
	MYSQL("mysql", "MySQL");

	private final String id;
	private final String displayName;

	Engine(String id, String displayName) {
		this.id = id;
		this.displayName = displayName;
	}

	/** The lower-case id used in configuration keys ({@code dbparity.<id>.url}) and reports. */
	public String id() {
		return id;
	}

	/** The product name, e.g. {@code PostgreSQL}. */
	public String displayName() {
		return displayName;
	}

	/**
	 * The runtime's engine this constant stands for.
	 *
	 * @throws IllegalStateException for {@link #DEFAULT}, which must be resolved from the configuration first
	 */
	public dev.dbparity.snapshots.Engine resolved() {
		if (this == DEFAULT) {
			throw new IllegalStateException("Engine.DEFAULT is the annotation's sentinel; resolve it from "
					+ ParityDatabase.ENGINE_PROPERTY_NAME + " first");
		}
		return dev.dbparity.snapshots.Engine.valueOf(name());
	}

	/** The constant that stands for the runtime's {@code engine}. */
	public static Engine of(dev.dbparity.snapshots.Engine engine) {
		return valueOf(engine.name());
	}

	/** {@code true} for MariaDB and MySQL, which share a wire protocol and most SQL. */
	public boolean isMySqlFamily() {
		return this == MARIADB || this == MYSQL;
	}

	/**
	 * Parses a configuration value such as {@code postgres} or {@code MariaDB}.
	 *
	 * @throws IllegalArgumentException naming the allowed values
	 */
	public static Engine parse(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(engine -> engine != DEFAULT && engine.id.equals(normalized))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("allowed values: " + allowedValues()));
	}

	/** The values a configuration parameter may take, comma-separated. */
	public static String allowedValues() {
		return Arrays.stream(values()).filter(engine -> engine != DEFAULT).map(Engine::id).collect(Collectors.joining(", "));
	}
}
