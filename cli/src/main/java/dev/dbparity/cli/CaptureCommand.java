package dev.dbparity.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.BaselineException;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.snapshots.statistics.StatisticsOptions;

/** {@code dbparity capture}: writes a baseline directory from a live database, read-only. */
@Command(name = "capture", mixinStandardHelpOptions = true,
		description = "Capture a baseline (manifest.json, schema.json) from a live database, in a read-only transaction.")
final class CaptureCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--url", required = true, paramLabel = "JDBC", description = "The database to capture.")
	String url;

	@Mixin
	Credentials credentials;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "The baseline directory to write.")
	Path out;

	@Option(names = "--migration-version", paramLabel = "VERSION",
			description = "Record this migration version when the database has no history table "
					+ "(dbparity_schema_history, flyway_schema_history, databasechangelog).")
	Optional<String> migrationVersion = Optional.empty();

	@Option(names = "--statistics", defaultValue = "none", paramLabel = "MODE",
			description = "Data statistics to capture too: none, catalog (the engine's own statistics, no rows read), "
					+ "sample[:PERCENT] (default 10) or full (default: ${DEFAULT-VALUE}). Sensitive columns keep no raw "
					+ "values.")
	String statistics;

	@Mixin
	SensitiveOptions sensitive;

	@Override
	public Integer call() {
		checkOut();
		Optional<StatisticsOptions> statisticsOptions = statisticsOptions(statistics)
			.map(options -> sensitive.apply(options, System.getenv()));
		LiveDatabase.Capture capture = LiveDatabase.capture("--url", url, credentials, statisticsOptions,
				this::checkMigrationVersion, spec.commandLine().getErr());
		String version = capture.migrationVersion().or(() -> migrationVersion).orElseThrow();
		Manifest manifest = Manifest.of(capture.schema(), Optional.of(version), Optional.of(capture.url()));
		Baseline.write(out, capture.statistics().map(stats -> manifest.withStatistics(Optional.of(stats.mode().id()),
				stats.sampleFraction())).orElse(manifest), capture.schema(), capture.statistics());
		spec.commandLine().getErr().println("dbparity: wrote " + out.resolve(Baseline.SCHEMA) + " and "
				+ out.resolve(Baseline.MANIFEST) + " (" + capture.schema().engine() + " " + capture.schema().serverVersion()
				+ ", migration version " + version + ")");
		return DbParity.SAME;
	}

	/** A baseline is a directory: a file in the way would only fail after the whole capture. */
	private void checkOut() {
		try {
			Baseline.requireWritable(out);
		} catch (BaselineException e) {
			throw new CliException("--out " + out + ": " + e.getMessage());
		}
	}

	/** Refuses, before anything is read, a capture whose migration version is unknown or contradicted. */
	private void checkMigrationVersion(Optional<String> recorded) {
		String shown = Urls.shown(url);
		if (recorded.isEmpty() && migrationVersion.isEmpty()) {
			throw new CliException(shown + " has no migration history table (dbparity_schema_history, "
					+ "flyway_schema_history, databasechangelog, __diesel_schema_migrations, schema_migration or "
					+ "_prisma_migrations), so the baseline cannot record which migration version "
					+ "production is at, and parity tests could not migrate a fresh database to it. Give it with "
					+ "--migration-version <version>.");
		}
		if (recorded.isPresent() && migrationVersion.isPresent() && !recorded.get().equals(migrationVersion.get())) {
			throw new CliException("--migration-version " + migrationVersion.get() + " contradicts the history table of "
					+ shown + ", which is at " + recorded.get() + ". Leave the option out.");
		}
	}

	/** The {@code --statistics} option's value as capture options; {@link SensitiveOptions} adds the masking key. */
	static Optional<StatisticsOptions> statisticsOptions(String statistics) {
		if (statistics.equals("none")) {
			return Optional.empty();
		}
		try {
			return Optional.of(StatisticsOptions.parse(statistics));
		}
		catch (IllegalArgumentException e) {
			throw new CliException("--statistics " + statistics + ": " + e.getMessage(), e);
		}
	}
}
