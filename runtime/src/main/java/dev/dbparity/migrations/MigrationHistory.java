package dev.dbparity.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code MigrationHistory} reads the migration version a database is at from whichever history table it has:
 * dbparity's {@value SqlMigrationRunner#HISTORY_TABLE}, Flyway's {@code flyway_schema_history}, Liquibase's
 * {@code databasechangelog} (whose last applied changeset stands for the version, as {@code liquibase:<id> by <author>}),
 * diesel's {@code __diesel_schema_migrations}, pop's {@code schema_migration} or Prisma's {@code _prisma_migrations}
 * (whose highest version in the tools' text order is the version, as the tool spells it).
 *
 * <p>It only reads, so that {@code dbparity capture} can use it on production in a read-only transaction.
 *
 * @since 0.1
 */
public final class MigrationHistory {

	/** The history tables looked for, in order. */
	public static final List<String> TABLES = List.of(SqlMigrationRunner.HISTORY_TABLE, "flyway_schema_history",
			"databasechangelog", "__diesel_schema_migrations", "schema_migration", "_prisma_migrations");

	private MigrationHistory() {
	}

	/**
	 * The version recorded by the first history table found, or empty when the database has none.
	 *
	 * @throws SQLException when a history table exists but cannot be read
	 */
	public static Optional<String> currentVersion(Connection connection) throws SQLException {
		Optional<String> dbparity = tableName(connection, SqlMigrationRunner.HISTORY_TABLE);
		if (dbparity.isPresent()) {
			return highest(connection, "SELECT version FROM " + dbparity.get());
		}
		Optional<String> flyway = tableName(connection, "flyway_schema_history");
		if (flyway.isPresent()) {
			return highest(connection, "SELECT version FROM " + flyway.get() + " WHERE success AND version IS NOT NULL");
		}
		Optional<String> liquibase = tableName(connection, "databasechangelog");
		if (liquibase.isPresent()) {
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(
							"SELECT id, author FROM " + liquibase.get() + " ORDER BY orderexecuted DESC")) {
				// As the Liquibase runner describes a changeset, so that MigrationSet.versionOf finds its position.
				return rows.next() ? Optional.of("liquibase:" + rows.getString(1) + " by " + rows.getString(2))
						: Optional.empty();
			}
		}
		for (String table : List.of("__diesel_schema_migrations", "schema_migration")) {
			Optional<String> found = tableName(connection, table);
			if (found.isPresent()) {
				return highestText(connection, "SELECT version FROM " + found.get());
			}
		}
		Optional<String> prisma = tableName(connection, "_prisma_migrations");
		if (prisma.isPresent()) {
			// The folder name, e.g. 20230102120000_add_posts, whose timestamp is the version.
			return highestText(connection, "SELECT migration_name FROM " + prisma.get()
					+ " WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").map(name -> name.split("_", 2)[0]);
		}
		return Optional.empty();
	}

	/** The highest value in text order, which is how diesel, pop and Prisma order their versions. */
	private static Optional<String> highestText(Connection connection, String query) throws SQLException {
		String highest = null;
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				String version = rows.getString(1);
				if (highest == null || version.compareTo(highest) > 0) {
					highest = version;
				}
			}
		}
		return Optional.ofNullable(highest);
	}

	private static Optional<String> highest(Connection connection, String query) throws SQLException {
		MigrationVersion highest = null;
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				MigrationVersion version = MigrationVersion.parse(rows.getString(1));
				if (highest == null || version.compareTo(highest) > 0) {
					highest = version;
				}
			}
		}
		return Optional.ofNullable(highest).map(MigrationVersion::toString);
	}

	/** The table's name as the database has it, lower or upper case, if it exists. */
	private static Optional<String> tableName(Connection connection, String table) throws SQLException {
		// Unquoted names fold to lower case on PostgreSQL and are stored as written on MariaDB/MySQL (Liquibase
		// writes DATABASECHANGELOG, case-sensitive on Linux): ask for both.
		for (String name : new String[] { table, table.toUpperCase(Locale.ROOT) }) {
			try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, name,
					new String[] { "TABLE" })) {
				if (tables.next()) {
					return Optional.of(tables.getString("TABLE_NAME"));
				}
			}
		}
		return Optional.empty();
	}
}
