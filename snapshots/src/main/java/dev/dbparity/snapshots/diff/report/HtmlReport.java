package dev.dbparity.snapshots.diff.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.SchemaDiffResult;

/**
 * {@code HtmlReport} renders a {@link SchemaDiffResult} as one self-contained HTML page, for a CI artifact a reviewer
 * opens in a browser: inline CSS, no scripts, no external resources, every label, path and value HTML-escaped. The
 * differences are grouped by category in severity order, then listed in path order with their full values; ignored
 * differences follow in their own section.
 *
 * @since 0.1
 */
public final class HtmlReport {

	/** {@code STYLE} is the reports' inline style sheet, shared by other pages of dbparity. */
	public static final String STYLE = """
			body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; }
			table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
			th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
			th { background: #f6f8fa; }
			code { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
			.absent { color: #8c959f; }
			h2 { border-bottom: 1px solid #d0d7de; }
			""";

	private HtmlReport() {
	}

	/** The page, ending with a newline. */
	public static String render(SchemaDiffResult result, String expectedLabel, String actualLabel) {
		String title = "Schema of " + actualLabel + " against " + expectedLabel;
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
			.append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
			.append("<h1>").append(escape(title)).append("</h1>\n<p>")
			.append(Values.count(result.differences().size(), "difference")).append(", ")
			.append(result.ignored().size()).append(" ignored.</p>\n");
		for (Map.Entry<Category, Long> count : result.countsByCategory().entrySet()) {
			Category category = count.getKey();
			html.append("<h2 id=\"").append(category).append("\">").append(category).append(" (")
				.append(count.getValue()).append(")</h2>\n");
			table(html, result.differences().stream().filter(d -> d.category() == category).toList());
		}
		if (!result.ignored().isEmpty()) {
			html.append("<h2 id=\"ignored\">Ignored (").append(result.ignored().size()).append(")</h2>\n");
			table(html, result.ignored());
		}
		return html.append("</body>\n</html>\n").toString();
	}

	private static void table(StringBuilder html, List<Difference> differences) {
		html.append("<table>\n<tr><th>Kind</th><th>Path</th><th>Expected</th><th>Actual</th></tr>\n");
		for (Difference difference : differences) {
			html.append("<tr><td>").append(difference.kind().id()).append("</td><td><code>")
				.append(escape(difference.path())).append("</code>").append(escape(Values.also(difference) + Values.note(difference)))
				.append("</td><td>").append(value(difference.expected()))
				.append("</td><td>").append(value(difference.actual())).append("</td></tr>\n");
		}
		html.append("</table>\n");
	}

	private static String value(Optional<JsonNode> value) {
		return value.isEmpty() ? "<span class=\"absent\">absent</span>"
				: "<code>" + escape(Values.compact(value, "")) + "</code>";
	}

	/** {@code escape} is {@code text} safe to put in HTML text and attribute values. */
	public static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}
}
