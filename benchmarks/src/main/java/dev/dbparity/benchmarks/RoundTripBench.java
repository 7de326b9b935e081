package dev.dbparity.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.RoundTripTimings.Phase;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.roundtrips.RoundTrips;
import dev.dbparity.roundtrips.VersionResult;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.templates.DatabaseContext;

/**
 * {@code RoundTripBench} times migration round trips (up, undo, up, with snapshots, row filling and content hashes),
 * phase by phase, over a generated chain of {@value #MIGRATIONS} migrations on a {@value #TABLES}-table schema, next to executing the
 * same migrations' SQL alone (up, undo, up per version), and times one {@value #TABLES}-table snapshot. Run it with
 * {@code mvn -B -q -pl benchmarks -am compile -Pbench-roundtrip}.
 */
public final class RoundTripBench {

	private static final int TABLES = 50;
	private static final int MIGRATIONS = 100;
	private static final int SNAPSHOTS = 20;

	private RoundTripBench() {
	}

	public static void main(String[] args) throws Throwable {
		Path folder = writeMigrations();
		try (RunningEngine engine = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()))) {
			MigrationSet set = MigrationSet.load("file:" + folder, RoundTripBench.class.getClassLoader());
			SqlMigrationRunner runner = new SqlMigrationRunner();

			long sqlOnly = sqlOnly(engine, set, runner);
			RoundTripTimings timings = new RoundTripTimings();
			long roundTrips = roundTrips(engine, set, runner, timings);
			List<Long> snapshots = snapshots(engine, set, runner);

			print("migrations", MIGRATIONS + " over " + TABLES + " tables");
			print("round trips, total", ms(roundTrips));
			long migrationSql = timings.nanos().getOrDefault(Phase.MIGRATIONS, 0L);
			for (Map.Entry<Phase, Long> phase : timings.nanos().entrySet()) {
				print("  " + phase.getKey().description(), ms(phase.getValue()) + String.format(Locale.ROOT,
						" (%.0f%%)", 100.0 * phase.getValue() / roundTrips));
			}
			long accounted = timings.nanos().values().stream().mapToLong(Long::longValue).sum();
			print("  other (diffs, reports, test bookkeeping)", ms(roundTrips - accounted));
			print("beyond the migrations' SQL", ms(roundTrips - migrationSql) + String.format(Locale.ROOT,
					" = %.0f%% of the total (goal <= 25%%)", 100.0 * (roundTrips - migrationSql) / roundTrips));
			print("same SQL (up, undo, up per version) run alone", ms(sqlOnly));
			print("snapshot of " + TABLES + " tables", "p50 " + ms(percentile(snapshots, 50)) + "  p95 "
					+ ms(percentile(snapshots, 95)) + " (goal <= 60 ms)");
		}
		finally {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	/** Up, undo, up for every version on a plain database: what the migrations cost by themselves. */
	private static long sqlOnly(RunningEngine engine, MigrationSet set, SqlMigrationRunner runner) {
		engine.createDatabase("dbparity_bench_sql");
		try {
			var dataSource = engine.dataSource("dbparity_bench_sql");
			long start = System.nanoTime();
			MigrationVersion previous = MigrationVersion.ZERO;
			for (Migration migration : set.migrations()) {
				runner.migrateTo(dataSource, Engine.POSTGRES, set, migration.version());
				runner.migrateTo(dataSource, Engine.POSTGRES, set, previous);
				runner.migrateTo(dataSource, Engine.POSTGRES, set, migration.version());
				previous = migration.version();
			}
			return System.nanoTime() - start;
		}
		finally {
			engine.dropDatabase("dbparity_bench_sql");
		}
	}

	private static long roundTrips(RunningEngine engine, MigrationSet set, SqlMigrationRunner runner,
			RoundTripTimings timings) {
		try (RoundTrips roundTrips = RoundTrips.of(engine, new DatabaseContext(Optional.of(set), runner), timings)) {
			long start = System.nanoTime();
			List<VersionResult> failed = roundTrips.run()
				.filter(result -> result.verdict() != VersionResult.Verdict.PASSED).toList();
			if (!failed.isEmpty()) {
				// A bench of round trips that fail measures the failure path, not the round trips.
				throw new IllegalStateException("round trips did not pass: " + failed);
			}
			return System.nanoTime() - start;
		}
	}

	private static List<Long> snapshots(RunningEngine engine, MigrationSet set, SqlMigrationRunner runner)
			throws Exception {
		engine.createDatabase("dbparity_bench_snapshot");
		try (Connection connection = engine.dataSource("dbparity_bench_snapshot").getConnection()) {
			runner.migrate(engine.dataSource("dbparity_bench_snapshot"), Engine.POSTGRES, set);
			List<Long> times = new ArrayList<>();
			for (int i = 0; i < SNAPSHOTS + 3; i++) {
				long start = System.nanoTime();
				CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
				if (i >= 3) {
					times.add(System.nanoTime() - start);
				}
			}
			return times.stream().sorted().toList();
		}
		finally {
			engine.dropDatabase("dbparity_bench_snapshot");
		}
	}

	/** V1 creates the tables; every later version changes one table and has an undo script. */
	private static Path writeMigrations() throws IOException {
		Path folder = Files.createTempDirectory("dbparity-roundtrip-bench");
		StringBuilder create = new StringBuilder();
		StringBuilder drop = new StringBuilder();
		for (int t = 1; t <= TABLES; t++) {
			create.append("CREATE TABLE t").append(t).append(" (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, ")
				.append("amount NUMERIC(10,2), created DATE").append(t > 1 ? ", parent BIGINT REFERENCES t" + (t - 1) + " (id)" : "")
				.append(");\n");
			drop.insert(0, "DROP TABLE t" + t + ";\n");
		}
		Files.writeString(folder.resolve("V1__tables.sql"), create);
		Files.writeString(folder.resolve("U1__tables.sql"), drop);
		for (int v = 2; v <= MIGRATIONS; v++) {
			int table = (v % TABLES) + 1;
			String up;
			String down;
			if (v % 2 == 0) {
				up = "ALTER TABLE t" + table + " ADD COLUMN c" + v + " INTEGER;\n";
				down = "ALTER TABLE t" + table + " DROP COLUMN c" + v + ";\n";
			}
			else {
				up = "CREATE INDEX t" + table + "_i" + v + " ON t" + table + " (name, id);\n";
				down = "DROP INDEX t" + table + "_i" + v + ";\n";
			}
			Files.writeString(folder.resolve("V" + v + "__change_" + v + ".sql"), up);
			Files.writeString(folder.resolve("U" + v + "__change_" + v + ".sql"), down);
		}
		return folder;
	}

	private static long percentile(List<Long> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
	}

	private static void print(String figure, String value) {
		System.out.printf(Locale.ROOT, "postgres 17.6  %-62s %s%n", figure, value);
	}
}
