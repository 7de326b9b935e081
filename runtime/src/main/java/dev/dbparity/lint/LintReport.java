package dev.dbparity.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.report.HtmlReport;
import dev.dbparity.snapshots.diff.report.JsonReport;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code LintReport} is the lint of every pending migration, in version order, rendered as Markdown (for a pull
 * request) or canonical JSON (for tools).
 *
 * @param engine the engine the migrations were tried on, e.g. {@code postgres}
 * @param baselineVersion the version production is at: migrations above it are pending
 * @param migrations one result per pending migration
 * @since 0.1
 */
public record LintReport(String engine, String baselineVersion, List<MigrationLintResult> migrations) {

	public LintReport {
		Objects.requireNonNull(engine, "engine");
		Objects.requireNonNull(baselineVersion, "baselineVersion");
		migrations = List.copyOf(migrations);
	}

	/** {@code passes} is whether no pending migration violates the policy. */
	public boolean passes() {
		return migrations.stream().allMatch(MigrationLintResult::passes);
	}

	/** {@code migration} is the result of {@code version}, if it was pending. */
	public Optional<MigrationLintResult> migration(String version) {
		return migrations.stream().filter(result -> result.version().equals(version)).findFirst();
	}

	/**
	 * Fails when a pending migration violates the policy.
	 *
	 * @throws AssertionError with the violations and the Markdown report
	 */
	public void assertPasses() {
		if (!passes()) {
			String violations = migrations.stream().filter(result -> !result.passes())
				.flatMap(result -> result.violations().stream().map(violation -> "‣ V" + result.version() + " ("
						+ result.location() + "): " + violation))
				.collect(Collectors.joining("\n"));
			throw new AssertionError("Pending migrations violate the lint policy:\n" + violations + "\n‣ if a change is "
					+ "intended, declare it in the migration's header, e.g. '-- dbparity:allow DESTRUCTIVE <reason>' for a "
					+ "category or '-- dbparity:allow DP302 <reason>' for a rule code\n\n"
					+ toMarkdown());
		}
	}

	/** The report as GitHub-flavoured Markdown, ending with a newline. */
	public String toMarkdown() {
		StringBuilder markdown = new StringBuilder("### Pending migrations on ").append(engine).append(" (after V")
			.append(baselineVersion).append(")\n\n");
		if (migrations.isEmpty()) {
			return markdown.append("No pending migrations.\n").toString();
		}
		markdown.append("| Migration | Classification | Findings | Result |\n| --- | --- | ---: | --- |\n");
		for (MigrationLintResult result : migrations) {
			markdown.append("| V").append(result.version()).append(' ').append(cell(result.description())).append(" | ")
				.append(result.classification().map(Enum::name).orElse("no schema change")).append(" | ")
				.append(result.findings().size()).append(" | ").append(result.passes() ? "passes" : "**fails**")
				.append(" |\n");
		}
		for (MigrationLintResult result : migrations) {
			markdown.append("\n#### V").append(result.version()).append(' ').append(result.description()).append("\n\n");
			result.violations().forEach(violation -> markdown.append("- **fails:** ").append(violation).append('\n'));
			result.allowed().forEach((category, reason) -> markdown.append("- allowed ").append(category).append(": ")
				.append(reason).append('\n'));
			result.allowedRules().forEach((rule, reason) -> markdown.append("- allowed ").append(rule.code()).append(' ')
				.append(rule).append(": ").append(reason).append('\n'));
			for (DifferenceLine line : DifferenceLine.of(result.differences())) {
				markdown.append("- ").append(line.category()).append(' ').append(line.kinds()).append(" `")
					.append(line.path()).append('`');
				if (!line.members().isEmpty()) {
					markdown.append(": ").append(String.join(", ", line.listed().stream().map(m -> "`" + m + "`")
						.toList())).append(line.more());
				}
				markdown.append('\n');
			}
			for (LintFinding finding : result.findings()) {
				markdown.append("- ").append(finding.kind().code()).append(' ').append(finding.kind()).append(" `").append(finding.subject()).append("`: ")
					.append(finding.detail()).append('\n');
			}
			result.rehearsal().ifPresent(rehearsal -> markdown.append(markdownRehearsal(rehearsal)));
		}
		return markdown.toString();
	}

