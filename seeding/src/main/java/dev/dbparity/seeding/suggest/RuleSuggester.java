package dev.dbparity.seeding.suggest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code RuleSuggester} drafts seed rules ({@code seeding/SEED-RULES.md}) whose generated data has the shapes of a
 * baseline: tables, keys and constraints from its {@code schema.json}; row counts, children per parent, null fractions,
 * value sets, ranges and distributions from its {@code statistics.json} when it has one.
 *
 * <p>The draft is YAML text, the same for the same baseline and options, meant to be reviewed and committed: it cannot
 * know what a column means beyond its name and numbers, and sensitive columns' top values are hashes, so their values
 * come from Datafaker by the kind of data their name says.
 *
 * @since 0.1
 */
public final class RuleSuggester {

	/**
	 * {@code Options} are how a draft is scaled and seeded.
	 *
	 * @param rowsScale the factor from baseline row counts to generated ones; empty scales the largest table that is not
	 *     generated per parent to {@code targetRows}
	 * @param targetRows the row count of the largest such table when {@code rowsScale} is empty
	 * @param seed the rules' seed
	 */
	public record Options(Optional<Double> rowsScale, long targetRows, long seed) {

		public Options {
			Objects.requireNonNull(rowsScale, "rowsScale");
			if (rowsScale.filter(scale -> !(scale > 0)).isPresent()) {
				throw new IllegalArgumentException("the rows scale must be a positive number, not " + rowsScale.get());
			}
			if (targetRows < 1) {
				throw new IllegalArgumentException("the target row count must be at least 1, not " + targetRows);
			}
		}

		/** About 1,000 rows in the largest table that is not generated per parent, seed 1. */
		public static Options defaults() {
			return new Options(Optional.empty(), 1000, 1);
		}

		public Options withRowsScale(double scale) {
			return new Options(Optional.of(scale), targetRows, seed);
		}
	}

	/**
	 * Unique UUIDs: {@code unique: true} on a Datafaker UUID would append the row number, which no UUID column takes;
	 * {@code {seq:12}} keeps the UUID's form.
	 */
	private static final String UNIQUE_UUID = "template: \"00000000-0000-4000-8000-{seq:12}\"";

	/** Columns with at most this many distinct values, all listed among the top values, become weighted choices. */
	private static final int FEW = 20;

	/** A distinct ratio from which a column counts as one value per row. */
	private static final double ALL_DISTINCT = 0.9;

	/** Row count of a table without statistics: enough to exercise it, few enough to load in a blink. */
	private static final long DEFAULT_ROWS = 100;

	private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Set<String> YAML_WORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

	private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

	private static final Pattern SCALE = Pattern.compile("\\(\\s*\\d+\\s*,\\s*(\\d+)\\s*\\)");

	private final SchemaSnapshot schema;
	private final Optional<StatisticsSnapshot> statistics;
	private final Options options;
	private final Map<String, Table> tables = new TreeMap<>();

	/** A table of the baseline, named as the rules name it. */
	private record Table(String schema, String name, String key, JsonNode node, Optional<JsonNode> stats) {

		Optional<Long> rows() {
			return stats.map(s -> s.path("rows")).filter(JsonNode::isNumber).map(JsonNode::asLong);
		}

		Optional<JsonNode> column(String column) {
			return stats.map(s -> s.path("columns").path(column)).filter(JsonNode::isObject);
		}
	}

	/** A foreign key: the child's columns and the parent's, in order. */
	private record ForeignKey(String key, List<String> columns, Table parent, List<String> parentColumns) {
	}

	private RuleSuggester(SchemaSnapshot schema, Optional<StatisticsSnapshot> statistics, Options options) {
		this.schema = schema;
		this.statistics = statistics;
		this.options = options;
	}

	/**
	 * The draft rules for {@code schema}, shaped by {@code statistics} when given.
	 *
	 * @return YAML text ending with a newline
	 */
	public static String suggest(SchemaSnapshot schema, Optional<StatisticsSnapshot> statistics, Options options) {
		return new RuleSuggester(Objects.requireNonNull(schema, "schema"), Objects.requireNonNull(statistics,
				"statistics"), Objects.requireNonNull(options, "options")).draft();
	}

