package dev.dbparity.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.RetrySafety;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.roundtrips.RoundTrips;
import dev.dbparity.roundtrips.VersionResult;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;

/**
 * {@code RetrySafetyBench} times the retry safety of migrations (each non-transactional script interrupted after each of
 * its statements on a clone of the database before it, then run again whole) against plain round trips of the same
 * migrations, on MariaDB, where every script is checked: the bookstore's migrations
 * ({@code samples/src/test/resources/db/migration/mariadb}, or the folder given as the first argument) and a generated
 * chain of {@value #MIGRATIONS} versions of {@value #STATEMENTS} statements each. Goal: retry safety at most 2x the
 * round trips. Run it from the repository root with {@code java -cp <classpath> dev.dbparity.benchmarks.RetrySafetyBench},
 * the classpath being the one the compiler prints in {@code mvn -o -B -X -pl benchmarks -am compile} after
 * {@code -d .../benchmarks/target/classes -classpath}.
 */
public final class RetrySafetyBench {

	private static final int MIGRATIONS = 100;
	private static final int TABLES = 10;
	private static final int STATEMENTS = 3;
	private static final int RUNS = 3;

	private RetrySafetyBench() {
	}

	public static void main(String[] args) throws IOException {
		Path bookstore = Path.of(args.length > 0 ? args[0] : "samples/src/test/resources/db/migration/mariadb");
		Path chain = writeChain();
		try (RunningEngine engine = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()))) {
			bench(engine, "bookstore", bookstore);
			bench(engine, MIGRATIONS + "-version chain", chain);
		}
		finally {
			try (Stream<Path> files = Files.walk(chain)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private static void bench(RunningEngine engine, String name, Path folder) {
		MigrationSet set = MigrationSet.load("file:" + folder, RetrySafetyBench.class.getClassLoader(), Engine.MARIADB);
		DatabaseContext context = new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
		// One unmeasured pass of each warms the JIT and the server's caches; then the two alternate, and the fastest run
		// of each counts, so that a load that comes and goes on a shared machine does not decide the factor.
		roundTrips(engine, context);
		retrySafety(engine, context);
		Timed roundTrips = null;
		Timed retrySafety = null;
		for (int run = 0; run < RUNS; run++) {
			roundTrips = faster(roundTrips, roundTrips(engine, context));
			retrySafety = faster(retrySafety, retrySafety(engine, context));
		}
		print(name, set.migrations().size() + " versions from " + folder + ", fastest of " + RUNS + " runs each");
		print("  round trips", seconds(roundTrips.nanos) + "  " + roundTrips.verdicts);
		phases(roundTrips.timings);
		print("  retry safety", seconds(retrySafety.nanos) + "  " + retrySafety.verdicts);
		phases(retrySafety.timings);
		print("  retry safety / round trips", String.format(Locale.ROOT, "%.2fx (goal <= 2x)",
				(double) retrySafety.nanos / roundTrips.nanos));
	}

	private record Timed(long nanos, String verdicts, RoundTripTimings timings) {
	}

	private static Timed faster(Timed best, Timed run) {
		return best == null || run.nanos < best.nanos ? run : best;
	}

	private static Timed roundTrips(RunningEngine engine, DatabaseContext context) {
		long start = System.nanoTime();
		RoundTripTimings timings = new RoundTripTimings();
		try (RoundTrips roundTrips = RoundTrips.of(engine, context, timings);
				Stream<VersionResult> results = roundTrips.run()) {
			String verdicts = verdicts(results.toList());
			return new Timed(System.nanoTime() - start, verdicts, timings);
		}
	}

	private static Timed retrySafety(RunningEngine engine, DatabaseContext context) {
		long start = System.nanoTime();
		RoundTripTimings timings = new RoundTripTimings();
		try (RetrySafety retrySafety = RetrySafety.of(engine, context, timings);
				Stream<VersionResult> results = retrySafety.run()) {
			String verdicts = verdicts(results.toList());
			return new Timed(System.nanoTime() - start, verdicts, timings);
		}
	}

	private static void phases(RoundTripTimings timings) {
		timings.nanos().forEach((phase, nanos) -> print("    " + phase.description(), seconds(nanos)));
	}

	private static String verdicts(List<VersionResult> results) {
		return results.stream().collect(Collectors.groupingBy(VersionResult::verdict, Collectors.counting()))
			.entrySet().stream().sorted(Map.Entry.comparingByKey())
			.map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
	}

	/**
	 * {@value #MIGRATIONS} versions: V1 creates {@value #TABLES} tables, each later one adds a column and an index to
	 * one of them and fills the column, every statement guarded so that the chain is retry-safe, with an undo of two
	 * statements.
	 */
	private static Path writeChain() throws IOException {
		Path folder = Files.createTempDirectory("dbparity-retry-bench");
		StringBuilder first = new StringBuilder();
		StringBuilder firstUndo = new StringBuilder();
		for (int table = 0; table < TABLES; table++) {
			first.append("CREATE TABLE IF NOT EXISTS t").append(table)
				.append(" (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL);\n");
			firstUndo.append("DROP TABLE IF EXISTS t").append(table).append(";\n");
		}
		Files.writeString(folder.resolve("V1__tables.sql"), first);
		Files.writeString(folder.resolve("U1__tables.sql"), firstUndo);
		Function<Integer, String> table = version -> "t" + version % TABLES;
		for (int version = 2; version <= MIGRATIONS; version++) {
			String column = "c" + version;
			Files.writeString(folder.resolve("V" + version + "__" + column + ".sql"),
					"ALTER TABLE " + table.apply(version) + " ADD COLUMN IF NOT EXISTS " + column + " INT;\n"
							+ "CREATE INDEX IF NOT EXISTS " + column + "_idx ON " + table.apply(version) + " (" + column
							+ ");\n"
							+ "UPDATE " + table.apply(version) + " SET " + column + " = id WHERE " + column
							+ " IS NULL;\n");
			Files.writeString(folder.resolve("U" + version + "__" + column + ".sql"),
					"DROP INDEX IF EXISTS " + column + "_idx ON " + table.apply(version) + ";\n"
							+ "ALTER TABLE " + table.apply(version) + " DROP COLUMN IF EXISTS " + column + ";\n");
		}
		return folder;
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1_000_000_000.0);
	}

	private static void print(String figure, String value) {
		System.out.printf(Locale.ROOT, "mariadb 10.11  %-40s %s%n", figure, value);
	}
}
