package dev.dbparity.snapshots.statistics;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code MySqlStatisticsCollector} captures statistics of MariaDB 10.11+ and MySQL 8 databases; the connection's
 * current database is the schema {@code default}, as in {@code schema.json}.
 *
 * <p>{@code sample} keeps the rows whose {@code CRC32(CONCAT_WS('|', seed, primary key))} falls below
 * {@code p · 2³²} (all columns for a table without primary key): like {@code RAND(seed) < p}, a repeatable row
 * sample of fraction p, but one that depends only on each row's key, not on the order in which a plan evaluates
 * {@code RAND}, so that every query of a capture sees the same rows. {@code catalog} reads MariaDB's engine-independent
 * statistics ({@code mysql.table_stats}, {@code mysql.column_stats} with {@code JSON_HB} histograms; {@code ANALYZE
 * TABLE … PERSISTENT FOR ALL} first when asked), or MySQL's {@code information_schema.TABLES.TABLE_ROWS} and
 * {@code COLUMN_STATISTICS} histograms ({@code ANALYZE TABLE … UPDATE HISTOGRAM} first when asked). Neither engine
 * keeps most-common-value lists beside its histograms, so catalog captures have top values only where MySQL keeps a
 * singleton histogram.
 *
 * @since 0.1
 */
public final class MySqlStatisticsCollector extends SqlStatisticsCollector {

	private static final String DEFAULT_SCHEMA = "default";

	public MySqlStatisticsCollector() {
	}