	private String draft() {
		readTables();
		Map<String, Optional<ForeignKey>> perParent = new LinkedHashMap<>();
		for (Table table : order()) {
			perParent.put(table.key(), perParent(table));
		}
		double scale = options.rowsScale().orElseGet(() -> defaultScale(perParent));
		StringBuilder yaml = new StringBuilder();
		yaml.append("# Seed rules drafted by `dbparity rules suggest` from the baseline's schema")
			.append(statistics.isPresent() ? " and data statistics" : "").append(" (format: seeding/SEED-RULES.md).\n")
			.append("# A draft: review every rule, since names and numbers say what a column holds only so far.\n")
			.append("version: 1\nseed: ").append(options.seed()).append("\ntables:\n");
		for (Map.Entry<String, Optional<ForeignKey>> entry : perParent.entrySet()) {
			Table table = tables.get(entry.getKey());
			yaml.append("  ").append(key(table.key())).append(":\n    rows: ").append(rows(table, entry.getValue(), scale))
				.append("\n    columns:\n");
			for (Map.Entry<String, JsonNode> column : columns(table)) {
				rule(table, column.getKey(), column.getValue(), entry.getValue())
					.ifPresent(rule -> yaml.append("      ").append(key(column.getKey())).append(": ").append(rule)
						.append('\n'));
			}
		}
		return yaml.toString();
	}

	private void readTables() {
		Map<String, Integer> names = new TreeMap<>();
		JsonNode schemas = schema.tree().path("schemas");
		schemas.properties().forEach(s -> s.getValue().path("tables").fieldNames()
			.forEachRemaining(name -> names.merge(name, 1, Integer::sum)));
		schemas.properties().forEach(s -> s.getValue().path("tables").properties().forEach(t -> {
			String kind = t.getValue().path("kind").asText("table");
			if (kind.endsWith("table") && !kind.equals("foreign table")) {
				// A name in one schema only is written bare, as the rules' readers resolve it; others are qualified.
				String key = names.get(t.getKey()) == 1 ? t.getKey() : s.getKey() + "." + t.getKey();
				tables.put(key, new Table(s.getKey(), t.getKey(), key, t.getValue(),
						statistics.flatMap(stats -> stats.table(s.getKey(), t.getKey()))));
			}
		}));
	}

	private Optional<Table> table(String schemaName, String name) {
		return tables.values().stream().filter(t -> t.schema().equals(schemaName) && t.name().equals(name)).findFirst();
	}

	private List<ForeignKey> foreignKeys(Table table) {
		List<ForeignKey> keys = new ArrayList<>();
		table.node().path("foreignKeys").properties().forEach(entry -> {
			JsonNode references = entry.getValue().path("references");
			table(references.path("schema").asText(table.schema()), references.path("table").asText())
				.ifPresent(parent -> keys.add(new ForeignKey(entry.getKey(), texts(entry.getValue().path("columns")),
						parent, texts(references.path("columns")))));
		});
		return keys;
	}

	/** Parents before children, by name among equals; tables in a cycle follow in name order. */
	private List<Table> order() {
		Map<String, Set<String>> parents = new TreeMap<>();
		for (Table table : tables.values()) {
			Set<String> own = new TreeSet<>();
			foreignKeys(table).stream().map(fk -> fk.parent().key()).filter(key -> !key.equals(table.key()))
				.forEach(own::add);
			parents.put(table.key(), own);
		}
		List<Table> ordered = new ArrayList<>();
		Set<String> done = new TreeSet<>();
		boolean progress = true;
		while (progress) {
			progress = false;
			for (Map.Entry<String, Set<String>> entry : parents.entrySet()) {
				if (!done.contains(entry.getKey()) && done.containsAll(entry.getValue())) {
					done.add(entry.getKey());
					ordered.add(tables.get(entry.getKey()));
					progress = true;
					break;
				}
			}
		}
		parents.keySet().stream().filter(key -> !done.contains(key)).forEach(key -> ordered.add(tables.get(key)));
		return ordered;
	}

	/**
	 * The foreign key a table's rows are generated along: of those whose parent and child have row counts, the one whose
	 * first column has the most distinct values, as rows spread over the parent that owns them (an order's lines) and
	 * bunch on parents they only point at (the books bought).
	 */
	private Optional<ForeignKey> perParent(Table table) {
		if (table.rows().isEmpty()) {
			return Optional.empty();
		}
		return foreignKeys(table).stream()
			.filter(fk -> fk.parent() != table && fk.parent().rows().filter(rows -> rows > 0).isPresent())
			.max(Comparator.comparingDouble((ForeignKey fk) -> table.column(fk.columns().get(0))
				.map(c -> c.path("distinct").asDouble()).orElse(0.0)).thenComparing(ForeignKey::key,
						Comparator.reverseOrder()));
	}

