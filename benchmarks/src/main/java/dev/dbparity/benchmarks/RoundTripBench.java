package dev.dbparity.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.migrations.flyway.FlywayMigrationRunner;
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
 * phase by phase, on PostgreSQL and on MariaDB (or on the engine its argument names), over a generated history of {@value #MIGRATIONS} versions on {@value #TABLES} tables with views,
 * functions and triggers, and prints everything beyond the migrations' own SQL as a multiple of that SQL's time
 * (goal: at most 1x). For context it also times the same migrations' SQL alone (up, undo, up per version) and one
 * {@value #TABLES}-table snapshot. Run it with
 * {@code mvn -B -q -pl benchmarks -am compile -Pbench-roundtrip}, or, offline without the exec plugin, with
 * {@code java -cp <classpath> dev.dbparity.benchmarks.RoundTripBench [postgres|mariadb] [flyway] [prepared]}, the classpath being the one the compiler prints
 * in {@code mvn -o -B -X -pl benchmarks -am compile} after {@code -d .../benchmarks/target/classes -classpath}. The
 * multiple of the migrations' SQL is the figure to watch: the seconds follow the machine's load, the multiple hardly.
 * It also prints how many schema reads a catalog mark spared, how many read only the objects that changed (and, on
 * MariaDB, how many of those objects their rendering recognised), and how many read everything. The round trips run
 * twice on fresh databases: first in a fresh JVM, as a test run gets them, then again in the same JVM, whose compiler
 * no longer competes for the processor (a fixed cost that a long history's round trips amortise). With
 * {@code prepared}, MariaDB's table changes are written as many MySQL projects write them,
 * each statement's text in a variable, then {@code PREPARE … FROM @variable} and {@code EXECUTE}.
 */
public final class RoundTripBench {

	private static final int TABLES = 60;
	private static final int MIGRATIONS = 301;
	/** The tables V1 creates; the others are created one by one along the history. */
	private static final int FIRST_TABLES = 40;
	private static final int NEW_TABLE_EVERY = (MIGRATIONS - 1) / (TABLES - FIRST_TABLES);
	private static final int SNAPSHOTS = 20;

	private RoundTripBench() {
	}

	/**
	 * Runs the bench on the engines named in {@code args} ({@code postgres}, {@code mariadb}), on both when none is
	 * named, with the built-in {@code sql} runner, or with Flyway's when {@code args} also say {@code flyway} (the
	 * same scripts; Flyway does not tell its statements, its connections do).
	 */
	public static void main(String[] args) throws Throwable {
		List<String> named = List.of(args);
		boolean flyway = named.contains("flyway");
		boolean prepared = named.contains("prepared");
		List<String> engines = named.stream().filter(name -> !name.equals("flyway") && !name.equals("prepared"))
			.toList();
		for (String name : engines.isEmpty() ? List.of("postgres", "mariadb") : engines) {
			EngineSpec spec = name.equals("mariadb") ? new EngineSpec(Engine.MARIADB, "10.11", Map.of())
					: new EngineSpec(Engine.POSTGRES, "17.6", Map.of());
			run(spec, flyway ? new FlywayMigrationRunner() : new SqlMigrationRunner(),
					prepared && spec.engine() != Engine.POSTGRES);
		}
	}

	private static void run(EngineSpec spec, MigrationRunner runner, boolean prepared) throws Throwable {
		Engine engineId = spec.engine();
		String label = spec.displayName() + (runner instanceof FlywayMigrationRunner ? " flyway" : "")
				+ (prepared ? " prepared" : "");
		Path folder = writeMigrations(engineId, prepared);
		try (RunningEngine engine = new EmbeddedProvider().start(spec)) {
			MigrationSet set = runner.load("file:" + folder, RoundTripBench.class.getClassLoader());

			long sqlOnly = sqlOnly(engine, set, runner, engineId);
			RoundTripTimings timings = new RoundTripTimings();
			long roundTrips = roundTrips(engine, set, runner, timings);
			RoundTripTimings again = new RoundTripTimings();
			long roundTripsAgain = roundTrips(engine, set, runner, again);
			Map<String, Long> snapshotByKind = new HashMap<>();
			List<Long> snapshots = snapshots(engine, set, runner, snapshotByKind, engineId);

			print(label, "versions", MIGRATIONS + " over " + TABLES + " tables, with views, functions and triggers");
			printRoundTrips(label, "round trips, first run in this JVM", engineId, timings, roundTrips);
			printRoundTrips(label, "round trips, second run (compiled code warm)", engineId, again, roundTripsAgain);
			print(label, "same SQL (up, undo, up per version) run alone", seconds(sqlOnly));
			print(label, "snapshot of " + TABLES + " tables", "p50 " + ms(percentile(snapshots, 50)) + "  p95 "
					+ ms(percentile(snapshots, 95)) + " (goal <= 60 ms, set at 50 tables)");
			snapshotByKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach(kind -> print(label, "  mean, reading " + kind.getKey(), ms(kind.getValue() / SNAPSHOTS)));
		}
		finally {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	/** The figures of one run of the round trips, phase by phase, and beyond the SQL against the goal. */
	private static void printRoundTrips(String label, String title, Engine engineId, RoundTripTimings timings,
			long roundTrips) {
		print(label, title, seconds(roundTrips));
		long migrationSql = timings.nanos().getOrDefault(Phase.MIGRATIONS, 0L);
		for (Map.Entry<Phase, Long> phase : timings.nanos().entrySet()) {
			print(label, "  " + phase.getKey().description(), seconds(phase.getValue()) + String.format(Locale.ROOT,
					" (%.0f%%)", 100.0 * phase.getValue() / roundTrips));
		}
		print(label, "  schema reads spared (catalog verified unchanged)", timings.readsSpared() + " of " + 3 * MIGRATIONS);
		print(label, "  schema reads partial (only changed objects re-read)", timings.readsPartial() + " of "
				+ 3 * MIGRATIONS + String.format(Locale.ROOT, ", mean objects re-read %.1f",
						timings.readsPartial() == 0 ? 0.0 : (double) timings.objectsReread() / timings.readsPartial()));
		print(label, "  objects re-read, recognised by their rendering", timings.objectsRecognised() + " of "
				+ timings.objectsReread() + (engineId == Engine.POSTGRES ? " (MariaDB only)"
						: " (catalog rows not read: SHOW CREATE TABLE matched an earlier read)"));
		print(label, "  schema reads full (everything read again)", String.valueOf(timings.readsFull()));
		print(label, "  tables' rows read for content hashes", timings.tablesRead() + (engineId == Engine.POSTGRES
				? " (every table, every time: PostgreSQL has no checksum of a table's rows)"
				: ", and " + timings.tablesUnchanged() + " taken from an earlier read (checksum unchanged)"));
		long accounted = timings.nanos().values().stream().mapToLong(Long::longValue).sum();
		print(label, "  other (diffs, reports, bookkeeping)", seconds(roundTrips - accounted));
		print(label, "beyond the migrations' SQL", seconds(roundTrips - migrationSql) + String.format(Locale.ROOT,
				" = %.2fx the migrations' SQL (goal <= 1x)", (double) (roundTrips - migrationSql) / migrationSql));
	}

	/** Up, undo, up for every version on a plain database: what the migrations cost by themselves. */
	private static long sqlOnly(RunningEngine engine, MigrationSet set, MigrationRunner runner, Engine engineId) {
		engine.createDatabase("dbparity_bench_sql");
		try {
			var dataSource = engine.dataSource("dbparity_bench_sql");
			long start = System.nanoTime();
			MigrationVersion previous = MigrationVersion.ZERO;
			for (Migration migration : set.migrations()) {
				runner.migrateTo(dataSource, engineId, set, migration.version());
				runner.migrateTo(dataSource, engineId, set, previous);
				runner.migrateTo(dataSource, engineId, set, migration.version());
				previous = migration.version();
			}
			return System.nanoTime() - start;
		}
		finally {
			engine.dropDatabase("dbparity_bench_sql");
		}
	}

	private static long roundTrips(RunningEngine engine, MigrationSet set, MigrationRunner runner,
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

	/**
	 * The times of {@value #SNAPSHOTS} snapshots of the last version, sorted, after adding to {@code byKind} the time
	 * spent per kind of object read, as the reader's progress reports name them: where the next speed-up of the
	 * snapshot phase has to come from.
	 */
	private static List<Long> snapshots(RunningEngine engine, MigrationSet set, MigrationRunner runner,
			Map<String, Long> byKind, Engine engineId) throws Exception {
		engine.createDatabase("dbparity_bench_snapshot");
		try (Connection connection = engine.dataSource("dbparity_bench_snapshot").getConnection()) {
			runner.migrate(engine.dataSource("dbparity_bench_snapshot"), engineId, set);
			List<Long> times = new ArrayList<>();
			for (int i = 0; i < SNAPSHOTS + 3; i++) {
				boolean timed = i >= 3;
				long[] since = {System.nanoTime()};
				long start = since[0];
				// A reader reports a kind when its query is done: the time since the last report is that kind's.
				CatalogReaders.forConnection(connection).read(connection, new CaptureOptions(List.of(), done -> {
					long now = System.nanoTime();
					if (timed) {
						byKind.merge(done, now - since[0], Long::sum);
					}
					since[0] = now;
				}));
				long end = System.nanoTime();
				if (timed) {
					byKind.merge("(building the snapshot after the last kind)", end - since[0], Long::sum);
					times.add(end - start);
				}
			}
			return times.stream().sorted().toList();
		}
		finally {
			engine.dropDatabase("dbparity_bench_snapshot");
		}
	}

	/**
	 * V1 creates {@value #FIRST_TABLES} tables and every {@value #NEW_TABLE_EVERY}th version one more; every other
	 * version changes one table, in turn, in one of the ways real histories do (a column, an index, a view created or
	 * re-created in a new shape, a function, a trigger with its function, a column default), and
	 * has an undo script that restores the previous version exactly, so that every round trip passes.
	 */
	static Path writeMigrations(Engine engine, boolean prepared) throws IOException {
		boolean postgres = engine == Engine.POSTGRES;
		Path folder = Files.createTempDirectory("dbparity-roundtrip-bench");
		StringBuilder create = new StringBuilder();
		StringBuilder drop = new StringBuilder();
		for (int t = 1; t <= FIRST_TABLES; t++) {
			create.append(createTable(t, postgres));
			drop.insert(0, "DROP TABLE t" + t + ";\n");
		}
		Files.writeString(folder.resolve("V1__tables.sql"), create);
		Files.writeString(folder.resolve("U1__tables.sql"), drop);
		int tables = FIRST_TABLES;
		// The view each table has now, if any, so that a later version can re-create it and its undo restore it.
		Map<Integer, String> views = new HashMap<>();
		Map<Integer, Integer> defaults = new HashMap<>();
		for (int v = 2; v <= MIGRATIONS; v++) {
			if (v % NEW_TABLE_EVERY == 0 && tables < TABLES) {
				// Tables created along the history, as real ones are: each is filled with rows when it first appears.
				tables++;
				Files.writeString(folder.resolve("V" + v + "__table_" + tables + ".sql"), createTable(tables, postgres));
				Files.writeString(folder.resolve("U" + v + "__table_" + tables + ".sql"),
						"DROP TABLE t" + tables + ";\n");
				continue;
			}
			int table = (v % tables) + 1;
			String t = "t" + table;
			String up;
			String down;
			// The kind shifts every round of the tables, so that each table gets every kind of change in turn.
			switch ((v + v / tables) % 6) {
				case 0 -> {
					up = "ALTER TABLE " + t + " ADD COLUMN c" + v + " INTEGER;\n";
					down = "ALTER TABLE " + t + " DROP COLUMN c" + v + ";\n";
				}
				case 1 -> {
					up = "CREATE INDEX " + t + "_i" + v + " ON " + t + " (name, id);\n";
					down = "DROP INDEX " + t + "_i" + v + (postgres ? "" : " ON " + t) + ";\n";
				}
				case 2 -> {
					String previous = views.get(table);
					String definition = "CREATE VIEW " + t + "_view AS SELECT id, name, amount FROM " + t
							+ " WHERE amount > " + v + ";\n";
					up = (previous == null ? "" : "DROP VIEW " + t + "_view;\n") + definition;
					down = "DROP VIEW " + t + "_view;\n" + (previous == null ? "" : previous);
					views.put(table, definition);
				}
				case 3 -> {
					if (!postgres) {
						up = "CREATE FUNCTION " + t + "_count_" + v + "(p BIGINT) RETURNS BIGINT READS SQL DATA "
								+ "RETURN (SELECT count(*) FROM " + t + " WHERE id = p);\n";
						down = "DROP FUNCTION " + t + "_count_" + v + ";\n";
						break;
					}
					up = "CREATE FUNCTION " + t + "_count_" + v + "(p BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS "
							+ "$$ SELECT count(*) FROM " + t + " WHERE id = p $$;\n";
					down = "DROP FUNCTION " + t + "_count_" + v + "(BIGINT);\n";
				}
				case 4 -> {
					// A trigger that leaves the rows as they are: the filler's rows and their hashes stay the same.
					if (!postgres) {
						up = "CREATE TRIGGER " + t + "_touch_" + v + " BEFORE INSERT ON " + t + " FOR EACH ROW "
								+ "SET NEW.name = coalesce(NEW.name, '');\n";
						down = "DROP TRIGGER " + t + "_touch_" + v + ";\n";
						break;
					}
					up = "CREATE FUNCTION " + t + "_touch_" + v + "() RETURNS trigger LANGUAGE plpgsql AS "
							+ "$$ BEGIN NEW.name := coalesce(NEW.name, ''); RETURN NEW; END $$;\n"
							+ "CREATE TRIGGER " + t + "_touch_" + v + " BEFORE INSERT OR UPDATE ON " + t
							+ " FOR EACH ROW EXECUTE FUNCTION " + t + "_touch_" + v + "();\n";
					down = "DROP TRIGGER " + t + "_touch_" + v + " ON " + t + ";\n"
							+ "DROP FUNCTION " + t + "_touch_" + v + "();\n";
				}
				default -> {
					Integer previous = defaults.put(table, v);
					up = "ALTER TABLE " + t + " ALTER COLUMN amount SET DEFAULT " + v + ";\n";
					down = "ALTER TABLE " + t + " ALTER COLUMN amount "
							+ (previous == null ? "DROP DEFAULT" : "SET DEFAULT " + previous) + ";\n";
				}
			}
			boolean tableChange = up.startsWith("ALTER TABLE") || up.contains("INDEX") || up.contains("VIEW");
			Files.writeString(folder.resolve("V" + v + "__change_" + v + ".sql"),
					prepared && tableChange ? preparedFromVariable(up) : up);
			Files.writeString(folder.resolve("U" + v + "__change_" + v + ".sql"),
					prepared && tableChange ? preparedFromVariable(down) : down);
		}
		return folder;
	}

	/**
	 * {@code script}'s statements as many MySQL projects write them, so that a migration can run twice: each one's text
	 * in a variable, then {@code PREPARE … FROM @variable}, {@code EXECUTE}, {@code DEALLOCATE}.
	 */
	private static String preparedFromVariable(String script) {
		StringBuilder prepared = new StringBuilder();
		for (String statement : script.split(";\n")) {
			prepared.append("SET @change = '").append(statement.replace("'", "''")).append("';\n")
				.append("PREPARE change_if_needed FROM @change;\nEXECUTE change_if_needed;\n")
				.append("DEALLOCATE PREPARE change_if_needed;\n");
		}
		return prepared.toString();
	}

	/** On MariaDB, whose column-level {@code REFERENCES} makes no foreign key, the key is a table constraint. */
	private static String createTable(int t, boolean postgres) {
		String parent = postgres ? ", parent BIGINT REFERENCES t" + (t - 1) + " (id)"
				: ", parent BIGINT, FOREIGN KEY (parent) REFERENCES t" + (t - 1) + " (id)";
		return "CREATE TABLE t" + t + " (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, amount NUMERIC(10,2), "
				+ "created DATE" + (t > 1 ? parent : "") + ");\n";
	}

	private static long percentile(List<Long> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1_000_000_000.0);
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
	}

	private static void print(String engine, String figure, String value) {
		System.out.printf(Locale.ROOT, "%-15s %-62s %s%n", engine, figure, value);
	}
}
