package dev.dbparity.migrations;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.dbparity.lint.LintFinding;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.names.ClosestNames;

/**
 * {@code MigrationDirectives} is what a forward script's header declares to dbparity's migration checks, in comment
 * lines before its first statement:
 *
 * <pre>
 * -- dbparity:irreversible the old prices cannot be recomputed
 * -- dbparity:allow DESTRUCTIVE drops the unused legacy_notes column
 * -- dbparity:allow DP302 the old report query is retired with this release
 * </pre>
 *
 * <ul>
 * <li>{@code irreversible <reason>}: the migration has no undo script on purpose; its round trip is skipped with the
 * reason instead of failing.</li>
 * <li>{@code allow <CATEGORY> <reason>}: schema differences of that {@link Category} are accepted by the lint of
 * pending migrations, and with {@code DESTRUCTIVE} the round trip accepts lost rows.</li>
 * <li>{@code allow <CODE> <reason>}: findings of the lint rule with that code ({@link LintFinding.Kind#code()}, e.g.
 * {@code DP302}) do not fail the lint of pending migrations.</li>
 * </ul>
 *
 * <p>Parsing is strict, because a misspelt directive silently ignored would let a migration through that its author
 * meant to declare: an unknown directive, a missing reason, an unknown category or rule code is an error naming
 * {@code file:line}, and so is a directive below the first statement.
 *
 * @param irreversible the reason the migration cannot be undone, if declared
 * @param allowed the categories the migration is allowed to cause, with their reasons
 * @param allowedRules the lint rules whose findings the migration is allowed to have, with their reasons
 * @since 0.1
 */