	private double defaultScale(Map<String, Optional<ForeignKey>> perParent) {
		long largest = perParent.entrySet().stream().filter(entry -> entry.getValue().isEmpty())
			.map(entry -> tables.get(entry.getKey()).rows()).flatMap(Optional::stream).mapToLong(Long::longValue).max()
			.orElse(0);
		return largest > options.targetRows() ? (double) options.targetRows() / largest : 1;
	}

	private String rows(Table table, Optional<ForeignKey> perParent, double scale) {
		if (perParent.isEmpty()) {
			return Long.toString(table.rows().map(rows -> Math.max(1, Math.round(rows * scale))).orElse(DEFAULT_ROWS));
		}
		ForeignKey fk = perParent.get();
		double children = table.stats().map(s -> s.path("foreignKeys").path(fk.key()).path("childrenPerParent"))
			.filter(JsonNode::isNumber).map(JsonNode::asDouble)
			.orElseGet(() -> (double) table.rows().orElseThrow() / fk.parent().rows().orElseThrow());
		String parent = "{perParent: " + key(fk.parent().key()) + ", ";
		if (atMostOnePerParent(table, fk.columns().get(0))) {
			// Each parent had at most one child; a Poisson count would give some two, breaking keys that include the
			// parent's and halving the distinct ratio of the foreign key.
			return parent + "uniform: {min: " + (children >= 0.75 ? 1 : 0) + ", max: 1}}";
		}
		return parent + "poisson: " + number(children) + "}";
	}

	private boolean atMostOnePerParent(Table table, String column) {
		Optional<JsonNode> stats = table.column(column);
		if (stats.isEmpty() || table.rows().isEmpty()) {
			return false;
		}
		double nonNull = table.rows().get() * (1 - stats.get().path("nullFraction").asDouble());
		return stats.get().path("distinct").asDouble() >= 0.99 * nonNull;
	}

	private static List<Map.Entry<String, JsonNode>> columns(Table table) {
		List<Map.Entry<String, JsonNode>> columns = new ArrayList<>();
		table.node().path("columns").properties().forEach(columns::add);
		columns.sort(Comparator.comparingInt((Map.Entry<String, JsonNode> c) -> c.getValue().path("position").asInt())
			.thenComparing(Map.Entry::getKey));
		return columns;
	}

	private Optional<String> rule(Table table, String column, JsonNode definition, Optional<ForeignKey> perParent) {
		Optional<JsonNode> stats = table.column(column);
		String nulls = stats.map(s -> s.path("nullFraction").asDouble()).filter(f -> f > 0)
			.map(f -> ", nullFraction: " + number(f)).orElse("");
		boolean unique = uniqueAlone(table, column);
		for (ForeignKey fk : foreignKeys(table)) {
			int index = fk.columns().indexOf(column);
			if (index >= 0) {
				boolean rowParent = perParent.filter(p -> p.key().equals(fk.key())).isPresent();
				return Optional.of("{references: " + fk.parent().key() + "." + fk.parentColumns().get(index)
						+ (unique && !rowParent ? ", unique: true" : "") + nulls + "}");
			}
		}
		String type = definition.path("type").asText().toLowerCase(Locale.ROOT);
		if (texts(table.node().path("primaryKey").path("columns")).contains(column)) {
			return Optional.of(primaryKey(type));
		}
		if (definition.has("generated") || definition.has("identity") || definition.path("autoIncrement").asBoolean()) {
			return Optional.empty();
		}
		// A default stands for the data only when the data has one value; seeding the spread the statistics show
		// matches the data better.
		if (definition.has("default") && stats.map(s -> s.path("distinct").asLong() <= 1).orElse(true)) {
			return Optional.empty();
		}
		Optional<String> generator = stats.flatMap(s -> fromStatistics(table, column, type, s, unique))
			.or(() -> fromType(column, type, unique || stats.map(s -> distinctRatio(table, s) >= ALL_DISTINCT)
				.orElse(false)));
		if (generator.isEmpty()) {
			return definition.path("nullable").asBoolean(true) ? Optional.empty()
					: Optional.of("{constant: null}  # no generator for " + type + ": write one");
		}
		return Optional.of("{" + generator.get() + nulls + "}");
	}

