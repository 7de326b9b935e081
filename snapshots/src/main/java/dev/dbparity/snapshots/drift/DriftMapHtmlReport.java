package dev.dbparity.snapshots.drift;

import static dev.dbparity.snapshots.diff.report.HtmlReport.escape;

import java.util.Map;

import dev.dbparity.snapshots.diff.report.HtmlReport;

/**
 * {@code DriftMapHtmlReport} renders a {@link DriftMap} as one self-contained HTML page, for a CI artifact a reviewer
 * opens in a browser: inline CSS, no scripts, no external resources, every name, path and value HTML-escaped. A table
 * per section has a row per object or statistic and a column per environment; each cell is coloured by its variant
 * and shows the variant's letter and its value, shortened, with the longer value as the cell's tooltip. Absent
 * objects are grey, environments that could not be read striped.
 *
 * @since 0.2
 */
public final class DriftMapHtmlReport {

	static final int MAX_CELL_LENGTH = 40;
	static final int MAX_TOOLTIP_LENGTH = 400;

	private static final String STYLE = """
			td.variant b { margin-right: 0.4rem; }
			td.absent { color: #8c959f; font-style: italic; }
			td.unavailable { background: repeating-linear-gradient(45deg, #fff8c5, #fff8c5 6px, #f6f8fa 6px, #f6f8fa 12px); }
			th.reference { border-bottom: 3px solid #0969da; }
			td.path code { white-space: nowrap; word-break: normal; }
			p.summary { font-size: 1.1rem; }
			""";

	private DriftMapHtmlReport() {
	}

	/** The page, ending with a newline. */
	public static String render(DriftMap map) {
		String title = Palette.title(map);
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
			.append(escape(title)).append("</title>\n<style>\n").append(HtmlReport.STYLE).append(STYLE)
			.append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"summary\">")
			.append(escape(Palette.summary(map))).append(" Cells of one colour and letter hold the same value.</p>\n");
		html.append("<table>\n<tr><th>Environment</th><th>Source</th><th>Drift from ").append(escape(map.reference()))
			.append("</th></tr>\n");
		for (Environment environment : map.environments()) {
			boolean reference = environment.name().equals(map.reference());
			html.append("<tr><td>").append(reference ? "<b>" + escape(environment.name()) + "</b> (reference)"
					: escape(environment.name())).append("</td><td><code>").append(escape(environment.source()))
				.append("</code></td>").append(environment.isFailed() ? "<td class=\"unavailable\">not read: "
						+ escape(environment.error().orElseThrow()) : "<td>" + (reference ? "—"
								: escape(Palette.sections(map.drift().get(environment.name())))))
				.append("</td></tr>\n");
		}
		html.append("</table>\n");
		map.notes().forEach(note -> html.append("<p>").append(escape(note)).append("</p>\n"));
		for (Map.Entry<Section, Long> count : map.countsBySection().entrySet()) {
			html.append("<h2 id=\"").append(count.getKey()).append("\">").append(count.getKey()).append(" (")
				.append(count.getValue()).append(")</h2>\n<table>\n<tr><th>")
				.append(count.getKey() == Section.STATISTICS ? "Statistic" : "Path").append("</th>");
			map.environments().forEach(environment -> html.append(environment.name().equals(map.reference())
					? "<th class=\"reference\">" : "<th>").append(escape(environment.name())).append("</th>"));
			html.append("</tr>\n");
			for (Row row : map.rows()) {
				if (row.section() == count.getKey()) {
					row(html, row);
				}
			}
			html.append("</table>\n");
		}
		return html.append("</body>\n</html>\n").toString();
	}

	private static void row(StringBuilder html, Row row) {
		html.append("<tr><td class=\"path\"><code>").append(escape(row.path())).append("</code>")
			.append(row.metric().map(metric -> " " + escape(metric)).orElse("")).append("</td>");
		for (Cell cell : row.cells()) {
			switch (cell.kind()) {
				case VALUE -> html.append("<td class=\"variant\" style=\"background: ")
					.append(Palette.background(cell.variant())).append("\" title=\"")
					.append(escape(Palette.abbreviate(cell.value(), MAX_TOOLTIP_LENGTH))).append("\"><b>")
					.append(cell.letter().orElseThrow()).append("</b><code>")
					.append(escape(Palette.abbreviate(cell.value(), MAX_CELL_LENGTH))).append("</code></td>");
				case ABSENT -> html.append("<td class=\"absent\">").append(escape(cell.value())).append("</td>");
				case UNAVAILABLE -> html.append("<td class=\"unavailable\">").append(escape(cell.value()))
					.append("</td>");
			}
		}
		html.append("</tr>\n");
	}
}