	/**
	 * The report as a self-contained HTML page (inline CSS, no scripts, everything escaped), ending with a newline: for
	 * a CI artefact people open in a browser.
	 */
	public String toHtml() {
		String title = "Pending migrations on " + engine + " (after V" + baselineVersion + ")";
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<title>").append(escape(title)).append("</title>\n<style>\n").append(HtmlReport.STYLE)
			.append(".fails { color: #cf222e; font-weight: bold; }\n</style>\n</head>\n<body>\n<h1>")
			.append(escape(title)).append("</h1>\n");
		if (migrations.isEmpty()) {
			return html.append("<p>No pending migrations.</p>\n</body>\n</html>\n").toString();
		}
		html.append("<table>\n<tr><th>Migration</th><th>Classification</th><th>Findings</th><th>Result</th></tr>\n");
		for (MigrationLintResult result : migrations) {
			html.append("<tr><td><a href=\"#V").append(escape(result.version())).append("\">V")
				.append(escape(result.version())).append(' ').append(escape(result.description())).append("</a></td><td>")
				.append(result.classification().map(Enum::name).orElse("no schema change")).append("</td><td>")
				.append(result.findings().size()).append("</td><td>")
				.append(result.passes() ? "passes" : "<span class=\"fails\">fails</span>").append("</td></tr>\n");
		}
		html.append("</table>\n");
		for (MigrationLintResult result : migrations) {
			html.append("<h2 id=\"V").append(escape(result.version())).append("\">V").append(escape(result.version()))
				.append(' ').append(escape(result.description())).append("</h2>\n<p><code>")
				.append(escape(result.location())).append("</code></p>\n<ul>\n");
			result.violations().forEach(violation -> html.append("<li><span class=\"fails\">fails:</span> ")
				.append(escape(violation)).append("</li>\n"));
			result.allowed().forEach((category, reason) -> html.append("<li>allowed ").append(category).append(": ")
				.append(escape(reason)).append("</li>\n"));
			result.allowedRules().forEach((rule, reason) -> html.append("<li>allowed ").append(rule.code()).append(' ')
				.append(rule).append(": ").append(escape(reason)).append("</li>\n"));
			for (DifferenceLine line : DifferenceLine.of(result.differences())) {
				html.append("<li>").append(line.category()).append(' ').append(line.kinds()).append(" <code>")
					.append(escape(line.path())).append("</code>");
				if (!line.members().isEmpty()) {
					html.append(": ").append(String.join(", ", line.listed().stream()
						.map(member -> "<code>" + escape(member) + "</code>").toList())).append(escape(line.more()));
				}
				html.append("</li>\n");
			}
			for (LintFinding finding : result.findings()) {
				html.append("<li>").append(finding.kind().code()).append(' ').append(finding.kind()).append(" <code>").append(escape(finding.subject()))
					.append("</code>: ").append(escape(finding.detail())).append("</li>\n");
			}
			html.append("</ul>\n");
			result.rehearsal().ifPresent(rehearsal -> html.append(htmlRehearsal(rehearsal)));
		}
		return html.append("</body>\n</html>\n").toString();
	}

	private static String escape(String text) {
		return HtmlReport.escape(text);
	}

	/**
	 * {@code DifferenceLine} is one line of a migration's differences for people: one difference, or, when a migration
	 * changes many members of one collection alike (it rebuilds 30 indexes of a table: 30 removed, 30 added), all of
	 * them on one line that names the collection and lists the members. JSON keeps every difference for tools.
	 *
	 * @param kinds {@code added} for one difference, {@code 30 removed, 30 added} for a group
	 * @param path the difference's path, or the collection's ({@code public.orders.indexes})
	 * @param members the group's members, by path; empty for one difference
	 */
	private record DifferenceLine(Category category, String kinds, String path, List<String> members) {

