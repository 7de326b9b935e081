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
import dev.dbparity.snapshots.statistics.CaptureMode;
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

	@Mixin
	SensitiveOptions sensitive;

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

	/** What every side is opened and compared with, read from the options before any side is opened. */
	record Plan(IgnoreRules ignore, StatisticsTolerances statisticsTolerances, Optional<StatisticsOptions> capture) {
	}

	/**
	 * Checks every argument, then opens both sides, compares them, prints the report; returns the exit code.
	 *
	 * @param leftOption how the left side was given, e.g. {@code LEFT} or {@code --baseline}, for messages
	 */
	int compare(String leftOption, String left, String rightOption, String right, PrintWriter out, PrintWriter err) {
		checkFiles();
		Side.check(leftOption, left);
		Side.check(rightOption, right);
		Plan plan = plan();
		Side expected = Side.open(leftOption, left, credentials, plan.capture(), err);
		Side actual = Side.open(rightOption, right, credentials, plan.capture(), err);
		expected.requireEngineOf(actual);
		actual.requireEngineOf(expected);
		return report.print(SchemaDiff.compare(expected.schema(), actual.schema(), plan.ignore()),
				statistics(expected, actual, plan.statisticsTolerances(), err), expected.label(), actual.label(), out);
	}

	/** Checks the files the options name: the tolerances file exists, the report can be written. */
	void checkFiles() {
		tolerances.filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
			throw new CliException("--tolerances " + file + ": no such file. Give the project's "
					+ Tolerances.DEFAULT_FILE + ", or leave the option out.");
		});
		Output.check("--output", report.output);
	}

	/**
	 * Reads the ignore rules, the statistics tolerances and how live sides' statistics are captured, refusing what
	 * cannot work: called before any side is opened, so that a mistake in the options costs no capture.
	 */
	Plan plan() {
		IgnoreRules ignore = report.ignoreRules(tolerances.map(Tolerances::load).orElse(IgnoreRules.defaults()));
		StatisticsTolerances statisticsTolerances = tolerances.map(StatisticsTolerances::load)
			.orElse(StatisticsTolerances.defaults());
		Optional<StatisticsOptions> capture = CaptureCommand.statisticsOptions(statistics)
			.map(options -> sensitive.apply(options, System.getenv()));
		if (statisticsMode == StatisticsMode.exact && capture.filter(options -> options.mode() != CaptureMode.FULL)
			.isPresent()) {
			throw new CliException("--statistics-mode exact --statistics " + statistics + ": exact mode compares row "
					+ "counts, distinct counts and extremes, which only a full capture has exactly. Capture with "
					+ "--statistics full, or compare in --statistics-mode shape.");
		}
		return new Plan(ignore, statisticsTolerances, capture);
	}

	private Optional<StatisticsComparisonResult> statistics(Side expected, Side actual,
			StatisticsTolerances statisticsTolerances, PrintWriter err) {
		if (expected.statistics().isEmpty() || actual.statistics().isEmpty()) {
			if (expected.statistics().isPresent() != actual.statistics().isPresent()) {
				err.println("dbparity: only " + (expected.statistics().isPresent() ? expected : actual).label()
						+ " has data statistics, so they are not compared (capture live sides with --statistics)");
			}
			return Optional.empty();
		}
		try {
			return Optional.of(StatisticsComparison.compare(expected.statistics().get(), actual.statistics().get(),
					statisticsTolerances, statisticsMode.mode));
		}
		catch (IllegalArgumentException e) {
			throw new CliException("--statistics-mode " + statisticsMode + ": " + e.getMessage(), e);
		}
	}
}
