package dev.dbparity.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.Tolerances;
import dev.dbparity.snapshots.statistics.ComparisonMode;
import dev.dbparity.snapshots.statistics.StatisticsComparison;
import dev.dbparity.snapshots.statistics.StatisticsComparisonResult;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;

/**
 * {@code ComparisonOptions} is what {@code diff} and {@code verify} share: how sides are opened, how their schemas and
 * data statistics are compared, and how the result is reported.
 */
final class ComparisonOptions {

	/** How the statistics are compared; lower-case, as users type them. */
	enum StatisticsMode {
		shape(ComparisonMode.SHAPE), exact(ComparisonMode.EXACT);

		final ComparisonMode mode;

		StatisticsMode(ComparisonMode mode) {
			this.mode = mode;
		}
	}

	@Mixin
	Credentials credentials;

	@Mixin
	ReportOptions report;

	@Option(names = "--statistics", defaultValue = "none", paramLabel = "MODE",
			description = "Capture the data statistics of live sides too: none, catalog, sample[:PERCENT] or full "
					+ "(default: ${DEFAULT-VALUE}). Baseline directories bring their statistics.json.")
	String statistics;

	@Option(names = "--statistics-mode", defaultValue = "shape", paramLabel = "MODE",
			description = "Compare statistics by shape (fractions and distributions, whatever the row counts) or exact "
					+ "(also row counts, distinct counts and extremes; full captures only) (default: ${DEFAULT-VALUE}).")
	StatisticsMode statisticsMode;

	@Option(names = "--tolerances", paramLabel = "FILE",
			description = "The tests' tolerances file (parity/tolerances.yaml): its schema.ignore globs and statistics "
					+ "tolerances apply here as they do in the tests.")
	Optional<Path> tolerances = Optional.empty();

	/** Opens both sides, compares them, prints the report; returns the exit code. */
	int compare(String left, String right, PrintWriter out, PrintWriter err) {
		tolerances.filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
			throw new CliException("--tolerances " + file + ": no such file. Give the project's "
					+ Tolerances.DEFAULT_FILE + ", or leave the option out.");
		});
		var ignore = report.ignoreRules(tolerances.map(Tolerances::load).orElse(IgnoreRules.defaults()));
		Optional<StatisticsOptions> capture = CaptureCommand.statisticsOptions(statistics);
		Side expected = Side.open(left, credentials, capture, err);
		Side actual = Side.open(right, credentials, capture, err);
		expected.requireEngineOf(actual);
		actual.requireEngineOf(expected);
		return report.print(SchemaDiff.compare(expected.schema(), actual.schema(), ignore),
				statistics(expected, actual, err), expected.label(), actual.label(), out);
	}

	private Optional<StatisticsComparisonResult> statistics(Side expected, Side actual, PrintWriter err) {
		if (expected.statistics().isEmpty() || actual.statistics().isEmpty()) {
			if (expected.statistics().isPresent() != actual.statistics().isPresent()) {
				err.println("dbparity: only " + (expected.statistics().isPresent() ? expected : actual).label()
						+ " has data statistics, so they are not compared (capture live sides with --statistics)");
			}
			return Optional.empty();
		}
		try {
			return Optional.of(StatisticsComparison.compare(expected.statistics().get(), actual.statistics().get(),
					tolerances.map(StatisticsTolerances::load).orElse(StatisticsTolerances.defaults()),
					statisticsMode.mode));
		}
		catch (IllegalArgumentException e) {
			throw new CliException("--statistics-mode " + statisticsMode + ": " + e.getMessage(), e);
		}
	}
}