	/** A primary key column that is no foreign key: one value per row, by type. */
	private static String primaryKey(String type) {
		if (isInteger(type)) {
			return "{sequence: {start: 1}}";
		}
		if (type.equals("uuid")) {
			return "{" + UNIQUE_UUID + "}";
		}
		return "{template: \"{seq}\"}";
	}

	private boolean uniqueAlone(Table table, String column) {
		List<String> one = List.of(column);
		for (JsonNode constraint : iterable(table.node().path("uniqueConstraints"))) {
			if (texts(constraint.path("columns")).equals(one)) {
				return true;
			}
		}
		for (JsonNode index : iterable(table.node().path("indexes"))) {
			if (index.path("unique").asBoolean() && texts(index.path("columns")).equals(one)
					&& !index.has("predicate")) {
				return true;
			}
		}
		return false;
	}

	private static double distinctRatio(Table table, JsonNode stats) {
		double nonNull = table.rows().orElse(0L) * (1 - stats.path("nullFraction").asDouble());
		return nonNull > 0 ? stats.path("distinct").asDouble() / nonNull : 0;
	}

	private Optional<String> fromStatistics(Table table, String column, String type, JsonNode stats,
			boolean uniqueConstraint) {
		double ratio = distinctRatio(table, stats);
		boolean unique = uniqueConstraint || ratio >= 0.99;
		String kind = stats.path("kind").asText();
		if (stats.path("sensitive").asBoolean()) {
			return sensitive(column, type, stats, unique);
		}
		Optional<String> weighted = weighted(stats);
		if (weighted.isPresent()) {
			return weighted;
		}
		switch (kind) {
			case "number" -> {
				return numeric(type, stats);
			}
			case "temporal" -> {
				return temporal(type, stats);
			}
			case "text" -> {
				return Optional.of(text(column, type, stats, ratio, unique));
			}
			default -> {
				return fromType(column, type, unique);
			}
		}
	}

	/** A weighted choice of the raw top values, when they are all of the column's values and few. */
	private static Optional<String> weighted(JsonNode stats) {
		JsonNode top = stats.path("top");
		long distinct = stats.path("distinct").asLong();
		if (!top.isArray() || top.isEmpty() || distinct > FEW || top.size() < distinct) {
			return Optional.empty();
		}
		StringBuilder weights = new StringBuilder("weighted: {");
		for (JsonNode entry : top) {
			if (!entry.has("value")) {
				return Optional.empty();
			}
			if (weights.charAt(weights.length() - 1) != '{') {
				weights.append(", ");
			}
			// Whole-number weights per mille keep three digits of each share.
			long weight = Math.max(1, Math.round(entry.path("fraction").asDouble() * 1000));
			weights.append(quote(entry.path("value").asText())).append(": ").append(weight);
		}
		return Optional.of(weights.append('}').toString());
	}

	private static Optional<String> numeric(String type, JsonNode stats) {
		JsonNode bounds = stats.path("histogram").path("bounds");
		Optional<BigDecimal> low = bounds.isArray() && !bounds.isEmpty() ? Optional.of(bounds.get(0).decimalValue())
				: Optional.of(stats.path("min")).filter(JsonNode::isNumber).map(JsonNode::decimalValue);
		Optional<BigDecimal> high = bounds.isArray() && !bounds.isEmpty()
				? Optional.of(bounds.get(bounds.size() - 1).decimalValue())
				: Optional.of(stats.path("max")).filter(JsonNode::isNumber).map(JsonNode::decimalValue);
		String scale = scale(type) == 0 ? "" : ", scale: " + scale(type);
		boolean moments = stats.path("mean").isNumber() && stats.path("stddev").isNumber();
		if (low.isPresent() && high.isPresent()) {
			double range = high.get().subtract(low.get()).doubleValue();
			double stddev = stats.path("stddev").asDouble();
			// Values bunched around the mean (a standard deviation well below a flat spread's range/√12) are drawn
			// from a normal distribution within the range; a uniform draw would spread them flat.
			if (moments && range > 0 && stddev < 0.8 * range / Math.sqrt(12)) {
				return Optional.of("normal: {mean: " + number(stats.path("mean").asDouble()) + ", stddev: "
						+ number(stddev) + ", min: " + plain(low.get()) + ", max: " + plain(high.get()) + scale + "}");
			}
			return Optional.of("uniform: {min: " + plain(low.get()) + ", max: " + plain(high.get()) + scale + "}");
		}
		if (moments) {
			return Optional.of("normal: {mean: " + number(stats.path("mean").asDouble()) + ", stddev: "
					+ number(stats.path("stddev").asDouble()) + scale + "}");
		}
		return Optional.empty();
	}

