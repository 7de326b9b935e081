package dev.dbparity.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.statistics.ComparisonMode;
import dev.dbparity.snapshots.statistics.StatisticsComparison;
import dev.dbparity.snapshots.statistics.StatisticsComparisonResult;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;

/**
 * {@code dbparity diff}: compares two schemas, each a live database or a baseline directory, and their data statistics
 * when both sides have them.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = "Compare two schemas, and their data statistics when both sides have them; each side is a JDBC URL "
				+ "or a baseline directory. Exit 0: same; 1: different.")
final class DiffCommand implements Callable<Integer> {

	/** How the statistics are compared; lower-case, as users type them. */
	enum StatisticsMode {
		shape(ComparisonMode.SHAPE), exact(ComparisonMode.EXACT);

		final ComparisonMode mode;

		StatisticsMode(ComparisonMode mode) {
			this.mode = mode;
		}
	}

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "LEFT", description = "The expected side: JDBC URL or baseline directory.")
	String left;

	@Parameters(index = "1", paramLabel = "RIGHT", description = "The actual side: JDBC URL or baseline directory.")
	String right;

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

	@Override
	public Integer call() {
		var ignore = report.ignoreRules();
		Optional<StatisticsOptions> capture = CaptureCommand.statisticsOptions(statistics);
		Side expected = Side.open(left, credentials, capture, spec.commandLine().getErr());
		Side actual = Side.open(right, credentials, capture, spec.commandLine().getErr());
		return report.print(SchemaDiff.compare(expected.schema(), actual.schema(), ignore), statistics(expected, actual),
				expected.label(), actual.label(), spec.commandLine().getOut());
	}

	private Optional<StatisticsComparisonResult> statistics(Side expected, Side actual) {
		if (expected.statistics().isEmpty() || actual.statistics().isEmpty()) {
			if (expected.statistics().isPresent() != actual.statistics().isPresent()) {
				spec.commandLine().getErr().println("dbparity: only " + (expected.statistics().isPresent() ? expected
					: actual).label() + " has data statistics, so they are not compared (capture live sides with "
						+ "--statistics)");
			}
			return Optional.empty();
		}
		try {
			return Optional.of(StatisticsComparison.compare(expected.statistics().get(), actual.statistics().get(),
					StatisticsTolerances.defaults(), statisticsMode.mode));
		}
		catch (IllegalArgumentException e) {
			throw new CliException("--statistics-mode " + statisticsMode + ": " + e.getMessage(), e);
		}
	}
}
