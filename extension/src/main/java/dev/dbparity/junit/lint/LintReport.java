package dev.dbparity.junit.lint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.diff.Difference;
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
					+ "intended, declare it in the migration's header, e.g. '-- dbparity:allow DESTRUCTIVE <reason>'\n\n"
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
			for (Difference difference : result.differences()) {
				markdown.append("- ").append(difference.category()).append(' ').append(difference.kind().id())
					.append(" `").append(difference.path()).append("`\n");
			}
			for (LintFinding finding : result.findings()) {
				markdown.append("- ").append(finding.kind()).append(" `").append(finding.subject()).append("`: ")
					.append(finding.detail()).append('\n');
			}
		}
		return markdown.toString();
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
				findings.addObject().put("kind", finding.kind().name()).put("subject", finding.subject())
					.put("detail", finding.detail());
			}
			ObjectNode allowed = node.putObject("allowed");
			result.allowed().forEach((category, reason) -> allowed.put(category.name(), reason));
			ArrayNode violations = node.putArray("violations");
			result.violations().forEach(violations::add);
		}
		return CanonicalJson.writeString((JsonNode) root);
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}
}
