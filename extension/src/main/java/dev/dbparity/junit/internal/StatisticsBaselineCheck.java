package dev.dbparity.junit.internal;

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

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.dbparity.junit.ParityException;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.statistics.ComparisonMode;
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
	private static final int MESSAGE_VERDICTS = 20;

	private StatisticsBaselineCheck() {
	}

	/** Captures the statistics of the database {@code dataSource} connects to, exactly ({@code full} mode). */
	public static StatisticsSnapshot snapshot(DataSource dataSource, Optional<String> maskingKey) {
		try (Connection connection = dataSource.getConnection()) {
			SchemaSnapshot schema = SchemaBaselineCheck.snapshot(dataSource);
			StatisticsOptions options = maskingKey.map(StatisticsOptions.full()::withMaskingKey)
				.orElse(StatisticsOptions.full());
			return StatisticsCollectors.forConnection(connection).collect(connection, schema, options);
		}
		catch (SQLException e) {
			throw new ParityException("Could not capture data statistics (phase snapshot): " + e.getMessage(), e);
		}
	}

	static void run(DataSource dataSource, BaselineSettings settings, Map<String, String> environment,
			Consumer<String> verdicts) {
		String location = settings.location().orElseThrow(() -> new ExtensionConfigurationException(
				"assertStatisticsMatchBaseline() needs a baseline: set @ParityDatabase(baseline = "
						+ "\"parity/baseline/production\") or the configuration parameter dbparity.baseline."));
		Path directory = ResourceLocation.resolve(location);
		if (settings.update() && "true".equalsIgnoreCase(environment.get("CI"))) {
			throw new ExtensionConfigurationException("dbparity.baseline.update=true is refused because CI=true: a "
					+ "committed update flag must never turn CI green. Update " + directory + " on your machine with "
					+ "-Ddbparity.baseline.update=true, review the change, and commit it.");
		}
		Optional<String> maskingKey = Optional.ofNullable(environment.get("DBPARITY_MASKING_KEY"));
		Baseline baseline = Baseline.read(directory);
		StatisticsSnapshot actual = snapshot(dataSource, maskingKey);
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
		Path tolerancesFile = ResourceLocation.resolve(settings.tolerances().orElse(DEFAULT_TOLERANCES));
		StatisticsTolerances tolerances = Files.exists(tolerancesFile) ? StatisticsTolerances.load(tolerancesFile)
				: StatisticsTolerances.defaults();
		StatisticsComparisonResult result = StatisticsComparison.compare(expected, actual, tolerances,
				ComparisonMode.SHAPE);
		verdicts.accept(directory + ": data statistics " + (result.isEmpty() ? "match in shape mode"
				: result.failures().size() + " metrics out of bounds") + (result.notComparable().isEmpty() ? ""
						: ", " + result.notComparable().size() + " not comparable"));
		if (!result.isEmpty()) {
			Path actualFile = baseline.writeActual(actual);
			Path report = writeReport(directory, result);
			throw new AssertionError("Data statistics do not match the baseline " + directory + " (shape mode)\n"
					+ StatisticsTextReport.render(result, directory.toString(), "seeded test database", MESSAGE_VERDICTS)
					+ "\n‣ the test database's statistics are in " + actualFile + "\n‣ full report with histograms: "
					+ report + "\n‣ widen a bound in " + DEFAULT_TOLERANCES + " (statistics:), change the seed rules, or "
					+ "update the baseline with -Ddbparity.baseline.update=true (refused when CI=true)");
		}
	}

	private static Path writeReport(Path baseline, StatisticsComparisonResult result) {
		Path report = Path.of("target", "dbparity", baseline.getFileName() + "-statistics.html").toAbsolutePath();
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
