package dev.dbparity.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReader;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.drift.DriftMap;
import dev.dbparity.snapshots.drift.DriftMapHtmlReport;
import dev.dbparity.snapshots.drift.DriftMapJsonReport;
import dev.dbparity.snapshots.drift.DriftMapMarkdownReport;
import dev.dbparity.snapshots.drift.DriftMapTextReport;
import dev.dbparity.snapshots.drift.Environment;
import dev.dbparity.snapshots.statistics.ComparisonMode;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;

/**
 * {@code DriftMapBench} times a drift map of {@value #ENVIRONMENTS} environments of {@value #TABLES} tables each next
 * to capturing the {@value #ENVIRONMENTS} schemas alone, and prints one line per figure; the goal is a map at most
 * {@value #TARGET_RATIO}x the captures.
 *
 * <p>The environments are databases on one embedded PostgreSQL {@value #VERSION}, each table with a primary key, a
 * check, a default, two indexes and, for all but the first {@value #ROOTS}, a foreign key; each environment but the
 * first drifts its own way (indexes added, columns widened, tables dropped, columns added, a setting changed), so the
 * map has rows in several sections. A capture is what {@code dbparity map} does per live environment: a connection, a
 * read-only transaction with a statement timeout, the catalog read, the rollback. The map is the {@value #ENVIRONMENTS}
 * captures, {@link DriftMap#build} (every pair of environments diffed) and all four renderings (the command writes one;
 * all four bound it from above). {@value #RUNS} runs each, interleaved, after {@value #WARMUPS} warm-ups each; the last
 * lines are the medians and their ratio next to the goal.
 *
 * <p>Run it with {@code mvn -o -B -q -pl benchmarks -am compile -Pbench-map}, or with {@code mvn -o -B -X -pl
 * benchmarks -am compile} and {@code java -cp <the -classpath after
 * "[DEBUG] -d …/benchmarks/target/classes"> dev.dbparity.benchmarks.DriftMapBench}.
 */
public final class DriftMapBench {

	private static final String VERSION = "17.6";
	private static final int ENVIRONMENTS = 5;
	private static final int TABLES = 200;
	private static final int ROOTS = 20;
	private static final int RUNS = 7;
	private static final int WARMUPS = 2;
	private static final double TARGET_RATIO = 1.5;
	private static final List<String> NAMES = List.of("prod", "staging", "ci", "dev", "replica");

	private DriftMapBench() {
	}

	public static void main(String[] args) throws Exception {
		EngineSpec spec = new EngineSpec(Engine.POSTGRES, VERSION, Map.of());
		String label = spec.displayName();
		try (RunningEngine engine = new EmbeddedProvider().start(spec)) {
			List<DataSource> dataSources = new ArrayList<>();
			long started = System.nanoTime();
			for (int environment = 0; environment < ENVIRONMENTS; environment++) {
				String database = "drift_" + NAMES.get(environment);
				engine.createDatabase(database);
				DataSource dataSource = engine.dataSource(database);
				try (Connection connection = dataSource.getConnection()) {
					createSchema(connection, environment, database);
				}
				dataSources.add(dataSource);
			}
			print(label, "environments", ENVIRONMENTS + " databases of " + TABLES + " tables, " + 2 * TABLES
					+ " indexes, " + (TABLES - ROOTS) + " foreign keys each, created in " + ms(System.nanoTime() - started));
			for (int warmup = 0; warmup < WARMUPS; warmup++) {
				captures(dataSources);
				map(dataSources);
			}
			long[] captures = new long[RUNS];
			long[] maps = new long[RUNS];
			Timing last = null;
			for (int run = 0; run < RUNS; run++) {
				long captureStarted = System.nanoTime();
				captures(dataSources);
				captures[run] = System.nanoTime() - captureStarted;
				last = map(dataSources);
				maps[run] = last.total();
				print(label, "run " + (run + 1), ms(maps[run]) + " map, " + ms(captures[run]) + " captures: "
						+ ratio((double) maps[run] / captures[run]));
			}
			long capture = median(captures);
			long map = median(maps);
			print(label, "captures of " + ENVIRONMENTS + ", median of " + RUNS, ms(capture));
			print(label, "map, median of " + RUNS, ms(map) + " (" + last.rows() + " rows)");
			print(label, "  of which building the map", ms(last.build()) + " (last run: " + ENVIRONMENTS * (ENVIRONMENTS - 1)
					/ 2 + " pairwise schema diffs, cells and variants)");
			print(label, "  of which rendering 4 formats", ms(last.render()) + " (last run: " + last.bytes() / 1024
					+ " KiB in all)");
			print(label, "map / captures, median", ratio((double) map / capture));
			// On a loaded machine the medians move with the load; the fastest runs show the work itself.
			long fastestMap = Arrays.stream(maps).min().orElseThrow();
			long fastestCapture = Arrays.stream(captures).min().orElseThrow();
			print(label, "fastest of each", ms(fastestMap) + " map, " + ms(fastestCapture) + " captures: "
					+ ratio((double) fastestMap / fastestCapture));
		}
	}

