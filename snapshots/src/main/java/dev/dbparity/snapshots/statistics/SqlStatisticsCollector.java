package dev.dbparity.snapshots.statistics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code SqlStatisticsCollector} is what both engine families share: which tables and columns to read, the SQL of the
 * {@code full} and {@code sample} scans (which differ only in quoting, casts and how rows are sampled), the masking of
 * sensitive values, and the children-per-parent ratios. Each engine adds its sampling and its catalog statistics.
 *
 * <p>A scan reads each table in one aggregate pass (row count, non-null counts, extremes, moments, lengths), then
 * once per column that groups: distinct count, top values and, for numbers and times, the equi-depth histogram, from
 * one {@code GROUP BY} with window aggregates over the groups (where the engine does that well; else the histogram
 * takes an {@code ntile} query of its own).
 *
 * <p>Personal data is found by name and by content ({@link SensitiveColumns}): before the scans, the first
 * {@value SensitiveColumns#SAMPLE_ROWS} rows of each table in key order (an index range, not a scan) are checked by
 * {@link PersonalData}, so that the columns found hide their values from the start; after each table is read, the
 * values the capture itself read (top values, extremes, histogram bounds: all a catalog capture or a table without a
 * key offers) are checked again, and a column found then is masked before anything is written. Sensitive columns and
 * the public development key are refused together ({@link SensitiveColumns#requireKey}) as soon as they are known.
 */
abstract class SqlStatisticsCollector implements StatisticsCollector {

	/**
	 * A column to read: its name, type, what its type allows, whether its values are personal data (and what its
	 * content was recognised as, if that is why), whether it is part of a primary or foreign key (whose values say how
	 * many rows were inserted, not what the data looks like), and whether it is unique on its own (a one-column primary
	 * key or unique constraint).
	 */
	record Column(String name, String type, ColumnKind kind, boolean sensitive, boolean key, boolean unique,
			Optional<PersonalData> detected) {

		Column asDetected(PersonalData data) {
			return new Column(name, type, kind, true, key, unique, Optional.of(data));
		}

		/** Whether the content rules look at this column: texts, and numbers (card numbers stored as numbers). */
		boolean screened() {
			return !sensitive && (kind == ColumnKind.TEXT || kind == ColumnKind.NUMBER);
		}
	}

	/** A table to read, with its schema key ({@code default} for MariaDB's current database). */
	record Target(String schema, String table, List<Column> columns, List<String> primaryKey) {
	}

	/** Where a scan's rows come from: a {@code FROM} clause and a sampling condition, or {@code ""}. */
	record Source(String from, String filter) {

		String where(String condition) {
			if (filter.isEmpty()) {
				return condition.isEmpty() ? "" : " WHERE " + condition;
			}
			return " WHERE " + filter + (condition.isEmpty() ? "" : " AND " + condition);
		}
	}

	@FunctionalInterface
	interface SqlWork {
		void run() throws SQLException;
	}

	@Override
	public final StatisticsSnapshot collect(Connection connection, SchemaSnapshot schema, StatisticsOptions options)
			throws SQLException {
		SensitiveColumns.checkNames(options, columnNames(schema));
		List<Target> named = targets(schema, options);
		SensitiveColumns.requireKey(options, sensitive(named));
		ObjectNode root = CanonicalJson.object();
		root.put("format", StatisticsSnapshot.FORMAT);
		root.putObject("engine").put("name", schema.engine());
		ObjectNode capture = root.putObject("capture");
		capture.put("mode", options.mode().id());
		capture.put("topK", options.topK());
		capture.put("histogramBuckets", options.histogramBuckets());
		if (options.mode() == CaptureMode.SAMPLE) {
			capture.set("sampleFraction", Numbers.round(options.sampleFraction()));
			capture.put("seed", options.seed());
		}
		if (options.mode() == CaptureMode.CATALOG && options.analyze()) {
			for (Target target : named) {
				analyze(connection, target);
			}
		}
		ObjectNode schemas = root.putObject("schemas");
		byte[] key = SensitiveColumns.key(options);
		inReadOnlySnapshot(connection, () -> {
			List<Target> targets = new ArrayList<>();
			Map<String, Map<String, Set<String>>> samples = new HashMap<>();
			for (Target target : named) {
				// A catalog capture reads no rows: its content check has the catalog's values only.
				Map<String, Set<String>> sample = options.mode() == CaptureMode.CATALOG ? Map.of()
						: sample(connection, target);
				samples.put(target.schema() + "." + target.table(), sample);
				targets.add(detected(target, sample));
			}
			List<String> sensitive = sensitive(targets);
			SensitiveColumns.requireKey(options, sensitive);
			for (Target target : targets) {
				ObjectNode table = schemas.withObjectProperty(target.schema()).withObjectProperty("tables")
					.withObjectProperty(target.table());
				table.putObject("columns");
				if (options.mode() == CaptureMode.CATALOG) {
					catalog(connection, target, table, options);
				}
				else {
					scan(connection, target, table, options);
				}
				sensitive.addAll(maskDetected(target, (ObjectNode) table.get("columns"),
						samples.get(target.schema() + "." + target.table()), key));
			}
			SensitiveColumns.requireKey(options, sensitive);
		});
		childrenPerParent(schema.tree(), schemas);
		return new StatisticsSnapshot(root);
	}

	/** Runs {@code work} in one read-only transaction with times printed in UTC, and puts the session back. */
	abstract void inReadOnlySnapshot(Connection connection, SqlWork work) throws SQLException;

	abstract String quote(String identifier);

	abstract String qualified(Target target);

	/** The rows a scan reads: all of them, or the sample {@code options} asks for. */
	abstract Source source(Connection connection, Target target, StatisticsOptions options) throws SQLException;

	/** {@code expression} as text, for values that are not numbers. */
	abstract String text(String expression);

	/** The mean and population standard deviation of a number column, as two select expressions. */
	abstract String moments(String expression);

	/** The length in characters of a text value. */
	abstract String length(String expression);

	/**
	 * Whether histograms come from the same {@code GROUP BY} as the top values (one scan per column, exact fractions),
	 * or from a separate {@code ntile} query (for engines that evaluate a common table expression once per reference).
	 */
	abstract boolean histogramFromGroups();

	/** Refreshes the engine's statistics of {@code target} ({@code ANALYZE}). */
	abstract void analyze(Connection connection, Target target) throws SQLException;

	/** Fills {@code table} from the engine's statistics, reading no rows. */
	abstract void catalog(Connection connection, Target target, ObjectNode table, StatisticsOptions options)
			throws SQLException;

	/** Every column of {@code schema} as {@code schema.table.column}, for checking the names users give. */
	private static List<String> columnNames(SchemaSnapshot schema) {
		List<String> names = new ArrayList<>();
		schema.tree().path("schemas").properties().forEach(schemaEntry -> schemaEntry.getValue().path("tables")
			.properties().forEach(table -> table.getValue().path("columns").fieldNames()
				.forEachRemaining(column -> names.add(schemaEntry.getKey() + "." + table.getKey() + "." + column))));
		return names;
	}

	/** The sensitive columns of {@code targets} as {@code schema.table.column (why)}, for the refusal message. */
	private static List<String> sensitive(List<Target> targets) {
		List<String> names = new ArrayList<>();
		for (Target target : targets) {
			for (Column column : target.columns()) {
				if (column.sensitive()) {
					names.add(target.schema() + "." + target.table() + "." + column.name() + column.detected()
						.map(data -> " (" + data.description() + " in its values)").orElse(" (by name)"));
				}
			}
		}
		return names;
	}

	/**
	 * The distinct values of the screened columns in the first {@value SensitiveColumns#SAMPLE_ROWS} rows of
	 * {@code target} in the order of its primary key (or of a unique column): deterministic, and cheap even on big
	 * tables, as the key's index gives the rows in order. A table without such a key is not sampled (its rows have no
	 * repeatable order short of sorting them all); the values its scan reads are checked instead.
	 */
	private Map<String, Set<String>> sample(Connection connection, Target target) throws SQLException {
		List<Column> screened = target.columns().stream().filter(Column::screened).toList();
		List<String> order = !target.primaryKey().isEmpty() ? target.primaryKey()
				: target.columns().stream().filter(Column::unique).map(Column::name).limit(1).toList();
		if (screened.isEmpty() || order.isEmpty()) {
			return Map.of();
		}
		String sql = "SELECT " + screened.stream().map(column -> text(quote(column.name())))
			.collect(Collectors.joining(", ")) + " FROM " + qualified(target) + " ORDER BY " + columnList(order)
				+ " LIMIT " + SensitiveColumns.SAMPLE_ROWS;
		Map<String, Set<String>> values = new HashMap<>();
		screened.forEach(column -> values.put(column.name(), new TreeSet<>()));
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet row = statement.executeQuery()) {
			while (row.next()) {
				for (int i = 0; i < screened.size(); i++) {
					String value = row.getString(i + 1);
					if (value != null) {
						values.get(screened.get(i).name()).add(value);
					}
				}
			}
		}
		return values;
	}

	/** {@code target} with the columns whose sampled values are personal data marked sensitive. */
	private static Target detected(Target target, Map<String, Set<String>> sample) {
		List<Column> columns = new ArrayList<>();
		for (Column column : target.columns()) {
			Optional<PersonalData> data = column.screened() && sample.containsKey(column.name())
					? PersonalData.of(sample.get(column.name())) : Optional.empty();
			columns.add(data.map(column::asDetected).orElse(column));
		}
		return new Target(target.schema(), target.table(), columns, target.primaryKey());
	}

	/**
	 * Masks the columns of {@code target} still screened whose sample and captured values (top values, extremes,
	 * histogram bounds) are personal data, before anything is written; returns them for {@link #sensitive}'s list.
	 */
	private static List<String> maskDetected(Target target, ObjectNode columns, Map<String, Set<String>> sample,
			byte[] key) {
		List<String> masked = new ArrayList<>();
		for (Column column : target.columns()) {
			ObjectNode node = (ObjectNode) columns.get(column.name());
			if (!column.screened() || node == null) {
				continue;
			}
			Set<String> values = new TreeSet<>(sample.getOrDefault(column.name(), Set.of()));
			node.path("top").forEach(entry -> {
				if (entry.has("value") && !entry.path("value").isNull()) {
					values.add(key(entry));
				}
			});
			for (JsonNode value : List.of(node.path("min"), node.path("max"))) {
				if (value.isValueNode() && !value.isNull()) {
					values.add(value.asText());
				}
			}
			node.path("histogram").path("bounds").forEach(bound -> values.add(bound.asText()));
			PersonalData.of(values).ifPresent(data -> {
				SensitiveColumns.mask(node, data, key);
				masked.add(target.schema() + "." + target.table() + "." + column.name() + " (" + data.description()
						+ " in its values)");
			});
		}
		return masked;
	}

	private static List<Target> targets(SchemaSnapshot schema, StatisticsOptions options) {
		List<Target> targets = new ArrayList<>();
		schema.tree().path("schemas").properties().forEach(schemaEntry -> schemaEntry.getValue().path("tables")
			.properties().forEach(tableEntry -> {
				JsonNode table = tableEntry.getValue();
				if (table.has("partitionOf") || table.path("kind").asText().equals("foreign table")) {
					return;
				}
				List<String> primaryKey = new ArrayList<>();
				table.path("primaryKey").path("columns").forEach(name -> primaryKey.add(name.asText()));
				Set<String> keys = new HashSet<>(primaryKey);
				Set<String> unique = new HashSet<>();
				if (primaryKey.size() == 1) {
					unique.add(primaryKey.get(0));
				}
				table.path("uniqueConstraints").forEach(constraint -> {
					if (constraint.path("columns").size() == 1) {
						unique.add(constraint.path("columns").path(0).asText());
					}
				});
				table.path("foreignKeys").forEach(foreignKey -> foreignKey.path("columns")
					.forEach(name -> keys.add(name.asText())));
				List<Column> columns = new ArrayList<>();
				table.path("columns").properties().forEach(column -> {
					String type = column.getValue().path("type").asText();
					columns.add(new Column(column.getKey(), type, ColumnKind.of(type), SensitiveColumns
						.isSensitive(schemaEntry.getKey(), tableEntry.getKey(), column.getKey(), options),
							keys.contains(column.getKey()), unique.contains(column.getKey()), Optional.empty()));
				});
				targets.add(new Target(schemaEntry.getKey(), tableEntry.getKey(), columns, primaryKey));
			}));
		return targets;
	}

	private void scan(Connection connection, Target target, ObjectNode table, StatisticsOptions options)
			throws SQLException {
		Source source = source(connection, target, options);
		StringBuilder sql = new StringBuilder("SELECT count(*)");
		for (Column column : target.columns()) {
			String c = quote(column.name());
			sql.append(", count(").append(c).append(')');
			if (column.kind().hasOrder() && !column.sensitive()) {
				String min = "min(" + c + ")";
				String max = "max(" + c + ")";
				sql.append(", ").append(column.kind() == ColumnKind.NUMBER ? min : text(min)).append(", ")
					.append(column.kind() == ColumnKind.NUMBER ? max : text(max));
			}
			if (column.kind() == ColumnKind.NUMBER) {
				sql.append(", ").append(moments(c));
			}
			if (column.kind() == ColumnKind.TEXT) {
				String length = length(c);
				sql.append(", min(").append(length).append("), avg(").append(length).append("), max(").append(length)
					.append(')');
			}
		}
		sql.append(" FROM ").append(source.from()).append(source.where(""));
		long sampled;
		Map<String, Long> nonNull = new HashMap<>();
		ObjectNode columns = (ObjectNode) table.get("columns");
		try (PreparedStatement statement = connection.prepareStatement(sql.toString());
				ResultSet row = statement.executeQuery()) {
			row.next();
			sampled = row.getLong(1);
			int index = 2;
			for (Column column : target.columns()) {
				ObjectNode node = describe(columns, column);
				long count = row.getLong(index++);
				nonNull.put(column.name(), count);
				node.set("nullFraction", Numbers.round(sampled == 0 ? 0 : 1 - (double) count / sampled));
				if (column.kind().hasOrder() && !column.sensitive()) {
					putValue(node, "min", value(row, index++, column.kind()));
					putValue(node, "max", value(row, index++, column.kind()));
				}
				if (column.kind() == ColumnKind.NUMBER) {
					putRounded(node, "mean", row, index++);
					putRounded(node, "stddev", row, index++);
				}
				if (column.kind() == ColumnKind.TEXT) {
					ObjectNode length = CanonicalJson.object();
					putRounded(length, "min", row, index++);
					putRounded(length, "mean", row, index++);
					putRounded(length, "max", row, index++);
					if (length.size() > 0) {
						node.set("length", length);
					}
				}
			}
		}
		boolean sample = options.mode() == CaptureMode.SAMPLE;
		long rows = sample ? Math.round(sampled / options.sampleFraction()) : sampled;
		table.put("rows", rows);
		if (sample) {
			table.put("sampledRows", sampled);
		}
		for (Column column : target.columns()) {
			ObjectNode node = (ObjectNode) columns.get(column.name());
			long count = nonNull.get(column.name());
			long estimatedTotal = sample ? Math.round(count / options.sampleFraction()) : count;
			if (column.unique() && !(column.kind().hasHistogram() && !column.sensitive())) {
				// Every value of a unique column is its own group of one: nothing to count, no top values worth keeping.
				putDistinct(node, count, count, count, estimatedTotal);
			}
			else if (column.kind().groups()) {
				groups(connection, source, column, node, count, estimatedTotal, options);
			}
		}
	}

	/** A new column node in {@code columns} with what the schema says about the column. */
	static ObjectNode describe(ObjectNode columns, Column column) {
		ObjectNode node = columns.putObject(column.name());
		node.put("type", column.type());
		node.put("kind", column.kind().name().toLowerCase(Locale.ROOT));
		if (column.sensitive()) {
			node.put("sensitive", true);
		}
		column.detected().ifPresent(data -> node.put("detected", data.id()));
		if (column.key()) {
			node.put("key", true);
		}
		return node;
	}

	/**
	 * Distinct count, top values and, for number and time columns, the histogram, all from one {@code GROUP BY}: window
	 * aggregates over the groups count them and their singletons, and a running sum of the group sizes in value order
	 * puts each value in its equi-depth bucket. A value is never split between buckets, so the fractions are exact.
	 */
	private void groups(Connection connection, Source source, Column column, ObjectNode node, long sampled,
			long estimatedTotal, StatisticsOptions options) throws SQLException {
		String c = quote(column.name());
		boolean histogram = column.kind().hasHistogram() && !column.sensitive();
		boolean together = histogram && histogramFromGroups();
		String sql = "";
		if (together) {
			// A unique column needs no GROUP BY (its groups are its rows) and has no top values worth keeping.
			String groups = column.unique() ? "SELECT " + c + " AS v, 1 AS k FROM " + source.from()
					+ source.where(c + " IS NOT NULL")
					: "SELECT " + c + " AS v, count(*) AS k FROM " + source.from() + source.where(c + " IS NOT NULL")
							+ " GROUP BY " + c;
			String topPart = column.unique() ? ""
					: "(SELECT 0 AS part, " + shown("v", column) + " AS a, " + shown("v", column) + " AS b, k, d, f1 "
							+ "FROM w ORDER BY k DESC, v LIMIT " + options.topK() + ") UNION ALL ";
			sql = "WITH g AS (" + groups + "), w AS (SELECT v, k, sum(k) OVER (ORDER BY v "
					+ "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum, sum(k) OVER () AS total, count(*) OVER () "
					+ "AS d, sum(CASE WHEN k = 1 THEN 1 ELSE 0 END) OVER () AS f1 FROM g) " + topPart
					+ "(SELECT 1 AS part, " + shown("min(v)", column)
					+ ", " + shown("max(v)", column) + ", sum(k), ceil(cum * " + options.histogramBuckets()
					+ " / total), 0 FROM w GROUP BY ceil(cum * " + options.histogramBuckets() + " / total))";
		}
		else if (!column.unique()) {
			sql = "SELECT 0, " + shown(c, column) + ", NULL, count(*), count(*) OVER (), "
					+ "sum(CASE WHEN count(*) = 1 THEN 1 ELSE 0 END) OVER () FROM " + source.from()
					+ source.where(c + " IS NOT NULL") + " GROUP BY " + c + " ORDER BY 4 DESC, 2 LIMIT " + options.topK();
		}
		ArrayNode top = CanonicalJson.array();
		Map<Long, JsonNode[]> buckets = new TreeMap<>();
		Map<Long, Long> bucketCounts = new HashMap<>();
		long distinct = 0;
		long singletons = 0;
		byte[] key = SensitiveColumns.key(options);
		// A unique column whose histogram is computed apart has nothing to group.
		if (!sql.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(sql);
					ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					if (row.getInt(1) == 1) {
						long bucket = row.getLong(5);
						buckets.put(bucket, new JsonNode[] { value(row, 2, column.kind()), value(row, 3, column.kind()) });
						bucketCounts.put(bucket, row.getLong(4));
						continue;
					}
					distinct = row.getLong(5);
					singletons = row.getLong(6);
					ObjectNode entry = top.addObject();
					if (column.sensitive()) {
						entry.put("hash", SensitiveColumns.hash(row.getString(2), key));
					}
					else {
						entry.set("value", value(row, 2, column.kind()));
					}
					entry.set("fraction", Numbers.round((double) row.getLong(4) / sampled));
				}
			}
		}
		if (column.unique()) {
			putDistinct(node, sampled, sampled, sampled, estimatedTotal);
		}
		else {
			putDistinct(node, sampled, distinct, singletons, estimatedTotal);
		}
		if (!top.isEmpty()) {
			node.set("top", sortTop(top));
		}
		if (!buckets.isEmpty()) {
			ArrayNode bounds = CanonicalJson.array();
			ArrayNode fractions = CanonicalJson.array();
			for (Map.Entry<Long, JsonNode[]> bucket : buckets.entrySet()) {
				if (bounds.isEmpty()) {
					bounds.add(bucket.getValue()[0]);
				}
				bounds.add(bucket.getValue()[1]);
				fractions.add(Numbers.round((double) bucketCounts.get(bucket.getKey()) / sampled));
			}
			ObjectNode histogramNode = node.putObject("histogram");
			histogramNode.set("bounds", bounds);
			histogramNode.set("fractions", fractions);
		}
		if (histogram && !together && sampled > 0) {
			ntileHistogram(connection, source, column, node, sampled, options);
		}
	}

	/** An equi-depth histogram of the rows themselves, with {@code ntile}: ties may be split between buckets. */
	private void ntileHistogram(Connection connection, Source source, Column column, ObjectNode node, long sampled,
			StatisticsOptions options) throws SQLException {
		String c = quote(column.name());
		String sql = "SELECT b, " + shown("min(v)", column) + ", " + shown("max(v)", column) + ", count(*) FROM (SELECT "
				+ c + " AS v, ntile(" + options.histogramBuckets() + ") OVER (ORDER BY " + c + ") AS b FROM "
				+ source.from() + source.where(c + " IS NOT NULL") + ") h GROUP BY b ORDER BY b";
		ArrayNode bounds = CanonicalJson.array();
		ArrayNode fractions = CanonicalJson.array();
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet row = statement.executeQuery()) {
			while (row.next()) {
				if (bounds.isEmpty()) {
					bounds.add(value(row, 2, column.kind()));
				}
				bounds.add(value(row, 3, column.kind()));
				fractions.add(Numbers.round((double) row.getLong(4) / sampled));
			}
		}
		ObjectNode histogramNode = node.putObject("histogram");
		histogramNode.set("bounds", bounds);
		histogramNode.set("fractions", fractions);
	}

	private static void putDistinct(ObjectNode node, long sampled, long distinct, long singletons, long estimatedTotal) {
		if (sampled == estimatedTotal) {
			node.put("distinct", distinct);
		}
		else {
			node.put("distinct", duj1(sampled, distinct, singletons, estimatedTotal));
			node.put("distinctEstimated", true);
		}
	}

	/** {@code expression} as values are stored: numbers as they are, everything else as text. */
	private String shown(String expression, Column column) {
		return column.kind() == ColumnKind.NUMBER ? expression : text(expression);
	}

	/**
	 * The Haas–Stokes "Duj1" estimate of the distinct values in {@code total} rows from a sample of {@code sampled}
	 * rows with {@code distinct} values, {@code singletons} of them seen once: the estimator PostgreSQL's
	 * {@code ANALYZE} uses, so sample and catalog captures estimate alike.
	 */
	static long duj1(long sampled, long distinct, long singletons, long total) {
		if (sampled == 0 || singletons == 0 || total <= sampled) {
			return distinct;
		}
		double estimate = sampled * (double) distinct
				/ (sampled - singletons + singletons * (double) sampled / total);
		return Math.max(distinct, Math.min(total, Math.round(estimate)));
	}

	/** Top values by fraction, then by value or hash, so that ties are in a stable order. */
	static ArrayNode sortTop(ArrayNode top) {
		List<JsonNode> entries = new ArrayList<>();
		top.forEach(entries::add);
		entries.sort((a, b) -> {
			int byFraction = b.path("fraction").decimalValue().compareTo(a.path("fraction").decimalValue());
			return byFraction != 0 ? byFraction : key(a).compareTo(key(b));
		});
		ArrayNode sorted = CanonicalJson.array();
		entries.forEach(sorted::add);
		return sorted;
	}

	/** The identity of a top value: its hash, or its value with numbers in plain notation. */
	static String key(JsonNode entry) {
		if (entry.has("hash")) {
			return entry.path("hash").asText();
		}
		JsonNode value = entry.path("value");
		return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText();
	}

	/** The value in column {@code index}: a number for number columns, else text; JSON null for SQL NULL. */
	static JsonNode value(ResultSet row, int index, ColumnKind kind) throws SQLException {
		String text = row.getString(index);
		return text == null ? JsonNodeFactory.instance.nullNode() : value(text, kind);
	}

	static JsonNode value(String text, ColumnKind kind) {
		if (kind == ColumnKind.NUMBER) {
			try {
				return Numbers.node(new BigDecimal(text));
			}
			catch (NumberFormatException e) {
				// NaN and infinities of float columns stay text: JSON has no number for them.
				return JsonNodeFactory.instance.textNode(text);
			}
		}
		return JsonNodeFactory.instance.textNode(text);
	}

	private static void putValue(ObjectNode node, String field, JsonNode value) {
		if (!value.isNull()) {
			node.set(field, value);
		}
	}

	private static void putRounded(ObjectNode node, String field, ResultSet row, int index) throws SQLException {
		double value = row.getDouble(index);
		if (!row.wasNull() && Double.isFinite(value)) {
			node.set(field, Numbers.round(value));
		}
	}

	/**
	 * Average children per parent along each foreign key, from the row counts and the null fraction of the key's
	 * first column: the shape of a one-to-many relation, which seeded data must keep at any scale.
	 */
	private static void childrenPerParent(JsonNode schemaTree, ObjectNode schemas) {
		schemaTree.path("schemas").properties().forEach(schemaEntry -> schemaEntry.getValue().path("tables")
			.properties().forEach(tableEntry -> tableEntry.getValue().path("foreignKeys").properties().forEach(key -> {
				JsonNode foreignKey = key.getValue();
				JsonNode references = foreignKey.path("references");
				JsonNode child = schemas.path(schemaEntry.getKey()).path("tables").path(tableEntry.getKey());
				JsonNode parent = schemas.path(references.path("schema").asText()).path("tables")
					.path(references.path("table").asText());
				String first = foreignKey.path("columns").path(0).asText();
				JsonNode nullFraction = child.path("columns").path(first).path("nullFraction");
				if (!child.path("rows").isNumber() || !parent.path("rows").isNumber() || parent.path("rows").asLong() == 0
						|| !nullFraction.isNumber()) {
					return;
				}
				double children = child.path("rows").asDouble() * (1 - nullFraction.asDouble());
				ObjectNode node = ((ObjectNode) child).withObjectProperty("foreignKeys").putObject(key.getKey());
				node.put("references", references.path("schema").asText() + "." + references.path("table").asText());
				node.set("childrenPerParent", Numbers.round(children / parent.path("rows").asDouble()));
			})));
	}

	/** Reduces an equi-depth histogram to {@code buckets} buckets at the bounds nearest to each {@code i/buckets}. */
	static void putResampled(ObjectNode node, List<JsonNode> bounds, List<Double> fractions, int buckets) {
		if (bounds.size() < 2 || fractions.size() != bounds.size() - 1) {
			return;
		}
		double total = fractions.stream().mapToDouble(Double::doubleValue).sum();
		double[] cumulative = new double[bounds.size()];
		for (int i = 1; i < bounds.size(); i++) {
			cumulative[i] = cumulative[i - 1] + fractions.get(i - 1) / total;
		}
		ArrayNode newBounds = CanonicalJson.array();
		ArrayNode newFractions = CanonicalJson.array();
		newBounds.add(bounds.get(0));
		int previous = 0;
		for (int bucket = 1; bucket <= buckets; bucket++) {
			double target = (double) bucket / buckets;
			int index = previous + 1;
			while (index < bounds.size() - 1 && cumulative[index] < target - 1e-9) {
				index++;
			}
			if (bucket == buckets) {
				index = bounds.size() - 1;
			}
			if (index <= previous) {
				continue;
			}
			newBounds.add(bounds.get(index));
			newFractions.add(Numbers.round(cumulative[index] - cumulative[previous]));
			previous = index;
			if (index == bounds.size() - 1) {
				break;
			}
		}
		ObjectNode histogram = node.putObject("histogram");
		histogram.set("bounds", newBounds);
		histogram.set("fractions", newFractions);
	}

	/** Column names joined for SQL, quoted. */
	String columnList(List<String> names) {
		return names.stream().map(this::quote).collect(Collectors.joining(", "));
	}
}
