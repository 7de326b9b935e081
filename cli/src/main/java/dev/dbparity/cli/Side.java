package dev.dbparity.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code Side} is one side of a diff: a live database given by JDBC URL, or a baseline directory, with its data
 * statistics when the baseline holds them or they were captured.
 */
record Side(String label, SchemaSnapshot schema, Optional<StatisticsSnapshot> statistics, Optional<Baseline> baseline) {

	/**
	 * Checks what can be checked without connecting: a URL's form, a baseline directory's existence. Both sides are
	 * checked before either is opened, so that a mistake in one never waits for a capture of the other.
	 *
	 * @param option how the side was given, e.g. {@code RIGHT} or {@code --baseline}
	 */
	static void check(String option, String argument) {
		if (Urls.looksLikeUrl(argument)) {
			Urls.check(option, argument);
			return;
		}
		Path directory = Path.of(argument);
		if (Files.isRegularFile(directory)) {
			throw new CliException(Urls.where(option, argument) + ": is a file, but a baseline is a directory (manifest.json, "
					+ "schema.json, …). Give the directory dbparity capture --out wrote, or a JDBC URL such as "
					+ "jdbc:postgresql://host:5432/database.");
		}
		if (!Files.isDirectory(directory)) {
			// An @ in what is not a directory reads as user@host, perhaps with a password: it is not echoed.
			String where = argument.contains("@") ? option + " (not shown, as it may hold a password)"
					: Urls.where(option, argument);
			throw new CliException(where + ": no such baseline directory, and not a JDBC URL. Give the "
					+ "directory dbparity capture --out wrote, or a URL such as " + Urls.FORMS + ".");
		}
	}

	/**
	 * @param option how the side was given, for messages
	 * @param statistics how to capture a live side's data statistics, if at all; baselines keep their own
	 */
	static Side open(String option, String argument, Credentials credentials, Optional<StatisticsOptions> statistics,
			PrintWriter progress) {
		if (Urls.looksLikeUrl(argument)) {
			LiveDatabase.Capture capture = LiveDatabase.capture(option, argument, credentials, statistics, version -> {
			}, progress);
			return new Side(capture.url(), capture.schema(), capture.statistics(), Optional.empty());
		}
		Path directory = Path.of(argument);
		try {
			Baseline baseline = Baseline.read(directory, repair -> progress.println("dbparity: " + repair));
			return new Side(directory.toString(), baseline.schema(), baseline.statistics(), Optional.of(baseline));
		}
		catch (RuntimeException e) {
			throw new CliException(e.getMessage(), e);
		}
	}

	/** A baseline compares only with the engine it was captured from; checked before anything is compared. */
	void requireEngineOf(Side other) {
		try {
			baseline.ifPresent(found -> found.requireEngine(other.schema().engine(), other.label()));
		}
		catch (RuntimeException e) {
			throw new CliException(e.getMessage(), e);
		}
	}
}
