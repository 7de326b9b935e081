package dev.dbparity.junit;

/**
 * {@code Engine} is the database engine a {@link ParityDatabase} runs on.
 *
 * <p>{@link #DEFAULT} is the annotation's sentinel: it means "read {@value ParityDatabase#ENGINE_PROPERTY_NAME},
 * else {@link #POSTGRES}". Every other constant stands for the runtime's engine of the same name
 * ({@link #resolved()}), which holds what is known about it.
 *
 * @since 0.1
 */
public enum Engine {

	/** Sentinel: use the configured engine, else {@link #POSTGRES}. */
	DEFAULT,

	/** PostgreSQL. */
	POSTGRES,

	/** MariaDB. */
	MARIADB,

	/** MySQL (Oracle). */
	MYSQL;

	/**
	 * The lower-case id used in configuration keys ({@code dbparity.<id>.url}) and reports; {@code default} for the
	 * sentinel.
	 */
	public String id() {
		return this == DEFAULT ? "default" : resolved().id();
	}

	/** The product name, e.g. {@code PostgreSQL}; empty for the sentinel. */
	public String displayName() {
		return this == DEFAULT ? "" : resolved().displayName();
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
		return this != DEFAULT && resolved().isMySqlFamily();
	}

	/**
	 * Parses a configuration value such as {@code postgres} or {@code MariaDB}.
	 *
	 * @throws IllegalArgumentException naming the allowed values
	 */
	public static Engine parse(String value) {
		return of(dev.dbparity.snapshots.Engine.parse(value));
	}

	/** The values a configuration parameter may take, comma-separated. */
	public static String allowedValues() {
		return dev.dbparity.snapshots.Engine.allowedValues();
	}
}
