package dev.dbparity.snapshots.diff.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.SchemaDiffResult;

/**
 * {@code TextReport} renders a {@link SchemaDiffResult} as the plain text of an assertion message: a headline with the
 * total, the counts per category in severity order, then one difference per line in path order, so that the
 * differences of one table stay together:
 *
 * <pre>
 * Expecting the schema of test database to match baseline schema.json, but found 2 differences (1 ignored):
 *   DESTRUCTIVE 1, NAMING 1
 *   DESTRUCTIVE    removed  public.orders.columns.total: {"type":"numeric(10,2)"} → (absent)
 *   NAMING         changed  public.orders.primaryKey.name: "orders_pkey" → "pk_orders"
 * Full report: target/dbparity/schema-diff.html
 * </pre>
 *
 * @since 0.1
 */
public final class TextReport {

	/** Longer values are cut, so that one difference stays one readable line. */
	static final int MAX_VALUE_LENGTH = 80;
	/** Characters kept before the first difference of two values that share a long beginning. */
	private static final int CONTEXT = 20;

	/** The longest category name, {@code CONFIGURATION}, and two spaces. */
	private static final int CATEGORY_WIDTH = 15;

	/** The longest kind, {@code removed} or {@code changed}, and two spaces. */
	private static final int KIND_WIDTH = 9;

	/** How many differences a failure message lists before "… and N more". */
	public static final int FAILURE_DIFFERENCES = 20;

	private TextReport() {
	}

	/**
	 * The report as every failure that says a schema differs shows it — an AssertJ assertion, the baseline check of a
	 * test database, a round trip: the first {@value #FAILURE_DIFFERENCES} differences.
	 */
	public static String failure(SchemaDiffResult result, String expectedLabel, String actualLabel,
			Optional<String> fullReportPath) {
		return render(result, expectedLabel, actualLabel, fullReportPath, FAILURE_DIFFERENCES);
	}

	/**
	 * The report, lines separated by {@code \n}, without a trailing newline.
	 *
	 * @param expectedLabel what the baseline is, e.g. its file
	 * @param actualLabel what was compared with it, e.g. the engine and database
	 * @param fullReportPath where the complete report was written, printed after the differences
	 * @param maxDifferences how many differences to list; the rest are counted as {@code … and N more}
	 * @throws IllegalArgumentException for a negative {@code maxDifferences}
	 */
	public static String render(SchemaDiffResult result, String expectedLabel, String actualLabel,
			Optional<String> fullReportPath, int maxDifferences) {
		if (maxDifferences < 0) {
			throw new IllegalArgumentException("maxDifferences must be 0 or more, but was " + maxDifferences);
		}
		StringJoiner lines = new StringJoiner("\n");
		String ignored = result.ignored().isEmpty() ? "" : " (" + result.ignored().size() + " ignored)";
		List<Difference> differences = result.differences();
		if (differences.isEmpty()) {
			lines.add("The schema of " + actualLabel + " matches " + expectedLabel + ignored + ".");
		}
		else {
			lines.add("Expecting the schema of " + actualLabel + " to match " + expectedLabel + ", but found "
					+ Values.count(differences.size(), "difference") + ignored + ":");
			StringJoiner counts = new StringJoiner(", ", "  ", "");
			for (Map.Entry<Category, Long> count : result.countsByCategory().entrySet()) {
				counts.add(count.getKey() + " " + count.getValue());
			}
			lines.add(counts.toString());
			for (Difference difference : differences.subList(0, Math.min(maxDifferences, differences.size()))) {
				lines.add(line(difference));
			}
			if (differences.size() > maxDifferences) {
				lines.add("  … and " + (differences.size() - maxDifferences) + " more");
			}
		}
		fullReportPath.ifPresent(path -> lines.add("Full report: " + path));
		return lines.toString();
	}

	private static String line(Difference difference) {
		String expected = Values.compact(difference.expected(), "(absent)");
		String actual = Values.compact(difference.actual(), "(absent)");
		// Two long values that differ only far in (a view's or trigger's definition) would abbreviate to the same
		// text: both start a little before their first difference instead.
		int same = 0;
		while (same < Math.min(expected.length(), actual.length()) && expected.charAt(same) == actual.charAt(same)) {
			same++;
		}
		int from = same > MAX_VALUE_LENGTH - CONTEXT ? same - CONTEXT : 0;
		return "  " + pad(difference.category().name(), CATEGORY_WIDTH) + pad(difference.kind().id(), KIND_WIDTH)
				+ difference.path() + ": " + from(expected, from) + " → " + from(actual, from) + Values.also(difference)
				+ Values.note(difference);
	}

	private static String from(String value, int start) {
		return Values.abbreviate(start == 0 ? value : "…" + value.substring(start), MAX_VALUE_LENGTH);
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(1, width - text.length()));
	}
}
