package dev.dbparity.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;
import dev.dbparity.templates.TemplateDatabase;

/**
 * {@code FreshDatabaseBench} measures what a test pays for a fresh database on embedded PostgreSQL and MariaDB, next to
 * the engine's raw clone measured on the same server in the same run, and prints one line per figure.
 *
 * <p>The template holds {@value #TABLES} tables of {@value #ROWS} rows each, with indexes and foreign keys, loaded by
 * the extension's own migration runner from a temporary folder. Run it with
 * {@code mvn -B -q -pl benchmarks -am compile -Pbench}.
 */
public final class FreshDatabaseBench {

	private static final int TABLES = 10;
	private static final int ROWS = 10_000;
	private static final int CLONES = 50;
	/** How long a simulated test works on its database; prefetching clones during that time is what it hides. */
	private static final long TEST_WORK_MS = 100;
	private static final double POSTGRES_TARGET_RATIO = 1.3;
	private static final double MARIADB_TARGET_MS = 300;

	private FreshDatabaseBench() {
	}

	public static void main(String[] args) throws Exception {
		postgres();
		mariadb();
	}

	private static void postgres() throws Exception {
		EngineSpec spec = new EngineSpec(Engine.POSTGRES, "17.6", Map.of());
		String label = spec.displayName();
		Path migrations = writeMigrations(Engine.POSTGRES);
		long started = System.nanoTime();
		RunningEngine engine = new EmbeddedProvider().start(spec);
		try {
			print(label, "engine start", ms(since(started)));
			print(label, "server version", engine.serverVersion());
			TemplateDatabase template = build(label, engine, migrations, 0);
			try (Connection admin = engine.dataSource("postgres").getConnection()) {
				// Start from a clean checkpoint so that the first clones do not pay for the template's dirty pages.
				execute(admin, "CHECKPOINT");
				List<Timings> series = interleaved(
						i -> freshDatabase(template, i, 0),
						i -> rawPostgresClone(admin, template.name(), "FILE_COPY", i),
						i -> rawPostgresClone(admin, template.name(), "WAL_LOG", i),
						i -> connectionOpen(engine, "postgres"));
				Timings fresh = series.get(0);
				Timings fileCopy = series.get(1);
				Timings walLog = series.get(2);
				print(label, "fresh database, prefetch 0", fresh.toString());
				print(label, "raw TEMPLATE STRATEGY FILE_COPY", fileCopy.toString());
				print(label, "raw TEMPLATE STRATEGY WAL_LOG", walLog.toString());
				print(label, "admin connection open", series.get(3).toString());
				double ratio = fresh.p50() / fileCopy.p50();
				print(label, "fresh / raw FILE_COPY, p50", String.format(Locale.ROOT, "%.2fx (target <= %.1fx: %s)",
						ratio, POSTGRES_TARGET_RATIO, ratio <= POSTGRES_TARGET_RATIO ? "met" : "MISSED"));
				print(label, "fresh / raw FILE_COPY, p95",
						String.format(Locale.ROOT, "%.2fx", fresh.p95() / fileCopy.p95()));
				double strategies = walLog.p50() / fileCopy.p50();
				print(label, "raw WAL_LOG / FILE_COPY, p50", String.format(Locale.ROOT, "%.2fx (%s is faster)",
						strategies, strategies < 1 ? "WAL_LOG" : "FILE_COPY"));
			}
			finally {
				template.close();
			}
		}
		finally {
			engine.close();
			deleteRecursively(migrations);
		}
	}

	private static void mariadb() throws Exception {
		EngineSpec spec = new EngineSpec(Engine.MARIADB, "10.11", Map.of());
		String label = spec.displayName();
		Path migrations = writeMigrations(Engine.MARIADB);
		long started = System.nanoTime();
		RunningEngine engine = new EmbeddedProvider().start(spec);
		try {
			print(label, "engine start", ms(since(started)));
			print(label, "server version", engine.serverVersion());
			TemplateDatabase template = build(label, engine, migrations, 0);
			try (Connection admin = engine.dataSource("").getConnection()) {
				// The same settings the extension's clone uses, so that only the statements differ.
				execute(admin, "SET SESSION foreign_key_checks = 0, unique_checks = 0");
				List<Timings> series = interleaved(
						i -> freshDatabase(template, i, 0),
						i -> rawMariaDbCopy(admin, template.name(), i),
						i -> connectionOpen(engine, ""));
				Timings fresh = series.get(0);
				Timings raw = series.get(1);
				print(label, "fresh database, prefetch 0", fresh.toString());
				print(label, "raw CREATE+LIKE+INSERT..SELECT", raw.toString());
				print(label, "admin connection open", series.get(2).toString());
				print(label, "fresh / raw copy, p50", String.format(Locale.ROOT, "%.2fx", fresh.p50() / raw.p50()));
				print(label, "fresh, prefetch 0, < 300 ms", underTarget(fresh));
			}
			finally {
				template.close();
			}
			TemplateDatabase prefetching = build(label, engine, migrations, 2);
			try {
				Timings fresh = prefetched(prefetching);
				print(label, "fresh database, prefetch 2", fresh.toString());
				print(label, "  found ready (< 1 ms)", fresh.below(1) + " of " + CLONES + ", with " + TEST_WORK_MS
						+ " ms of test work between requests");
				print(label, "fresh, prefetch 2, < 300 ms", underTarget(fresh));
			}
			finally {
				prefetching.close();
			}
		}
		finally {
			engine.close();
			deleteRecursively(migrations);
		}
	}

