package dev.dbparity.snapshots.diff.report;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.SchemaDiffResult;

/**
 * {@code MarkdownReport} renders a {@link SchemaDiffResult} as GitHub-flavoured Markdown for a pull-request comment:
 * a heading, a table of counts per category in severity order, and a table of the differences in path order. Table
 * cells escape {@code |}; values are code spans, cut to {@value #MAX_VALUE_LENGTH} characters.
 *
 * @since 0.1
 */
public final class MarkdownReport {

	static final int MAX_VALUE_LENGTH = 120;

	private MarkdownReport() {
	}

	/** The report, ending with a newline. */
	public static String render(SchemaDiffResult result, String expectedLabel, String actualLabel) {
		StringBuilder markdown = new StringBuilder();
		markdown.append("### Schema of ").append(escape(actualLabel)).append(" against ").append(escape(expectedLabel))
			.append("\n\n");
		String ignored = result.ignored().isEmpty() ? "" : " (" + result.ignored().size() + " ignored)";
		if (result.isEmpty()) {
			return markdown.append("No differences").append(ignored).append(".\n").toString();
		}
		markdown.append("**").append(Values.count(result.differences().size(), "difference")).append("**")
			.append(ignored).append("\n\n");
		markdown.append("| Category | Differences |\n| --- | ---: |\n");
		for (Map.Entry<Category, Long> count : result.countsByCategory().entrySet()) {
			markdown.append("| ").append(count.getKey()).append(" | ").append(count.getValue()).append(" |\n");
		}
		markdown.append("\n| Category | Kind | Path | Expected | Actual |\n| --- | --- | --- | --- | --- |\n");
		for (Difference difference : result.differences()) {
			markdown.append("| ").append(difference.category()).append(Values.also(difference)).append(" | ").append(difference.kind().id())
				.append(" | ").append(code(difference.path())).append(escape(Values.note(difference))).append(" | ").append(value(difference.expected()))
				.append(" | ").append(value(difference.actual())).append(" |\n");
		}
		return markdown.toString();
	}

	private static String value(Optional<JsonNode> value) {
		return value.isEmpty() ? "" : code(Values.abbreviate(Values.compact(value, ""), MAX_VALUE_LENGTH));
	}

	/**
	 * {@code text} as a code span in a table cell: fenced with one backtick more than its longest run of backticks,
	 * padded when it starts or ends with one, and with {@code |} escaped, which GitHub requires even in code spans.
	 */
	private static String code(String text) {
		int longest = 0;
		int run = 0;
		for (char c : text.toCharArray()) {
			run = c == '`' ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		String fence = "`".repeat(longest + 1);
		String padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
		return fence + padding + escape(text) + padding + fence;
	}

	/** {@code text} safe in a table cell: pipes escaped, line ends as spaces. */
	private static String escape(String text) {
		return text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
	}
}
