package dev.dbparity.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.lint.LintOptions;
import dev.dbparity.lint.LintReport;
import dev.dbparity.lint.PendingMigrationLint;
import dev.dbparity.lint.Rehearsal;
import dev.dbparity.lint.RehearsedStatement;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.seeding.RowLimits;
import dev.dbparity.seeding.SeedOptions;
import dev.dbparity.seeding.SeedRules;
import dev.dbparity.seeding.Seeder;
import dev.dbparity.seeding.suggest.RuleSuggester;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.statistics.StatisticsCollectors;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code RehearsalBench} rehearses, on embedded PostgreSQL and MariaDB, a migration that adds a column with a default
 * and one that builds an index, on a table of {@code rows} rows (default 1,000,000) both in production and in the
 * rehearsal ({@code --rows}), and prints next to each statement's measured time the time of the same statement run by
 * hand, on its own, on the same data: a database at the version before it, filled by the same rules (drafted from the
 * same statistics with the same seed, so row for row the rehearsal's) and vacuumed. Goal: the rehearsal's time within
 * 10 % of the hand-run.
 *
 * <p>Run: {@code java -cp <classpath> dev.dbparity.benchmarks.RehearsalBench [rows] [engines]}, the classpath from
 * {@code mvn -o -B -X -pl benchmarks -am compile} (the {@code -classpath} after {@code -d …/benchmarks/target/classes}).
 */
public final class RehearsalBench {

	/** The statements rehearsed and hand-run, per engine: V2 adds a column with a default, V3 builds an index. */
	private static final Map<Engine, List<String>> STATEMENTS = Map.of(
			Engine.POSTGRES, List.of("ALTER TABLE orders ADD COLUMN token DOUBLE PRECISION DEFAULT random()",
					"CREATE INDEX orders_total_idx ON orders (total)"),
			Engine.MARIADB, List.of("ALTER TABLE orders ADD COLUMN token DOUBLE DEFAULT (RAND())",
					"CREATE INDEX orders_total_idx ON orders (total)"));

	private static final String TABLE = "CREATE TABLE orders (id INT PRIMARY KEY, customer INT NOT NULL, "
			+ "total DECIMAL(10, 2) NOT NULL)";

	private static final int ROUNDS = 3;

	private RehearsalBench() {
	}

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		List<String> engines = List.of((args.length > 1 ? args[1] : "postgres,mariadb").split(","));
		System.out.printf(Locale.ROOT, "Rehearsal bench: %,d rows; goal: the rehearsal's measured time within 10 %% of "
				+ "a hand-run of the same statement%n", rows);
		for (String id : engines) {
			Engine engine = Engine.valueOf(id.trim().toUpperCase(Locale.ROOT));
			try (RunningEngine running = new EmbeddedProvider().start(new EngineSpec(engine,
					engine == Engine.POSTGRES ? "17.6" : "10.11", Map.of()))) {
				bench(running, rows);
			}
		}
	}

	private static void bench(RunningEngine engine, int rows) throws Exception {
		Path migrations = Files.createTempDirectory("dbparity-rehearsal-bench");
		Files.writeString(migrations.resolve("V1__orders.sql"), TABLE + ";\n");
		Files.writeString(migrations.resolve("V2__token.sql"), STATEMENTS.get(engine.engine()).get(0) + ";\n");
		Files.writeString(migrations.resolve("V3__total_index.sql"), STATEMENTS.get(engine.engine()).get(1) + ";\n");
		MigrationSet set = MigrationSet.load("file:" + migrations, RehearsalBench.class.getClassLoader());
		Baseline production = production(engine, set, rows, migrations.resolve("baseline"));

		// The machine is shared: each side runs ROUNDS times, alternating, and the medians are compared.
		List<List<Long>> rehearsed = List.of(new ArrayList<>(), new ArrayList<>());
		List<List<Long>> hand = List.of(new ArrayList<>(), new ArrayList<>());
		List<String> locks = new ArrayList<>(List.of("", ""));
		double lintSeconds = 0;
		for (int round = 0; round < ROUNDS; round++) {
			long start = System.nanoTime();
			LintReport report = PendingMigrationLint.lint(engine, new SqlMigrationRunner(), set,
					MigrationVersion.parse("1"), LintOptions.defaults().withStatementTimeout(Duration.ofMinutes(10))
						.withRehearsal(Rehearsal.defaults().withRows(rows)),
					production);
			lintSeconds = Math.max(lintSeconds, (System.nanoTime() - start) / 1e9);
			for (int i = 0; i < 2; i++) {
				String version = String.valueOf(i + 2);
				RehearsedStatement statement = report.migration(version).orElseThrow().rehearsal().orElseThrow()
					.statements().get(0);
				rehearsed.get(i).add(statement.measuredMillis());
				locks.set(i, statement.lock().orElse("-") + " (" + statement.rehearsalRows() + " rows)");
				hand.get(i).add(handRun(engine, set, production, rows, version, STATEMENTS.get(engine.engine()).get(i)));
			}
		}
		System.out.printf(Locale.ROOT, "%n%s %s: the slowest whole lint with its rehearsal took %.1f s; medians of %d "
				+ "rounds%n", engine.engine().displayName(), engine.serverVersion(), lintSeconds, ROUNDS);
		System.out.printf(Locale.ROOT, "  %-72s %12s %12s %8s  %s%n", "statement", "rehearsal", "hand-run", "ratio",
				"lock (rehearsal)");
		for (int i = 0; i < 2; i++) {
			long measured = median(rehearsed.get(i));
			long byHand = median(hand.get(i));
			double ratio = byHand == 0 ? Double.NaN : (double) measured / byHand;
			System.out.printf(Locale.ROOT, "  %-72s %9d ms %9d ms %7.2fx  %s%s  (rehearsal %s, hand-run %s)%n",
					STATEMENTS.get(engine.engine()).get(i), measured, byHand, ratio, locks.get(i),
					Math.abs(ratio - 1) <= 0.10 ? "  within goal" : "  OUTSIDE goal", rehearsed.get(i), hand.get(i));
		}
		deleteTree(migrations);
	}

	/** A production of {@code rows} orders at V1 with its statistics (the engine's own counts). */
	private static Baseline production(RunningEngine engine, MigrationSet set, int rows, Path directory)
			throws SQLException {
		String name = "bench_production";
		engine.createDatabase(name);
		try {
			new SqlMigrationRunner().migrateTo(engine.dataSource(name), engine.engine(), set, MigrationVersion.parse("1"));
			try (Connection connection = engine.dataSource(name).getConnection()) {
				fill(connection, engine.engine(), rows);
				SchemaSnapshot schema = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
				StatisticsSnapshot statistics = StatisticsCollectors.forConnection(connection).collect(connection, schema,
						StatisticsOptions.full().withDevelopmentKeyAllowed());
				return Baseline.write(directory, Manifest.of(schema, Optional.of("1"), Optional.empty())
					.withStatistics(Optional.of("full"), Optional.empty()), schema, Optional.of(statistics));
			}
		}
		finally {
			engine.dropDatabase(name);
		}
	}

	private static void fill(Connection connection, Engine engine, int rows) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(engine == Engine.POSTGRES
					? "INSERT INTO orders SELECT n, n % " + Math.max(1, rows / 10) + ", (n % 100000) / 100.0 FROM "
							+ "generate_series(1, " + rows + ") n"
					: "INSERT INTO orders SELECT seq, seq % " + Math.max(1, rows / 10) + ", (seq % 100000) / 100.0 FROM "
							+ "seq_1_to_" + rows);
		}
	}

	/**
	 * Milliseconds of {@code sql}, the statement of {@code version}, run by hand on its own on a database at the version
	 * before it, filled as the rehearsal fills its own.
	 */
	private static long handRun(RunningEngine engine, MigrationSet set, Baseline production, int rows, String version,
			String sql) throws SQLException {
		String name = "bench_hand";
		engine.createDatabase(name);
		try (Connection connection = engine.dataSource(name).getConnection();
				Statement statement = connection.createStatement()) {
			new SqlMigrationRunner().migrateTo(engine.dataSource(name), engine.engine(), set, MigrationVersion.parse("1"));
			SchemaSnapshot schema = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
			String yaml = RuleSuggester.suggest(schema, production.statistics(),
					new RuleSuggester.Options(Optional.empty(), rows, 1));
			Seeder.seed(connection, SeedRules.parse(yaml.getBytes(StandardCharsets.UTF_8), "hand-run"),
					SeedOptions.defaults().withRowLimits(new RowLimits(Rehearsal.MAX_ROWS, Rehearsal.MAX_ROWS * 10)));
			MigrationVersion before = MigrationVersion.parse(String.valueOf(Integer.parseInt(version) - 1));
			new SqlMigrationRunner().migrateTo(engine.dataSource(name), engine.engine(), set, before);
			statement.execute(engine.engine() == Engine.POSTGRES ? "VACUUM ANALYZE" : "ANALYZE TABLE orders");
			long start = System.nanoTime();
			statement.execute(sql);
			return (System.nanoTime() - start) / 1_000_000;
		}
		finally {
			engine.dropDatabase(name);
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.delete(path);
			}
		}
	}
}
