package dev.dbparity.cli;

import java.io.PrintWriter;
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

	static Side open(String argument, Credentials credentials, PrintWriter progress) {
		return open(argument, credentials, Optional.empty(), progress);
	}

	/** @param statistics how to capture a live side's data statistics, if at all; baselines keep their own */
	static Side open(String argument, Credentials credentials, Optional<StatisticsOptions> statistics,
			PrintWriter progress) {
		if (argument.startsWith("jdbc:")) {
			LiveDatabase.Capture capture = LiveDatabase.capture(argument, credentials, statistics, progress);
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