	private static Optional<String> temporal(String type, JsonNode stats) {
		JsonNode bounds = stats.path("histogram").path("bounds");
		Optional<String> low = bounds.isArray() && !bounds.isEmpty() ? Optional.of(bounds.get(0).asText())
				: Optional.of(stats.path("min")).filter(JsonNode::isTextual).map(JsonNode::asText);
		Optional<String> high = bounds.isArray() && !bounds.isEmpty() ? Optional.of(bounds.get(bounds.size() - 1)
			.asText()) : Optional.of(stats.path("max")).filter(JsonNode::isTextual).map(JsonNode::asText);
		if (low.isEmpty() || high.isEmpty()) {
			return fromType("", type, false);
		}
		if (type.equals("date")) {
			return Optional.of("date: {from: " + low.get().substring(0, 10) + ", to: " + high.get().substring(0, 10) + "}");
		}
		if (type.startsWith("timestamp") || type.startsWith("datetime")) {
			return Optional.of("timestamp: {from: " + quote(seconds(low.get())) + ", to: " + quote(seconds(high.get()))
					+ "}");
		}
		return Optional.empty();
	}

	/** {@code YYYY-MM-DD HH:MM:SS}, as the timestamp generator takes it: whole seconds, no zone. */
	private static String seconds(String time) {
		String text = time.replace('T', ' ');
		return text.length() >= 19 ? text.substring(0, 19) : text.substring(0, 10) + " 00:00:00";
	}

	private static String text(String column, String type, JsonNode stats, double ratio, boolean unique) {
		OptionalLength length = new OptionalLength(maxLength(type));
		long mean = Math.round(stats.path("length").path("mean").asDouble(8));
		if (unique || ratio >= ALL_DISTINCT) {
			// One value per row: the row number, behind the column's name when it fits, padded to the usual length.
			String prefix = length.fits(column.length() + 2) ? column + "-" : "";
			long digits = Math.max(1, Math.min(mean - prefix.length(), length.max - prefix.length()));
			return "template: " + quote(prefix + "{seq:" + Math.min(digits, 18) + "}");
		}
		// Values repeat: draw from as many values as the baseline has, so the distinct ratio follows it at any row count.
		long distinct = Math.max(1, stats.path("distinct").asLong());
		String prefix = length.fits(column.length() + 1 + Long.toString(distinct).length()) ? column + "-" : "";
		return "faker: " + quote(prefix + "#{Number.numberBetween '1','" + (distinct + 1) + "'}");
	}

	/** A column's length limit, {@link Long#MAX_VALUE} without one. */
	private record OptionalLength(long max) {

		OptionalLength(Optional<Long> max) {
			this(max.orElse(Long.MAX_VALUE));
		}

		boolean fits(long length) {
			return length <= max;
		}
	}

	/**
	 * A Datafaker expression by the kind of data the name says: hashed top values cannot be reproduced, and made-up
	 * values of the right kind keep lengths and formats close.
	 */
	private static Optional<String> sensitive(String column, String type, JsonNode stats, boolean unique) {
		String name = column.toLowerCase(Locale.ROOT);
		String expression;
		if (name.contains("mail")) {
			expression = "#{Internet.emailAddress}";
		}
		else if (name.contains("phone") || name.contains("mobile") || name.contains("tel") || name.contains("fax")) {
			expression = "#{PhoneNumber.cellPhone}";
		}
		else if (name.contains("address") || name.contains("street") || name.contains("addr")) {
			expression = "#{Address.fullAddress}";
		}
		else if (name.contains("city")) {
			expression = "#{Address.city}";
		}
		else if (name.contains("zip") || name.contains("postcode")) {
			expression = "#{Address.zipCode}";
		}
		else if (name.contains("first") || name.contains("forename")) {
			expression = "#{Name.firstName}";
		}
		else if (name.contains("last") || name.contains("surname")) {
			expression = "#{Name.lastName}";
		}
		else if (name.contains("username")) {
			expression = "#{Name.username}";
		}
		else if (name.contains("name")) {
			expression = "#{Name.fullName}";
		}
		else if (stats.path("kind").asText().equals("number")) {
			// A sensitive number (a salary) keeps its mean and deviation, though not its range.
			return numeric(type, stats).or(() -> fromType(column, type, unique));
		}
		else {
			// No kind of personal data is known for the name: a value per row, which reveals nothing.
			return fromType(column, type, true);
		}
		return Optional.of("faker: " + quote(expression) + (unique ? ", unique: true" : ""));
	}

