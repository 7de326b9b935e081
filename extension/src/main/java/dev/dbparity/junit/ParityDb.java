package dev.dbparity.junit;

import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.DynamicTest;

import dev.dbparity.lint.LintOptions;
import dev.dbparity.lint.LintReport;
import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code ParityDb} is the handle on the database a {@link ParityDatabase} test runs against: where it is, what engine
 * it runs on, and the operations on it.
 *
 * <p>Inject it as a test or lifecycle method parameter. The database is dropped when its scope ends (see
 * {@link Isolation}).
 *
 * @since 0.1
 */
public interface ParityDb {

	Engine engine();

	/** The server's own version string, e.g. {@code 17.6} or {@code 10.11.5-MariaDB}. */
	String serverVersion();

	/** The provider that started the engine: {@code embedded}, {@code testcontainers} or {@code external}. */
	String providerId();

	/** The name of this test database, unique on its server. */
	String databaseName();

	/** The JDBC URL of this database, without credentials. */
	String jdbcUrl();

	/** The user to connect as: {@code postgres} on embedded PostgreSQL, {@code root} on embedded MariaDB. */
	String user();

	/**
	 * The user's password, empty when it has none (the embedded engines' users have none). It is never part of a
	 * message or of {@code toString()}.
	 */
	String password();

	/** A data source for this database with the engine's credentials; every connection is a new one. */
	DataSource dataSource();

	/** A jOOQ context on {@link #dataSource()} with the engine's dialect. */
	DSLContext dsl();

	/** The migration version this database is at, if any migration was applied. */
	Optional<String> migrationVersion();

	/**
	 * Migrates this database forward or backward to {@code version}: forward applies the pending {@code V} scripts,
	 * backward the {@code U} (undo) scripts of the applied versions above it, newest first.
	 *
	 * @throws ParityException when a script fails or an undo script is missing
	 */
	void migrateTo(String version);

	/** Reads this database's schema as it is now. */
	SchemaSnapshot schemaSnapshot();

	/**
	 * Verifies that the schema the migrations give matches the committed baseline ({@link ParityDatabase#baseline()}):
	 * a fresh database is migrated to the migration version the baseline was captured at, read, and compared, ignoring
	 * owners, the tolerances file's rules and {@link ParityDatabase#ignore()}.
	 *
	 * <p>On a mismatch it writes {@code schema.actual.json} beside the baseline and fails with a report that counts the
	 * differences per category and lists the first of them. In update mode ({@value ParityDatabase#BASELINE_UPDATE_PROPERTY_NAME}
	 * {@code =true}) it rewrites the baseline instead and prints what changed, unless {@code CI=true}, where update mode
	 * is refused.
	 *
	 * @throws AssertionError when the schema differs from the baseline
	 */
	void assertSchemaMatchesBaseline();

	/** Captures this database's data statistics, exactly ({@code full} mode), sensitive columns hashed. */
	dev.dbparity.snapshots.statistics.StatisticsSnapshot statisticsSnapshot();

	/**
	 * Verifies that this (seeded) database's data looks like production's: its statistics are compared with the
	 * baseline's {@code statistics.json} in {@code shape} mode (null fractions, distinct ratios, top-value shares,
	 * distributions over the baseline's histogram buckets, children per parent) within the tolerances of
	 * {@code parity/tolerances.yaml}. Call it before the tests write, or with {@link Isolation#PER_METHOD}.
	 *
	 * <p>On a mismatch it writes {@code statistics.actual.json} beside the baseline and an HTML report with both
	 * sides' histograms under {@code target/dbparity/}; update mode rewrites {@code statistics.json} (refused when
	 * {@code CI=true}).
	 *
	 * @throws AssertionError listing each metric out of bounds with the baseline value, the actual value and the bound
	 */
	void assertStatisticsMatchBaseline();

