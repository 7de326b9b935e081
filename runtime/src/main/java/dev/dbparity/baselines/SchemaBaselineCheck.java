package dev.dbparity.baselines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.runtime.ConfigurationNames;
import dev.dbparity.runtime.ParityConfigurationException;
import dev.dbparity.runtime.ProjectPaths;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.runtime.ResourceLocation;
import dev.dbparity.runtime.SettingNames;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.UnsupportedFormatException;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.BaselineException;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.snapshots.baseline.UpdatesOnCi;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.diff.Tolerances;
import dev.dbparity.snapshots.diff.report.HtmlReport;
import dev.dbparity.snapshots.diff.report.TextReport;
import dev.dbparity.snapshots.json.InvalidJsonException;
import dev.dbparity.templates.DatabaseContext;

/**
 * {@code SchemaBaselineCheck} compares the schema the migrations give with the committed baseline, or rewrites the
 * baseline in update mode.
 *
 * <p>The compared database is migrated from empty to the baseline's migration version in a scratch database of its
 * own, so that the test's database (maybe migrated further, maybe written to) is left alone.
 *
 * <p>Internal: may change in any minor release.
 */
public final class SchemaBaselineCheck {

	private static final String DEFAULT_TOLERANCES = "parity/tolerances.yaml";

	private SchemaBaselineCheck() {
	}

