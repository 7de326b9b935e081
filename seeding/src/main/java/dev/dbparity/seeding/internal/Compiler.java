package dev.dbparity.seeding.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.seeding.RowLimits;
import dev.dbparity.seeding.faker.FakerExpressions;
import dev.dbparity.snapshots.yaml.YamlNode;

/**
 * {@code Compiler} turns the {@code tables:} of seed rules into a {@link Plan}, checking them, and, given the live
 * schema, checking them against it. Every problem is collected; none stops the others from being found. May change in
 * any minor release.
 */
public final class Compiler {

	private static final Set<String> GENERATORS = new TreeSet<>(List.of("faker", "sequence", "template", "pattern",
			"constant", "uniform", "normal", "zipf", "poisson", "weighted", "date", "timestamp", "references"));

	private static final Set<String> MODIFIERS = Set.of("nullFraction", "unique", "locale", "distribution", "s",
			"since");

	private static final Set<String> TABLE_SETTINGS = Set.of("rows", "columns", "since");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::(\\d+))?(?:\\|(\\w+))?}");

	private final long seed;

	private final int version;

	private final Locale defaultLocale;

	private final Optional<SchemaModel> schema;

	private final Problems problems;

	private final Map<String, TablePlan> plans = new LinkedHashMap<>();

	/**
	 * The row limits, and whether exceeding them is a problem (when seeding) or only stops exact counting (when
	 * parsing, where options that raise them are not known yet).
	 */
	public record Limits(RowLimits rows, boolean report) {
	}

	/** Reference edges child table → parent tables, with the column for breaking cycles. */
	private final Map<String, Map<String, List<ColumnPlan>>> edges = new LinkedHashMap<>();

	private Compiler(long seed, int version, Locale defaultLocale, Optional<SchemaModel> schema, Problems problems) {
		this.seed = seed;
		this.version = version;
		this.defaultLocale = defaultLocale;
		this.schema = schema;
		this.problems = problems;
	}

	/**
	 * Compiles {@code tables}.
	 *
	 * @param scale the profile's factor for fixed row counts
	 */
	public static Plan compile(YamlNode tables, long seed, int version, Locale locale, BigDecimal scale, String profile,
			Optional<SchemaModel> schema, List<FixturePlan> fixtures, Limits limits, Problems problems) {
		Compiler compiler = new Compiler(seed, version, locale, schema, problems);
		return compiler.run(tables, scale, profile, fixtures, limits);
	}

	private Plan run(YamlNode tables, BigDecimal scale, String profile, List<FixturePlan> fixtures, Limits limits) {
		if (!tables.isMap()) {
			if (!tables.isNull()) {
				problems.add(tables, "", "\"tables\" must be a map of table name to its rules",
						"write tables:\\n  customers:\\n    rows: 100\\n    columns: {...}");
			}
			return new Plan(List.of(), fixtures);
		}
		// Pass 1: tables and their column slots, so that references can point anywhere.
		tables.map().forEach((name, node) -> {
			Optional<SchemaModel.Table> table = schema.flatMap(s -> s.table(name));
			if (schema.isPresent() && table.isEmpty()) {
				problems.add(node, name, "there is no table \"" + name + "\" in the database",
						Closest.suggestion(name, schema.get().tables().keySet()) + "check the name against the "
								+ "migrations, or remove the table from the seed rules; tables: "
								+ schema.get().tables().keySet().stream().filter(t -> !t.contains("."))
									.collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
				return;
			}
			TablePlan plan = new TablePlan(name, table.orElse(null));
			plans.put(name, plan);
			if (!node.isMap()) {
				problems.add(node, name, "a table's rules must be a map with \"rows\" and \"columns\"",
						"write " + name + ": {rows: 100, columns: {id: {sequence: {start: 1}}}}");
				return;
			}
			for (String key : node.map().keySet()) {
				if (!TABLE_SETTINGS.contains(key)) {
					problems.add(node.map().get(key), name, "unknown table setting \"" + key + "\"",
							Closest.suggestion(key, TABLE_SETTINGS) + "use only \"rows\", \"columns\" and \"since\"");
				}
			}
			node.get("since").ifPresent(since -> checkSince(since, name));
		});
		// Pass 2: columns.
		plans.values().forEach(plan -> columns(plan, tables.map().get(plan.name)));
		plans.values().forEach(plan -> rows(plan, tables.map().get(plan.name), scale, profile));
		boolean countable = RowEstimates.check(plans.values(), tables, limits, problems);
		plans.values().forEach(plan -> plan.countable = countable);
		plans.values().forEach(this::references);
		plans.values().forEach(this::order);
		plans.values().forEach(this::checkReferencedKeys);
		if (schema.isPresent()) {
			plans.values().forEach(this::checkAgainstSchema);
		}
		List<TablePlan> ordered = loadOrder();
		if (problems.isEmpty() && countable) {
			plans.values().forEach(this::checkCounts);
		}
		return new Plan(ordered, fixtures);
	}

	private static String subject(TablePlan plan, String column) {
		return plan.name + "." + column;
	}

	private void columns(TablePlan plan, YamlNode node) {
		YamlNode columns = node.get("columns").orElse(null);
		if (columns == null || !columns.isMap()) {
			problems.add(columns == null ? node : columns, plan.name, "a table needs \"columns\": a map of column "
					+ "name to generator", "write columns: {id: {sequence: {start: 1}}, name: \"#{Name.fullName}\"}");
			return;
		}
		plan.columnsNode = columns;
		Set<String> names = columns.map().keySet();
		int index = 0;
		for (Map.Entry<String, YamlNode> entry : columns.map().entrySet()) {
			String name = entry.getKey();
			if (plan.table != null && !plan.table.columns().containsKey(name)) {
				problems.add(entry.getValue(), subject(plan, name), "there is no column \"" + name + "\" in table \""
						+ plan.name + "\"", Closest.suggestion(name, plan.table.columns().keySet()) + "use one of "
								+ plan.table.columns().keySet() + " or remove the rule");
				continue;
			}
			long key = CellRandom.key(seed, version, plan.name, name);
			ColumnPlan column = column(plan, name, index, key, entry.getValue(), names);
			if (column != null) {
				plan.columns.add(column);
				index++;
			}
		}
	}

	/** A column's generator, or {@code null} after adding a problem. References are compiled in a later pass. */
	private ColumnPlan column(TablePlan plan, String name, int index, long key, YamlNode node, Set<String> columns) {
		String subject = subject(plan, name);
		if (!node.isMap()) {
			Generator generator = scalar(subject, node, columns);
			return generator == null ? null : new ColumnPlan(name, index, key, generator, 0, false, node);
		}
		List<String> generators = node.map().keySet().stream().filter(GENERATORS::contains).toList();
		for (Map.Entry<String, YamlNode> entry : node.map().entrySet()) {
			if (!GENERATORS.contains(entry.getKey()) && !MODIFIERS.contains(entry.getKey())) {
				Set<String> known = new TreeSet<>(GENERATORS);
				known.addAll(MODIFIERS);
				problems.add(entry.getValue(), subject, "unknown generator or setting \"" + entry.getKey() + "\"",
						Closest.suggestion(entry.getKey(), known) + "use one generator of " + GENERATORS
								+ " with optional " + new TreeSet<>(MODIFIERS));
			}
		}
		node.get("since").ifPresent(since -> checkSince(since, subject));
		if (generators.size() != 1) {
			problems.add(node, subject, generators.isEmpty() ? "no generator given"
					: "more than one generator given: " + generators, "give exactly one of " + GENERATORS);
			return null;
		}
		String kind = generators.get(0);
		double nullFraction = 0;
		Optional<YamlNode> fraction = node.get("nullFraction");
		if (fraction.isPresent()) {
			Optional<BigDecimal> value = fraction.get().number();
			if (value.isEmpty() || value.get().signum() < 0 || value.get().compareTo(BigDecimal.ONE) > 0) {
				problems.add(fraction.get(), subject, "nullFraction must be a number from 0 to 1, not \""
						+ fraction.get().text() + "\"", "write nullFraction: 0.1 for 10 % nulls");
			}
			else {
				nullFraction = value.get().doubleValue();
			}
		}
		boolean unique = node.get("unique").map(u -> "true".equals(u.text())).orElse(false);
		if (kind.equals("references")) {
			// Placeholder until the references pass, which needs every table's columns.
			return new ColumnPlan(name, index, key, new Generators.Constant(null), nullFraction, false, node);
		}
		YamlNode spec = node.map().get(kind);
		Locale locale = node.get("locale").map(l -> Locale.forLanguageTag(l.text())).orElse(defaultLocale);
		Generator generator = switch (kind) {
			case "faker" -> faker(subject, spec, locale);
			case "template", "pattern" -> spec.isText() ? template(subject, spec, columns) : textNeeded(subject, spec, kind);
			case "constant" -> new Generators.Constant(constant(spec));
			case "sequence" -> sequence(subject, spec);
			case "uniform" -> uniform(subject, spec);
			case "normal" -> normal(subject, spec);
			case "zipf" -> zipf(subject, spec);
			case "poisson" -> poisson(subject, spec);
			case "weighted" -> weighted(subject, spec);
			case "date", "timestamp" -> range(subject, spec, kind);
			default -> null;
		};
		if (generator == null) {
			return null;
		}
		boolean suffix = false;
		if (unique) {
			boolean injective = generator.facts(2).injective();
			if (!injective && (generator instanceof Generators.Faker || generator instanceof Generators.Template)) {
				suffix = true;
			}
			else if (!injective) {
				problems.add(node.map().get("unique"), subject, "unique is impossible with a " + kind
						+ " generator: it repeats values", "use a sequence, a template with {seq}, a faker expression "
								+ "(made unique by adding the row number), or a unique reference");
			}
		}
		return new ColumnPlan(name, index, key, generator, nullFraction, suffix, node);
	}

	private void checkSince(YamlNode since, String subject) {
		if ((since.isNumber() || since.isText()) && Version.parse(since.text()).isPresent()) {
			return;
		}
		problems.add(since, subject, "since must be a migration version such as 5, 2.1 or 20230101120000, not "
				+ (since.isMap() || since.kind() == YamlNode.Kind.LIST ? "a " + since.kind().name().toLowerCase(Locale.ROOT)
						: "\"" + since.text() + "\""), "write the version of the migration that creates it, e.g. "
								+ "since: 3 or since: 2.1");
	}

	private Generator textNeeded(String subject, YamlNode spec, String kind) {
		problems.add(spec, subject, kind + " needs text", "write " + kind + ": \"ORD-{seq:6}\"");
		return null;
	}

	private Generator scalar(String subject, YamlNode node, Set<String> columns) {
		if (node.isText() && node.text().contains("#{")) {
			return faker(subject, node, defaultLocale);
		}
		if (node.isText() && PLACEHOLDER.matcher(node.text()).find()) {
			return template(subject, node, columns);
		}
		if (node.kind() == YamlNode.Kind.LIST) {
			problems.add(node, subject, "a list is not a generator", "use weighted: {a: 1, b: 1} to choose among values");
			return null;
		}
		return new Generators.Constant(constant(node));
	}

	private static Object constant(YamlNode node) {
		if (node.isNumber()) {
			BigDecimal number = node.number().orElseThrow();
			return number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0 && !node.text().contains(".")
					? (Object) number.longValue() : number;
		}
		if (node.kind() == YamlNode.Kind.BOOLEAN) {
			return node.scalar().orElseThrow();
		}
		return node.isNull() ? null : node.text();
	}

	private Generator faker(String subject, YamlNode spec, Locale locale) {
		if (!spec.isText()) {
			return textNeeded(subject, spec, "faker");
		}
		if (!FakerExpressions.available()) {
			problems.add(spec, subject, "a faker: generator needs Datafaker (net.datafaker:datafaker), which is not on "
					+ "the classpath: dbparity declares it optional, for the projects whose seed rules use it",
					"add it in test scope, its version managed by dev.dbparity:dbparity-bom — Maven: <dependency>"
							+ "<groupId>net.datafaker</groupId><artifactId>datafaker</artifactId><scope>test</scope>"
							+ "</dependency>; Gradle: testImplementation(\"net.datafaker:datafaker\")");
			return null;
		}
		Optional<String> problem = FakerExpressions.problem(spec.text(), locale);
		if (problem.isPresent()) {
			problems.add(spec, subject, "the Datafaker expression \"" + spec.text() + "\" does not resolve: "
					+ problem.get(), "check provider and method names, e.g. \"#{Internet.emailAddress}\", "
							+ "\"#{Name.firstName}\" (see https://www.datafaker.net/documentation/providers/)");
			return null;
		}
		return new Generators.Faker(spec.text(), locale);
	}

	private Generator template(String subject, YamlNode spec, Set<String> columns) {
		String text = spec.text();
		List<Generators.Template.Part> parts = new ArrayList<>();
		List<String> depends = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		int last = 0;
		boolean ok = true;
		while (matcher.find()) {
			if (matcher.start() > last) {
				parts.add(new Generators.Template.Literal(text.substring(last, matcher.start())));
			}
			String name = matcher.group(1);
			String filter = matcher.group(3) == null ? "" : matcher.group(3);
			if (name.equals("seq")) {
				parts.add(new Generators.Template.Seq(matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2))));
			}
			else if (name.equals("row")) {
				parts.add(new Generators.Template.Row());
			}
			else if (columns.contains(name) && (filter.isEmpty() || filter.equals("lower") || filter.equals("upper"))) {
				parts.add(new Generators.Template.ColumnRef(name, -1, filter));
				depends.add(name);
			}
			else {
				ok = false;
				problems.add(spec, subject, "unknown placeholder \"" + matcher.group() + "\" in template \"" + text
						+ "\"", "use {seq}, {seq:6}, {row}, or a column of this table's rules as {name}, {name|lower} "
								+ "or {name|upper}; columns: " + columns);
			}
			last = matcher.end();
		}
		if (last < text.length()) {
			parts.add(new Generators.Template.Literal(text.substring(last)));
		}
		return ok ? new Generators.Template(parts, depends) : null;
	}

	/** The parameters of a map-valued generator, checked against the allowed names. */
	private Map<String, YamlNode> parameters(String subject, YamlNode spec, String kind, Set<String> allowed,
			String example) {
		if (!spec.isMap()) {
			problems.add(spec, subject, kind + " needs a map of parameters " + allowed, "write " + example);
			return null;
		}
		boolean ok = true;
		for (Map.Entry<String, YamlNode> entry : spec.map().entrySet()) {
			if (!allowed.contains(entry.getKey())) {
				ok = false;
				problems.add(entry.getValue(), subject, "unknown parameter \"" + entry.getKey() + "\" of " + kind,
						Closest.suggestion(entry.getKey(), allowed) + "use " + new TreeSet<>(allowed) + ", e.g. "
								+ example);
			}
		}
		return ok ? spec.map() : null;
	}

	private Optional<BigDecimal> number(String subject, Map<String, YamlNode> parameters, String name, String kind,
			boolean required, String example) {
		YamlNode node = parameters.get(name);
		if (node == null) {
			if (required) {
				problems.add(parameters.values().iterator().hasNext() ? parameters.values().iterator().next()
						: null, subject, kind + " needs \"" + name + "\"", "write " + example);
			}
			return Optional.empty();
		}
		if (node.number().isEmpty()) {
			problems.add(node, subject, kind + "." + name + " must be a number, not \"" + node.text() + "\"",
					"write " + example);
			return Optional.empty();
		}
		return node.number();
	}

	private Generator sequence(String subject, YamlNode spec) {
		if (spec.isNull()) {
			return new Generators.Sequence(1, 1);
		}
		String example = "sequence: {start: 1, step: 1}";
		Map<String, YamlNode> p = parameters(subject, spec, "sequence", Set.of("start", "step"), example);
		if (p == null) {
			return null;
		}
		long start = number(subject, p, "start", "sequence", false, example).map(BigDecimal::longValue).orElse(1L);
		long step = number(subject, p, "step", "sequence", false, example).map(BigDecimal::longValue).orElse(1L);
		return new Generators.Sequence(start, step);
	}

	private int scale(String subject, Map<String, YamlNode> p, String kind, String example) {
		return number(subject, p, "scale", kind, false, example).map(BigDecimal::intValue).orElse(0);
	}

	private Generator uniform(String subject, YamlNode spec) {
		String example = "uniform: {min: 1, max: 100, scale: 2}";
		Map<String, YamlNode> p = parameters(subject, spec, "uniform", Set.of("min", "max", "scale"), example);
		if (p == null) {
			return null;
		}
		Optional<BigDecimal> min = number(subject, p, "min", "uniform", true, example);
		Optional<BigDecimal> max = number(subject, p, "max", "uniform", true, example);
		int scale = scale(subject, p, "uniform", example);
		if (min.isEmpty() || max.isEmpty()) {
			return null;
		}
		if (min.get().compareTo(max.get()) > 0) {
			problems.add(spec, subject, "uniform min " + min.get() + " is above max " + max.get(), "swap them");
			return null;
		}
		if (scale == 0 && (min.get().stripTrailingZeros().scale() > 0 || max.get().stripTrailingZeros().scale() > 0)) {
			problems.add(spec, subject, "uniform bounds have decimals but no scale", "add scale: 2 for two decimals");
			return null;
		}
		return new Generators.Uniform(min.get(), max.get(), scale);
	}

	private Generator normal(String subject, YamlNode spec) {
		String example = "normal: {mean: 50, stddev: 10, min: 0, max: 100, scale: 2}";
		Map<String, YamlNode> p = parameters(subject, spec, "normal", Set.of("mean", "stddev", "min", "max", "scale"),
				example);
		if (p == null) {
			return null;
		}
		Optional<BigDecimal> mean = number(subject, p, "mean", "normal", true, example);
		Optional<BigDecimal> stddev = number(subject, p, "stddev", "normal", true, example);
		Optional<BigDecimal> min = number(subject, p, "min", "normal", false, example);
		Optional<BigDecimal> max = number(subject, p, "max", "normal", false, example);
		int scale = scale(subject, p, "normal", example);
		if (mean.isEmpty() || stddev.isEmpty()) {
			return null;
		}
		if (stddev.get().signum() < 0) {
			problems.add(p.get("stddev"), subject, "normal stddev must not be negative", "write stddev: 10");
			return null;
		}
		return new Generators.Normal(mean.get().doubleValue(), stddev.get().doubleValue(), min, max, scale);
	}

	private Generator zipf(String subject, YamlNode spec) {
		String example = "zipf: {n: 1000, s: 1.1}";
		Map<String, YamlNode> p = parameters(subject, spec, "zipf", Set.of("n", "s"), example);
		if (p == null) {
			return null;
		}
		Optional<BigDecimal> n = number(subject, p, "n", "zipf", true, example);
		double s = number(subject, p, "s", "zipf", false, example).map(BigDecimal::doubleValue).orElse(1.0);
		if (n.isEmpty()) {
			return null;
		}
		if (n.get().longValue() < 1 || !(s > 0)) {
			problems.add(spec, subject, "zipf needs n >= 1 and s > 0", "write " + example);
			return null;
		}
		return new Generators.Zipf(new Distributions.Zipf(n.get().longValue(), s), n.get().longValue());
	}

	private Generator poisson(String subject, YamlNode spec) {
		String example = "poisson: {mean: 3}";
		if (spec.isNumber()) {
			return new Generators.Poisson(spec.number().orElseThrow().doubleValue());
		}
		Map<String, YamlNode> p = parameters(subject, spec, "poisson", Set.of("mean"), example);
		if (p == null) {
			return null;
		}
		return number(subject, p, "mean", "poisson", true, example)
			.map(mean -> new Generators.Poisson(mean.doubleValue())).orElse(null);
	}

	private Generator weighted(String subject, YamlNode spec) {
		String example = "weighted: {paid: 60, shipped: 30, cancelled: 10}";
		if (!spec.isMap() || spec.map().isEmpty()) {
			problems.add(spec, subject, "weighted needs a map of value to weight", "write " + example);
			return null;
		}
		List<Object> choices = new ArrayList<>();
		long[] cumulative = new long[spec.map().size()];
		long total = 0;
		int i = 0;
		for (Map.Entry<String, YamlNode> entry : spec.map().entrySet()) {
			Optional<BigDecimal> weight = entry.getValue().number();
			if (weight.isEmpty() || weight.get().signum() < 0 || weight.get().stripTrailingZeros().scale() > 0) {
				problems.add(entry.getValue(), subject, "the weight of \"" + entry.getKey() + "\" must be a whole "
						+ "number >= 0, not \"" + entry.getValue().text() + "\"", "write " + example);
				return null;
			}
			total += weight.get().longValue();
			cumulative[i++] = total;
			choices.add(entry.getKey());
		}
		if (total == 0) {
			problems.add(spec, subject, "the weights sum to zero, so no value can be chosen",
					"give at least one value a positive weight, e.g. " + example);
			return null;
		}
		return new Generators.Weighted(choices, cumulative);
	}

	private Generator range(String subject, YamlNode spec, String kind) {
		String example = kind.equals("date") ? "date: {from: 2020-01-01, to: 2024-12-31}"
				: "timestamp: {from: \"2020-01-01 00:00:00\", to: \"2024-12-31 23:59:59\"}";
		Map<String, YamlNode> p = parameters(subject, spec, kind, Set.of("from", "to"), example);
		if (p == null) {
			return null;
		}
		if (!p.containsKey("from") || !p.containsKey("to")) {
			problems.add(spec, subject, kind + " needs fixed bounds \"from\" and \"to\" (never \"now\": seed data must "
					+ "not depend on the day it is made)", "write " + example);
			return null;
		}
		try {
			if (kind.equals("date")) {
				LocalDate from = LocalDate.parse(p.get("from").text());
				LocalDate to = LocalDate.parse(p.get("to").text());
				if (from.isAfter(to)) {
					problems.add(spec, subject, "date from " + from + " is after to " + to, "swap them");
					return null;
				}
				return new Generators.DateRange(from, to);
			}
			LocalDateTime from = timestamp(p.get("from").text());
			LocalDateTime to = timestamp(p.get("to").text());
			if (from.isAfter(to)) {
				problems.add(spec, subject, "timestamp from " + from + " is after to " + to, "swap them");
				return null;
			}
			return new Generators.TimestampRange(from, to);
		}
		catch (DateTimeParseException e) {
			problems.add(spec, subject, kind + " bounds must be ISO dates or timestamps: " + e.getParsedString(),
					"write " + example);
			return null;
		}
	}

	private static LocalDateTime timestamp(String text) {
		return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T'));
	}

	private void rows(TablePlan plan, YamlNode node, BigDecimal scale, String profile) {
		if (node == null || !node.isMap()) {
			return;
		}
		YamlNode rows = node.get("rows").orElse(null);
		plan.rowsNode = rows;
		plan.countKey = CellRandom.key(seed, version, plan.name, "#rows");
		if (rows == null) {
			problems.add(node, plan.name, "a table needs \"rows\"", "write rows: 100, or rows: {perParent: customers, "
					+ "poisson: 3}");
			return;
		}
		if (rows.isNumber()) {
			BigDecimal count = rows.number().orElseThrow();
			if (count.signum() < 0 || count.stripTrailingZeros().scale() > 0) {
				problems.add(rows, plan.name, "rows must be a whole number >= 0, not " + rows.text(), "write rows: 100");
				return;
			}
			BigDecimal scaled = count.multiply(scale).setScale(0, RoundingMode.HALF_UP);
			plan.estimate = scaled;
			plan.estimateHow = scale.compareTo(BigDecimal.ONE) == 0 ? "rows: " + RowEstimates.format(count)
					: "rows: " + RowEstimates.format(count) + " × " + scale.stripTrailingZeros().toPlainString()
							+ ", the scale of profile \"" + profile + "\"";
			// Beyond a long, the row limits refuse it before anything counts rows.
			plan.fixedRows = scaled.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE
					: scaled.longValueExact();
			return;
		}
		String example = "rows: {perParent: customers, poisson: 3} or rows: {perParent: customers, uniform: {min: 0, max: 5}}";
		Map<String, YamlNode> p = parameters(plan.name, rows, "rows", Set.of("perParent", "poisson", "uniform"), example);
		if (p == null) {
			return;
		}
		YamlNode parentNode = p.get("perParent");
		TablePlan parent = parentNode == null ? null : plans.get(parentNode.text());
		if (parent == null) {
			problems.add(parentNode == null ? rows : parentNode, plan.name, parentNode == null ? "rows per parent need "
					+ "\"perParent\"" : "perParent names \"" + parentNode.text() + "\", which has no rules here",
					"name a table of these rules: " + plans.keySet() + ", e.g. " + example);
			return;
		}
		plan.perParentTable = Optional.of(parent);
		edge(plan, parent.name, null);
		if (p.containsKey("poisson") == p.containsKey("uniform")) {
			problems.add(rows, plan.name, "rows per parent need one distribution, poisson or uniform", "write " + example);
			return;
		}
		if (p.containsKey("poisson")) {
			Generator poisson = poisson(plan.name, p.get("poisson"));
			if (poisson instanceof Generators.Poisson distribution) {
				double mean = distribution.mean();
				plan.perParentMean = BigDecimal.valueOf(mean);
				plan.perParentHow = "poisson mean";
				plan.perParent = random -> Distributions.poisson(random, mean);
			}
			return;
		}
		Generator uniform = uniform(plan.name, p.get("uniform"));
		if (uniform instanceof Generators.Uniform u) {
			long min = u.min().longValue();
			long span = u.max().longValue() - min + 1;
			if (min < 0) {
				problems.add(p.get("uniform"), plan.name, "rows per parent cannot be negative", "write uniform: {min: 0, max: 5}");
				return;
			}
			plan.perParent = random -> min + random.nextLong(span);
			plan.perParentMean = u.min().add(u.max()).divide(BigDecimal.valueOf(2));
			plan.perParentMax = u.max().longValue();
			plan.perParentHow = "uniform mean";
		}
	}

	private void edge(TablePlan child, String parent, ColumnPlan column) {
		List<ColumnPlan> columns = edges.computeIfAbsent(child.name, k -> new LinkedHashMap<>())
			.computeIfAbsent(parent, k -> new ArrayList<>());
		if (column != null) {
			columns.add(column);
		}
	}

	private void references(TablePlan plan) {
		for (ColumnPlan column : plan.columns) {
			YamlNode spec = column.node.isMap() ? column.node.map().get("references") : null;
			if (spec == null) {
				continue;
			}
			String subject = subject(plan, column.name);
			String text = spec.text();
			int dot = text.lastIndexOf('.');
			TablePlan parent = dot < 0 ? null : plans.get(text.substring(0, dot));
			if (dot < 0) {
				problems.add(spec, subject, "references needs table.column, not \"" + text + "\"",
						"write references: customers.id");
				continue;
			}
			String parentTable = text.substring(0, dot);
			String parentColumnName = text.substring(dot + 1);
			if (parent == null) {
				boolean inDatabase = schema.flatMap(s -> s.table(parentTable)).isPresent();
				problems.add(spec, subject, "references the table \"" + parentTable + "\", which "
						+ (schema.isPresent() && !inDatabase ? "is not in the database" : "has no rules here")
						+ "; keys are computed from the parent's rules, so the parent must be seeded too",
						Closest.suggestion(parentTable, plans.keySet()) + "add rules for " + parentTable
								+ " (with a rule for " + parentColumnName + "), or reference one of " + plans.keySet());
				continue;
			}
			ColumnPlan parentColumn = parent.columns.stream().filter(c -> c.name.equals(parentColumnName)).findFirst()
				.orElse(null);
			if (parentColumn == null) {
				boolean exists = parent.table == null || parent.table.columns().containsKey(parentColumnName);
				List<String> ruled = parent.columns.stream().map(ColumnPlan::name).toList();
				problems.add(spec, subject, "references " + text + ", but " + (exists ? parentTable
						+ " has no rule for column \"" + parentColumnName + "\""
						: "the table " + parentTable + " has no column \"" + parentColumnName + "\""),
						Closest.suggestion(parentColumnName, ruled) + "reference a column of " + parentTable
								+ " with a rule " + ruled + (exists ? ", or give " + parentTable + "." + parentColumnName
										+ " a rule, e.g. {sequence: {start: 1}}; columns with database defaults cannot be "
										+ "referenced" : ""));
				continue;
			}
			// The columns of one foreign key pick the same parent row. The group is named by the key's columns, not by
			// the schema's key, whose text differs between engines (schema names), and values must not.
			String group = plan.table == null ? column.name
					: plan.table.foreignKeyOf(column.name).map(key -> String.join(",", key.columns())).orElse(column.name);
			long groupKey = CellRandom.key(seed, version, plan.name, "ref:" + group);
			Optional<Double> zipf = Optional.empty();
			YamlNode distribution = column.node.map().get("distribution");
			if (distribution != null) {
				if (distribution.text().equals("zipf")) {
					zipf = Optional.of(column.node.get("s").flatMap(YamlNode::number).map(BigDecimal::doubleValue)
						.orElse(1.0));
				}
				else if (!distribution.text().equals("uniform")) {
					problems.add(distribution, subject, "unknown distribution \"" + distribution.text() + "\"",
							"use distribution: uniform (the default) or distribution: zipf with s: 1.1");
				}
			}
			boolean rowParent = plan.perParentTable.filter(p -> p == parent).isPresent()
					&& takesParentRow(column.name, parentTable, plan.columnsNode.map(), Optional.ofNullable(plan.table));
			boolean unique = column.node.get("unique").map(u -> "true".equals(u.text())).orElse(false);
			Generators.Reference reference = new Generators.Reference(parent, parentColumn, groupKey, zipf, rowParent,
					unique);
			column.generator = reference;
			edge(plan, parent.name, column);
		}
	}

	/**
	 * Whether the reference {@code column} of a table with rows per {@code parent} takes each row's own parent row: the
	 * first reference to {@code parent} among the table's column rules does, with the other columns of its foreign key.
	 */
	public static boolean takesParentRow(String column, String parent, Map<String, YamlNode> columns,
			Optional<SchemaModel.Table> table) {
		for (Map.Entry<String, YamlNode> entry : columns.entrySet()) {
			if (entry.getKey().equals(column)) {
				return true;
			}
			YamlNode rule = entry.getValue();
			if (rule.isMap() && rule.map().containsKey("references")
					&& rule.map().get("references").text().startsWith(parent + ".")
					&& !sameForeignKey(table, entry.getKey(), column)) {
				return false;
			}
		}
		return true;
	}

	private static boolean sameForeignKey(Optional<SchemaModel.Table> table, String a, String b) {
		return table.map(t -> t.foreignKeyOf(a).isPresent() && t.foreignKeyOf(a).equals(t.foreignKeyOf(b)))
			.orElse(false);
	}

	/** The columns whose values a rule's template reads through {@code {name}} placeholders; none for other rules. */
	public static Set<String> derivedFrom(YamlNode rule) {
		YamlNode template = rule.isMap() ? rule.get("template").or(() -> rule.get("pattern")).orElse(null)
				: rule.isText() && !rule.text().contains("#{") ? rule : null;
		Set<String> columns = new LinkedHashSet<>();
		if (template != null && template.isText()) {
			Matcher matcher = PLACEHOLDER.matcher(template.text());
			while (matcher.find()) {
				if (!matcher.group(1).equals("seq") && !matcher.group(1).equals("row")) {
					columns.add(matcher.group(1));
				}
			}
		}
		return columns;
	}

	/**
	 * The migration version from which the table or column of a rule exists, when its rule says {@code since:}. Only
	 * for rules that parsed without problems.
	 */
	public static Optional<Version> since(YamlNode rule) {
		return rule.isMap() ? rule.get("since").flatMap(since -> Version.parse(since.text())) : Optional.empty();
	}

	/** Orders columns so that derived ones follow their sources, and gives each its closure for parent keys. */
	private void order(TablePlan plan) {
		Map<String, ColumnPlan> byName = new HashMap<>();
		plan.columns.forEach(c -> byName.put(c.name, c));
		for (ColumnPlan column : plan.columns) {
			if (column.generator instanceof Generators.Template template) {
				List<Generators.Template.Part> parts = new ArrayList<>();
				for (Generators.Template.Part part : template.parts()) {
					if (part instanceof Generators.Template.ColumnRef ref) {
						ColumnPlan source = byName.get(ref.name());
						if (source == null) {
							return;
						}
						parts.add(new Generators.Template.ColumnRef(ref.name(), source.index, ref.filter()));
					}
					else {
						parts.add(part);
					}
				}
				column.generator = new Generators.Template(parts, template.dependsOn());
			}
		}
		Set<String> done = new LinkedHashSet<>();
		for (ColumnPlan column : plan.columns) {
			visit(plan, column, byName, done, new ArrayDeque<>());
		}
		done.forEach(name -> plan.evaluationOrder.add(byName.get(name)));
		for (ColumnPlan column : plan.columns) {
			Set<String> closure = new LinkedHashSet<>();
			visit(plan, column, byName, closure, new ArrayDeque<>());
			column.closure = closure.stream().map(byName::get).toList();
		}
	}

	private void visit(TablePlan plan, ColumnPlan column, Map<String, ColumnPlan> byName, Set<String> done,
			Deque<String> path) {
		if (done.contains(column.name)) {
			return;
		}
		if (path.contains(column.name)) {
			problems.add(column.node, subject(plan, column.name), "derived columns depend on each other in a cycle: "
					+ String.join(" -> ", path) + " -> " + column.name, "make one of them independent");
			done.add(column.name);
			return;
		}
		path.addLast(column.name);
		for (String dependency : column.generator.dependsOn()) {
			ColumnPlan source = byName.get(dependency);
			if (source != null) {
				visit(plan, source, byName, done, path);
			}
		}
		path.removeLast();
		done.add(column.name);
	}

	private void checkAgainstSchema(TablePlan plan) {
		SchemaModel.Table table = plan.table;
		Set<String> ruled = new HashSet<>();
		plan.columns.forEach(c -> ruled.add(c.name));
		YamlNode at = plan.columnsNode;
		for (SchemaModel.Column column : table.columns().values()) {
			if (!column.nullable() && !column.hasDefault() && !ruled.contains(column.name()) && at != null) {
				problems.add(at, subject(plan, column.name()), "the column is NOT NULL and has no default, but has no "
						+ "rule", "add a rule under tables." + plan.name + ".columns, e.g. " + column.name() + ": "
								+ TypeCheck.example(column.type()));
			}
		}
		for (ColumnPlan column : plan.columns) {
			SchemaModel.Column target = table.columns().get(column.name);
			if (target == null) {
				continue;
			}
			if (column.nullFraction > 0 && !target.nullable()) {
				problems.add(column.node, subject(plan, column.name), "nullFraction on a NOT NULL column",
						"remove nullFraction, or make the column nullable");
			}
			TypeCheck.check(plan, column, target, schema.get().engine(), problems);
		}
		TypeCheck.checkUniqueKeys(plan, problems);
	}

	/**
	 * A parent key is recomputed from its row index alone; a key that depends on its own row's parent (a reference
	 * of a table with rows per parent) cannot be, since that parent is known only while generating in order.
	 */
	private void checkReferencedKeys(TablePlan plan) {
		for (ColumnPlan column : plan.columns) {
			if (column.generator instanceof Generators.Reference reference) {
				for (ColumnPlan needed : reference.parentColumn.closure) {
					if (needed.generator instanceof Generators.Reference inner && inner.rowParent) {
						problems.add(column.node, subject(plan, column.name), "references "
								+ reference.parent.name + "." + reference.parentColumn.name + ", which is taken from "
								+ "the parent row of a table with rows per parent; dbparity cannot recompute it from a "
								+ "row index", "reference a key of " + reference.parent.name + " made by a sequence, "
										+ "template, or other generator");
					}
				}
			}
		}
	}

	/** Counts that only the whole plan knows: unique references and parents without rows. */
	private void checkCounts(TablePlan plan) {
		for (ColumnPlan column : plan.columns) {
			if (column.generator instanceof Generators.Reference reference) {
				long parents = reference.parent.rows();
				if (parents == 0 && plan.rows() > 0) {
					problems.add(column.node, subject(plan, column.name), "references " + reference.parent.name
							+ ", which gets no generated rows", "give " + reference.parent.name + " rows > 0");
				}
				else if (reference.oneToOne && plan.rows() > parents) {
					problems.add(column.node.map().get("unique"), subject(plan, column.name), "unique is impossible: "
							+ plan.rows() + " rows but only " + parents + " distinct parents in "
							+ reference.parent.name, "seed at most " + parents + " rows, or drop unique");
				}
			}
		}
	}

	/** Tables parents first; a cycle is broken at a nullable foreign key, whose values are set after loading. */
	private List<TablePlan> loadOrder() {
		List<TablePlan> ordered = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		Map<String, Set<String>> deferred = new HashMap<>();
		List<String> remaining = new ArrayList<>(plans.keySet());
		while (!remaining.isEmpty()) {
			String next = null;
			for (String name : remaining) {
				if (parentsPlaced(name, placed, deferred)) {
					next = name;
					break;
				}
			}
			if (next == null) {
				if (!breakCycle(remaining, placed, deferred)) {
					TablePlan first = plans.get(remaining.get(0));
					YamlNode at = first.columns.isEmpty() ? null : first.columns.get(0).node;
					if (at != null) {
						problems.add(at, first.name, "the tables " + remaining + " reference each other through NOT "
								+ "NULL columns only, so no load order exists", "make one foreign key column in the "
										+ "cycle nullable");
					}
					remaining.forEach(name -> ordered.add(plans.get(name)));
					break;
				}
				continue;
			}
			remaining.remove(next);
			placed.add(next);
			ordered.add(plans.get(next));
		}
		deferred.forEach((table, columns) -> plans.get(table).deferred = Set.copyOf(columns));
		return ordered;
	}

	private boolean parentsPlaced(String name, Set<String> placed, Map<String, Set<String>> deferred) {
		for (Map.Entry<String, List<ColumnPlan>> edge : edges.getOrDefault(name, Map.of()).entrySet()) {
			if (placed.contains(edge.getKey())) {
				continue;
			}
			Set<String> deferredColumns = deferred.getOrDefault(name, Set.of());
			boolean allDeferred = !edge.getValue().isEmpty()
					&& edge.getValue().stream().allMatch(c -> deferredColumns.contains(c.name));
			boolean perParent = plans.get(name).perParentTable.map(p -> p.name.equals(edge.getKey())).orElse(false);
			if (!allDeferred || perParent) {
				return false;
			}
		}
		return true;
	}

	/** Defers one nullable reference inside the remaining tables (a self reference first); false if there is none. */
	private boolean breakCycle(List<String> remaining, Set<String> placed, Map<String, Set<String>> deferred) {
		for (String name : remaining) {
			TablePlan plan = plans.get(name);
			for (Map.Entry<String, List<ColumnPlan>> edge : edges.getOrDefault(name, Map.of()).entrySet()) {
				if (placed.contains(edge.getKey()) || !remaining.contains(edge.getKey()) || edge.getValue().isEmpty()) {
					continue;
				}
				boolean nullable = edge.getValue().stream().allMatch(c -> plan.table == null
						|| plan.table.columns().get(c.name).nullable());
				if (nullable) {
					Set<String> columns = deferred.computeIfAbsent(name, k -> new TreeSet<>());
					int before = columns.size();
					edge.getValue().forEach(c -> columns.add(c.name));
					if (columns.size() > before) {
						return true;
					}
				}
			}
		}
		return false;
	}
}