	/**
	 * One test per migration version that checks its undo script, for a {@code @TestFactory} method:
	 *
	 * <pre>{@code
	 * @TestFactory
	 * Stream<DynamicTest> migrationsRoundTrip(ParityDb db) {
	 *     return db.migrationRoundTrips();
	 * }
	 * }</pre>
	 *
	 * <p>Each test is named like {@code V3 indexes and checks}. The tests run in version order on one database of
	 * their own that stays at the version before the next migration: tables without rows get rows — from the seed
	 * rules ({@link ParityDatabase#seed()}) restricted to what exists at that version, else a few deterministic ones —,
	 * then up → undo → the schema must equal the one before (differences reported by category; a column an undo could
	 * only add back at the end is noted, not failed), tables the migration does not change keep their content, the
	 * others their row counts, and no foreign key has gained orphaned rows (a key is checked where the undo left its
	 * tables otherwise than it found them) → up again → the schema must equal the one after
	 * the first up. A failed version does not leak into the next. The time spent per phase is in the run report.
	 * Leave the tests in the order given ({@code @Execution(SAME_THREAD)} on the method if your default mode is
	 * concurrent): out of order they are still right, but each step back builds the database again. A migration without an undo script fails as irreversible, unless its header declares
	 * {@code -- dbparity:irreversible <reason>}, which aborts (skips) its test with the reason; a header line
	 * {@code -- dbparity:allow DESTRUCTIVE <reason>} accepts lost rows. A misspelt {@code dbparity:} directive fails
	 * the test with its {@code file:line}.
	 */
	Stream<DynamicTest> migrationRoundTrips();

	/**
	 * {@code retrySafety} is one dynamic test per migration, in version order, that checks the migration can simply be
	 * run again after it was interrupted halfway:
	 *
	 * <pre>{@code
	 * @TestFactory
	 * Stream<DynamicTest> migrationsAreRetrySafe(ParityDb db) {
	 *     return db.retrySafety();
	 * }
	 * }</pre>
	 *
	 * <p>A script whose statements do not run in one transaction (every script on MariaDB and MySQL, which commit DDL
	 * implicitly; on PostgreSQL one with {@code CREATE INDEX CONCURRENTLY} or a no-transaction marker) leaves its first
	 * statements applied and no history row when it fails, and every migration tool then runs it again whole. For
	 * every i &lt; k statements of such a forward or undo script, a copy of the database before it gets statements
	 * 1…i, then the whole script runs; the retry must succeed and reach the schema and rows of an uninterrupted run. A
	 * failure names the interruption point and the failing statement's {@code file:line}, with the engine's error or the
	 * schema diff. Scripts that run in one transaction, or have one statement, pass with a note and cost no copy. A
	 * header line {@code -- dbparity:allow DP307 <reason>} accepts a script that is not retry-safe.
	 */
	Stream<DynamicTest> retrySafety();

	/**
	 * Lints the pending migrations: those above the migration version of the baseline
	 * ({@link ParityDatabase#baseline()}). Each is classified by its schema diff, with the differences that caused it;
	 * on PostgreSQL a dry run in a rolled-back transaction (lock timeout 2 s, statement timeout 60 s) reports the locks
	 * it takes on existing tables, the tables it rewrites, indexes built without {@code CONCURRENTLY} and timeouts; on
	 * MariaDB/MySQL, implicit commits and {@code ALTER}s that cannot run online. Call
	 * {@link LintReport#assertPasses()} to fail on {@code DESTRUCTIVE} or {@code INCOMPATIBLE} changes a migration's
	 * header does not allow ({@code -- dbparity:allow DESTRUCTIVE <reason>}); {@link LintReport#toMarkdown()} and
	 * {@link LintReport#toJson()} render it.
	 *
	 * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException without a baseline
	 */
	LintReport lintPendingMigrations();

	/**
	 * Lints the pending migrations as {@link #lintPendingMigrations()} does, with {@code options}: other timeouts, or
	 * other categories failing, e.g. {@code LintOptions.defaults().withFailing(EnumSet.of(Category.DESTRUCTIVE))}.
	 * When {@code options} has no compat queries, the configured ones are used. With
	 * {@code options.withRehearsal(Rehearsal.defaults().withScale(0.01).withMaxLock(Duration.ofSeconds(2)))} the pending
	 * migrations are also rehearsed on data shaped like production, from the baseline's statistics: each statement's
	 * lock, rewrite and time, estimated at production's row count, and the compat queries' plans before and after.
	 *
	 * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException without a baseline
	 * @throws dev.dbparity.runtime.ParityException for a rehearsal of a baseline without statistics
	 */
	LintReport lintPendingMigrations(LintOptions options);
}