	private static TemplateDatabase build(String label, RunningEngine engine, Path migrations, int prefetch) {
		long started = System.nanoTime();
		DatabaseContext context = new DatabaseContext(
				Optional.of(MigrationSet.load("file:" + migrations, FreshDatabaseBench.class.getClassLoader())),
				new SqlMigrationRunner());
		TemplateDatabase template = TemplateDatabase.build(engine, context, prefetch);
		print(label, "template build, prefetch " + prefetch, ms(since(started)) + " (" + TABLES + " tables x " + ROWS
				+ " rows)");
		return template;
	}

	/**
	 * Runs each series once per round, {@value #CLONES} rounds, so that every series sees the same server state (purge,
	 * checkpoints, caches) rather than the first one getting a quieter server than the last.
	 */
	private static List<Timings> interleaved(Sample... series) throws Exception {
		long[][] nanos = new long[series.length][CLONES];
		for (int round = 0; round < CLONES; round++) {
			for (int s = 0; s < series.length; s++) {
				nanos[s][round] = series[s].nanos(round);
			}
		}
		return Arrays.stream(nanos).map(Timings::new).toList();
	}

	private static Timings prefetched(TemplateDatabase template) throws Exception {
		long[] nanos = new long[CLONES];
		for (int i = 0; i < CLONES; i++) {
			nanos[i] = freshDatabase(template, i, TEST_WORK_MS);
		}
		return new Timings(nanos);
	}

	/**
	 * Times {@code newDatabase()} only, as a test sees it; the drop happens after the test's work and is not timed.
	 */
	private static long freshDatabase(TemplateDatabase template, int round, long testWorkMs) throws Exception {
		long started = System.nanoTime();
		String database = template.newDatabase();
		try {
			long nanos = since(started);
			if (round == 0) {
				// A clone that came out empty would make every figure meaningless.
				try (Connection connection = template.engine().dataSource(database).getConnection()) {
					checkRows(connection, "");
				}
			}
			Thread.sleep(testWorkMs);
			return nanos;
		}
		finally {
			template.engine().dropDatabase(database);
		}
	}

	private static long rawPostgresClone(Connection admin, String template, String strategy, int round)
			throws SQLException {
		String clone = "bench_raw_" + strategy.toLowerCase(Locale.ROOT) + "_" + round;
		long started = System.nanoTime();
		try {
			execute(admin, "CREATE DATABASE " + clone + " TEMPLATE " + template + " STRATEGY " + strategy);
			return since(started);
		}
		finally {
			execute(admin, "DROP DATABASE IF EXISTS " + clone);
		}
	}

	/**
	 * MariaDB has no template databases; the nearest raw copy is what a hand-written clone would run. {@code LIKE}
	 * copies no foreign keys and the template's migration history table is not copied, so this is a lower bound.
	 */
	private static long rawMariaDbCopy(Connection admin, String template, int round) throws SQLException {
		String clone = "bench_raw_" + round;
		long started = System.nanoTime();
		try {
			execute(admin, "CREATE DATABASE " + clone);
			for (int table = 1; table <= TABLES; table++) {
				execute(admin, "CREATE TABLE " + clone + "." + table(table) + " LIKE " + template + "." + table(table));
			}
			for (int table = 1; table <= TABLES; table++) {
				execute(admin, "INSERT INTO " + clone + "." + table(table) + " SELECT * FROM " + template + "."
						+ table(table));
			}
			long nanos = since(started);
			if (round == 0) {
				checkRows(admin, clone + ".");
			}
			return nanos;
		}
		finally {
			execute(admin, "DROP DATABASE IF EXISTS " + clone);
		}
	}

