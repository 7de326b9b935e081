package dev.dbparity.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.snapshots.ToolVersion;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.snapshots.json.CanonicalJson;
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

	@Override
	public Integer call() {
		Baseline.requireWritable(out);
		Optional<StatisticsOptions> statisticsOptions = statisticsOptions(statistics);
		LiveDatabase.Capture capture = LiveDatabase.capture(url, credentials, statisticsOptions,
				spec.commandLine().getErr());
		String version = capture.migrationVersion().or(() -> migrationVersion).orElseThrow(() -> new CliException(
				capture.url() + " has no migration history table (dbparity_schema_history, flyway_schema_history or "
						+ "databasechangelog), so the baseline cannot record which migration version production is at, and "
						+ "parity tests could not migrate a fresh database to it. Give it with --migration-version <version>."));
		if (capture.migrationVersion().isPresent() && migrationVersion.isPresent()
				&& !capture.migrationVersion().get().equals(migrationVersion.get())) {
			throw new CliException("--migration-version " + migrationVersion.get() + " contradicts the history table of "
					+ capture.url() + ", which is at " + capture.migrationVersion().get() + ". Leave the option out.");
		}
		Manifest manifest = new Manifest(Manifest.FORMAT, capture.schema().engine(), capture.schema().serverVersion(),
				Baseline.sha256(CanonicalJson.write(capture.schema().at(java.util.List.of("settings"))
					.orElse(CanonicalJson.object()))),
				Optional.of(version), ToolVersion.current(), Optional.of(capture.url()), java.util.Map.of());
		Baseline.write(out, capture.statistics().map(stats -> manifest.withStatistics(Optional.of(stats.mode().id()),
				stats.sampleFraction())).orElse(manifest), capture.schema(), capture.statistics());
		spec.commandLine().getErr().println("dbparity: wrote " + out.resolve(Baseline.SCHEMA) + " and "
				+ out.resolve(Baseline.MANIFEST) + " (" + capture.schema().engine() + " " + capture.schema().serverVersion()
				+ ", migration version " + version + ")");
		return DbParity.SAME;
	}

	/** The {@code --statistics} option's value as capture options, with the masking key from the environment. */
	static Optional<StatisticsOptions> statisticsOptions(String statistics) {
		if (statistics.equals("none")) {
			return Optional.empty();
		}
		try {
			StatisticsOptions options = StatisticsOptions.parse(statistics);
			String key = System.getenv("DBPARITY_MASKING_KEY");
			return Optional.of(key == null ? options : options.withMaskingKey(key));
		}
		catch (IllegalArgumentException e) {
			throw new CliException("--statistics " + statistics + ": " + e.getMessage(), e);
		}
	}
}
