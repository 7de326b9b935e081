package dev.dbparity.seeding.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code TypeCheck} checks what is known about a generator's values against the column's type and constraints on the
 * engine, before anything is written: the kind of value (number, decimal, boolean, date, timestamp, text) against the
 * type's family, NULL against NOT NULL, text values against the family's syntax and enum labels, text length, number
 * ranges and decimals, date ranges, unique keys against the generators' numbers of distinct values, and the simple
 * check constraints {@code col >= n} and {@code col IN (…)}. Values that are not known in advance (Datafaker,
 * templates) are checked on the first rows. Anything it cannot read is left to the database. May change in any minor
 * release.
 */
final class TypeCheck {

	private static final Pattern LENGTH = Pattern.compile("(?:character varying|varchar|character|char)\\((\\d+)\\)");

	private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)\\((\\d+)(?:,\\s*(\\d+))?\\)");

	private static final Pattern CAST = Pattern.compile("::[a-z ]+(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?");

	private static final Pattern COMPARISON = Pattern.compile("^(\\w+) (>=|<=|>|<) (-?\\d+(?:\\.\\d+)?)$");

	private static final Pattern IN_LIST = Pattern.compile("^(\\w+) (?:in|= any) (?:array\\[)?(.*?)\\]?$");

	private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

	/** Samples taken of generators whose values are not known in advance (Datafaker, templates). */
	private static final int SAMPLES = 16;

	private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

	private static final Set<String> PG_BOOLEANS = Set.of("t", "f", "true", "false", "y", "n", "yes", "no", "on", "off",
			"1", "0");

	private static final LocalDateTime FOUR_DIGIT_START = LocalDateTime.of(1, 1, 1, 0, 0);

	private static final LocalDateTime FOUR_DIGIT_END = LocalDateTime.of(9999, 12, 31, 23, 59, 59);

	/** What a column's type accepts, as far as seeding is concerned. */
	enum Family {
		WHOLE, DECIMAL, FLOAT, BOOLEAN, DATE, TIMESTAMP, TIME, UUID, TEXT, OTHER
	}

	private TypeCheck() {
	}

	static Family family(String type) {
		String t = type.toLowerCase(Locale.ROOT);
		if (t.equals("boolean") || t.equals("bool")) {
			return Family.BOOLEAN;
		}
		if (integerRange(t).isPresent() || t.startsWith("tinyint") || t.equals("serial") || t.equals("bigserial")
				|| t.equals("smallserial") || t.equals("year")) {
			return Family.WHOLE;
		}
		if (t.startsWith("numeric") || t.startsWith("decimal")) {
			return Family.DECIMAL;
		}
		if (t.equals("real") || t.startsWith("double") || t.startsWith("float")) {
			return Family.FLOAT;
		}
		if (t.equals("date")) {
			return Family.DATE;
		}
		if (t.startsWith("timestamp") || t.startsWith("datetime")) {
			return Family.TIMESTAMP;
		}
		if (t.startsWith("time")) {
			return Family.TIME;
		}
		if (t.equals("uuid")) {
			return Family.UUID;
		}
		if (t.contains("char") || t.contains("text") || t.startsWith("enum(") || t.equals("citext") || t.equals("name")) {
			return Family.TEXT;
		}
		return Family.OTHER;
	}

	/**
	 * Checks one column rule against its column: what kind of values the generator makes against the column's type
	 * family on this engine, NULL against NOT NULL, text length, number ranges and decimals, date ranges, enum labels and
	 * simple check constraints.
	 */
	static void check(TablePlan plan, ColumnPlan column, SchemaModel.Column target, String engine, Problems problems) {
		SchemaModel.Table table = plan.table;
		String subject = plan.name + "." + column.name;
		boolean postgres = engine.startsWith("postgres");
		String type = target.type().toLowerCase(Locale.ROOT);
		Family family = family(type);
		Generator generator = column.generator;
		Generator.Facts facts = generator.facts(plan.rowsForChecks());
		Generator.Output output = generator.output();
		String engineName = postgres ? "PostgreSQL" : "MariaDB/MySQL";
		if (output == Generator.Output.NULL) {
			if (!target.nullable()) {
				problems.add(column.node, subject, "the rule gives only NULL, but the column is NOT NULL",
						"give it a value, e.g. " + column.name + ": " + example(target.type()) + ", or make the column "
								+ "nullable");
			}
			return;
		}
		Optional<String> mismatch = mismatch(output, family, postgres, facts);
		if (mismatch.isPresent()) {
			problems.add(column.node, subject, mismatch.get() + " cannot be loaded into a column of type "
					+ target.type() + " on " + engineName, "use a generator of " + family.name().toLowerCase(Locale.ROOT)
							+ " values, e.g. " + column.name + ": " + example(target.type()));
			return;
		}
		if (output == Generator.Output.TEXT && family != Family.TEXT && family != Family.OTHER
				|| table.enumLabels().containsKey(column.name)) {
			for (Object value : values(plan, column, facts)) {
				Optional<String> wrong = textProblem(Values.text(value), family, postgres,
						table.enumLabels().get(column.name));
				if (wrong.isPresent()) {
					problems.add(column.node, subject, "the rule gives values such as \"" + Values.text(value) + "\", "
							+ wrong.get() + " (" + target.type() + " on " + engineName + ")",
							table.enumLabels().containsKey(column.name) ? "choose among the labels, e.g. {weighted: "
									+ weights(table.enumLabels().get(column.name)) + "}"
									: "use a generator of " + family.name().toLowerCase(Locale.ROOT) + " values, e.g. "
											+ column.name + ": " + example(target.type()));
					return;
				}
			}
		}
		if (!checkLength(subject, column, target, type, facts, problems, plan)) {
			return;
		}
		checkNumbers(subject, column, target, type, facts, problems);
		checkDates(subject, column, target, type, postgres, facts, problems);
		for (String check : table.checks()) {
			checkConstraint(subject, column, check, facts, problems);
		}
	}

	/** Why values of {@code output} can never load into {@code family}, if they cannot. */
	private static Optional<String> mismatch(Generator.Output output, Family family, boolean postgres,
			Generator.Facts facts) {
		boolean fits = switch (output) {
			case WHOLE -> switch (family) {
				case WHOLE, DECIMAL, FLOAT, TEXT, OTHER -> true;
				case BOOLEAN -> facts.min().filter(min -> min.signum() >= 0).isPresent()
						&& facts.max().filter(max -> max.compareTo(BigDecimal.ONE) <= 0).isPresent();
				default -> false;
			};
			case DECIMAL -> family == Family.DECIMAL || family == Family.FLOAT || family == Family.TEXT
					|| family == Family.OTHER;
			case BOOLEAN -> family == Family.BOOLEAN || family == Family.TEXT || family == Family.OTHER
					|| !postgres && (family == Family.WHOLE || family == Family.DECIMAL);
			case DATE -> family == Family.DATE || family == Family.TIMESTAMP || family == Family.TEXT
					|| family == Family.OTHER;
			case TIMESTAMP -> family == Family.TIMESTAMP || family == Family.TEXT || family == Family.OTHER;
			case TEXT, NULL -> true;
		};
		if (fits) {
			return Optional.empty();
		}
		return Optional.of(switch (output) {
			case WHOLE -> family == Family.BOOLEAN ? "whole numbers other than 0 and 1" : "whole numbers";
			case DECIMAL -> "decimal numbers";
			case BOOLEAN -> "true/false";
			case DATE -> "dates";
			case TIMESTAMP -> family == Family.DATE ? "timestamps (whose time of day would be lost)" : "timestamps";
			default -> output.name().toLowerCase(Locale.ROOT);
		});
	}

	/** The values a text rule gives: all of them when known (constants, weighted choices), else the first rows'. */
	private static List<Object> values(TablePlan plan, ColumnPlan column, Generator.Facts facts) {
		if (facts.values().isPresent()) {
			return facts.values().get().stream().filter(java.util.Objects::nonNull).toList();
		}
		if (!plan.countable) {
			return List.of();
		}
		List<Object> values = new ArrayList<>();
		RowContext context = plan.newContext();
		long rows = Math.min(SAMPLES, Math.max(1, plan.rowsForChecks()));
		try {
			for (long row = 0; row < rows; row++) {
				Object value = column.closure.isEmpty() ? null : plan.valueAt(column, row, context);
				if (value != null) {
					values.add(value);
				}
			}
		}
		catch (RuntimeException e) {
			// A rule that fails to generate is reported by the checks of its own; this check only needs samples.
			return values;
		}
		return values;
	}

	/** Why {@code text} does not load into {@code family}, if it does not. */
	private static Optional<String> textProblem(String text, Family family, boolean postgres, List<String> labels) {
		if (labels != null) {
			return labels.contains(text) ? Optional.empty() : Optional.of("which is not one of the labels " + labels);
		}
		String value = text.trim();
		boolean ok = switch (family) {
			case WHOLE -> WHOLE.matcher(value).matches();
			case DECIMAL, FLOAT -> DECIMAL.matcher(value).matches();
			case BOOLEAN -> postgres ? PG_BOOLEANS.contains(value.toLowerCase(Locale.ROOT)) : WHOLE.matcher(value).matches();
			case DATE -> parses(() -> LocalDate.parse(value));
			case TIMESTAMP -> parses(() -> LocalDateTime.parse(value.replace(' ', 'T')))
					|| parses(() -> LocalDate.parse(value));
			case TIME -> parses(() -> LocalTime.parse(value));
			case UUID -> parses(() -> java.util.UUID.fromString(value));
			default -> true;
		};
		return ok ? Optional.empty() : Optional.of("which is not " + switch (family) {
			case WHOLE -> "a whole number";
			case DECIMAL, FLOAT -> "a number";
			case BOOLEAN -> postgres ? "a boolean" : "a number (booleans are tinyint(1))";
			case DATE -> "an ISO date";
			case TIMESTAMP -> "an ISO timestamp";
			case TIME -> "a time of day";
			case UUID -> "a UUID";
			default -> "valid";
		});
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private static String weights(List<String> labels) {
		StringBuilder out = new StringBuilder("{");
		for (int i = 0; i < labels.size() && i < 3; i++) {
			out.append(i == 0 ? "" : ", ").append(labels.get(i)).append(": 1");
		}
		return out.append("}").toString();
	}

	/** Text lengths against {@code varchar(n)}: all values when their longest is known, else the first rows'. */
	private static boolean checkLength(String subject, ColumnPlan column, SchemaModel.Column target, String type,
			Generator.Facts facts, Problems problems, TablePlan plan) {
		Matcher length = LENGTH.matcher(type);
		if (!length.find()) {
			return true;
		}
		int limit = Integer.parseInt(length.group(1));
		if (facts.maxLength().isPresent()) {
			int longest = facts.maxLength().get() + (column.uniqueSuffix ? 12 : 0);
			if (longest > limit) {
				problems.add(column.node, subject, "values up to " + longest + " characters do not fit " + target.type(),
						"shorten the generator's values to " + limit + " characters, or widen the column");
				return false;
			}
			return true;
		}
		for (Object value : values(plan, column, facts)) {
			String text = Values.text(value);
			if (text.length() > limit) {
				problems.add(column.node, subject, "the rule gives values such as \"" + text + "\" (" + text.length()
						+ " characters), which do not fit " + target.type(), "generate shorter values (e.g. "
								+ "\"#{Lorem.word}\" instead of a sentence), or widen the column");
				return false;
			}
		}
		return true;
	}

	private static void checkNumbers(String subject, ColumnPlan column, SchemaModel.Column target, String type,
			Generator.Facts facts, Problems problems) {
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
				return;
			}
		}
		Matcher numeric = NUMERIC.matcher(type);
		int columnScale = numeric.find() ? numeric.group(2) == null ? 0 : Integer.parseInt(numeric.group(2)) : -1;
		if (columnScale >= 0 && facts.scale().filter(scale -> scale > columnScale).isPresent()) {
			problems.add(column.node, subject, "values with " + facts.scale().get() + " decimals do not fit "
					+ target.type() + ", which keeps " + columnScale + " (they would be rounded, so the data would "
					+ "differ from seed.lock.json's)", "write scale: " + columnScale + " in the rule");
		}
	}

	private static void checkDates(String subject, ColumnPlan column, SchemaModel.Column target, String type,
			boolean postgres, Generator.Facts facts, Problems problems) {
		if (facts.earliest().isEmpty() || facts.latest().isEmpty()) {
			return;
		}
		LocalDateTime low = FOUR_DIGIT_START;
		LocalDateTime high = FOUR_DIGIT_END;
		String why = "dbparity writes years of four digits";
		if (!postgres && type.startsWith("timestamp")) {
			low = LocalDateTime.of(1970, 1, 1, 0, 0, 1);
			high = LocalDateTime.of(2038, 1, 19, 3, 14, 7);
			why = "a MariaDB/MySQL timestamp holds 1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC";
		}
		else if (!postgres) {
			low = LocalDateTime.of(1000, 1, 1, 0, 0);
			why = "MariaDB/MySQL dates start at 1000-01-01";
		}
		if (facts.earliest().get().isBefore(low) || facts.latest().get().isAfter(high)) {
			problems.add(column.node, subject, "dates from " + facts.earliest().get().toLocalDate() + " to "
					+ facts.latest().get().toLocalDate() + " do not fit " + target.type() + ": " + why,
					"keep from: and to: between " + low.toLocalDate() + " and " + high.toLocalDate()
							+ (!postgres && type.startsWith("timestamp") ? ", or use a datetime column" : ""));
		}
	}

	/**
	 * Checks each unique key (primary key first) of the table whose columns all have rules: a key none of whose rules is
	 * unique by construction can take at most the product of its columns' numbers of distinct values, and a reference
	 * that is not {@code unique: true}, or a Datafaker value not made unique, repeats values by chance.
	 */
	static void checkUniqueKeys(TablePlan plan, Problems problems) {
		long rows = plan.rowsForChecks();
		if (rows <= 1) {
			return;
		}
		java.util.Map<String, ColumnPlan> byName = new java.util.HashMap<>();
		plan.columns.forEach(c -> byName.put(c.name, c));
		for (List<String> key : plan.table.uniqueKeys()) {
			if (!byName.keySet().containsAll(key)) {
				continue;
			}
			List<ColumnPlan> columns = key.stream().map(byName::get).toList();
			// A reference to each row's own parent is unique when no parent gets more than one row.
			boolean unique = columns.stream().anyMatch(c -> c.uniqueSuffix || c.generator.facts(rows).injective()
					|| c.generator instanceof Generators.Reference r && r.rowParent && plan.perParentMax >= 0
							&& plan.perParentMax <= 1);
			boolean nulls = columns.stream().anyMatch(c -> c.nullFraction > 0);
			if (unique || nulls) {
				continue;
			}
			String subject = plan.name + "." + (key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")");
			String what = key.equals(plan.table.primaryKey()) ? "primary key" : "unique key";
			ColumnPlan first = columns.get(0);
			BigInteger capacity = BigInteger.ONE;
			List<String> factors = new ArrayList<>();
			for (ColumnPlan column : columns) {
				Optional<BigInteger> distinct = column.generator.distinctValues();
				if (distinct.isEmpty()) {
					capacity = null;
					break;
				}
				capacity = capacity.multiply(distinct.get());
				factors.add(column.name + " " + String.format(Locale.ROOT, "%,d", distinct.get()));
			}
			if (capacity != null && capacity.compareTo(BigInteger.valueOf(rows)) < 0) {
				problems.add(first.node, subject, "the " + what + " needs " + String.format(Locale.ROOT, "%,d", rows)
						+ " different values, but its " + (key.size() == 1 ? "rule gives" : "rules give") + " at most "
						+ String.format(Locale.ROOT, "%,d", capacity) + (key.size() == 1 ? "" : " (" + String.join(" × ",
								factors) + ")"), "use a sequence (" + first.name + ": {sequence: {start: 1}}), a "
										+ "template with {seq}, or seed at most " + String.format(Locale.ROOT, "%,d",
												capacity) + " rows");
			}
			else if (key.size() == 1 && first.generator instanceof Generators.Reference reference && reference.rowParent) {
				problems.add(first.node, subject, "the column is a " + what + ", but it takes each row's parent from "
						+ "rows: {perParent: " + reference.parent.name + "}, which can give a parent more than one row",
						"give each parent at most one row: rows: {perParent: " + reference.parent.name + ", uniform: "
								+ "{min: 0, max: 1}}");
			}
			else if (key.size() == 1 && first.generator instanceof Generators.Reference reference) {
				problems.add(first.node, subject, "the column is a " + what + ", but the reference picks "
						+ reference.parent.name + " rows at random, so some are picked twice", "write "
								+ first.name + ": {references: " + reference.parent.name + "." + reference.parentColumn.name
								+ ", unique: true} for one row per parent row");
			}
			else if (key.size() == 1 && first.generator instanceof Generators.Faker) {
				problems.add(first.node, subject, "the column is a " + what + ", but Datafaker values repeat",
						"add unique: true to the rule (the row number is added to each value), e.g. " + first.name
								+ ": {faker: \"" + ((Generators.Faker) first.generator).expression() + "\", unique: true}");
			}
		}
	}

	private static Optional<BigDecimal[]> integerRange(String type) {
		boolean unsigned = type.contains("unsigned");
		String base = type.replace(" unsigned", "").replace(" zerofill", "").replace("tinyint(1)", "tinyint");
		int bits = switch (base) {
			case "serial" -> 32;
			case "bigserial" -> 64;
			case "smallserial" -> 16;
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
	/** A rule that fits a column of {@code type}, for fixes. */
	static String example(String type) {
		String t = type.toLowerCase(Locale.ROOT);
		if (t.startsWith("bool")) {
			return "{weighted: {true: 1, false: 1}}";
		}
		if (t.equals("tinyint(1)")) {
			return "{weighted: {1: 1, 0: 1}}";
		}
		if (t.equals("uuid")) {
			return "\"#{Internet.uuid}\"";
		}
		if (t.contains("int")) {
			return "{sequence: {start: 1}}";
		}
		if (t.contains("numeric") || t.contains("decimal")) {
			return "{uniform: {min: 0, max: 100, scale: 2}}";
		}
		if (t.startsWith("timestamp") || t.startsWith("datetime")) {
			return "{timestamp: {from: \"2020-01-01 00:00:00\", to: \"2024-12-31 23:59:59\"}}";
		}
		if (t.equals("date")) {
			return "{date: {from: 2020-01-01, to: 2024-12-31}}";
		}
		return "\"#{Lorem.word}\"";
	}

}
