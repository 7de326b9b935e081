package dev.dbparity.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.statistics.MySqlStatisticsCollector;
import dev.dbparity.snapshots.statistics.PostgresStatisticsCollector;
import dev.dbparity.snapshots.statistics.StatisticsCollector;
import dev.dbparity.snapshots.statistics.StatisticsOptions;

/**
 * {@code StatisticsBench} times statistics captures of a {@value #ROWS}-row, six-column table on embedded PostgreSQL
 * and MariaDB in each mode
 * ({@code full}, {@code sample:10}, {@code catalog}) next to the best hand-written SQL for the same statistics and to
 * {@code ANALYZE}, and prints one line per figure with the ratios the design holds them to: {@code full} at most
 * {@value #FULL_GOAL}× the hand-written SQL, {@code sample} and {@code catalog} at most {@value #CHEAP_GOAL}×
 * {@code full}.
 *
 * <p>The hand-written side is what one would write for these statistics by hand: one aggregate pass for counts,
 * extremes, moments and lengths; one {@code GROUP BY … LIMIT 10} per column for its top values, counting the groups
 * with a window aggregate for the distinct count; and for the histogram bounds one pass with
 * {@code percentile_disc(ARRAY[…])} per number and date column on PostgreSQL, an {@code ntile} query per column on
 * MariaDB (whose {@code percentile_disc} is a window function only). {@code ANALYZE} is {@code ANALYZE TABLE …
 * PERSISTENT FOR ALL} on MariaDB. Each figure is the median of {@value #RUNS} runs after one warm-up,
 * interleaved. Run it with {@code mvn -B -q -pl benchmarks -am compile -Pbench-statistics}.
 */
public final class StatisticsBench {

	private static final String VERSION = "17.6";
	private static final int ROWS = 1_000_000;
	private static final int RUNS = 3;
	private static final double FULL_GOAL = 1.2;
	private static final double CHEAP_GOAL = 0.1;
	private static final String DATABASE = "statistics_bench";
	private static final String[] GROUPED = { "id", "category", "amount", "score", "created", "note" };

	private StatisticsBench() {
	}

	public static void main(String[] args) throws Exception {
		postgres();
		mariaDb();
	}

	private static void postgres() throws Exception {
		EngineSpec spec = new EngineSpec(Engine.POSTGRES, VERSION, Map.of());
		try (RunningEngine engine = new EmbeddedProvider().start(spec)) {
			engine.createDatabase(DATABASE);
			DataSource dataSource = engine.dataSource(DATABASE);
			try (Connection connection = dataSource.getConnection()) {
				long started = System.nanoTime();
				execute(connection, """
						CREATE TABLE measurement (id bigint PRIMARY KEY, category text NOT NULL, amount numeric(12,2),
						                          score double precision NOT NULL, created date NOT NULL, note text);
						INSERT INTO measurement
						SELECT i, 'c' || (i % 10 * i % 7), round((random() * 1000)::numeric, 2),
						       random() * random() * 100, date '2020-01-01' + (i % 1500),
						       CASE WHEN i % 5 = 0 THEN NULL ELSE md5(i::text) END
						FROM generate_series(1, ROWS) i""".replace("ROWS", Integer.toString(ROWS)));
				// VACUUM sets the visibility map, as on a production table that is not being loaded right now.
				execute(connection, "VACUUM ANALYZE measurement");
				print(spec.displayName(), "table", ROWS + " rows x 6 columns, loaded in "
						+ ms(System.nanoTime() - started));
				String deciles = "ARRAY[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]";
				String histograms = "SELECT percentile_disc(" + deciles + ") WITHIN GROUP (ORDER BY id), percentile_disc("
						+ deciles + ") WITHIN GROUP (ORDER BY amount), percentile_disc(" + deciles
						+ ") WITHIN GROUP (ORDER BY score), percentile_disc(" + deciles
						+ ") WITHIN GROUP (ORDER BY created) FROM measurement";
				measure(spec.displayName(), connection, new PostgresStatisticsCollector(),
						() -> handWritten(connection, "::float8", "char_length", List.of(histograms)),
						"ANALYZE measurement");
			}
		}
	}

