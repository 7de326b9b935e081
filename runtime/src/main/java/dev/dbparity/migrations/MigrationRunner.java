package dev.dbparity.migrations;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.dbparity.snapshots.Engine;

/**
 * {@code MigrationRunner} is the SPI for tools that bring a database schema to a version of a {@link MigrationSet}:
 * the built-in {@link SqlMigrationRunner} (id {@code sql}), and adapters for Flyway or Liquibase.
 *
 * <p>For implementors: a runner keeps its own history in the database; {@link #migrateTo} moves in both directions,
 * so a round-trip check can go up to a version, down to the one before and up again. Every failure is a
 * {@link MigrationException} whose message names the script and, for a failing statement, its {@code file:line}.
 * {@code engine} is never {@link Engine#DEFAULT}.
 *
 * <p>Runners are found with {@link java.util.ServiceLoader} (register them in
 * {@code META-INF/services/dev.dbparity.migrations.MigrationRunner}) and chosen by id through
 * {@link MigrationRunners#choose}. An adapter whose tool is an optional dependency must not mention the tool's types in
 * its fields or signatures, so that it can be instantiated without them, and reports their absence through
 * {@link #unavailableReason()}.
 *
 * @since 0.1
 */
public interface MigrationRunner {

	/** {@code id} is the lower-case name users choose the runner by, e.g. {@code sql}. */
	String id();

	/** {@code supports} is whether this runner can apply {@code migrations}. */
	boolean supports(MigrationSet migrations);

	/**
	 * {@code unavailableReason} is empty when the runner can be used, else why not and how to fix it, e.g. which
	 * artifacts to add to the test classpath.
	 */
	default Optional<String> unavailableReason() {
		return Optional.empty();
	}

	/**
	 * {@code configure} is this runner set up from configuration parameters, such as {@code dbparity.flyway.*}; the
	 * built-in runner has none and returns itself.
	 *
	 * @param parameters looks up a configuration parameter by its full key
	 * @throws MigrationException when a parameter cannot be used
	 */
	default MigrationRunner configure(Function<String, Optional<String>> parameters) {
		return this;
	}

	/**
	 * {@code load} is the migrations this runner applies. By default the scripts of the folder {@code location}, in
	 * any format {@link MigrationSet#load} detects; a runner with its own format, such as a Liquibase changelog, maps
	 * it to a {@link MigrationSet} and may ignore {@code location}, and one that applies only some formats refuses the
	 * others here.
	 *
	 * @throws MigrationException when the migrations cannot be found or read
	 */
	default MigrationSet load(String location, ClassLoader classLoader) {
		return MigrationSet.load(location, classLoader);
	}

	/**
	 * {@code load} is the migrations this runner applies on {@code engine}: by default {@link #load(String,
	 * ClassLoader)}, whose sets are the same on every engine; the built-in runner chooses a pop folder's files of the
	 * engine and checks a Prisma folder's provider ({@link MigrationSet#load(String, ClassLoader, Engine)}).
	 *
	 * @throws MigrationException when the migrations cannot be found or read, or are not for {@code engine}
	 */
	default MigrationSet load(String location, ClassLoader classLoader, Engine engine) {
		return load(location, classLoader);
	}

	/**
	 * {@code sql} is the SQL this runner executes for {@code script} on {@code engine}, for checks that try it
	 * themselves (the dry run of the pending-migration lint): the content by default; with placeholders replaced for
	 * Flyway; generated from the changeset for Liquibase; empty when the runner cannot tell.
	 */
	default String sql(Script script, Engine engine) {
		return script.content();
	}

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

	/**
	 * {@link #migrateTo(DataSource, Engine, MigrationSet, MigrationVersion)}, telling {@code statementsRun} the text of
	 * each statement it runs on the database, right before running it, when it {@linkplain #tellsStatementsRun() can
	 * tell them all}; by default it tells none.
	 */
	default void migrateTo(DataSource dataSource, Engine engine, MigrationSet migrations, MigrationVersion target,
			Consumer<String> statementsRun) {
		migrateTo(dataSource, engine, migrations, target);
	}

	/**
	 * Whether {@link #migrateTo(DataSource, Engine, MigrationSet, MigrationVersion, Consumer)} tells every statement
	 * that could change the schema, also of a run that fails (its own bookkeeping included): the built-in runner does;
	 * tools that run statements of their own (Flyway, Liquibase) do not, by default, and round trips then record what
	 * the connections they are given send, where the catalog reader reads changes by statements (MariaDB).
	 */
	default boolean tellsStatementsRun() {
		return false;
	}

	/** {@code migrate} migrates to the latest version of {@code migrations}; see {@link #migrateTo}. */
	default void migrate(DataSource dataSource, Engine engine, MigrationSet migrations) {
		migrateTo(dataSource, engine, migrations, migrations.latest());
	}
}