	@Override
	void inReadOnlySnapshot(Connection connection, SqlWork work) throws SQLException {
		String timeZone;
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT @@session.time_zone")) {
			row.next();
			timeZone = row.getString(1);
		}
		boolean autoCommit = connection.getAutoCommit();
		boolean readOnly = connection.isReadOnly();
		try (Statement statement = connection.createStatement()) {
			// Times print in the session's zone: UTC makes the same data give the same bytes everywhere.
			statement.execute("SET time_zone = '+00:00'");
		}
		try {
			if (autoCommit) {
				connection.setReadOnly(true);
				connection.setAutoCommit(false);
			}
			try {
				work.run();
			}
			finally {
				if (autoCommit) {
					connection.rollback();
					connection.setAutoCommit(true);
					connection.setReadOnly(readOnly);
				}
			}
		}
		finally {
			try (PreparedStatement statement = connection.prepareStatement("SET time_zone = ?")) {
				statement.setString(1, timeZone);
				statement.execute();
			}
		}
	}

	@Override
	boolean histogramFromGroups() {
		// MariaDB evaluates a common table expression once per reference: the shared GROUP BY measured 1.6 times
		// slower than a GROUP BY and an ntile query of its own on a million rows.
		return false;
	}

	@Override
	String quote(String identifier) {
		return '`' + identifier.replace("`", "``") + '`';
	}

	@Override
	String qualified(Target target) {
		return target.schema().equals(DEFAULT_SCHEMA) ? quote(target.table())
				: quote(target.schema()) + "." + quote(target.table());
	}

	@Override
	Source source(Connection connection, Target target, StatisticsOptions options) {
		if (options.mode() != CaptureMode.SAMPLE) {
			return new Source(qualified(target), "");
		}
		List<String> key = target.primaryKey().isEmpty()
				? target.columns().stream().map(Column::name).toList() : target.primaryKey();
		long threshold = (long) Math.floor(options.sampleFraction() * 4_294_967_296.0);
		return new Source(qualified(target), "CRC32(CONCAT_WS('|', " + options.seed() + ", " + columnList(key) + ")) < "
				+ threshold);
	}

	@Override
	String text(String expression) {
		return "CAST(" + expression + " AS CHAR)";
	}

	@Override
	String moments(String expression) {
		// + 0e0 makes the arithmetic double: on integers and decimals the engines round both to four decimals.
		return "avg(" + expression + " + 0e0), stddev_pop(" + expression + " + 0e0)";
	}

	@Override
	String length(String expression) {
		return "CHAR_LENGTH(" + expression + ")";
	}

	@Override
	void analyze(Connection connection, Target target) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (isMariaDb(connection)) {
				// JSON_HB (10.8+) keeps real bounds; the older binary histograms only fractions of the range.
				statement.execute("SET SESSION histogram_type = 'JSON_HB'");
				statement.execute("ANALYZE TABLE " + qualified(target) + " PERSISTENT FOR ALL");
			}
			else {
				List<String> columns = target.columns().stream().filter(column -> column.kind().groups())
					.map(Column::name).toList();
				statement.execute("ANALYZE TABLE " + qualified(target));
				if (!columns.isEmpty()) {
					statement.execute("ANALYZE TABLE " + qualified(target) + " UPDATE HISTOGRAM ON "
							+ columnList(columns) + " WITH 100 BUCKETS");
				}
			}
		}
	}

	@Override
	void catalog(Connection connection, Target target, ObjectNode table, StatisticsOptions options)
			throws SQLException {
		ObjectNode columns = (ObjectNode) table.get("columns");
		for (Column column : target.columns()) {
			describe(columns, column);
		}
		if (isMariaDb(connection)) {
			mariaDbCatalog(connection, target, table, columns, options);
		}
		else {
			mySqlCatalog(connection, target, table, columns, options);
		}
	}

	private void mariaDbCatalog(Connection connection, Target target, ObjectNode table, ObjectNode columns,
			StatisticsOptions options) throws SQLException {
		String database = target.schema().equals(DEFAULT_SCHEMA) ? "DATABASE()" : "?";
		double rows = -1;
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT cardinality FROM mysql.table_stats WHERE db_name = " + database + " AND table_name = ?")) {
			int index = bindSchema(statement, target);
			statement.setString(index, target.table());
			try (ResultSet row = statement.executeQuery()) {
				if (row.next() && row.getObject(1) != null) {
					rows = row.getDouble(1);
					table.put("rows", Math.round(rows));
				}
			}
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT column_name, min_value, max_value, "
				+ "nulls_ratio, avg_frequency, hist_type, CAST(histogram AS CHAR) FROM mysql.column_stats "
				+ "WHERE db_name = " + database + " AND table_name = ?")) {
			int index = bindSchema(statement, target);
			statement.setString(index, target.table());
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					String name = row.getString(1);
					Column column = target.columns().stream().filter(c -> c.name().equals(name)).findFirst()
						.orElse(null);
					if (column == null) {
						continue;
					}
					ObjectNode node = (ObjectNode) columns.get(name);
					double nullFraction = row.getDouble(4);
					node.set("nullFraction", Numbers.round(nullFraction));
					double frequency = row.getDouble(5);
					if (rows >= 0 && frequency > 0) {
						node.put("distinct", Math.round(rows * (1 - nullFraction) / frequency));
						node.put("distinctEstimated", true);
					}
					if (column.sensitive() || !column.kind().hasOrder()) {
						continue;
					}
					if (row.getString(2) != null) {
						node.set("min", value(row.getString(2), column.kind()));
						node.set("max", value(row.getString(3), column.kind()));
					}
					if (column.kind().hasHistogram() && "JSON_HB".equals(row.getString(6)) && row.getString(7) != null) {
						jsonHistogram(node, column, row.getString(7), options.histogramBuckets());
					}
				}
			}
		}
	}

	/** A MariaDB {@code JSON_HB} histogram: buckets with a start, a size (fraction of rows) and, last, an end. */
	private static void jsonHistogram(ObjectNode node, Column column, String json, int histogramBuckets) {
		JsonNode buckets = CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8),
				"mysql.column_stats.histogram").path("histogram_hb");
		List<JsonNode> bounds = new ArrayList<>();
		List<Double> fractions = new ArrayList<>();
		for (JsonNode bucket : buckets) {
			bounds.add(value(bucket.path("start").asText(), column.kind()));
			fractions.add(bucket.path("size").asDouble());
			if (bucket.has("end")) {
				bounds.add(value(bucket.path("end").asText(), column.kind()));
			}
		}
		putResampled(node, bounds, fractions, histogramBuckets);
	}

	private void mySqlCatalog(Connection connection, Target target, ObjectNode table, ObjectNode columns,
			StatisticsOptions options) throws SQLException {
		String database = target.schema().equals(DEFAULT_SCHEMA) ? "DATABASE()" : "?";
		try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_ROWS FROM information_schema.TABLES "
				+ "WHERE TABLE_SCHEMA = " + database + " AND TABLE_NAME = ?")) {
			int index = bindSchema(statement, target);
			statement.setString(index, target.table());
			try (ResultSet row = statement.executeQuery()) {
				if (row.next() && row.getObject(1) != null) {
					table.put("rows", row.getLong(1));
				}
			}
		}
		byte[] key = SensitiveColumns.key(options);
		try (PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME, CAST(HISTOGRAM AS CHAR) "
				+ "FROM information_schema.COLUMN_STATISTICS WHERE SCHEMA_NAME = " + database + " AND TABLE_NAME = ?")) {
			int index = bindSchema(statement, target);
			statement.setString(index, target.table());
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					String name = row.getString(1);
					Column column = target.columns().stream().filter(c -> c.name().equals(name)).findFirst()
						.orElse(null);
					if (column != null) {
						mySqlHistogram((ObjectNode) columns.get(name), column, CanonicalJson.read(row.getString(2)
							.getBytes(StandardCharsets.UTF_8), "COLUMN_STATISTICS"), key, options);
					}
				}
			}
		}
	}

	/**
	 * A MySQL 8 histogram: {@code singleton} buckets are {@code [value, cumulative frequency]} (every distinct value:
	 * top values and an exact distinct count), {@code equi-height} ones {@code [lower, upper, cumulative, distinct]}.
	 */
	private static void mySqlHistogram(ObjectNode node, Column column, JsonNode histogram, byte[] key,
			StatisticsOptions options) {
		double nullFraction = histogram.path("null-values").asDouble();
		node.set("nullFraction", Numbers.round(nullFraction));
		JsonNode buckets = histogram.path("buckets");
		boolean singleton = histogram.path("histogram-type").asText().equals("singleton");
		List<JsonNode> bounds = new ArrayList<>();
		List<Double> fractions = new ArrayList<>();
		ArrayNode top = CanonicalJson.array();
		double previous = 0;
		long distinct = 0;
		double nonNull = Math.max(1 - nullFraction, 1e-12);
		for (JsonNode bucket : buckets) {
			String lower = bucket.path(0).asText();
			double cumulative = bucket.path(singleton ? 1 : 2).asDouble();
			double fraction = (cumulative - previous) / nonNull;
			previous = cumulative;
			if (singleton) {
				distinct++;
				ObjectNode entry = top.addObject();
				if (column.sensitive()) {
					entry.put("hash", SensitiveColumns.hash(lower, key));
				}
				else {
					entry.set("value", value(lower, column.kind()));
				}
				entry.set("fraction", Numbers.round(fraction));
			}
			else {
				distinct += bucket.path(3).asLong();
				if (bounds.isEmpty()) {
					bounds.add(value(lower, column.kind()));
				}
				bounds.add(value(bucket.path(1).asText(), column.kind()));
				fractions.add(fraction);
			}
		}
		node.put("distinct", distinct);
		node.put("distinctEstimated", !singleton);
		if (!top.isEmpty()) {
			List<JsonNode> entries = new ArrayList<>();
			sortTop(top).forEach(entries::add);
			ArrayNode kept = CanonicalJson.array();
			entries.stream().limit(options.topK()).forEach(kept::add);
			node.set("top", kept);
		}
		if (!column.sensitive() && column.kind().hasHistogram() && !bounds.isEmpty()) {
			node.set("min", bounds.get(0));
			node.set("max", bounds.get(bounds.size() - 1));
			putResampled(node, bounds, fractions, options.histogramBuckets());
		}
	}

	private static int bindSchema(PreparedStatement statement, Target target) throws SQLException {
		if (target.schema().equals(DEFAULT_SCHEMA)) {
			return 1;
		}
		statement.setString(1, target.schema());
		return 2;
	}

	private static boolean isMariaDb(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT VERSION()")) {
			row.next();
			return row.getString(1).toLowerCase(Locale.ROOT).contains("mariadb");
		}
	}
}
