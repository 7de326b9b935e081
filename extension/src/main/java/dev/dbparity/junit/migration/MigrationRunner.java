package dev.dbparity.junit.migration;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.dbparity.junit.Engine;

/**
 * {@code MigrationRunner} is the SPI for tools that bring a database schema to a version of a {@link MigrationSet}:
 * the built-in {@link SqlMigrationRunner} (id {@code sql}), and adapters for Flyway or Liquibase.
 *
 * <p>For implementors: a runner keeps its own history in the database; {@link #migrateTo} moves in both directions,
 * so a round-trip check can go up to a version, down to the one before and up again. Every failure is a
 * {@link MigrationException} whose message names the script and, for a failing statement, its {@code file:line}.
 * {@code engine} is never {@link Engine#DEFAULT}.
 *
 * @since 0.1
 */
public interface MigrationRunner {

	/** {@code id} is the lower-case name users choose the runner by, e.g. {@code sql}. */
	String id();

	/** {@code supports} is whether this runner can apply {@code migrations}. */
	boolean supports(MigrationSet migrations);

	/** {@code currentVersion} is the highest applied version, empty for a database without migrations. */
	Optional<MigrationVersion> currentVersion(DataSource dataSource, Engine engine);

	/** {@code history} is the applied migrations in the order they were applied; empty if none. */
	List<AppliedMigration> history(DataSource dataSource, Engine engine);

	/**
	 * Migrates to {@code target}: forward, it applies the pending forward scripts up to and including
	 * {@code target}; backward, it applies the undo scripts of the applied versions above {@code target}, highest
	 * first. {@code target} is a version of {@code migrations}, or lower than all of them (such as
	 * {@link MigrationVersion#ZERO}) to undo everything.
	 *
	 * @throws MigrationException if an applied migration was edited or is missing from {@code migrations}, if an
	 *     undo script needed is missing (before anything is undone), or if a statement fails
	 */
	void migrateTo(DataSource dataSource, Engine engine, MigrationSet migrations, MigrationVersion target);

	/** {@code migrate} migrates to the latest version of {@code migrations}; see {@link #migrateTo}. */
	default void migrate(DataSource dataSource, Engine engine, MigrationSet migrations) {
		migrateTo(dataSource, engine, migrations, migrations.latest());
	}
}
