package dev.dbparity.baselines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.dbparity.runtime.ConfigurationNames;
import dev.dbparity.runtime.ParityConfigurationException;
import dev.dbparity.runtime.ProjectPaths;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.runtime.ResourceLocation;
import dev.dbparity.runtime.SettingNames;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.UpdatesOnCi;
import dev.dbparity.snapshots.statistics.ComparisonMode;
import dev.dbparity.snapshots.statistics.SensitiveColumns;
import dev.dbparity.snapshots.statistics.SensitiveColumnsException;
import dev.dbparity.snapshots.statistics.StatisticsCollectors;
import dev.dbparity.snapshots.statistics.StatisticsComparison;
import dev.dbparity.snapshots.statistics.StatisticsComparisonResult;
import dev.dbparity.snapshots.statistics.StatisticsHtmlReport;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;
import dev.dbparity.snapshots.statistics.StatisticsTextReport;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;

/**
 * {@code StatisticsBaselineCheck} compares the test database's data statistics with the baseline's
 * {@code statistics.json} in {@code shape} mode (scale-free: test data is small, production is big), or rewrites them
 * in update mode.
 *
 * <p>Internal: may change in any minor release.
 */
public final class StatisticsBaselineCheck {

	private static final String DEFAULT_TOLERANCES = "parity/tolerances.yaml";
	private static final String DEFAULT_SENSITIVE_COLUMNS = "parity/sensitive.yaml";
	private static final int MESSAGE_VERDICTS = 20;

	private StatisticsBaselineCheck() {
	}

	/**
	 * The options of a test database's {@code full} capture: the sensitive columns of
	 * {@code dbparity.statistics.sensitive-columns} (else {@code parity/sensitive.yaml} if present), the key of
	 * {@code dbparity.statistics.masking-key}, else of {@code DBPARITY_MASKING_KEY}, else the public development key,
	 * allowed here because test databases hold generated data.
	 *
	 * @throws ParityConfigurationException for a file of sensitive columns that cannot be used
	 */
	public static StatisticsOptions options(BaselineSettings settings, Map<String, String> environment) {
		StatisticsOptions options = StatisticsOptions.full().withDevelopmentKeyAllowed();
		Optional<String> key = settings.statisticsMaskingKey()
			.or(() -> Optional.ofNullable(environment.get("DBPARITY_MASKING_KEY")).filter(value -> !value.isEmpty()));
		if (key.isPresent()) {
			options = options.withMaskingKey(key.get());
		}
		Optional<Path> file = settings.sensitiveColumns().map(ResourceLocation::resolve)
			.or(() -> Optional.of(ResourceLocation.resolve(DEFAULT_SENSITIVE_COLUMNS)).filter(Files::isRegularFile));
		try {
			return file.isEmpty() ? options : options.withSensitiveColumns(SensitiveColumns.load(file.get()));
		}
		catch (SensitiveColumnsException e) {
			throw new ParityConfigurationException(e.getMessage() + " (configuration parameter "
					+ ConfigurationNames.STATISTICS_SENSITIVE_COLUMNS + ")", e);
		}
	}

	/** Captures the statistics of the database {@code dataSource} connects to with {@code options}. */
	public static StatisticsSnapshot snapshot(DataSource dataSource, StatisticsOptions options) {
		try (Connection connection = dataSource.getConnection()) {
			SchemaSnapshot schema = SchemaBaselineCheck.snapshot(dataSource);
			return StatisticsCollectors.forConnection(connection).collect(connection, schema, options);
		}
		catch (SensitiveColumnsException e) {
			throw new ParityConfigurationException(e.getMessage(), e);
		}
		catch (SQLException e) {
			throw new ParityException("Could not capture data statistics (phase snapshot): " + e.getMessage(), e);
		}
	}

	/** @param names how the front end's users set the baseline, for the advice when it is missing */
	public static void run(DataSource dataSource, BaselineSettings settings, Map<String, String> environment,
			Consumer<String> verdicts, SettingNames names) {
		run(dataSource, settings, environment, verdicts, names, ProjectPaths.reportsDirectory(Optional.empty()));
	}

	/** @param reports where the HTML report of a mismatch goes ({@link ProjectPaths#reportsDirectory}) */
	public static void run(DataSource dataSource, BaselineSettings settings, Map<String, String> environment,
			Consumer<String> verdicts, SettingNames names, Path reports) {
		String location = settings.location().orElseThrow(() -> new ParityConfigurationException(
				"assertStatisticsMatchBaseline() needs a baseline: set " + names.of(ConfigurationNames.BASELINE) + "."));
		Path directory = ResourceLocation.resolve(location);
		if (settings.update()) {
			UpdatesOnCi.refuse(environment, ConfigurationNames.BASELINE_UPDATE + "=true", directory,
					"-D" + ConfigurationNames.BASELINE_UPDATE + "=true", "", ParityConfigurationException::new);
		}
		// The tolerances are read first: a mistake in them costs no capture.
		Path tolerancesFile = ResourceLocation.resolve(settings.tolerances().orElse(DEFAULT_TOLERANCES));
		StatisticsTolerances tolerances = Files.exists(tolerancesFile) ? StatisticsTolerances.load(tolerancesFile)
				: StatisticsTolerances.defaults();
		Baseline baseline = Baseline.read(directory);
		StatisticsSnapshot actual = snapshot(dataSource, options(settings, environment));
		baseline.requireEngine(actual.engine(), "the test database");
		if (settings.update()) {
			Baseline.write(directory, baseline.manifest().withStatistics(Optional.of(actual.mode().id()),
					actual.sampleFraction()), baseline.schema(), Optional.of(actual));
			verdicts.accept(directory + ": statistics updated");
			return;
		}
		StatisticsSnapshot expected = baseline.statistics().orElseThrow(() -> new ParityException("Baseline "
				+ directory + " has no " + Baseline.STATISTICS + ". Capture it with `dbparity capture --statistics "
				+ "catalog|sample:10|full`, or write it from a seeded test database with -Ddbparity.baseline.update=true "
				+ "(refused when CI=true)."));
		StatisticsComparisonResult result = StatisticsComparison.compare(expected, actual, tolerances,
				ComparisonMode.SHAPE);
		verdicts.accept(directory + ": data statistics " + (result.isEmpty() ? "match in shape mode"
				: result.failures().size() + " metrics out of bounds") + (result.notComparable().isEmpty() ? ""
						: ", " + result.notComparable().size() + " not comparable"));
		if (!result.isEmpty()) {
			Path actualFile = baseline.writeActual(actual);
			Path report = writeReport(reports, directory, result);
			throw new AssertionError("Data statistics do not match the baseline " + directory + " (shape mode)\n"
					+ StatisticsTextReport.render(result, directory.toString(), "seeded test database", MESSAGE_VERDICTS)
					+ "\n‣ the test database's statistics are in " + actualFile + "\n‣ full report with histograms: "
					+ report + "\n‣ widen a bound in " + DEFAULT_TOLERANCES + " (statistics:), change the seed rules, or "
					+ "update the baseline with -Ddbparity.baseline.update=true (refused when CI=true)");
		}
	}

	private static Path writeReport(Path reports, Path baseline, StatisticsComparisonResult result) {
		Path report = reports.resolve(baseline.getFileName() + "-statistics.html");
		try {
			Files.createDirectories(report.getParent());
			Files.writeString(report, StatisticsHtmlReport.render(result, baseline.toString(), "seeded test database"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the statistics report " + report, e);
		}
		return report;
	}
}
