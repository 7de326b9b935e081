package dev.dbparity.snapshots.statistics;

import java.util.List;

/**
 * {@code StatisticsMarkdownReport} renders a {@link StatisticsComparisonResult} as GitHub-flavoured Markdown for a
 * pull-request comment: a heading, the counts, a table of the failed metrics (metric, baseline, actual, distance and
 * bound), and the tables and columns that could not be compared.
 *
 * @since 0.1
 */
public final class StatisticsMarkdownReport {

	private StatisticsMarkdownReport() {
	}

	/** The report, ending with a newline. */
	public static String render(StatisticsComparisonResult result, String baselineLabel, String actualLabel) {
		StringBuilder markdown = new StringBuilder();
		markdown.append("### Data statistics of ").append(escape(actualLabel)).append(" against ")
			.append(escape(baselineLabel)).append(" (").append(result.mode().id()).append(" mode)\n\n");
		markdown.append(summary(result)).append("\n");
		if (!result.failures().isEmpty()) {
			markdown.append("\n| Path | Metric | Baseline | Actual | Distance | Bound |\n")
				.append("| --- | --- | --- | --- | ---: | ---: |\n");
			for (Verdict verdict : result.failures()) {
				row(markdown, verdict);
			}
		}
		List<Verdict> notComparable = result.notComparable();
		if (!notComparable.isEmpty()) {
			markdown.append("\n<details><summary>Not comparable (").append(notComparable.size())
				.append(")</summary>\n\n| Path | Metric | Baseline | Actual |\n| --- | --- | --- | --- |\n");
			for (Verdict verdict : notComparable) {
				markdown.append("| `").append(escape(verdict.path())).append("` | ").append(verdict.metric().id())
					.append(" | ").append(escape(verdict.baseline())).append(" | ").append(escape(verdict.actual()))
					.append(" |\n");
			}
			markdown.append("\n</details>\n");
		}
		return markdown.toString();
	}

	/** {@code 2 of 40 metrics failed, 1 not comparable.} */
	static String summary(StatisticsComparisonResult result) {
		int compared = result.passed().size() + result.failures().size();
		String failed = result.failures().isEmpty() ? "All " + compared + " metrics within their bounds"
				: result.failures().size() + " of " + compared + " metrics failed";
		return failed + (result.notComparable().isEmpty() ? "." : ", " + result.notComparable().size()
				+ " not comparable.");
	}

	private static void row(StringBuilder markdown, Verdict verdict) {
		markdown.append("| `").append(escape(verdict.path())).append("` | **").append(verdict.metric().id())
			.append("** | ").append(escape(verdict.baseline())).append(" | ").append(escape(verdict.actual()))
			.append(" | ").append(StatisticsComparison.format(verdict.distance())).append(" | ")
			.append(StatisticsComparison.format(verdict.bound())).append(" |\n");
	}

	/** {@code text} safe in a table cell: pipes and backticks escaped, line ends as spaces. */
	private static String escape(String text) {
		return text.replace("|", "\\|").replace("`", "'").replace('\n', ' ').replace('\r', ' ');
	}
}
