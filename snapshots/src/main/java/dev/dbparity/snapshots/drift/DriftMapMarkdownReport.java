package dev.dbparity.snapshots.drift;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code DriftMapMarkdownReport} renders a {@link DriftMap} as GitHub-flavoured Markdown for a pull-request comment:
 * the summary, a table of the environments (source, drift from the reference), then a table per section with a row
 * per object or statistic, a column per environment and each cell the variant's coloured square and letter; the last
 * column says what each letter stands for. Table cells escape {@code |}; values are code spans, cut to
 * {@value #MAX_VALUE_LENGTH} characters.
 *
 * @since 0.2
 */
public final class DriftMapMarkdownReport {

	static final int MAX_VALUE_LENGTH = 80;

	private DriftMapMarkdownReport() {
	}

	/** The report, ending with a newline. */
	public static String render(DriftMap map) {
		StringBuilder markdown = new StringBuilder("### ").append(escape(Palette.title(map))).append("\n\n")
			.append(escape(Palette.summary(map))).append("\n\n");
		markdown.append("| Environment | Source | Drift from ").append(escape(map.reference())).append(" |\n")
			.append("| --- | --- | --- |\n");
		for (Environment environment : map.environments()) {
			boolean reference = environment.name().equals(map.reference());
			markdown.append("| ").append(reference ? "**" + escape(environment.name()) + "** (reference)"
					: escape(environment.name())).append(" | ").append(code(environment.source())).append(" | ")
				.append(environment.isFailed() ? "⚠️ not read: " + escape(environment.error().orElseThrow())
						: reference ? "—" : Palette.sections(map.drift().get(environment.name())))
				.append(" |\n");
		}
		if (!map.notes().isEmpty()) {
			markdown.append('\n');
			map.notes().forEach(note -> markdown.append("- ").append(escape(note)).append('\n'));
		}
		for (Map.Entry<Section, Long> count : map.countsBySection().entrySet()) {
			markdown.append("\n#### ").append(count.getKey()).append(" (").append(count.getValue()).append(")\n\n")
				.append("| ").append(count.getKey() == Section.STATISTICS ? "Statistic" : "Path");
			map.environments().forEach(environment -> markdown.append(" | ").append(environment.name()
				.equals(map.reference()) ? "**" + escape(environment.name()) + "**" : escape(environment.name())));
			markdown.append(" | Variants |\n|").append(" --- |".repeat(map.environments().size() + 2)).append('\n');
			for (Row row : map.rows()) {
				if (row.section() == count.getKey()) {
					row(markdown, row);
				}
			}
		}
		return markdown.toString();
	}

	private static void row(StringBuilder markdown, Row row) {
		markdown.append("| ").append(code(row.path())).append(row.metric().map(metric -> " " + metric).orElse(""));
		for (Cell cell : row.cells()) {
			markdown.append(" | ").append(switch (cell.kind()) {
				case VALUE -> Palette.square(cell.variant()) + " " + cell.letter().orElseThrow();
				case ABSENT -> "— " + escape(cell.value());
				case UNAVAILABLE -> "⚠️ " + escape(cell.value());
			});
		}
		markdown.append(" | ").append(IntStream.range(0, row.variants().size()).mapToObj(variant -> Cell.letter(variant)
				+ " " + code(Palette.abbreviate(row.variants().get(variant), MAX_VALUE_LENGTH)))
			.collect(Collectors.joining("<br>"))).append(" |\n");
	}

	/**
	 * {@code text} as a code span in a table cell: fenced with one backtick more than its longest run of backticks,
	 * padded when it starts or ends with one, and with {@code |} escaped, which GitHub requires even in code spans.
	 */
	static String code(String text) {
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
	static String escape(String text) {
		return text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
	}
}
