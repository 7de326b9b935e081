package dev.dbparity.migrations.liquibase;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.dbparity.migrations.AppliedMigration;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.Script;
import dev.dbparity.snapshots.Engine;

/**
 * {@code LiquibaseMigrationRunner} is the {@link MigrationRunner} (id {@value #ID}) for projects migrated by Liquibase,
 * chosen with {@code dbparity.migration.runner=liquibase}. It updates and rolls back through Liquibase's API, with the
 * changelog as it is ({@value #CHANGELOG_PROPERTY_NAME}, default {@value #DEFAULT_CHANGELOG}; a classpath path, or
 * {@code file:} and a path relative to the working directory).
 *
 * <p><b>Versions are positions.</b> Liquibase has no version numbers, so the n-th changeset of the changelog (after
 * includes are resolved, in the order Liquibase runs them) is version {@code n}: {@code 1}, {@code 2}, … . Positions
 * rather than tags, because a changelog has a changeset for every step but rarely a tag for each. Its description is
 * {@code <id> by <author>}; its location {@code <file>::<id>}. The changeset's {@code comment} becomes the header of
 * its script, so {@code -- dbparity:…} directives can be declared there (one per line). A changeset has an undo when
 * it has a {@code rollback} block or Liquibase can roll all its changes back by itself ({@code createTable},
 * {@code addColumn}, …). Inserting a changeset in the middle of the changelog renumbers the ones after it, which is
 * fine for tests that always start from an empty database; the baseline's migration version is a position too.
 *
 * <p>{@link #currentVersion} reads {@code databasechangelog}: the highest position among the applied changesets
 * (matched by id and author). Liquibase is an optional dependency: without {@code org.liquibase:liquibase-core} on
 * the classpath choosing this runner fails with a message naming it. This class mentions no Liquibase type.
 *
 * @since 0.1
 */
public final class LiquibaseMigrationRunner implements MigrationRunner {

	/** {@code ID} is the runner's id, {@value}. */
	public static final String ID = "liquibase";

	/** {@code CHANGELOG_PROPERTY_NAME} is the configuration parameter naming the root changelog, {@value}. */
	public static final String CHANGELOG_PROPERTY_NAME = "dbparity.liquibase.changelog";

	/** {@code DEFAULT_CHANGELOG} is the root changelog when none is configured, {@value} (Spring Boot's default). */
	public static final String DEFAULT_CHANGELOG = "db/changelog/db.changelog-master.yaml";

	private final String changelog;

	/** For {@link java.util.ServiceLoader}: the default changelog. */
	public LiquibaseMigrationRunner() {
		this(DEFAULT_CHANGELOG);
	}

	/** A runner for {@code changelog}, e.g. {@code db/changelog/db.changelog-master.yaml}. */
	public LiquibaseMigrationRunner(String changelog) {
		this.changelog = Objects.requireNonNull(changelog, "changelog");
	}

	@Override
	public String id() {
		return ID;
	}

	/** Only sets this runner loaded from its changelog. */
	@Override
	public boolean supports(MigrationSet migrations) {
		return migrations.location().equals(changelog);
	}

	@Override
	public Optional<String> unavailableReason() {
		try {
			Class.forName("liquibase.Liquibase", false, LiquibaseMigrationRunner.class.getClassLoader());
			return Optional.empty();
		}
		catch (ClassNotFoundException e) {
			return Optional.of("Liquibase is not on the classpath. Add the test dependency org.liquibase:liquibase-core "
					+ "(version 4.x; dbparity is tested with 4.33.0).");
		}
	}

	@Override
	public MigrationRunner configure(Function<String, Optional<String>> parameters) {
		return new LiquibaseMigrationRunner(parameters.apply(CHANGELOG_PROPERTY_NAME).map(String::trim)
			.filter(value -> !value.isEmpty()).orElse(DEFAULT_CHANGELOG));
	}

	/** The changesets of the changelog; {@code location}, a migrations folder, does not apply to Liquibase. */
	@Override
	public MigrationSet load(String location, ClassLoader classLoader) {
		return LiquibaseDelegate.load(changelog, classLoader);
	}

	/**
	 * The SQL Liquibase generates for the changeset of {@code script} on {@code engine}, without a connection, as its
	 * {@code update-sql} does; empty for changes that need the database to generate theirs.
	 */
	@Override
	public String sql(Script script, Engine engine) {
		return LiquibaseDelegate.sql(changelog, contextClassLoader(), script.location(), engine);
	}

	@Override
	public Optional<MigrationVersion> currentVersion(DataSource dataSource, Engine engine) {
		return history(dataSource, engine).stream().map(AppliedMigration::version).max(Comparator.naturalOrder());
	}

	@Override
	public List<AppliedMigration> history(DataSource dataSource, Engine engine) {
		return LiquibaseDelegate.history(dataSource, engine, load(changelog, contextClassLoader()));
	}

	@Override
	public void migrateTo(DataSource dataSource, Engine engine, MigrationSet migrations, MigrationVersion target) {
		LiquibaseDelegate.migrateTo(dataSource, engine, migrations, target, contextClassLoader());
	}

	private static ClassLoader contextClassLoader() {
		return Thread.currentThread().getContextClassLoader();
	}
}