		/** How many differences alike in one collection make a group. */
		private static final int GROUP_FROM = 4;

		/** How many members a group's line names before it only counts the rest. */
		private static final int LISTED = 10;

		static List<DifferenceLine> of(List<Difference> differences) {
			Map<String, List<Difference>> byCollection = new LinkedHashMap<>();
			for (Difference difference : differences) {
				String key = collection(difference).map(collection -> difference.category() + " " + collection)
					.orElse(difference.path() + "\u0000" + byCollection.size());
				byCollection.computeIfAbsent(key, k -> new ArrayList<>()).add(difference);
			}
			List<DifferenceLine> lines = new ArrayList<>();
			for (List<Difference> group : byCollection.values()) {
				Difference first = group.get(0);
				if (group.size() < GROUP_FROM) {
					group.forEach(each -> lines.add(new DifferenceLine(each.category(), each.kind().id(), each.path(),
							List.of())));
					continue;
				}
				Map<String, Long> kinds = group.stream()
					.collect(Collectors.groupingBy(each -> each.kind().id(), TreeMap::new, Collectors.counting()));
				String collection = collection(first).orElseThrow();
				lines.add(new DifferenceLine(first.category(), kinds.entrySet().stream()
					.map(kind -> kind.getValue() + " " + kind.getKey()).collect(Collectors.joining(", ")), collection,
						group.stream().map(each -> each.path().substring(collection.length() + 1)).toList()));
			}
			return lines;
		}

		/** The collection a difference is a member of, when it can be grouped: no note to show, a dotted path. */
		private static Optional<String> collection(Difference difference) {
			String member = difference.keys().isEmpty() ? "" : difference.keys().get(difference.keys().size() - 1);
			String path = difference.path();
			return difference.note().isEmpty() && !member.isEmpty() && path.endsWith("." + member)
					? Optional.of(path.substring(0, path.length() - member.length() - 1)) : Optional.empty();
		}

		List<String> listed() {
			return members.subList(0, Math.min(LISTED, members.size()));
		}

		String more() {
			return members.size() > LISTED ? " and " + (members.size() - LISTED) + " more" : "";
		}
	}

	/** The report as canonical JSON: sorted keys, two-space indent, trailing newline. */
	public String toJson() {
		ObjectNode root = CanonicalJson.object();
		root.put("engine", engine);
		root.put("baselineVersion", baselineVersion);
		root.put("passes", passes());
		ArrayNode list = root.putArray("migrations");
		for (MigrationLintResult result : migrations) {
			ObjectNode node = list.addObject();
			node.put("version", result.version());
			node.put("description", result.description());
			node.put("location", result.location());
			result.classification().ifPresent(category -> node.put("classification", category.name()));
			node.put("passes", result.passes());
			node.set("differences", JsonReport.differences(result.differences()));
			ArrayNode findings = node.putArray("findings");
			for (LintFinding finding : result.findings()) {
				findings.addObject().put("code", finding.kind().code()).put("kind", finding.kind().name())
					.put("subject", finding.subject())
					.put("detail", finding.detail());
			}
			ObjectNode allowed = node.putObject("allowed");
			result.allowed().forEach((category, reason) -> allowed.put(category.name(), reason));
			result.allowedRules().forEach((rule, reason) -> allowed.put(rule.code(), reason));
			ArrayNode violations = node.putArray("violations");
			result.violations().forEach(violations::add);
			result.rehearsal().ifPresent(rehearsal -> node.set("rehearsal", jsonRehearsal(rehearsal)));
		}
		return CanonicalJson.writeString((JsonNode) root);
	}

	/** The header of a rehearsal's table, and what its times mean. */
	private static final List<String> REHEARSAL_COLUMNS = List.of("Statement", "Table", "Lock", "Blocks", "Rewrote",
			"Measured", "Rows (rehearsal / production)", "Estimated", "Lock hold (estimated)");

