package dev.dbparity.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.SqlStatement;

/**
 * {@code FrozenTimeLiterals} finds PostgreSQL's special date/time input strings ({@code 'now'}, {@code 'today'},
 * {@code 'tomorrow'}, {@code 'yesterday'}) where PostgreSQL turns them into a constant when the statement runs: cast to
 * a date/time type ({@code 'now'::timestamp}, {@code date 'today'}, {@code CAST('now' AS date)}) in a view or a default,
 * or as the {@code DEFAULT} of a date/time column. The view's cutoff or the column's default then never moves again.
 *
 * <p>Read from the migration's text, as the catalog keeps only the frozen value. Function bodies (dollar-quoted) and
 * comments are left out: a function evaluates its literals when it runs. MariaDB and MySQL have no such strings, so the
 * lint asks only on PostgreSQL.
 */
final class FrozenTimeLiterals {

	private static final String WORD = "'(now|today|tomorrow|yesterday)'";

	private static final String TIME_TYPE = "(?:timestamp(?:tz)?|date|time(?:tz)?)(?:\\s*\\(\\s*\\d+\\s*\\))?"
			+ "(?:\\s+with(?:out)?\\s+time\\s+zone)?";

	/** The end of a type name: {@code \b} would not end {@code timestamptz(3)} before a {@code ;}. */
	private static final String END = "(?![A-Za-z_0-9])";

	/** {@code 'now'::timestamp}, {@code timestamp 'now'}, {@code CAST('now' AS date)}. */
	private static final Pattern CAST = Pattern.compile("(?i)" + WORD + "\\s*::\\s*" + TIME_TYPE + END
			+ "|\\b" + TIME_TYPE + "\\s+" + WORD + "|\\bcast\\s*\\(\\s*" + WORD + "\\s+as\\s+" + TIME_TYPE + END);

	/** {@code created timestamp DEFAULT 'now'}: the type and the default in one column definition. */
	private static final Pattern COLUMN_DEFAULT = Pattern.compile("(?i)\\b" + TIME_TYPE + END + "[^,;()']*?\\bdefault\\s+"
			+ WORD + "(?!\\s*::)");

	/** A statement whose expressions the catalog keeps: a view, a default, a check, an index predicate, a rule. */
	private static final Pattern STORES_DEFINITION = Pattern.compile("(?i)\\s*(?:create|alter)\\b");

	/** Comments and quoted text whose content is not SQL of this statement; replaced by blanks of the same length. */
	private static final Pattern NOT_CODE = Pattern.compile("(?s)--[^\\n]*|/\\*.*?\\*/|(\\$[A-Za-z_0-9]*\\$).*?\\1");

	private FrozenTimeLiterals() {
	}

	/** The findings of {@code statements} of {@code script}, each at its {@code file:line}. */
	static List<LintFinding> in(Script script, List<SqlStatement> statements) {
		List<LintFinding> findings = new ArrayList<>();
		for (SqlStatement statement : statements) {
			String code = blankOut(statement.code());
			if (!STORES_DEFINITION.matcher(code).lookingAt()) {
				// INSERT … VALUES ('now'::timestamp) stores the time it ran, which is what it means.
				continue;
			}
			find(CAST.matcher(code), code, script, statement, findings);
			find(COLUMN_DEFAULT.matcher(code), code, script, statement, findings);
		}
		return findings;
	}

	private static void find(Matcher matcher, String code, Script script, SqlStatement statement,
			List<LintFinding> findings) {
		while (matcher.find()) {
			String word = firstGroup(matcher).toLowerCase(Locale.ROOT);
			int line = statement.line() + (int) code.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
			findings.add(new LintFinding(LintFinding.Kind.FROZEN_TIME, script.location() + ":" + line,
					"'" + word + "' in " + matcher.group().replaceAll("\\s+", " ") + " is turned into a constant when "
							+ "the statement runs, so it stays the time of the migration, and the definition differs "
							+ "each time it is created again. Fix: write " + fix(word) + " instead, which is evaluated "
							+ "each time it is used"));
		}
	}

	private static String firstGroup(Matcher matcher) {
		for (int group = 1; group <= matcher.groupCount(); group++) {
			if (matcher.group(group) != null) {
				return matcher.group(group);
			}
		}
		throw new IllegalStateException("every alternative captures the word");
	}

	private static String fix(String word) {
		return switch (word) {
			case "now" -> "now() (CURRENT_TIMESTAMP)";
			case "today" -> "CURRENT_DATE";
			case "tomorrow" -> "CURRENT_DATE + 1";
			default -> "CURRENT_DATE - 1";
		};
	}

	/** {@code code} with comments and dollar-quoted bodies blanked, keeping line breaks so lines still count. */
	private static String blankOut(String code) {
		Matcher matcher = NOT_CODE.matcher(code);
		StringBuilder blanked = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(blanked, Matcher.quoteReplacement(matcher.group().replaceAll("[^\\n]", " ")));
		}
		matcher.appendTail(blanked);
		return blanked.toString();
	}
}
