package dev.dbparity.lint;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;

/**
 * {@code MigrationLintResult} is the lint of one pending migration.
 *
 * @param version the migration's version, e.g. {@code 5}
 * @param description its description
 * @param location its forward script
 * @param differences the schema differences between before and after it, by path
 * @param findings what the dry run found
 * @param allowed the categories its header allows, with the reasons
 * @param allowedRules the lint rules its header allows ({@code -- dbparity:allow DP302 <reason>}), with the reasons
 * @param violations why the policy fails it; empty when it passes
 * @param rehearsal what a rehearsal on data shaped like production measured, when the lint rehearsed it
 * @since 0.1
 */
public record MigrationLintResult(String version, String description, String location, List<Difference> differences,
		List<LintFinding> findings, Map<Category, String> allowed, Map<LintFinding.Kind, String> allowedRules,
		List<String> violations, Optional<RehearsalResult> rehearsal) {

	/** A result without a rehearsal. */
	public MigrationLintResult(String version, String description, String location, List<Difference> differences,
			List<LintFinding> findings, Map<Category, String> allowed, Map<LintFinding.Kind, String> allowedRules,
			List<String> violations) {
		this(version, description, location, differences, findings, allowed, allowedRules, violations,
				Optional.empty());
	}

	public MigrationLintResult {
		Objects.requireNonNull(rehearsal, "rehearsal");
		differences = List.copyOf(differences);
		findings = List.copyOf(findings);
		Map<Category, String> copy = new EnumMap<>(Category.class);
		copy.putAll(allowed);
		allowed = Collections.unmodifiableMap(copy);
		Map<LintFinding.Kind, String> rules = new EnumMap<>(LintFinding.Kind.class);
		rules.putAll(allowedRules);
		allowedRules = Collections.unmodifiableMap(rules);
		violations = List.copyOf(violations);
	}

	/** {@code classification} is the most severe category among the differences, if there are any. */
	public Optional<Category> classification() {
		return differences.stream().map(Difference::category).min(Enum::compareTo);
	}

	/** {@code passes} is whether the policy accepts this migration. */
	public boolean passes() {
		return violations.isEmpty();
	}
}
