package dev.dbparity.migrations.flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.dbparity.migrations.AppliedMigration;
import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationFormat;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.Script;
import dev.dbparity.snapshots.Engine;

/**
 * {@code FlywayMigrationRunner} is the {@link MigrationRunner} (id {@value #ID}) for projects migrated by Flyway, chosen
 * with {@code dbparity.migration.runner=flyway}.
 *
 * <p>Forward, it runs Flyway's own {@code migrate}, so placeholders, callbacks, Java migrations and Flyway's table
 * {@value #HISTORY_TABLE} behave as in production. Backward, it runs dbparity's {@code U<version>__…sql} scripts beside
 * the {@code V} scripts (Flyway's open-source edition has no undo) and deletes Flyway's history row of each undone
 * version, so that Flyway sees the database at the lower version. A Java migration cannot be undone this way: migrating
 * below one fails before anything is undone.
 *
 * <p>Configuration parameters: {@value #LOCATIONS_PROPERTY_NAME} (Flyway locations, comma-separated; default: the
 * migrations folder, as {@code classpath:…} or {@code filesystem:…}) and {@value #PLACEHOLDER_PROPERTY_PREFIX}{@code <name>}
 * for each {@code ${name}} placeholder used in the scripts.
 *
 * <p>Flyway is an optional dependency: without {@code org.flywaydb:flyway-core} (and
 * {@code flyway-database-postgresql} or {@code flyway-mysql}) on the classpath, choosing this runner fails with a
 * message naming them. This class mentions no Flyway type, so that {@link java.util.ServiceLoader} can create it
 * regardless.
 *
 * @since 0.1
 */
public final class FlywayMigrationRunner implements MigrationRunner {

	/** {@code ID} is the runner's id, {@value}. */
	public static final String ID = "flyway";

	/** {@code HISTORY_TABLE} is Flyway's default history table, {@value}. */
	public static final String HISTORY_TABLE = "flyway_schema_history";

	/** {@code LOCATIONS_PROPERTY_NAME} is the configuration parameter with Flyway's locations, {@value}. */
	public static final String LOCATIONS_PROPERTY_NAME = "dbparity.flyway.locations";

	/**
	 * {@code SCHEMAS_PROPERTY_NAME} is the configuration parameter with the schemas Flyway manages, comma-separated,
	 * the first holding its history table, {@value}; default: the connection's own schema.
	 */
	public static final String SCHEMAS_PROPERTY_NAME = "dbparity.flyway.schemas";

	/** {@code PLACEHOLDER_PROPERTY_PREFIX} starts the parameters with placeholder values, {@value}. */
	public static final String PLACEHOLDER_PROPERTY_PREFIX = "dbparity.flyway.placeholders.";

	/** Flyway's default placeholder syntax; {@code ${flyway:…}} are Flyway's built-in ones. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?!flyway:)([^}]+)}");

	private final Function<String, Optional<String>> parameters;

	/** For {@link java.util.ServiceLoader}: no locations or placeholders configured. */
	public FlywayMigrationRunner() {
		this(key -> Optional.empty());
	}

	private FlywayMigrationRunner(Function<String, Optional<String>> parameters) {
		this.parameters = parameters;
	}

	@Override
	public String id() {
		return ID;
	}

	/** Flyway applies folders of {@code V} scripts only. */
	@Override
	public boolean supports(MigrationSet migrations) {
		return migrations.format() == MigrationFormat.FLYWAY;
	}

	/** The folder's scripts, which must be Flyway's: in another format, Flyway would silently find none. */
	@Override
	public MigrationSet load(String location, ClassLoader classLoader) {
		return flywayOnly(location, MigrationSet.load(location, classLoader));
	}

	/** As {@link #load(String, ClassLoader)}; a pop folder's files for {@code engine} are refused as pop's. */
	@Override
	public MigrationSet load(String location, ClassLoader classLoader, Engine engine) {
		return flywayOnly(location, MigrationSet.load(location, classLoader, engine));
	}

	private MigrationSet flywayOnly(String location, MigrationSet migrations) {
		if (!supports(migrations)) {
			throw new MigrationException("The flyway migration runner cannot apply '" + location + "': its migrations "
					+ "are " + migrations.format().displayName() + " files, and Flyway reads V<version>__<description>.sql "
					+ "scripts only. Use the built-in runner, which reads them: set dbparity.migration.runner=sql, or "
					+ "remove the setting.");
		}
		return migrations;
	}

