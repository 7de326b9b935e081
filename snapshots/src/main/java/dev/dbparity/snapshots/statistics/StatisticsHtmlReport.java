package dev.dbparity.snapshots.statistics;

import static dev.dbparity.snapshots.diff.report.HtmlReport.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code StatisticsHtmlReport} renders a {@link StatisticsComparisonResult} as one self-contained HTML page for a CI
 * artifact: inline CSS and inline SVG, no scripts, no external resources, every label HTML-escaped.
 *
 * <p>The page lists the failed metrics first, then every table and column compared: per column the baseline's and the
 * actual histogram (drawn on a shared value axis, as the share of values in each of {@value #BINS} equal-width bins)
 * and top values (as bars of their shares) side by side, and the column's verdicts with failures highlighted.
 *
 * @since 0.1
 */
public final class StatisticsHtmlReport {

	/** Equal-width bins a histogram is drawn with. */
	static final int BINS = 20;

	private static final int CHART_WIDTH = 320;

	private static final int CHART_HEIGHT = 90;

	private static final String BASELINE_COLOUR = "#0969da";

	private static final String ACTUAL_COLOUR = "#bc4c00";

	private static final String STYLE = """
			body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2328; background: #ffffff; }
			table { border-collapse: collapse; margin-bottom: 1.5rem; }
			th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
			th { background: #f6f8fa; }
			tr.failed td { background: #ffebe9; }
			tr.failed td.metric { color: #cf222e; font-weight: bold; }
			tr.not-comparable td { color: #6e7781; }
			code { font-family: ui-monospace, monospace; }
			.summary { font-size: 1.1rem; }
			.summary.failed { color: #cf222e; }
			.summary.passed { color: #1a7f37; }
			.legend span { display: inline-block; width: 0.8rem; height: 0.8rem; margin: 0 0.3rem 0 1rem; }
			h2 { border-bottom: 1px solid #d0d7de; }
			svg text { font: 10px ui-monospace, monospace; fill: #1f2328; }
			""";

	private StatisticsHtmlReport() {
	}

	/** The page, ending with a newline. */
	public static String render(StatisticsComparisonResult result, String baselineLabel, String actualLabel) {
		String title = "Data statistics of " + actualLabel + " against " + baselineLabel;
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
			.append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
			.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"summary ")
			.append(result.isEmpty() ? "passed" : "failed").append("\">")
			.append(escape(StatisticsMarkdownReport.summary(result))).append(" Mode: ").append(result.mode().id())
			.append("; baseline captured in ").append(result.baseline().mode().id()).append(" mode, actual in ")
			.append(result.actual().mode().id()).append(" mode.</p>\n")
			.append("<p class=\"legend\"><span style=\"background:").append(BASELINE_COLOUR).append("\"></span>")
			.append(escape(baselineLabel)).append("<span style=\"background:").append(ACTUAL_COLOUR)
			.append("\"></span>").append(escape(actualLabel)).append("</p>\n");
		if (!result.failures().isEmpty()) {
			html.append("<h2 id=\"failures\">Failures (").append(result.failures().size()).append(")</h2>\n");
			verdicts(html, result.failures());
		}
		JsonNode baseline = result.baseline().tree();
		JsonNode actual = result.actual().tree();
		for (Map.Entry<String, List<Verdict>> table : byTable(result.verdicts()).entrySet()) {
			html.append("<h2>").append(escape(table.getKey())).append("</h2>\n");
			Map<String, List<Verdict>> byColumn = new TreeMap<>();
			List<Verdict> own = new ArrayList<>();
			for (Verdict verdict : table.getValue()) {
				if (verdict.column().isPresent()) {
					byColumn.computeIfAbsent(verdict.column().get(), key -> new ArrayList<>()).add(verdict);
				}
				else {
					own.add(verdict);
				}
			}
			if (!own.isEmpty()) {
				verdicts(html, own);
			}
			for (Map.Entry<String, List<Verdict>> column : byColumn.entrySet()) {
				Verdict first = column.getValue().get(0);
				html.append("<h3><code>").append(escape(column.getKey())).append("</code></h3>\n");
				JsonNode a = columnNode(baseline, first);
				JsonNode b = columnNode(actual, first);
				charts(html, a, b);
				verdicts(html, column.getValue());
			}
		}
		return html.append("</body>\n</html>\n").toString();
	}

	private static Map<String, List<Verdict>> byTable(List<Verdict> verdicts) {
		Map<String, List<Verdict>> tables = new LinkedHashMap<>();
		for (Verdict verdict : verdicts) {
			tables.computeIfAbsent(verdict.schema() + "." + verdict.table(), key -> new ArrayList<>()).add(verdict);
		}
		return tables;
	}

	private static JsonNode columnNode(JsonNode tree, Verdict verdict) {
		return tree.path("schemas").path(verdict.schema()).path("tables").path(verdict.table()).path("columns")
			.path(verdict.column().orElse(""));
	}

	private static void verdicts(StringBuilder html, List<Verdict> verdicts) {
		html.append("<table>\n<tr><th>Path</th><th>Metric</th><th>Baseline</th><th>Actual</th><th>Distance</th>"
				+ "<th>Bound</th><th>Verdict</th></tr>\n");
		for (Verdict verdict : verdicts) {
			String css = verdict.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
			boolean compared = verdict.outcome() != Verdict.Outcome.NOT_COMPARABLE;
			html.append("<tr class=\"").append(css).append("\"><td><code>").append(escape(verdict.path()))
				.append("</code></td><td class=\"metric\">").append(verdict.metric().id()).append("</td><td>")
				.append(escape(verdict.baseline())).append("</td><td>").append(escape(verdict.actual()))
				.append("</td><td>").append(compared ? StatisticsComparison.format(verdict.distance()) : "")
				.append("</td><td>").append(compared ? StatisticsComparison.format(verdict.bound()) : "")
				.append("</td><td>").append(verdict.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
				.append("</td></tr>\n");
		}
		html.append("</table>\n");
	}

	private static void charts(StringBuilder html, JsonNode baseline, JsonNode actual) {
		Optional<Histogram> a = Histogram.of(baseline.path("histogram"));
		Optional<Histogram> b = Histogram.of(actual.path("histogram"));
		boolean tops = baseline.path("top").isArray() || actual.path("top").isArray();
		if (a.isEmpty() && b.isEmpty() && !tops) {
			return;
		}
		html.append("<table>\n<tr><th></th><th>Baseline</th><th>Actual</th></tr>\n");
		if (a.isPresent() || b.isPresent()) {
			double low = Double.MAX_VALUE;
			double high = -Double.MAX_VALUE;
			String lowLabel = "";
			String highLabel = "";
			for (Optional<Histogram> histogram : List.of(a, b)) {
				if (histogram.isPresent()) {
					Histogram h = histogram.get();
					if (h.bounds().get(0) < low) {
						low = h.bounds().get(0);
						lowLabel = h.labels().get(0);
					}
					if (h.bounds().get(h.bounds().size() - 1) > high) {
						high = h.bounds().get(h.bounds().size() - 1);
						highLabel = h.labels().get(h.labels().size() - 1);
					}
				}
			}
			double[] baselineBins = bins(a, low, high);
			double[] actualBins = bins(b, low, high);
			double max = 0;
			for (int i = 0; i < BINS; i++) {
				max = Math.max(max, Math.max(baselineBins[i], actualBins[i]));
			}
			html.append("<tr><th>Histogram</th><td>").append(histogramSvg(a, baselineBins, max, lowLabel, highLabel,
					BASELINE_COLOUR)).append("</td><td>")
				.append(histogramSvg(b, actualBins, max, lowLabel, highLabel, ACTUAL_COLOUR)).append("</td></tr>\n");
		}
		if (tops) {
			html.append("<tr><th>Top values</th><td>").append(topSvg(baseline.path("top"), BASELINE_COLOUR))
				.append("</td><td>").append(topSvg(actual.path("top"), ACTUAL_COLOUR)).append("</td></tr>\n");
		}
		html.append("</table>\n");
	}

	/** The share of values in each of {@value #BINS} equal-width bins over {@code [low, high]}. */
	private static double[] bins(Optional<Histogram> histogram, double low, double high) {
		double[] bins = new double[BINS];
		if (histogram.isEmpty()) {
			return bins;
		}
		double width = (high - low) / BINS;
		if (width <= 0) {
			bins[0] = 1;
			return bins;
		}
		double previous = histogram.get().cdf(low - width * 1e-9);
		for (int i = 0; i < BINS; i++) {
			double next = histogram.get().cdf(i == BINS - 1 ? high : low + width * (i + 1));
			bins[i] = Math.max(0, next - previous);
			previous = next;
		}
		return bins;
	}

	private static String histogramSvg(Optional<Histogram> histogram, double[] bins, double max, String low,
			String high, String colour) {
		StringBuilder svg = new StringBuilder();
		int plot = CHART_HEIGHT - 14;
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH).append("\" height=\"")
			.append(CHART_HEIGHT).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(CHART_HEIGHT)
			.append("\" role=\"img\">");
		svg.append("<line x1=\"0\" y1=\"").append(plot).append("\" x2=\"").append(CHART_WIDTH).append("\" y2=\"")
			.append(plot).append("\" stroke=\"#8c959f\"/>");
		if (histogram.isEmpty()) {
			svg.append("<text x=\"4\" y=\"").append(plot / 2).append("\">no histogram</text>");
		}
		else {
			double barWidth = (double) CHART_WIDTH / BINS;
			for (int i = 0; i < BINS; i++) {
				double height = max > 0 ? bins[i] / max * (plot - 4) : 0;
				svg.append("<rect x=\"").append(number(i * barWidth + 1)).append("\" y=\"")
					.append(number(plot - height)).append("\" width=\"").append(number(barWidth - 2))
					.append("\" height=\"").append(number(height)).append("\" fill=\"").append(colour)
					.append("\"><title>").append(escape(StatisticsComparison.format(bins[i] * 100))).append(" %</title></rect>");
			}
		}
		svg.append("<text x=\"0\" y=\"").append(CHART_HEIGHT - 2).append("\">").append(escape(low)).append("</text>");
		svg.append("<text x=\"").append(CHART_WIDTH).append("\" y=\"").append(CHART_HEIGHT - 2)
			.append("\" text-anchor=\"end\">").append(escape(high)).append("</text>");
		return svg.append("</svg>").toString();
	}

	private static String topSvg(JsonNode top, String colour) {
		int rows = top.isArray() ? top.size() : 0;
		int rowHeight = 16;
		int height = Math.max(rows, 1) * rowHeight + 4;
		int labelWidth = 130;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH).append("\" height=\"")
			.append(height).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
			.append("\" role=\"img\">");
		if (rows == 0) {
			svg.append("<text x=\"4\" y=\"14\">no top values</text>");
		}
		for (int i = 0; i < rows; i++) {
			JsonNode entry = top.get(i);
			String label = SqlStatisticsCollector.key(entry);
			if (label.startsWith("hmac-sha256:")) {
				label = "#" + label.substring("hmac-sha256:".length(), "hmac-sha256:".length() + 8);
			}
			if (label.length() > 18) {
				label = label.substring(0, 17) + "…";
			}
			double fraction = entry.path("fraction").asDouble();
			double width = fraction * (CHART_WIDTH - labelWidth - 50);
			int y = i * rowHeight + 2;
			svg.append("<text x=\"0\" y=\"").append(y + 11).append("\">").append(escape(label)).append("</text>");
			svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2).append("\" width=\"")
				.append(number(Math.max(width, 1))).append("\" height=\"").append(rowHeight - 4).append("\" fill=\"")
				.append(colour).append("\"/>");
			svg.append("<text x=\"").append(number(labelWidth + Math.max(width, 1) + 4)).append("\" y=\"")
				.append(y + 11).append("\">").append(escape(StatisticsComparison.format(fraction * 100)))
				.append(" %</text>");
		}
		return svg.append("</svg>").toString();
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}
}
