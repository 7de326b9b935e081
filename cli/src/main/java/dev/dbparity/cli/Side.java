package dev.dbparity.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;

/** {@code Side} is one side of a diff: a live database given by JDBC URL, or a baseline directory. */
record Side(String label, SchemaSnapshot schema) {

	static Side open(String argument, Credentials credentials, PrintWriter progress) {
		if (argument.startsWith("jdbc:")) {
			LiveDatabase.Capture capture = LiveDatabase.capture(argument, credentials, progress);
			return new Side(capture.url(), capture.schema());
		}
		Path directory = Path.of(argument);
		try {
			return new Side(directory.toString(), Baseline.read(directory).schema());
		}
		catch (RuntimeException e) {
			throw new CliException(e.getMessage(), e);
		}
	}
}
