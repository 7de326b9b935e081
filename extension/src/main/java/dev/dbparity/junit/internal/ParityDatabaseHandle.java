package dev.dbparity.junit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDb;
import dev.dbparity.junit.engine.RunningEngine;
import dev.dbparity.junit.lint.LintOptions;
import dev.dbparity.junit.lint.LintReport;
import dev.dbparity.junit.lint.CompatQueries;
import dev.dbparity.junit.lint.PendingMigrationLint;
import dev.dbparity.junit.migration.MigrationSet;
import dev.dbparity.junit.migration.MigrationVersion;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;

/**
 * {@code ParityDatabaseHandle} is a test database dbparity created; closing it drops the database.
 *
 * <p>Internal: may change in any minor release.
 */
public final class ParityDatabaseHandle implements ParityDb, AutoCloseable {

	/** Where the previous application version's queries are looked for when {@code dbparity.compat} is not set. */
	static final String DEFAULT_COMPAT = "parity/compat";

	private final RunningEngine engine;
	private final String name;
	private final DatabaseContext context;
	private final BaselineSettings baseline;
	private final ParityReport report;
	private final DataSource dataSource;

	ParityDatabaseHandle(RunningEngine engine, String name, DatabaseContext context, BaselineSettings baseline,
			ParityReport report) {
		this.engine = engine;
		this.name = name;
		this.context = context;
		this.baseline = baseline;
		this.report = report;
		this.dataSource = engine.dataSource(name);
	}

	/**
	 * The same database compared with another baseline: a class sharing a database ({@code SHARED}) keeps its own
	 * baseline settings. Closing the view drops the database, so only its owner closes it.
	 */
	public ParityDatabaseHandle withBaseline(BaselineSettings otherBaseline) {
		return new ParityDatabaseHandle(engine, name, context, otherBaseline, report);
	}

	@Override
	public Engine engine() {
		return engine.engine();
	}

	@Override
	public String serverVersion() {
		return engine.serverVersion();
	}

	@Override
	public String providerId() {
		return engine.providerId();
	}

	@Override
	public String databaseName() {
		return name;
	}

	@Override
	public String jdbcUrl() {
		return engine.jdbcUrl(name);
	}

	@Override
	public DataSource dataSource() {
		return dataSource;
	}

	@Override
	public DSLContext dsl() {
		return DSL.using(dataSource, engine.sqlDialect());
	}

	@Override
	public Optional<String> migrationVersion() {
		return context.runner().currentVersion(dataSource, engine()).map(MigrationVersion::toString);
	}

	@Override
	public void migrateTo(String version) {
		MigrationSet set = context.migrations().orElseThrow(() -> new IllegalStateException("Database " + name
				+ " has no migrations folder: set @ParityDatabase(migrations = \"…\") to migrate it."));
		MigrationVersion target;
		try {
			target = MigrationVersion.parse(version);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("Cannot migrate " + name + " to '" + version + "': " + e.getMessage(), e);
		}
		context.runner().migrateTo(dataSource, engine(), set, target);
	}

	@Override
	public SchemaSnapshot schemaSnapshot() {
		return SchemaBaselineCheck.snapshot(dataSource);
	}

	@Override
	public void assertSchemaMatchesBaseline() {
		SchemaBaselineCheck.run(engine, context, baseline, verdict -> report.schemaChecked(engine, verdict));
	}

	@Override
	public Stream<DynamicTest> migrationRoundTrips() {
		RoundTripTimings timings = new RoundTripTimings();
		// Registered after the round trip's own close, so the report includes dropping its databases.
		return MigrationRoundTrip.dynamicTests(engine, context, timings)
			.onClose(() -> report.roundTripsRan(engine, context.migrations().orElseThrow(), timings));
	}

	@Override
	public LintReport lintPendingMigrations() {
		return lintPendingMigrations(LintOptions.defaults());
	}

	@Override
	public LintReport lintPendingMigrations(LintOptions options) {
		String location = baseline.location().orElseThrow(() -> new ExtensionConfigurationException(
				"lintPendingMigrations() needs a baseline, whose migration version says which migrations are pending: "
						+ "set @ParityDatabase(baseline = \"parity/baseline/production\") or dbparity.baseline."));
		MigrationSet set = context.migrations().orElseThrow(() -> new ExtensionConfigurationException("Database "
				+ name + " has no migrations folder: set @ParityDatabase(migrations = \"…\") to lint its migrations."));
		Path directory = ResourceLocation.resolve(location);
		MigrationVersion version = Baseline.read(directory).migrationVersion().map(set::versionOf)
			.orElse(MigrationVersion.ZERO);
		return PendingMigrationLint.lint(engine, context.runner(), set, version,
				options.compat().queries().isEmpty() ? options.withCompat(compat()) : options);
	}

	/** The configured compat folder, else {@code parity/compat} when the project has one. */
	private CompatQueries compat() {
		Optional<Path> folder = baseline.compat().map(ResourceLocation::resolve)
			.or(() -> Optional.of(ResourceLocation.resolve(DEFAULT_COMPAT)).filter(Files::isDirectory));
		return folder.map(path -> CompatQueries.load(path, engine())).orElse(CompatQueries.none());
	}

	@Override
	public dev.dbparity.snapshots.statistics.StatisticsSnapshot statisticsSnapshot() {
		return StatisticsBaselineCheck.snapshot(dataSource, StatisticsBaselineCheck.options(baseline, System.getenv()));
	}

	@Override
	public void assertStatisticsMatchBaseline() {
		StatisticsBaselineCheck.run(dataSource, baseline, System.getenv(),
				verdict -> report.schemaChecked(engine, verdict));
	}

	@Override
	public void close() {
		engine.dropDatabase(name);
	}

	@Override
	public String toString() {
		return "ParityDb[" + engine.engine().displayName() + " " + engine.serverVersion() + ", " + jdbcUrl() + "]";
	}
}
