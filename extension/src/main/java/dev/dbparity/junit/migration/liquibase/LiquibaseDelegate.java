package dev.dbparity.junit.migration.liquibase;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.migration.AppliedMigration;
import dev.dbparity.junit.migration.Migration;
import dev.dbparity.junit.migration.MigrationException;
import dev.dbparity.junit.migration.MigrationFormat;
import dev.dbparity.junit.migration.MigrationSet;
import dev.dbparity.junit.migration.MigrationVersion;
import dev.dbparity.junit.migration.Script;

/**
 * {@code LiquibaseDelegate} is the only class that touches Liquibase's API; it is loaded only once
 * {@link LiquibaseMigrationRunner#unavailableReason()} found Liquibase.
 */
final class LiquibaseDelegate {

	private static final String FILE_PREFIX = "file:";

	/**
	 * Liquibase's default scope manager is one global scope, so two runs in one JVM (parallel test classes) see each
	 * other's database and release each other's changelog lock. Every use of Liquibase's API holds this monitor.
	 */
	private static final Object LIQUIBASE = new Object();

	/** Where Liquibase reads the changelog from, and the path it knows it by there. */
	private record Source(ResourceAccessor accessor, String path) {
	}

	private LiquibaseDelegate() {
	}

	/** The changesets of {@code changelog} as migrations whose versions are their positions. */
	static MigrationSet load(String changelog, ClassLoader classLoader) {
		DatabaseChangeLog parsed;
		synchronized (LIQUIBASE) {
			parsed = parse(changelog, classLoader);
		}
		List<Migration> migrations = new ArrayList<>();
		Database reference = DatabaseFactory.getInstance().getDatabase("postgresql");
		int position = 0;
		for (ChangeSet changeSet : parsed.getChangeSets()) {
			position++;
			String location = changeSet.getFilePath() + "::" + changeSet.getId();
			String comments = Optional.ofNullable(changeSet.getComments()).orElse("").lines()
				.map(line -> "-- " + line.strip()).collect(Collectors.joining("\n"));
			String checksum = changeSet.generateCheckSum(ChecksumVersion.latest()).toString();
			Script up = new Script(location, comments.isEmpty() ? "-- changeset " + changeSet.getId() : comments,
					checksum);
			boolean reversible = !changeSet.getRollback().getChanges().isEmpty() || (!changeSet.getChanges().isEmpty()
					&& changeSet.getChanges().stream().allMatch(change -> supportsRollback(change, reference)));
			Optional<Script> undo = reversible
					? Optional.of(new Script(location + " (rollback)", "-- rollback of " + changeSet.getId(), checksum))
					: Optional.empty();
			migrations.add(new Migration(MigrationVersion.parse(Integer.toString(position)),
					changeSet.getId() + " by " + changeSet.getAuthor(), up, undo));
		}
		if (migrations.isEmpty()) {
			throw new MigrationException("Liquibase changelog '" + changelog + "' has no changesets. Add one, or point "
					+ LiquibaseMigrationRunner.CHANGELOG_PROPERTY_NAME + " at the root changelog.");
		}
		return new MigrationSet(changelog, MigrationFormat.LIQUIBASE, migrations);
	}

	/** A change without an automatic rollback says so by throwing or answering false. */
	private static boolean supportsRollback(Change change, Database reference) {
		try {
			return change.supportsRollback(reference);
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private static DatabaseChangeLog parse(String changelog, ClassLoader classLoader) {
		Source source = source(changelog, classLoader);
		try {
			return Scope.child(Map.<String, Object>of(Scope.Attr.resourceAccessor.name(), source.accessor()),
					() -> ChangeLogParserFactory.getInstance().getParser(source.path(), source.accessor())
						.parse(source.path(), new ChangeLogParameters(), source.accessor()));
		}
		catch (Exception e) {
			throw new MigrationException("Cannot parse Liquibase changelog '" + changelog + "': " + e.getMessage(), e);
		}
	}

	private static Source source(String changelog, ClassLoader classLoader) {
		if (changelog.startsWith(FILE_PREFIX)) {
			Path file = Path.of(changelog.substring(FILE_PREFIX.length())).toAbsolutePath().normalize();
			if (!Files.isRegularFile(file)) {
				throw notFound(changelog, "on the file system as " + file + " (relative paths resolve against the "
						+ "working directory " + Path.of("").toAbsolutePath() + ")");
			}
			try {
				// Rooted at the changelog's folder, so that relative includes resolve as Liquibase's CLI does.
				return new Source(new DirectoryResourceAccessor(file.getParent()), file.getFileName().toString());
			}
			catch (FileNotFoundException e) {
				throw new MigrationException("Cannot read the folder of Liquibase changelog '" + changelog + "'", e);
			}
		}
		String path = changelog.replaceFirst("^classpath:", "").replaceFirst("^/+", "");
		if (classLoader.getResource(path) == null) {
			throw notFound(changelog, "on the classpath as '" + path + "' (src/main/resources/" + path
					+ " or src/test/resources/" + path + ")");
		}
		return new Source(new ClassLoaderResourceAccessor(classLoader), path);
	}

	private static MigrationException notFound(String changelog, String lookedUp) {
		return new MigrationException("Liquibase changelog '" + changelog + "' was not found: looked up " + lookedUp
				+ ". Set the configuration parameter " + LiquibaseMigrationRunner.CHANGELOG_PROPERTY_NAME
				+ " to the root changelog, e.g. " + LiquibaseMigrationRunner.CHANGELOG_PROPERTY_NAME + "="
				+ LiquibaseMigrationRunner.DEFAULT_CHANGELOG + " (classpath) or file:src/main/db/changelog.yaml.");
	}

	/** The rows of {@code databasechangelog}, each at the position of its changeset in {@code migrations}. */
	static List<AppliedMigration> history(DataSource dataSource, Engine engine, MigrationSet migrations) {
		Map<String, MigrationVersion> positions = new HashMap<>();
		for (Migration migration : migrations.migrations()) {
			positions.put(migration.description(), migration.version());
		}
		try (Connection connection = dataSource.getConnection()) {
			Optional<String> table = tableName(connection);
			if (table.isEmpty()) {
				return List.of();
			}
			List<AppliedMigration> history = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT orderexecuted, id, author, md5sum, dateexecuted "
							+ "FROM " + table.get() + " ORDER BY orderexecuted")) {
				while (rows.next()) {
					String description = rows.getString(2) + " by " + rows.getString(3);
					MigrationVersion version = positions.get(description);
					if (version == null) {
						throw new MigrationException("Changeset " + description + " was applied to this database ("
								+ engine.displayName() + ") but is not in Liquibase changelog '" + migrations.location()
								+ "'. Restore it, or start from a fresh database.");
					}
					history.add(new AppliedMigration(rows.getInt(1), version, description,
							Optional.ofNullable(rows.getString(4)).orElse(""), rows.getTimestamp(5).toInstant(),
							Duration.ZERO));
				}
			}
			return history;
		}
		catch (SQLException e) {
			throw new MigrationException("Cannot read databasechangelog on " + engine.displayName() + ": "
					+ e.getMessage(), e);
		}
	}