	/** One table per statement batch of 50; environment {@code e} drifts its own way from environment 0. */
	private static void createSchema(Connection connection, int environment, String database) throws SQLException {
		StringBuilder batch = new StringBuilder("CREATE TYPE state AS ENUM ('new', 'open', 'closed');");
		for (int table = 0; table < TABLES; table++) {
			if (environment == 2 && table % 40 == 39) {
				continue;
			}
			String name = "t" + table;
			String code = environment == 3 && table % 20 == 0 ? "varchar(80)" : "varchar(40)";
			batch.append("CREATE TABLE ").append(name).append(" (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, ")
				.append("code ").append(code).append(" NOT NULL, amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0), ")
				.append("state state NOT NULL DEFAULT 'new', created_at timestamptz NOT NULL DEFAULT now(), note text");
			if (environment == 3 && table % 50 == 0) {
				batch.append(", phone varchar(40)");
			}
			if (table >= ROOTS) {
				batch.append(", parent_id bigint REFERENCES t").append(table % ROOTS).append(" (id) ON DELETE CASCADE");
			}
			batch.append(");");
			batch.append("CREATE INDEX ON ").append(name).append(" (lower(code));");
			batch.append("CREATE INDEX ON ").append(name).append(" (created_at DESC) WHERE state <> 'closed';");
			if (environment == 1 && table % 10 == 0) {
				batch.append("CREATE INDEX ON ").append(name).append(" (amount);");
			}
			batch.append("COMMENT ON TABLE ").append(name).append(" IS 'Table ").append(table).append("';");
			if (table % 50 == 49) {
				execute(connection, batch.toString());
				batch.setLength(0);
			}
		}
		if (environment == 4) {
			batch.append("ALTER DATABASE ").append(database).append(" SET timezone TO 'Europe/Berlin';");
		}
		if (!batch.isEmpty()) {
			execute(connection, batch.toString());
		}
	}

	/** The schemas, captured as {@code dbparity map} captures a live environment. */
	private static List<SchemaSnapshot> captures(List<DataSource> dataSources) throws SQLException {
		List<SchemaSnapshot> schemas = new ArrayList<>();
		for (DataSource dataSource : dataSources) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setReadOnly(true);
				connection.setAutoCommit(false);
				CatalogReader reader = CatalogReaders.forConnection(connection);
				reader.limitStatementTime(connection, Duration.ofSeconds(60));
				schemas.add(reader.read(connection, CaptureOptions.all()));
				connection.rollback();
			}
		}
		return schemas;
	}

	private record Timing(long total, long build, long render, int rows, int bytes) {
	}

	private static Timing map(List<DataSource> dataSources) throws SQLException {
		long started = System.nanoTime();
		List<SchemaSnapshot> schemas = captures(dataSources);
		long buildStarted = System.nanoTime();
		List<Environment> environments = new ArrayList<>();
		for (int i = 0; i < schemas.size(); i++) {
			environments.add(Environment.read(NAMES.get(i), "jdbc:postgresql://bench/" + NAMES.get(i), schemas.get(i),
					Optional.empty()));
		}
		DriftMap map = DriftMap.build(environments, NAMES.get(0), IgnoreRules.defaults(), StatisticsTolerances.defaults(),
				ComparisonMode.SHAPE);
		long renderStarted = System.nanoTime();
		int bytes = DriftMapTextReport.render(map).length() + DriftMapMarkdownReport.render(map).length()
				+ DriftMapJsonReport.render(map).length() + DriftMapHtmlReport.render(map).length();
		long done = System.nanoTime();
		return new Timing(done - started, renderStarted - buildStarted, done - renderStarted, map.rows().size(), bytes);
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

	private static String ratio(double ratio) {
		return String.format(Locale.ROOT, "%.2fx (goal <= %.1fx: %s)", ratio, TARGET_RATIO,
				ratio <= TARGET_RATIO ? "met" : "MISSED");
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%d ms", nanos / 1_000_000);
	}

	private static void print(String label, String figure, String value) {
		System.out.printf(Locale.ROOT, "%-14s %-36s %s%n", label, figure, value);
	}
}
