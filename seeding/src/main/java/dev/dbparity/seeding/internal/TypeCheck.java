package dev.dbparity.seeding.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code TypeCheck} checks what is known about a generator's values against the column's type and the simple check
 * constraints on the column: text length, integer ranges, numeric precision, {@code col >= n} style bounds and
 * {@code col IN (…)} lists. Anything it cannot read is left to the database. May change in any minor release.
 */
final class TypeCheck {

	private static final Pattern LENGTH = Pattern.compile("(?:character varying|varchar|character|char)\\((\\d+)\\)");

	private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)\\((\\d+)(?:,\\s*(\\d+))?\\)");

	private static final Pattern CAST = Pattern.compile("::[a-z ]+(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?");

	private static final Pattern COMPARISON = Pattern.compile("^(\\w+) (>=|<=|>|<) (-?\\d+(?:\\.\\d+)?)$");

	private static final Pattern IN_LIST = Pattern.compile("^(\\w+) (?:in|= any) (?:array\\[)?(.*?)\\]?$");

	private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

	private TypeCheck() {
	}

	static void check(String table, ColumnPlan column, SchemaModel.Column target, List<String> checks,
			Generator.Facts facts, Problems problems) {
		String subject = table + "." + column.name;
		String type = target.type().toLowerCase(Locale.ROOT);
		Matcher length = LENGTH.matcher(type);
		if (length.find() && facts.maxLength().isPresent()) {
			int limit = Integer.parseInt(length.group(1));
			int longest = facts.maxLength().get() + (column.uniqueSuffix ? 12 : 0);
			if (longest > limit) {
				problems.add(column.node, subject, "values up to " + longest + " characters do not fit " + target.type(),
						"shorten the generator's values to " + limit + " characters, or widen the column");
			}
		}
		Optional<BigDecimal[]> range = integerRange(type).or(() -> numericRange(type));
		if (range.isPresent()) {
			BigDecimal low = range.get()[0];
			BigDecimal high = range.get()[1];
			if (facts.min().filter(min -> min.compareTo(low) < 0).isPresent()
					|| facts.max().filter(max -> max.compareTo(high) > 0).isPresent()) {
				problems.add(column.node, subject, "values from " + facts.min().map(BigDecimal::toPlainString).orElse("?")
						+ " to " + facts.max().map(BigDecimal::toPlainString).orElse("?") + " do not fit " + target.type()
						+ " (" + low.toPlainString() + " to " + high.toPlainString() + ")",
						"keep the generator's bounds within the column's range, or widen the column");
			}
		}
		for (String check : checks) {
			checkConstraint(subject, column, check, facts, problems);
		}
	}

	private static Optional<BigDecimal[]> integerRange(String type) {
		boolean unsigned = type.contains("unsigned");
		String base = type.replace(" unsigned", "").replace(" zerofill", "");
		int bits = switch (base) {
			case "smallint" -> 16;
			case "integer", "int" -> 32;
			case "bigint" -> 64;
			case "tinyint" -> 8;
			case "mediumint" -> 24;
			default -> 0;
		};
		if (bits == 0) {
			return Optional.empty();
		}
		BigDecimal span = BigDecimal.valueOf(2).pow(bits);
		if (unsigned) {
			return Optional.of(new BigDecimal[] { BigDecimal.ZERO, span.subtract(BigDecimal.ONE) });
		}
		BigDecimal half = span.divide(BigDecimal.valueOf(2));
		return Optional.of(new BigDecimal[] { half.negate(), half.subtract(BigDecimal.ONE) });
	}

	private static Optional<BigDecimal[]> numericRange(String type) {
		Matcher numeric = NUMERIC.matcher(type);
		if (!numeric.find()) {
			return Optional.empty();
		}
		int precision = Integer.parseInt(numeric.group(1));
		int scale = numeric.group(2) == null ? 0 : Integer.parseInt(numeric.group(2));
		BigDecimal limit = BigDecimal.ONE.movePointRight(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
		return Optional.of(new BigDecimal[] { limit.negate(), limit });
	}

	/** Reads {@code CHECK} expressions on this column alone, in the forms PostgreSQL and MariaDB print. */
	private static void checkConstraint(String subject, ColumnPlan column, String check, Generator.Facts facts,
			Problems problems) {
		String expression = CAST.matcher(check.toLowerCase(Locale.ROOT)).replaceAll("")
			.replace("`", "").replace("\"", "").replace("(", " ").replace(")", " ").replaceAll("\\s+", " ").trim();
		if (expression.startsWith("check ")) {
			expression = expression.substring(6);
		}
		Matcher comparison = COMPARISON.matcher(expression);
		if (comparison.matches() && comparison.group(1).equals(column.name.toLowerCase(Locale.ROOT))) {
			BigDecimal bound = new BigDecimal(comparison.group(3));
			String op = comparison.group(2);
			Optional<BigDecimal> violating = switch (op) {
				case ">=" -> facts.min().filter(min -> min.compareTo(bound) < 0);
				case ">" -> facts.min().filter(min -> min.compareTo(bound) <= 0);
				case "<=" -> facts.max().filter(max -> max.compareTo(bound) > 0);
				default -> facts.max().filter(max -> max.compareTo(bound) >= 0);
			};
			violating.ifPresent(value -> problems.add(column.node, subject, "the value " + value.toPlainString()
					+ " can be generated but breaks the check " + check, "keep the generator's bounds "
							+ op + " " + bound.toPlainString()));
			return;
		}
		Matcher in = IN_LIST.matcher(expression);
		if (in.matches() && in.group(1).equals(column.name.toLowerCase(Locale.ROOT)) && facts.values().isPresent()) {
			List<String> allowed = new ArrayList<>();
			Matcher literal = LITERAL.matcher(check);
			while (literal.find()) {
				allowed.add(literal.group(1).replace("''", "'"));
			}
			if (allowed.isEmpty()) {
				return;
			}
			for (Object value : facts.values().get()) {
				if (value != null && !allowed.contains(Values.text(value))) {
					problems.add(column.node, subject, "the value \"" + Values.text(value) + "\" can be generated but "
							+ "breaks the check " + check, "choose only among " + allowed);
				}
			}
		}
	}
}