	private static void mariaDb() throws Exception {
		EngineSpec spec = new EngineSpec(Engine.MARIADB, "10.11", Map.of());
		try (RunningEngine engine = new EmbeddedProvider().start(spec)) {
			engine.createDatabase(DATABASE);
			DataSource dataSource = engine.dataSource(DATABASE);
			try (Connection connection = dataSource.getConnection()) {
				long started = System.nanoTime();
				execute(connection, """
						CREATE TABLE measurement (id bigint PRIMARY KEY, category varchar(10) NOT NULL,
						                          amount decimal(12,2), score double NOT NULL, created date NOT NULL,
						                          note varchar(32))""");
				execute(connection, """
						INSERT INTO measurement
						SELECT seq, CONCAT('c', seq % 10 * seq % 7), ROUND(RAND() * 1000, 2), RAND() * RAND() * 100,
						       DATE '2020-01-01' + INTERVAL (seq % 1500) DAY,
						       CASE WHEN seq % 5 = 0 THEN NULL ELSE MD5(seq) END
						FROM seq_1_to_ROWS""".replace("ROWS", Integer.toString(ROWS)));
				print(spec.displayName(), "table", ROWS + " rows x 6 columns, loaded in "
						+ ms(System.nanoTime() - started));
				// MariaDB's percentile_disc is a window function only: histograms by hand are ntile buckets.
				List<String> histograms = new ArrayList<>();
				for (String column : List.of("id", "amount", "score", "created")) {
					histograms.add("SELECT b, min(v), max(v), count(*) FROM (SELECT " + column + " AS v, ntile(10) OVER "
							+ "(ORDER BY " + column + ") AS b FROM measurement WHERE " + column
							+ " IS NOT NULL) h GROUP BY b");
				}
				measure(spec.displayName(), connection, new MySqlStatisticsCollector(),
						() -> handWritten(connection, " + 0e0", "CHAR_LENGTH", histograms),
						"ANALYZE TABLE measurement PERSISTENT FOR ALL");
			}
		}
	}

	private static void measure(String label, Connection connection, StatisticsCollector collector, Step handWritten,
			String analyzeSql) throws SQLException {
		SchemaSnapshot schema = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
		execute(connection, analyzeSql);
		Step full = () -> collector.collect(connection, schema, StatisticsOptions.full());
		Step sample = () -> collector.collect(connection, schema, StatisticsOptions.sample(0.1));
		Step catalog = () -> collector.collect(connection, schema, StatisticsOptions.catalog());
		Step analyze = () -> execute(connection, analyzeSql);
		Step[] steps = { full, sample, catalog, handWritten, analyze };
		String[] names = { "full", "sample:10", "catalog", "hand-written SQL", "ANALYZE" };
		long[][] times = new long[steps.length][RUNS];
		for (Step step : steps) {
			step.run();
		}
		for (int run = 0; run < RUNS; run++) {
			for (int i = 0; i < steps.length; i++) {
				long stepStarted = System.nanoTime();
				steps[i].run();
				times[i][run] = System.nanoTime() - stepStarted;
			}
		}
		long[] medians = new long[steps.length];
		for (int i = 0; i < steps.length; i++) {
			medians[i] = median(times[i]);
			print(label, names[i] + ", median of " + RUNS, ms(medians[i]));
		}
		ratio(label, "full / hand-written", medians[0], medians[3], FULL_GOAL);
		ratio(label, "sample:10 / full", medians[1], medians[0], CHEAP_GOAL);
		ratio(label, "catalog / full", medians[2], medians[0], CHEAP_GOAL);
		ratio(label, "full / ANALYZE", medians[0], medians[4], Double.NaN);
	}

	@FunctionalInterface
	private interface Step {
		void run() throws SQLException;
	}

	/** The statistics by hand: {@code toDouble} casts for the moments, {@code length} the engine's function. */
	private static void handWritten(Connection connection, String toDouble, String length, List<String> histograms)
			throws SQLException {
		query(connection, """
				SELECT count(*),
				       count(id), min(id), max(id), avg(id D), stddev_pop(id D),
				       count(category), min(category), max(category), min(L(category)),
				       avg(L(category)), max(L(category)),
				       count(amount), min(amount), max(amount), avg(amount D), stddev_pop(amount D),
				       count(score), min(score), max(score), avg(score), stddev_pop(score),
				       count(created), min(created), max(created),
				       count(note), min(note), max(note), min(L(note)), avg(L(note)), max(L(note))
				FROM measurement""".replace(" D)", toDouble + ")").replace("L(", length + "("));
		for (String column : GROUPED) {
			query(connection, "SELECT " + column + ", count(*), count(*) OVER () FROM measurement WHERE " + column
					+ " IS NOT NULL GROUP BY " + column + " ORDER BY 2 DESC, 1 LIMIT 10");
		}
		for (String histogram : histograms) {
			query(connection, histogram);
		}
	}

	private static void query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				rows.getObject(1);
			}
		}
	}

	private static void ratio(String label, String figure, long a, long b, double goal) {
		double ratio = (double) a / b;
		String verdict = Double.isNaN(goal) ? ""
				: String.format(Locale.ROOT, " (goal <= %.1fx: %s)", goal, ratio <= goal ? "met" : "MISSED");
		print(label, figure, String.format(Locale.ROOT, "%.2fx", ratio) + verdict);
	}

	private static long median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%d ms", nanos / 1_000_000);
	}

	private static void print(String label, String figure, String value) {
		System.out.printf(Locale.ROOT, "%-14s %-32s %s%n", label, figure, value);
	}
}
