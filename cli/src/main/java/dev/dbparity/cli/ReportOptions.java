package dev.dbparity.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Option;

import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.diff.report.HtmlReport;
import dev.dbparity.snapshots.diff.report.JsonReport;
import dev.dbparity.snapshots.diff.report.MarkdownReport;
import dev.dbparity.snapshots.diff.report.TextReport;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.statistics.StatisticsComparison;
import dev.dbparity.snapshots.statistics.StatisticsComparisonResult;
import dev.dbparity.snapshots.statistics.StatisticsHtmlReport;
import dev.dbparity.snapshots.statistics.StatisticsMarkdownReport;
import dev.dbparity.snapshots.statistics.StatisticsTextReport;
import dev.dbparity.snapshots.statistics.Verdict;

/** {@code ReportOptions} are how {@code diff} and {@code verify} filter and print differences. */
final class ReportOptions {

	enum Format {
		text, markdown, json, html
	}

	@Option(names = "--format", defaultValue = "text", description = "text, markdown, json or html (default: ${DEFAULT-VALUE}).")
	Format format;

	@Option(names = "--ignore", paramLabel = "GLOB",
			description = "Ignore differences whose path matches GLOB (repeatable): * within a segment, ** across "
					+ "segments, e.g. 'public.audit_*' or '**.comment'. Owners are always ignored.")
	List<String> ignore = List.of();

	@Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
	Optional<Path> output = Optional.empty();

	/** {@code base}, such as a tolerances file's rules, with the {@code --ignore} globs. */
	IgnoreRules ignoreRules(IgnoreRules base) {
		try {
			return base.withGlobs(ignore.toArray(String[]::new));
		}
		catch (IllegalArgumentException e) {
			throw new CliException("--ignore: " + e.getMessage(), e);
		}
	}

	/** Prints the report and returns the exit code: 0 without differences, 1 with. */
	int print(SchemaDiffResult result, String expectedLabel, String actualLabel, PrintWriter out) {
		return print(result, Optional.empty(), expectedLabel, actualLabel, out);
	}

	/**
	 * Prints the schema report, followed by the statistics comparison when there is one, and returns the exit code: 0
	 * when the schemas are the same and no statistic fails, 1 otherwise.
	 */
	int print(SchemaDiffResult result, Optional<StatisticsComparisonResult> statistics, String expectedLabel,
			String actualLabel, PrintWriter out) {
		String schemaReport = switch (format) {
			case text -> TextReport.render(result, expectedLabel, actualLabel, output.map(Path::toString), Integer.MAX_VALUE);
			case markdown -> MarkdownReport.render(result, expectedLabel, actualLabel);
			case json -> JsonReport.render(result);
			case html -> HtmlReport.render(result, expectedLabel, actualLabel);
		};
		String report = statistics.map(stats -> switch (format) {
			case text -> schemaReport + (schemaReport.endsWith("\n") ? "" : "\n")
					+ StatisticsTextReport.render(stats, expectedLabel, actualLabel, Integer.MAX_VALUE) + "\n";
			case markdown -> schemaReport + "\n" + StatisticsMarkdownReport.render(stats, expectedLabel, actualLabel);
			case json -> json(result, stats);
			case html -> html(schemaReport, StatisticsHtmlReport.render(stats, expectedLabel, actualLabel));
		}).orElse(schemaReport);
		Output.write(output, report, out);
		return result.isEmpty() && statistics.map(StatisticsComparisonResult::isEmpty).orElse(true) ? DbParity.SAME
				: DbParity.DIFFERENT;
	}

	/** The schema report's JSON with every statistics verdict beside its differences, so tools see both. */
	private static String json(SchemaDiffResult result, StatisticsComparisonResult statistics) {
		ObjectNode report = CanonicalJson.object();
		report.set("differences", JsonReport.differences(result.differences()));
		report.put("statisticsMode", statistics.mode().id());
		ArrayNode verdicts = report.putArray("statistics");
		for (Verdict verdict : statistics.verdicts()) {
			ObjectNode entry = verdicts.addObject();
			entry.put("path", verdict.path());
			entry.put("metric", verdict.metric().id());
			entry.put("outcome", verdict.outcome().name());
			entry.put("baseline", verdict.baseline());
			entry.put("actual", verdict.actual());
			// Six significant digits, as the other reports print them, so float noise never changes the file.
			entry.put("distance", new BigDecimal(StatisticsComparison.format(verdict.distance())));
			entry.put("bound", new BigDecimal(StatisticsComparison.format(verdict.bound())));
		}
		return CanonicalJson.writeString(report);
	}

	/**
	 * Both pages in one: the statistics page's style and body go into the schema page's body, because each renderer
	 * writes a whole document and a report file should be one page.
	 */
	private static String html(String schemaPage, String statisticsPage) {
		String style = between(statisticsPage, "<style>", "</style>");
		String body = between(statisticsPage, "<body>\n", "</body>");
		int end = schemaPage.lastIndexOf("</body>");
		return schemaPage.substring(0, end) + "<hr>\n<style>" + style + "</style>\n" + body + schemaPage.substring(end);
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}
}