	@Override
	public Optional<String> unavailableReason() {
		try {
			Class.forName("org.flywaydb.core.Flyway", false, FlywayMigrationRunner.class.getClassLoader());
			return Optional.empty();
		}
		catch (ClassNotFoundException e) {
			return Optional.of("Flyway is not on the classpath. Add the test dependencies org.flywaydb:flyway-core and "
					+ "the module of your engine, org.flywaydb:flyway-database-postgresql or org.flywaydb:flyway-mysql "
					+ "(version 10 or later; dbparity is tested with 13.12.0).");
		}
	}

	@Override
	public MigrationRunner configure(Function<String, Optional<String>> parameters) {
		return new FlywayMigrationRunner(Objects.requireNonNull(parameters, "parameters"));
	}

	/** The script with each {@code ${name}} that has a configured value replaced by it, as Flyway would. */
	@Override
	public String sql(Script script, Engine engine) {
		String content = script.content();
		for (Map.Entry<String, String> placeholder : placeholders(List.of(script)).entrySet()) {
			content = content.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
		}
		return content;
	}

	@Override
	public Optional<MigrationVersion> currentVersion(DataSource dataSource, Engine engine) {
		return history(dataSource, engine).stream().map(AppliedMigration::version).max(Comparator.naturalOrder());
	}

	@Override
	public List<AppliedMigration> history(DataSource dataSource, Engine engine) {
		try (Connection connection = dataSource.getConnection()) {
			return readHistory(connection);
		}
		catch (SQLException e) {
			throw new MigrationException("Cannot read " + HISTORY_TABLE + " on " + engine.displayName() + ": "
					+ e.getMessage(), e);
		}
	}

	@Override
	public void migrateTo(DataSource dataSource, Engine engine, MigrationSet migrations, MigrationVersion target) {
		FlywayDelegate.migrateTo(dataSource, engine, migrations, Optional.of(target), this);
	}

	/** Flyway's latest, which includes Java migrations above the last {@code V} script. */
	@Override
	public void migrate(DataSource dataSource, Engine engine, MigrationSet migrations) {
		FlywayDelegate.migrateTo(dataSource, engine, migrations, Optional.empty(), this);
	}

	/** Flyway's locations: configured, else {@code location} in Flyway's syntax. */
	String[] locations(String location) {
		String configured = parameters.apply(LOCATIONS_PROPERTY_NAME).map(String::trim).orElse("");
		if (!configured.isEmpty()) {
			return configured.split("\\s*,\\s*");
		}
		return new String[] { location.startsWith("file:") ? "filesystem:" + location.substring("file:".length())
				: location.startsWith("classpath:") ? location : "classpath:" + location };
	}

	/** The schemas Flyway manages, when configured. */
	String[] schemas() {
		String configured = parameters.apply(SCHEMAS_PROPERTY_NAME).map(String::trim).orElse("");
		return configured.isEmpty() ? new String[0] : configured.split("\\s*,\\s*");
	}

	/** The values configured for the placeholders {@code scripts} use; placeholders without one are left to Flyway. */
	Map<String, String> placeholders(List<Script> scripts) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Script script : scripts) {
			Matcher matcher = PLACEHOLDER.matcher(script.content());
			while (matcher.find()) {
				String name = matcher.group(1);
				parameters.apply(PLACEHOLDER_PROPERTY_PREFIX + name)
					.or(() -> parameters.apply(PLACEHOLDER_PROPERTY_PREFIX + name.toLowerCase(Locale.ROOT)))
					.ifPresent(value -> values.put(name, value));
			}
		}
		return values;
	}

	/** Every script of {@code migrations}, forward and undo. */
	static List<Script> scripts(MigrationSet migrations) {
		List<Script> scripts = new ArrayList<>();
		for (Migration migration : migrations.migrations()) {
			scripts.add(migration.up());
			migration.undo().ifPresent(scripts::add);
		}
		return scripts;
	}

	/** Successful versioned rows of Flyway's table, in the order applied; empty when Flyway never ran. */
	static List<AppliedMigration> readHistory(Connection connection) throws SQLException {
		if (!tableExists(connection)) {
			return List.of();
		}
		List<AppliedMigration> history = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT installed_rank, version, description, checksum, "
						+ "installed_on, execution_time FROM " + HISTORY_TABLE
						+ " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
			while (rows.next()) {
				String checksum = rows.getString(4);
				history.add(new AppliedMigration(rows.getInt(1), MigrationVersion.parse(rows.getString(2)),
						rows.getString(3), checksum == null ? "" : checksum, rows.getTimestamp(5).toInstant(),
						Duration.ofMillis(rows.getLong(6))));
			}
		}
		return history;
	}

	private static boolean tableExists(Connection connection) throws SQLException {
		// Unquoted names fold to lower case on PostgreSQL and are stored as written on MariaDB/MySQL.
		for (String name : new String[] { HISTORY_TABLE, HISTORY_TABLE.toUpperCase(Locale.ROOT) }) {
			try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
					name, new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}
}