	/** The extension opens a new admin connection per clone; this is that part of the gap to the raw clone. */
	private static long connectionOpen(RunningEngine engine, String adminDatabase) throws SQLException {
		long started = System.nanoTime();
		Connection connection = engine.dataSource(adminDatabase).getConnection();
		long nanos = since(started);
		connection.close();
		return nanos;
	}

	private static void checkRows(Connection connection, String qualifier) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + qualifier + table(TABLES))) {
			result.next();
			if (result.getInt(1) != ROWS) {
				throw new IllegalStateException("clone has " + result.getInt(1) + " rows in " + table(TABLES)
						+ ", expected " + ROWS);
			}
		}
	}

	/**
	 * Writes {@code V1__tables.sql} and {@code V2__rows.sql} for {@code engine}: every table has a primary key, a
	 * secondary index, and every even-numbered one a foreign key to the table before it.
	 */
	private static Path writeMigrations(Engine engine) throws IOException {
		StringBuilder tables = new StringBuilder();
		StringBuilder rows = new StringBuilder();
		for (int table = 1; table <= TABLES; table++) {
			String name = table(table);
			tables.append("CREATE TABLE ").append(name).append(" (\n")
				.append("\tid BIGINT NOT NULL PRIMARY KEY,\n")
				.append("\tparent_id BIGINT,\n")
				.append("\tcode VARCHAR(40) NOT NULL,\n")
				.append("\tname VARCHAR(200) NOT NULL,\n")
				.append("\tamount DECIMAL(12, 2) NOT NULL,\n")
				.append("\tcreated DATE NOT NULL");
			if (table % 2 == 0) {
				tables.append(",\n\tCONSTRAINT ").append(name).append("_parent FOREIGN KEY (parent_id) REFERENCES ")
					.append(table(table - 1)).append(" (id)");
			}
			tables.append("\n);\n")
				.append("CREATE INDEX ").append(name).append("_created ON ").append(name).append(" (created, code);\n\n");
			// parent_id = id, so every even table's rows have a parent in the table before it, loaded earlier.
			rows.append(engine == Engine.POSTGRES
					? "INSERT INTO " + name + " (id, parent_id, code, name, amount, created)\n"
							+ "SELECT g, g, 'C-' || g, 'row ' || g || ' of " + name + "', (g % 100000) / 100.0, "
							+ "DATE '2020-01-01' + (g % 2000)\nFROM generate_series(1, " + ROWS + ") AS g;\n"
					: "INSERT INTO " + name + " (id, parent_id, code, name, amount, created)\n"
							+ "SELECT seq, seq, CONCAT('C-', seq), CONCAT('row ', seq, ' of " + name + "'), "
							+ "(seq % 100000) / 100.0, DATE '2020-01-01' + INTERVAL (seq % 2000) DAY\nFROM seq_1_to_"
							+ ROWS + ";\n");
		}
		Path directory = Files.createTempDirectory("dbparity-bench-" + engine.id() + "-");
		Files.writeString(directory.resolve("V1__tables.sql"), tables);
		Files.writeString(directory.resolve("V2__rows.sql"), rows);
		return directory;
	}

	private static String table(int number) {
		return String.format(Locale.ROOT, "t%02d", number);
	}

	private static String underTarget(Timings timings) {
		return String.format(Locale.ROOT, "p50 %s, p95 %s", timings.p50() < MARIADB_TARGET_MS ? "yes" : "NO",
				timings.p95() < MARIADB_TARGET_MS ? "yes" : "NO");
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(directory)) {
			walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
		}
		for (Path path : paths) {
			Files.delete(path);
		}
	}

	private static long since(long startedNanos) {
		return System.nanoTime() - startedNanos;
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%d ms", nanos / 1_000_000);
	}

	private static void print(String label, String figure, String value) {
		System.out.printf(Locale.ROOT, "%-14s %-32s %s%n", label, figure, value);
	}

	/** {@code Sample} is one timed operation of a series, returning its duration in nanoseconds. */
	@FunctionalInterface
	private interface Sample {
		long nanos(int round) throws Exception;
	}

	/** {@code Timings} is one series of durations, reported as nearest-rank percentiles in milliseconds. */
	private record Timings(long[] nanos) {

		double p50() {
			return percentile(50);
		}

		double p95() {
			return percentile(95);
		}

		private double percentile(int percent) {
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
			return sorted[Math.max(rank, 1) - 1] / 1e6;
		}

		long below(double ms) {
			return Arrays.stream(nanos).filter(value -> value / 1e6 < ms).count();
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "p50 %7.1f ms  p95 %7.1f ms  (n=%d)", p50(), p95(), nanos.length);
		}
	}
}