	/** A generator by type alone, for columns without statistics. */
	private static Optional<String> fromType(String column, String type, boolean unique) {
		if (isInteger(type)) {
			return Optional.of(unique ? "sequence: {start: 1}" : "uniform: {min: 1, max: 1000}");
		}
		if (type.startsWith("numeric") || type.startsWith("decimal") || isFloat(type)) {
			return Optional.of("uniform: {min: 0, max: 1000, scale: " + scale(type) + "}");
		}
		if (type.equals("date")) {
			// No range is known: recent years, where most data lives.
			return Optional.of("date: {from: 2020-01-01, to: 2025-12-31}");
		}
		if (type.startsWith("timestamp") || type.startsWith("datetime")) {
			return Optional.of("timestamp: {from: \"2020-01-01 00:00:00\", to: \"2025-12-31 23:59:59\"}");
		}
		if (type.equals("boolean")) {
			return Optional.of("weighted: {\"true\": 1, \"false\": 1}");
		}
		if (type.equals("tinyint(1)")) {
			// MariaDB/MySQL booleans are numbers: LOAD DATA refuses "true".
			return Optional.of("weighted: {\"1\": 1, \"0\": 1}");
		}
		if (type.equals("uuid")) {
			return Optional.of(unique ? UNIQUE_UUID : "faker: \"#{Internet.uuid}\"");
		}
		if (type.contains("char") || type.equals("text") || type.equals("citext") || type.endsWith("text")) {
			String prefix = new OptionalLength(maxLength(type)).fits(column.length() + 6) ? column + "-" : "";
			return Optional.of("template: " + quote(prefix + "{seq}"));
		}
		return Optional.empty();
	}

	private static boolean isInteger(String type) {
		return !type.equals("tinyint(1)") && type.matches("(small|medium|big|tiny)?int(eger)?(\\(\\d+\\))?( unsigned)?"
				+ "|(small|big)?serial|int[248]");
	}

	private static boolean isFloat(String type) {
		return type.equals("real") || type.startsWith("double") || type.startsWith("float");
	}

	/** Digits after the decimal point: the type's own, two for unconstrained decimals, six for floats. */
	private static int scale(String type) {
		Matcher matcher = SCALE.matcher(type);
		if ((type.startsWith("numeric") || type.startsWith("decimal")) && matcher.find()) {
			return Integer.parseInt(matcher.group(1));
		}
		if (type.startsWith("numeric") || type.startsWith("decimal")) {
			return type.contains("(") ? 0 : 2;
		}
		return isFloat(type) ? 6 : 0;
	}

	private static Optional<Long> maxLength(String type) {
		Matcher matcher = LENGTH.matcher(type);
		return type.contains("char") && matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asText()));
		return texts;
	}

	private static Iterable<JsonNode> iterable(JsonNode node) {
		return node::elements;
	}

	/** Six significant digits, no trailing zeros, no exponent. */
	private static String number(double value) {
		return plain(new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN)));
	}

	private static String plain(BigDecimal value) {
		String text = value.stripTrailingZeros().toPlainString();
		return text.equals("-0") ? "0" : text;
	}

	private static String key(String name) {
		return PLAIN_KEY.matcher(name).matches() && !YAML_WORDS.contains(name.toLowerCase(Locale.ROOT)) ? name
				: quote(name);
	}

	/**
	 * A YAML double-quoted scalar that reads back as exactly {@code text}. Hand-written because the rules file is
	 * written line by line around it; every character YAML would fold, strip or refuse (control characters, NEL, the
	 * line and paragraph separators, a byte-order mark) is written as a Unicode escape, so a value from the baseline
	 * survives as it is, as canonical JSON's do.
	 */
	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
						quoted.append(String.format("\\u%04x", (int) c));
					} else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}
}
