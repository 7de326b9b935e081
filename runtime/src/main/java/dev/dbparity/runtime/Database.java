package dev.dbparity.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import dev.dbparity.baselines.BaselineSettings;
import dev.dbparity.baselines.SchemaBaselineCheck;
import dev.dbparity.baselines.StatisticsBaselineCheck;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.lint.CompatQueries;
import dev.dbparity.lint.LintOptions;
import dev.dbparity.lint.LintReport;
import dev.dbparity.lint.PendingMigrationLint;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;
import dev.dbparity.templates.DatabaseContext;

/**
 * {@code Database} is one database the runtime made for a front end: a clone of a migrated, seeded template on a
 * running engine, with what it takes to migrate it, compare it with its baseline and lint the migrations pending on
 * it. Closing it drops the database, unless it is a view of a database shared with other scopes.
 *
 * @since 0.1
 */
public final class Database implements AutoCloseable {

	/** Where the previous application version's queries are looked for when {@code dbparity.compat} is not set. */
	static final String DEFAULT_COMPAT = "parity/compat";

	private final RunningEngine engine;
	private final String name;
	private final DatabaseContext context;
	private final BaselineSettings baseline;
	private final ParityReport report;
	private final SettingNames names;
	private final DataSource dataSource;
	private final boolean owned;
	private final Path reports;

	Database(RunningEngine engine, String name, DatabaseContext context, BaselineSettings baseline,
			ParityReport report, SettingNames names, boolean owned, Path reports) {
		this.reports = reports;
		this.engine = engine;
		this.name = name;
		this.context = context;
		this.baseline = baseline;
		this.report = report;
		this.names = names;
		this.owned = owned;
		this.dataSource = engine.dataSource(name);
	}

	/**
	 * The same database compared with another baseline, which closing leaves in place: a scope sharing a database keeps
	 * its own baseline settings, and only the owner drops it.
	 */
	public Database view(BaselineSettings otherBaseline) {
		return new Database(engine, name, context, otherBaseline, report, names, false, reports);
	}

	public Engine engine() {
		return engine.engine();
	}

	/** The server the database lives on. */
	public RunningEngine runningEngine() {
		return engine;
	}

	/** The migrations, runner and seed data of the database's template. */
	public DatabaseContext context() {
		return context;
	}

	/** The run report this database's checks are reported to. */
	public ParityReport report() {
		return report;
	}

	public String serverVersion() {
		return engine.serverVersion();
	}

	public String providerId() {
		return engine.providerId();
	}

	public String name() {
		return name;
	}

	public String jdbcUrl() {
		return engine.jdbcUrl(name);
	}

	/** The user {@link #dataSource()} connects as. */
	public String user() {
		return engine.user();
	}

	/** That user's password, empty when it has none; it appears in no message or {@code toString()}. */
	public String password() {
		return engine.password();
	}

	public DataSource dataSource() {
		return dataSource;
	}

	/** A jOOQ context on {@link #dataSource()} with the engine's dialect. */
	public DSLContext dsl() {
		return DSL.using(dataSource, engine.sqlDialect());
	}

	/** The version the migration history says the database is at, if it has one. */
	public Optional<MigrationVersion> migrationVersion() {
		return context.runner().currentVersion(dataSource, engine());
	}

	/**
	 * Migrates the database to {@code version}, forward or backward.
	 *
	 * @throws IllegalStateException when the database has no migrations
	 * @throws IllegalArgumentException for a version that is not one
	 */
	public void migrateTo(String version) {
		MigrationSet set = migrations("set " + names.of(ConfigurationNames.MIGRATIONS) + " to migrate it.",
				IllegalStateException::new);
		MigrationVersion target;
		try {
			target = MigrationVersion.parse(version);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("Cannot migrate " + name + " to '" + version + "': " + e.getMessage(), e);
		}
		context.runner().migrateTo(dataSource, engine(), set, target);
	}

	public SchemaSnapshot schemaSnapshot() {
		return SchemaBaselineCheck.snapshot(dataSource);
	}

	/** @throws AssertionError listing the differences from the baseline */
	public void assertSchemaMatchesBaseline() {
		SchemaBaselineCheck.run(engine, context, baseline, System.getenv(), verdict -> report.schemaChecked(engine, verdict),
				names, reports);
	}

	public StatisticsSnapshot statisticsSnapshot() {
		return StatisticsBaselineCheck.snapshot(dataSource, StatisticsBaselineCheck.options(baseline, System.getenv()));
	}

	/** @throws AssertionError listing the statistics outside their tolerances */
	public void assertStatisticsMatchBaseline() {
		StatisticsBaselineCheck.run(dataSource, baseline, System.getenv(),
				verdict -> report.schemaChecked(engine, verdict), names, reports);
	}

	/**
	 * Lints the migrations newer than the baseline's migration version.
	 *
	 * @throws ParityConfigurationException without a baseline or migrations
	 */
	public LintReport lintPendingMigrations(LintOptions options) {
		String location = baseline.location().orElseThrow(() -> new ParityConfigurationException(
				"lintPendingMigrations() needs a baseline, whose migration version says which migrations are pending: "
						+ "set " + names.of(ConfigurationNames.BASELINE) + "."));
		MigrationSet set = migrations("set " + names.of(ConfigurationNames.MIGRATIONS) + " to lint its migrations.",
				ParityConfigurationException::new);
		Path directory = ResourceLocation.resolve(location);
		Baseline production = Baseline.read(directory);
		MigrationVersion version = production.migrationVersion().map(set::versionOf).orElse(MigrationVersion.ZERO);
		return PendingMigrationLint.lint(engine, context.runner(), set, version,
				options.compat().queries().isEmpty() ? options.withCompat(compat()) : options, production);
	}

	private <X extends RuntimeException> MigrationSet migrations(String fix,
			Function<String, X> exception) {
		return context.migrations().orElseThrow(() -> exception.apply("Database " + name + " has no migrations folder: "
				+ fix));
	}

	/** The configured compat folder, else {@code parity/compat} when the project has one. */
	private CompatQueries compat() {
		Optional<Path> folder = baseline.compat().map(ResourceLocation::resolve)
			.or(() -> Optional.of(ResourceLocation.resolve(DEFAULT_COMPAT)).filter(Files::isDirectory));
		return folder.map(path -> CompatQueries.load(path, engine())).orElse(CompatQueries.none());
	}

	/** Drops the database, unless this is a view of a shared one. */
	@Override
	public void close() {
		if (owned) {
			engine.dropDatabase(name);
		}
	}

	@Override
	public String toString() {
		return engine.engine().displayName() + " " + engine.serverVersion() + ", " + jdbcUrl();
	}
}