public record MigrationDirectives(Optional<String> irreversible, Map<Category, String> allowed,
		Map<LintFinding.Kind, String> allowedRules) {

	/** {@code PREFIX} starts every directive inside a {@code --} comment, {@value}. */
	public static final String PREFIX = "dbparity:";

	private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--\\s*dbparity:(\\S*)\\s*(.*?)\\s*$");
	/** What a rule code looks like, so that a mistyped one is checked against the codes, not the categories. */
	private static final Pattern RULE_CODE = Pattern.compile("(?i)DP\\d+");
	private static final String CODES = Arrays.stream(LintFinding.Kind.values())
		.map(kind -> kind.code() + " " + kind.name()).collect(Collectors.joining(", "));
	private static final String KNOWN = "known directives: '-- dbparity:irreversible <reason>' and "
			+ "'-- dbparity:allow <CATEGORY or CODE> <reason>' with CATEGORY one of "
			+ Arrays.stream(Category.values()).map(Category::name).collect(Collectors.joining(", "))
			+ " and CODE a lint rule code such as " + LintFinding.Kind.COMPAT_BROKEN.code() + " (listed in README's "
			+ "lint section)";

	/** {@code NONE} declares nothing. */
	public static final MigrationDirectives NONE = new MigrationDirectives(Optional.empty(), Map.of(), Map.of());

	public MigrationDirectives {
		Objects.requireNonNull(irreversible, "irreversible");
		Map<Category, String> copy = new EnumMap<>(Category.class);
		copy.putAll(allowed);
		allowed = Collections.unmodifiableMap(copy);
		Map<LintFinding.Kind, String> rules = new EnumMap<>(LintFinding.Kind.class);
		rules.putAll(allowedRules);
		allowedRules = Collections.unmodifiableMap(rules);
	}

	/**
	 * Reads the directives of {@code script}.
	 *
	 * @throws MigrationException for an unknown or malformed directive, naming {@code file:line} and the known ones
	 */
	public static MigrationDirectives parse(Script script) {
		String[] lines = script.content().split("\r\n|\r|\n", -1);
		Optional<String> irreversible = Optional.empty();
		Map<Category, String> allowed = new EnumMap<>(Category.class);
		Map<LintFinding.Kind, String> allowedRules = new EnumMap<>(LintFinding.Kind.class);
		boolean inHeader = true;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			String where = script.location() + ":" + (i + 1);
			Matcher matcher = DIRECTIVE.matcher(line);
			if (!matcher.matches()) {
				String trimmed = line.strip();
				inHeader &= trimmed.isEmpty() || trimmed.startsWith("--");
				continue;
			}
			if (!inHeader) {
				throw new MigrationException(where + ": the directive '" + line.strip() + "' is below the first "
						+ "statement, where dbparity does not read directives. Move it into the comment lines at the top "
						+ "of the script.");
			}
			String name = matcher.group(1);
			String argument = matcher.group(2);
			switch (name) {
				case "irreversible" -> {
					if (argument.isEmpty()) {
						throw new MigrationException(where + ": '-- dbparity:irreversible' needs a reason, e.g. "
								+ "'-- dbparity:irreversible the dropped audit rows cannot be restored'.");
					}
					irreversible = Optional.of(argument);
				}
				case "allow" -> {
					String[] parts = argument.split("\\s+", 2);
					if (RULE_CODE.matcher(parts[0]).matches()) {
						LintFinding.Kind rule = rule(parts[0], where);
						allowedRules.put(rule, reason(parts, rule.code(), where));
					}
					else {
						Category category = category(parts[0], where);
						allowed.put(category, reason(parts, category.name(), where));
					}
				}
				default -> throw new MigrationException(where + ": unknown directive '" + PREFIX + name + "'"
						+ ClosestNames.closest(name, List.of("irreversible", "allow"))
							.map(known -> " (did you mean '" + PREFIX + known + "'?)").orElse("")
						+ "; " + KNOWN + ". Fix the spelling, or write the comment without '" + PREFIX + "'.");
			}
		}
		return new MigrationDirectives(irreversible, allowed, allowedRules);
	}

	private static String reason(String[] parts, String allowed, String where) {
		if (parts.length < 2 || parts[1].isBlank()) {
			throw new MigrationException(where + ": '-- dbparity:allow " + parts[0] + "' needs a reason, e.g. "
					+ "'-- dbparity:allow " + allowed + " the legacy column has been unused since 2024'.");
		}
		return parts[1].strip();
	}

	private static LintFinding.Kind rule(String text, String where) {
		LintFinding.Kind rule = LintFinding.Kind.byCode(text).orElseThrow(() -> {
			List<String> codes = Arrays.stream(LintFinding.Kind.values()).map(LintFinding.Kind::code).toList();
			String closest = ClosestNames.closest(text, codes).orElse(codes.get(0));
			return new MigrationException(where + ": '-- dbparity:allow' names the rule code '" + text + "', which "
					+ "does not exist" + ClosestNames.closest(text, codes).map(known -> " (did you mean " + known + ", "
							+ LintFinding.Kind.byCode(known).orElseThrow().name() + "?)").orElse("")
					+ "; the lint's rule codes are " + CODES + " (README, 'The lint of pending migrations'). Write "
					+ "one of them, e.g. '-- dbparity:allow " + closest + " <reason>', or allow a category instead.");
		});
		if (rule == LintFinding.Kind.STATEMENT_FAILED) {
			throw new MigrationException(where + ": '-- dbparity:allow " + text + "' cannot be allowed: "
					+ rule.code() + " " + rule.name() + " means a statement of the migration fails, so no database "
					+ "can be migrated past it. Fix the failing statement (the lint names its file:line and the "
					+ "database's message) and remove the directive.");
		}
		return rule;
	}

	private static Category category(String text, String where) {
		try {
			return Category.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			// A finding's kind is allowed by its code: COMPAT_BROKEN is written DP302.
			Optional<String> suggestion = Arrays.stream(LintFinding.Kind.values())
				.filter(kind -> kind.name().equalsIgnoreCase(text)).findFirst()
				.map(kind -> kind.code() + ", the rule code of " + kind.name())
				.or(() -> ClosestNames.closest(text, Arrays.stream(Category.values()).map(Category::name).toList()));
			throw new MigrationException(where + ": '-- dbparity:allow' names the category '" + text + "', which "
					+ "does not exist" + suggestion.map(known -> " (did you mean " + known + "?)").orElse("")
					+ "; " + KNOWN + ".", e);
		}
	}

	/** {@code allows} is whether the header accepts differences of {@code category}. */
	public boolean allows(Category category) {
		return allowed.containsKey(category);
	}

	/** {@code allows} is whether the header accepts findings of the lint rule {@code rule}. */
	public boolean allows(LintFinding.Kind rule) {
		return allowedRules.containsKey(rule);
	}
}