	/** Reads the schema of the database {@code dataSource} connects to. */
	public static SchemaSnapshot snapshot(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
		}
		catch (SQLException e) {
			throw new ParityException("Could not read the schema (phase snapshot): " + e.getMessage(), e);
		}
	}

	public static void run(RunningEngine engine, DatabaseContext context, BaselineSettings settings,
			Consumer<String> verdicts, SettingNames names) {
		run(engine, context, settings, System.getenv(), verdicts, names);
	}

	/**
	 * @param environment the process environment, where {@code CI=true} refuses update mode
	 * @param verdicts told one line per check, for the run report
	 * @param names how the front end's users set the baseline and the migrations, for the advice when one is missing
	 */
	public static void run(RunningEngine engine, DatabaseContext context, BaselineSettings settings,
			Map<String, String> environment, Consumer<String> verdicts, SettingNames names) {
		run(engine, context, settings, environment, verdicts, names, ProjectPaths.reportsDirectory(Optional.empty()));
	}

	/** @param reports where the HTML report of a mismatch goes ({@link ProjectPaths#reportsDirectory}) */
	public static void run(RunningEngine engine, DatabaseContext context, BaselineSettings settings,
			Map<String, String> environment, Consumer<String> verdicts, SettingNames names, Path reports) {
		String location = settings.location().orElseThrow(() -> new ParityConfigurationException(
				"assertSchemaMatchesBaseline() needs a baseline: set " + names.of(ConfigurationNames.BASELINE) + "."));
		Path directory = ResourceLocation.resolve(location);
		if (settings.update()) {
			UpdatesOnCi.refuse(environment, ConfigurationNames.BASELINE_UPDATE + "=true", directory,
					"-D" + ConfigurationNames.BASELINE_UPDATE + "=true",
					", and a baseline rewritten on CI would hide the drift it is there to report",
					ParityConfigurationException::new);
		}
		Optional<Baseline> baseline = settings.update() ? previous(directory) : Optional.of(Baseline.read(directory));
		baseline.ifPresent(found -> found.requireEngine(engine.engine().id(), "the test database"));
		Optional<MigrationVersion> version = migrationVersion(baseline, context, directory, names);
		SchemaSnapshot actual = snapshotAt(engine, context, version);
		IgnoreRules rules = ignoreRules(settings, baseline, actual);
		String at = directory + " at migration version " + version.map(MigrationVersion::toString).orElse("none");
		if (settings.update()) {
			update(directory, baseline, actual, version, rules);
			verdicts.accept(at + ": baseline updated");
			return;
		}
		Baseline expected = baseline.orElseThrow();
		SchemaDiffResult result = SchemaDiff.compare(expected.schema(), actual, rules);
		verdicts.accept(at + ": " + (result.isEmpty() ? "schema matches" : result.differences().size()
				+ " differences " + result.countsByCategory()) + (result.ignored().isEmpty() ? ""
						: ", " + result.ignored().size() + " ignored"));
		if (!result.isEmpty()) {
			Path actualFile = expected.writeActual(actual);
			Path report = writeReport(reports, directory, result);
			throw new AssertionError("Schema does not match the baseline " + directory + " (migration version "
					+ version.map(MigrationVersion::toString).orElse("none") + ")\n"
					+ TextReport.failure(result, directory.toString(), "migrated test database",
							Optional.of(report.toString()))
					+ "\n‣ the test database's schema is in " + actualFile
					+ "\n‣ if the change is intended, update the baseline: run the test with -Ddbparity.baseline.update=true "
					+ "(refused when CI=true), review the diff, commit it");
		}
	}

	/**
	 * The baseline update mode replaces, if there is one it can trust. One that cannot be read (an edited manifest, a
	 * pre-release format) is what the error messages send users to update mode for: it is replaced from scratch.
	 */
	private static Optional<Baseline> previous(Path directory) {
		if (!Baseline.exists(directory)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Baseline.read(directory));
		}
		catch (BaselineException | UnsupportedFormatException | InvalidJsonException e) {
			System.out.println("dbparity: the baseline " + directory + " cannot be trusted, so update mode replaces it "
					+ "whole, at the migrations' latest version and without its statistics: " + e.getMessage());
			return Optional.empty();
		}
	}

	/** The full report, every difference, as HTML in the reports directory ({@link ProjectPaths#reportsDirectory}). */
	private static Path writeReport(Path reports, Path baseline, SchemaDiffResult result) {
		Path report = reports.resolve(baseline.getFileName() + "-schema-diff.html");
		try {
			Files.createDirectories(report.getParent());
			Files.writeString(report, HtmlReport.render(result, baseline.toString(), "migrated test database"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the schema report " + report, e);
		}
		return report;
	}

	private static Optional<MigrationVersion> migrationVersion(Optional<Baseline> baseline, DatabaseContext context,
			Path directory, SettingNames names) {
		Optional<MigrationSet> migrations = context.migrations();
		if (baseline.isEmpty() || baseline.get().migrationVersion().isEmpty()) {
			return migrations.map(MigrationSet::latest);
		}
		String recorded = baseline.get().migrationVersion().get();
		if (migrations.isEmpty()) {
			throw new ParityException("Baseline " + directory + " was captured at migration version " + recorded
					+ ", but no migrations folder is configured. Set " + names.of(ConfigurationNames.MIGRATIONS) + ".");
		}
		MigrationVersion version;
		try {
			version = migrations.get().versionOf(recorded);
		}
		catch (MigrationException e) {
			throw new ParityException("Baseline " + directory + " was captured at a version the migrations do not "
					+ "have. " + e.getMessage() + " Add the migrations production has run, or capture the baseline "
					+ "again from a database at a version the folder has.", e);
		}
		return Optional.of(version);
	}

	private static SchemaSnapshot snapshotAt(RunningEngine engine, DatabaseContext context,
			Optional<MigrationVersion> version) {
		String scratch = "dbparity_b_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		engine.createDatabase(scratch);
		try {
			DataSource dataSource = engine.dataSource(scratch);
			version.ifPresent(target -> context.runner().migrateTo(dataSource, engine.engine(),
					context.migrations().orElseThrow(), target));
			return snapshot(dataSource);
		}
		finally {
			engine.dropDatabase(scratch);
		}
	}

	private static IgnoreRules ignoreRules(BaselineSettings settings, Optional<Baseline> baseline, SchemaSnapshot actual) {
		Path tolerances = ResourceLocation.resolve(settings.tolerances().orElse(DEFAULT_TOLERANCES));
		if (settings.tolerances().isPresent() && !Files.exists(tolerances)) {
			throw new ParityConfigurationException("The tolerances file " + tolerances + " (dbparity.tolerances) does "
					+ "not exist. Create it, or remove the setting to use " + DEFAULT_TOLERANCES + " when present.");
		}
		IgnoreRules rules = Tolerances.load(tolerances).withGlobs(settings.ignore().toArray(String[]::new));
		String expectedMajor = baseline.map(found -> found.schema().tree().path("engine").path("major").asText())
			.orElse("");
		String actualMajor = actual.tree().path("engine").path("major").asText();
		return switch (settings.engineVersionMatch()) {
			case EXACT -> rules;
			case MAJOR -> expectedMajor.equals(actualMajor) ? rules.withGlobs("engine.version") : rules;
			case IGNORE -> rules.withGlobs("engine.version", "engine.major");
		};
	}

	private static void update(Path directory, Optional<Baseline> previous, SchemaSnapshot actual,
			Optional<MigrationVersion> version, IgnoreRules rules) {
		Manifest manifest = Manifest.of(actual, version.map(MigrationVersion::toString), Optional.empty());
		// Statistics are updated by their own check; a schema update keeps them.
		Baseline.write(directory, previous.map(Baseline::manifest).map(old -> manifest.withStatistics(
				old.statisticsMode(), old.statisticsSampleFraction())).orElse(manifest), actual,
				previous.flatMap(Baseline::statistics));
		String changes = previous
			.map(old -> TextReport.failure(SchemaDiff.compare(old.schema(), actual, rules), "previous baseline",
					"new baseline", Optional.empty()))
			.orElse("new baseline created");
		System.out.println("dbparity: updated the baseline " + directory + " (dbparity.baseline.update=true): " + changes);
	}
}
