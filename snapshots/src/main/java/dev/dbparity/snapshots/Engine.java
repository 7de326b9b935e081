package dev.dbparity.snapshots;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code Engine} is a database engine dbparity reads, seeds and runs: the one engine type below the front ends.
 *
 * <p>Every per-engine concern is looked up from it — the catalog reader, the statistics collector, the seeder's bulk
 * loader, the runtime's dialect and dry run — and {@link #of(Connection)} is the only place that tells an engine from a
 * live connection. The JUnit annotation has its own {@code Engine} with a {@code DEFAULT} sentinel, which an annotation
 * attribute needs and nothing below it may see.
 *
 * @since 0.1
 */
public enum Engine {

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

	/** {@code true} for MariaDB and MySQL, which share a wire protocol and most SQL. */
	public boolean isMySqlFamily() {
		return this == MARIADB || this == MYSQL;
	}

	/** Whether DDL runs inside transactions; MariaDB and MySQL commit it implicitly. */
	public boolean hasTransactionalDdl() {
		return this == POSTGRES;
	}

	/** The port the server listens on unless told otherwise. */
	public int defaultPort() {
		return this == POSTGRES ? 5432 : 3306;
	}

	/** The superuser a fresh server has. */
	public String superuser() {
		return this == POSTGRES ? "postgres" : "root";
	}

	/**
	 * The engine a connection talks to, from the driver's product name (MariaDB's server reports itself as MySQL to
	 * Connector/J, so the version string decides between the two).
	 *
	 * @throws SQLException naming the product when it is not PostgreSQL, MariaDB or MySQL
	 */
	public static Engine of(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (product.contains("postgres")) {
			return POSTGRES;
		}
		if (product.contains("mariadb")) {
			return MARIADB;
		}
		if (product.contains("mysql")) {
			String version = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT);
			return version.contains("mariadb") ? MARIADB : MYSQL;
		}
		throw new SQLException("dbparity works with PostgreSQL, MariaDB and MySQL, not "
				+ connection.getMetaData().getDatabaseProductName());
	}

	/**
	 * Parses a configuration value such as {@code postgres} or {@code MariaDB}.
	 *
	 * @throws IllegalArgumentException naming the allowed values
	 */
	public static Engine parse(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(engine -> engine.id.equals(normalized))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("allowed values: " + allowedValues()));
	}

	/** The values a configuration parameter may take, comma-separated. */
	public static String allowedValues() {
		return Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", "));
	}
}
