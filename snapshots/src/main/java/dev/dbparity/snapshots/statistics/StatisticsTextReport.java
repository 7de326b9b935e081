package dev.dbparity.snapshots.statistics;

import java.util.List;

/**
 * {@code StatisticsTextReport} renders the failures of a {@link StatisticsComparisonResult} as plain text for
 * assertion messages: a headline, then one line per failed metric, {@code limit} at most.
 *
 * @since 0.1
 */
public final class StatisticsTextReport {

	private StatisticsTextReport() {
	}

	/** The report, without a trailing newline. */
	public static String render(StatisticsComparisonResult result, String baselineLabel, String actualLabel,
			int limit) {
		StringBuilder text = new StringBuilder();
		text.append("Data statistics of ").append(actualLabel).append(" against ").append(baselineLabel).append(" (")
			.append(result.mode().id()).append(" mode): ").append(StatisticsMarkdownReport.summary(result));
		List<Verdict> failures = result.failures();
		for (Verdict verdict : failures.subList(0, Math.min(limit, failures.size()))) {
			text.append("\n  ").append(verdict.path()).append(": ").append(verdict.metric().id()).append(" ")
				.append(StatisticsComparison.format(verdict.distance())).append(" > bound ")
				.append(StatisticsComparison.format(verdict.bound())).append(" (baseline ").append(verdict.baseline())
				.append(", actual ").append(verdict.actual()).append(")");
		}
		if (failures.size() > limit) {
			text.append("\n  … and ").append(failures.size() - limit).append(" more");
		}
		return text.toString();
	}
}