	private static String rehearsalHeading(RehearsalResult rehearsal) {
		return "Rehearsal at " + rehearsal.scale() + ": estimated times are extrapolated to production's row counts, "
				+ "linearly in the rows of the statement's table; " + rehearsal.plansCompared() + " compat "
				+ (rehearsal.plansCompared() == 1 ? "query plan" : "query plans") + " compared before and after.";
	}

	private static List<String> rehearsalCells(RehearsedStatement statement) {
		return List.of(statement.statement() + " (" + statement.location() + ")", statement.table().orElse("-"),
				statement.lock().map(lock -> lock + " (" + statement.lockSource() + ")").orElse("-"), statement.blocks(),
				statement.rewrote().map(rewrote -> rewrote ? "yes" : "no").orElse("unknown"),
				Rehearsals.duration(statement.measuredMillis()), String.format(Locale.ROOT, "%,d / %,d",
						statement.rehearsalRows(), statement.productionRows()),
				"~" + Rehearsals.duration(statement.estimatedMillis()),
				!statement.blocksTable() ? "-" : statement.holdMillis() == 0 && statement.estimatedMillis() > 0
						? "in the hold above" : "~" + Rehearsals.duration(statement.holdMillis()));
	}

	private static String markdownRehearsal(RehearsalResult rehearsal) {
		StringBuilder markdown = new StringBuilder("\n").append(rehearsalHeading(rehearsal)).append("\n\n");
		rehearsal.notes().forEach(note -> markdown.append("- note: ").append(note).append('\n'));
		if (!rehearsal.statements().isEmpty()) {
			markdown.append("| ").append(String.join(" | ", REHEARSAL_COLUMNS)).append(" |\n|")
				.append(" --- |".repeat(REHEARSAL_COLUMNS.size())).append('\n');
			for (RehearsedStatement statement : rehearsal.statements()) {
				markdown.append("| ").append(String.join(" | ", rehearsalCells(statement).stream().map(LintReport::cell)
					.toList())).append(" |\n");
			}
		}
		return markdown.toString();
	}

	private static String htmlRehearsal(RehearsalResult rehearsal) {
		StringBuilder html = new StringBuilder("<p>").append(escape(rehearsalHeading(rehearsal))).append("</p>\n");
		rehearsal.notes().forEach(note -> html.append("<p>note: ").append(escape(note)).append("</p>\n"));
		if (!rehearsal.statements().isEmpty()) {
			html.append("<table>\n<tr>");
			REHEARSAL_COLUMNS.forEach(column -> html.append("<th>").append(escape(column)).append("</th>"));
			html.append("</tr>\n");
			for (RehearsedStatement statement : rehearsal.statements()) {
				html.append("<tr>");
				rehearsalCells(statement).forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
				html.append("</tr>\n");
			}
			html.append("</table>\n");
		}
		return html.toString();
	}

	private static ObjectNode jsonRehearsal(RehearsalResult rehearsal) {
		ObjectNode node = CanonicalJson.object();
		node.put("scale", rehearsal.scale());
		node.put("estimates", "extrapolated to production's row counts, linearly in the rows of the statement's table");
		node.put("plansCompared", rehearsal.plansCompared());
		ArrayNode notes = node.putArray("notes");
		rehearsal.notes().forEach(notes::add);
		ArrayNode statements = node.putArray("statements");
		for (RehearsedStatement statement : rehearsal.statements()) {
			ObjectNode each = statements.addObject();
			each.put("location", statement.location());
			each.put("statement", statement.statement());
			statement.table().ifPresent(table -> each.put("table", table));
			statement.lock().ifPresent(lock -> each.put("lock", lock));
			each.put("lockSource", statement.lockSource());
			each.put("blocks", statement.blocks());
			statement.rewrote().ifPresent(rewrote -> each.put("rewrote", rewrote));
			each.put("measuredMillis", statement.measuredMillis());
			each.put("rehearsalRows", statement.rehearsalRows());
			each.put("productionRows", statement.productionRows());
			each.put("estimatedMillis", statement.estimatedMillis());
			each.put("lockHoldEstimatedMillis", statement.holdMillis());
		}
		return node;
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}
}