	/** Update or roll back by as many changesets as lie between the current position and {@code target}. */
	static void migrateTo(DataSource dataSource, Engine engine, MigrationSet migrations, MigrationVersion target,
			ClassLoader classLoader) {
		int wanted = position(migrations, target);
		int current = history(dataSource, engine, migrations).stream()
			.mapToInt(row -> row.version().parts().get(0).intValueExact()).max().orElse(0);
		if (wanted == current) {
			return;
		}
		String changelog = migrations.location();
		if (wanted < current) {
			// Checked before anything is rolled back, so a changeset without rollback changes nothing.
			for (Migration migration : migrations.migrations().subList(wanted, current)) {
				if (migration.undo().isEmpty()) {
					throw new MigrationException("dbparity migrate (Liquibase) on " + engine.displayName()
							+ ": cannot roll '" + changelog + "' back to " + target + ": changeset "
							+ migration.description() + " (" + migration.up().location() + ", version "
							+ migration.version() + ") has no rollback. Add a 'rollback:' block to it.");
				}
			}
		}
		Source source = source(changelog, classLoader);
		synchronized (LIQUIBASE) {
			update(dataSource, engine, source, changelog, target, wanted, current);
		}
	}

	private static void update(DataSource dataSource, Engine engine, Source source, String changelog,
			MigrationVersion target, int wanted, int current) {
		try (Connection connection = dataSource.getConnection()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			Scope.child(Scope.Attr.resourceAccessor.name(), source.accessor(), () -> {
				Liquibase liquibase = new Liquibase(source.path(), source.accessor(), database);
				if (wanted > current) {
					liquibase.update(wanted - current, new Contexts(), new LabelExpression());
				}
				else {
					liquibase.rollback(current - wanted, null, new Contexts(), new LabelExpression());
				}
			});
		}
		catch (Exception e) {
			Throwable cause = e instanceof LiquibaseException && e.getCause() != null ? e.getCause() : e;
			throw new MigrationException("dbparity migrate (Liquibase) on " + engine.displayName() + ": "
					+ (wanted > current ? "update" : "rollback") + " of '" + changelog + "' from version " + current
					+ " to " + target + " failed: " + e.getMessage()
					+ (cause != e ? "\n  cause: " + cause.getMessage() : ""), e);
		}
	}

	private static int position(MigrationSet migrations, MigrationVersion target) {
		boolean belowAll = target.compareTo(migrations.migrations().get(0).version()) < 0;
		if (belowAll) {
			return 0;
		}
		if (migrations.find(target).isEmpty()) {
			throw new MigrationException("Target version " + target + " is not a changeset position of Liquibase "
					+ "changelog '" + migrations.location() + "', whose positions are 1 to " + migrations.latest()
					+ ". Migrate to one of them, or to MigrationVersion.ZERO to roll everything back.");
		}
		return target.parts().get(0).intValueExact();
	}

	/**
	 * The name of Liquibase's history table as the database has it: Liquibase creates {@code DATABASECHANGELOG}
	 * unquoted, which PostgreSQL folds to lower case and MariaDB/MySQL keep, case-sensitively on Linux.
	 */
	private static Optional<String> tableName(Connection connection) throws SQLException {
		for (String name : new String[] { "databasechangelog", "DATABASECHANGELOG" }) {
			try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
					name, new String[] { "TABLE" })) {
				if (tables.next()) {
					return Optional.of(tables.getString("TABLE_NAME"));
				}
			}
		}
		return Optional.empty();
	}
}
