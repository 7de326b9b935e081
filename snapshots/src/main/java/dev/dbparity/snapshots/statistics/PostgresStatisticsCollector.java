package dev.dbparity.snapshots.statistics;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code PostgresStatisticsCollector} captures statistics of PostgreSQL databases.
 *
 * <p>{@code sample} reads {@code TABLESAMPLE SYSTEM (p) REPEATABLE (seed)} (whole pages, the cheap way) from tables of
 * at least {@value #SYSTEM_SAMPLE_PAGES} pages, and {@code BERNOULLI} (row by row) from smaller ones, where a handful
 * of pages would make a lumpy sample. {@code catalog} reads {@code pg_class.reltuples} and {@code pg_stats}
 * ({@code ANALYZE} first when asked): null fraction, {@code n_distinct}, most common values and the histogram bounds,
 * which PostgreSQL builds over the values that are not among the most common ones.
 *
 * @since 0.1
 */
public final class PostgresStatisticsCollector extends SqlStatisticsCollector {

	/** Tables from this many pages on are sampled by page rather than by row. */
	static final int SYSTEM_SAMPLE_PAGES = 1_000;

	public PostgresStatisticsCollector() {
	}

	@Override
	void inReadOnlySnapshot(Connection connection, SqlWork work) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		boolean readOnly = connection.isReadOnly();
		int isolation = connection.getTransactionIsolation();
		if (autoCommit) {
			connection.setReadOnly(true);
			connection.setAutoCommit(false);
			// One snapshot for all queries, so that rows written meanwhile cannot make tables disagree.
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		}
		String timeZone = null;
		try {
			try (Statement statement = connection.createStatement()) {
				if (!autoCommit) {
					// In the caller's transaction: put its time zone back afterwards, as SET LOCAL lasts until it ends.
					try (ResultSet row = statement.executeQuery("SELECT current_setting('TimeZone')")) {
						row.next();
						timeZone = row.getString(1);
					}
				}
				// Times print in the session's zone: UTC makes the same data give the same bytes everywhere.
				statement.execute("SET LOCAL TimeZone = 'UTC'");
			}
			work.run();
			if (timeZone != null) {
				try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('TimeZone', ?, true)")) {
					statement.setString(1, timeZone);
					statement.execute();
				}
			}
		}
		finally {
			if (autoCommit) {
				connection.rollback();
				connection.setTransactionIsolation(isolation);
				connection.setAutoCommit(true);
				connection.setReadOnly(readOnly);
			}
		}
	}

	@Override
	boolean histogramFromGroups() {
		return true;
	}

	@Override
	String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	@Override
	String qualified(Target target) {
		return quote(target.schema()) + "." + quote(target.table());
	}

	@Override
	Source source(Connection connection, Target target, StatisticsOptions options) throws SQLException {
		if (options.mode() != CaptureMode.SAMPLE) {
			return new Source(qualified(target), "");
		}
		long pages;
		try (PreparedStatement statement = connection.prepareStatement("SELECT relpages FROM pg_class WHERE oid = "
				+ "to_regclass(?)")) {
			statement.setString(1, qualified(target));
			try (ResultSet row = statement.executeQuery()) {
				pages = row.next() ? row.getLong(1) : 0;
			}
		}
		String method = pages >= SYSTEM_SAMPLE_PAGES ? "SYSTEM" : "BERNOULLI";
		return new Source(qualified(target) + " TABLESAMPLE " + method + " ("
				+ Numbers.round(options.sampleFraction() * 100).decimalValue().toPlainString() + ") REPEATABLE (" + options.seed() + ")",
				"");
	}

	@Override
	String text(String expression) {
		return "(" + expression + ")::text";
	}

	@Override
	String moments(String expression) {
		// float8 arithmetic: numeric's exact avg is several times slower, and the result is rounded anyway.
		return "avg(" + expression + "::float8), stddev_pop(" + expression + "::float8)";
	}

	@Override
	String length(String expression) {
		return "char_length(" + expression + ")";
	}

	@Override
	void analyze(Connection connection, Target target) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ANALYZE " + qualified(target));
		}
	}

	@Override
	void catalog(Connection connection, Target target, ObjectNode table, StatisticsOptions options)
			throws SQLException {
		double rows = -1;
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
			statement.setString(1, qualified(target));
			try (ResultSet row = statement.executeQuery()) {
				if (row.next()) {
					rows = row.getDouble(1);
				}
			}
		}
		// reltuples is -1 for a table never analyzed (PostgreSQL 14+), and 0 before 14: neither is a count.
		if (rows >= 0) {
			table.put("rows", Math.round(rows));
		}
		ObjectNode columns = (ObjectNode) table.get("columns");
		for (Column column : target.columns()) {
			describe(columns, column);
		}
		// DISTINCT ON prefers the statistics of a partitioned table's whole tree (inherited = true).
		String sql = """
				SELECT DISTINCT ON (attname) attname, null_frac, n_distinct, most_common_vals::text::text[],
				       most_common_freqs, histogram_bounds::text::text[]
				FROM pg_stats WHERE schemaname = ? AND tablename = ? ORDER BY attname, inherited DESC""";
		byte[] key = SensitiveColumns.key(options);
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, target.schema());
			statement.setString(2, target.table());
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					String name = row.getString(1);
					Column column = target.columns().stream().filter(c -> c.name().equals(name)).findFirst()
						.orElse(null);
					if (column == null) {
						continue;
					}
					catalogColumn(row, column, (ObjectNode) columns.get(column.name()), rows, key, options);
				}
			}
		}
	}

	private static void catalogColumn(ResultSet row, Column column, ObjectNode node, double rows, byte[] key,
			StatisticsOptions options) throws SQLException {
		double nullFraction = row.getDouble(2);
		node.set("nullFraction", Numbers.round(nullFraction));
		double nDistinct = row.getDouble(3);
		// n_distinct < 0 is minus the ratio of distinct values to rows: the count grows with the table.
		double distinct = nDistinct >= 0 ? nDistinct : -nDistinct * Math.max(rows, 0);
		node.put("distinct", Math.round(distinct));
		node.put("distinctEstimated", true);
		List<String> common = strings(row.getArray(4)).stream().map(value -> booleanText(column, value)).toList();
		List<Double> frequencies = doubles(row.getArray(5));
		List<String> bounds = strings(row.getArray(6));
		double nonNull = 1 - nullFraction;
		if (!common.isEmpty() && column.kind().groups() && nonNull > 0) {
			ArrayNode top = CanonicalJson.array();
			for (int i = 0; i < Math.min(common.size(), options.topK()); i++) {
				ObjectNode entry = top.addObject();
				if (column.sensitive()) {
					entry.put("hash", SensitiveColumns.hash(common.get(i), key));
				}
				else {
					entry.set("value", value(common.get(i), column.kind()));
				}
				entry.set("fraction", Numbers.round(frequencies.get(i) / nonNull));
			}
			node.set("top", sortTop(top));
		}
		if (column.sensitive() || !column.kind().hasOrder()) {
			return;
		}
		// The extremes: the histogram's ends, or a most common value beyond them (histograms leave those out).
		List<String> candidates = new ArrayList<>(common);
		if (!bounds.isEmpty()) {
			candidates.add(bounds.get(0));
			candidates.add(bounds.get(bounds.size() - 1));
		}
		if (column.kind().hasHistogram() && !candidates.isEmpty()) {
			String min = candidates.get(0);
			String max = candidates.get(0);
			for (String candidate : candidates) {
				double value = Numbers.numeric(candidate).orElse(Double.NaN);
				if (value < Numbers.numeric(min).orElse(Double.NaN)) {
					min = candidate;
				}
				if (value > Numbers.numeric(max).orElse(Double.NaN)) {
					max = candidate;
				}
			}
			node.set("min", value(min, column.kind()));
			node.set("max", value(max, column.kind()));
		}
		if (column.kind().hasHistogram() && bounds.size() >= 2) {
			List<JsonNode> values = new ArrayList<>();
			bounds.forEach(bound -> values.add(value(bound, column.kind())));
			List<Double> fractions = new ArrayList<>();
			for (int i = 1; i < bounds.size(); i++) {
				fractions.add(1.0);
			}
			putResampled(node, values, fractions, options.histogramBuckets());
		}
	}

	/** A boolean as {@code boolean::text} prints it ({@code true}), not as arrays print it ({@code t}). */
	private static String booleanText(Column column, String value) {
		if (!column.type().equals("boolean")) {
			return value;
		}
		return value.equals("t") ? "true" : value.equals("f") ? "false" : value;
	}

	private static List<String> strings(Array array) throws SQLException {
		List<String> values = new ArrayList<>();
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				values.add(String.valueOf(value));
			}
		}
		return values;
	}

	private static List<Double> doubles(Array array) throws SQLException {
		List<Double> values = new ArrayList<>();
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				values.add(((Number) value).doubleValue());
			}
		}
		return values;
	}
}
