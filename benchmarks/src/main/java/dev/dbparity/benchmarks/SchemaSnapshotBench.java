package dev.dbparity.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.PostgresCatalogReader;

/**
 * {@code SchemaSnapshotBench} times a schema snapshot of a large PostgreSQL database next to
 * {@code pg_dump --schema-only} of the same database, and prints one line per figure.
 *
 * <p>The database holds {@value #TABLES} tables, each with a primary key, a check, a default, two indexes and, for
 * all but the first {@value #ROOTS}, a foreign key. The server is embedded PostgreSQL {@value #VERSION}, the version of
 * {@code /usr/bin/pg_dump} on our build machines, which refuses newer servers. Both sides are timed from connecting to
 * having the whole output in hand (the snapshot's canonical bytes; pg_dump's file), {@value #RUNS} runs each,
 * interleaved, after {@value #WARMUPS} warm-ups each: a snapshot is timed in a JVM that has taken snapshots before, as
 * in a round trip, which takes one after each migration. Each run prints its ratio; the last lines are the medians
 * and their ratio next to the goal ({@value #TARGET_RATIO}x), and where a snapshot's time goes: the catalog queries
 * (until their rows are in hand), the rest of the read (building the tree from the rows; setting up and rolling back
 * the read's transaction), and writing the canonical JSON, then each object
 * kind (its query and its nodes) as the reader reports its progress.
 *
 * <p>Run it with {@code mvn -B -q -pl benchmarks -am compile -Pbench-schema}, or, where the exec plugin is not at
 * hand, {@code mvn -o -B -q -pl benchmarks -am package -DskipTests} and {@code java -cp <the module's runtime class
 * path> dev.dbparity.benchmarks.SchemaSnapshotBench}; set {@code PG_DUMP} to use another pg_dump.
 */
public final class SchemaSnapshotBench {

	private static final String VERSION = "15.18";
	private static final int TABLES = 1_000;
	private static final int ROOTS = 50;
	private static final int RUNS = 7;
	private static final int WARMUPS = 3;
	private static final double TARGET_RATIO = 0.5;
	private static final String DATABASE = "schema_bench";

	private SchemaSnapshotBench() {
	}

	public static void main(String[] args) throws Exception {
		String pgDump = System.getenv().getOrDefault("PG_DUMP", "/usr/bin/pg_dump");
		EngineSpec spec = new EngineSpec(Engine.POSTGRES, VERSION, Map.of());
		String label = spec.displayName();
		long started = System.nanoTime();
		try (RunningEngine engine = new EmbeddedProvider().start(spec)) {
			print(label, "engine start", ms(System.nanoTime() - started));
			print(label, "server version", engine.serverVersion());
			engine.createDatabase(DATABASE);
			DataSource dataSource = engine.dataSource(DATABASE);
			started = System.nanoTime();
			try (Connection connection = dataSource.getConnection()) {
				createSchema(connection);
			}
			print(label, "schema", TABLES + " tables, " + 2 * TABLES + " indexes, " + (TABLES - ROOTS)
					+ " foreign keys, created in " + ms(System.nanoTime() - started));

			Path dumpFile = Files.createTempFile("schema-bench", ".sql");
			try {
				List<String> dump = dumpCommand(pgDump, engine.jdbcUrl(DATABASE), dumpFile);
				int snapshotBytes = 0;
				for (int warmup = 0; warmup < WARMUPS; warmup++) {
					snapshotBytes = snapshot(dataSource).bytes();
					runDump(dump);
				}
				Timing[] snapshots = new Timing[RUNS];
				long[] dumps = new long[RUNS];
				for (int run = 0; run < RUNS; run++) {
					snapshots[run] = snapshot(dataSource);
					long dumpStarted = System.nanoTime();
					runDump(dump);
					dumps[run] = System.nanoTime() - dumpStarted;
					print(label, "run " + (run + 1), ms(snapshots[run].total()) + " snapshot, " + ms(dumps[run])
							+ " pg_dump: " + ratio((double) snapshots[run].total() / dumps[run]));
				}
				long snapshot = median(Arrays.stream(snapshots).mapToLong(Timing::total).toArray());
				long pgDumpTime = median(dumps);
				print(label, "schema snapshot, median of " + RUNS, ms(snapshot) + " (" + snapshotBytes / 1024
						+ " KiB of schema.json)");
				print(label, "  catalog queries", ms(median(Arrays.stream(snapshots).mapToLong(Timing::queries)
					.toArray())) + " (statements run and their rows received)");
				print(label, "  building the tree", ms(median(Arrays.stream(snapshots)
					.mapToLong(timing -> timing.read() - timing.queries()).toArray()))
						+ " (rows read into nodes; the transaction's set-up and rollback)");
				print(label, "  canonical JSON", ms(median(Arrays.stream(snapshots).mapToLong(Timing::json)
					.toArray())));
				for (String kind : snapshots[0].kinds().keySet()) {
					print(label, "    " + kind, ms(median(Arrays.stream(snapshots)
						.mapToLong(timing -> timing.kinds().get(kind)).toArray())) + " (query and nodes)");
				}
				print(label, "pg_dump --schema-only, median " + RUNS, ms(pgDumpTime) + " (" + Files.size(dumpFile) / 1024
						+ " KiB of SQL)");
				print(label, "snapshot / pg_dump, median", ratio((double) snapshot / pgDumpTime));
				// On a loaded machine the medians move with the load; the fastest runs show the work itself.
				long fastestSnapshot = Arrays.stream(snapshots).mapToLong(Timing::total).min().orElseThrow();
				long fastestDump = Arrays.stream(dumps).min().orElseThrow();
				print(label, "fastest of each", ms(fastestSnapshot) + " snapshot, " + ms(fastestDump) + " pg_dump: "
						+ ratio((double) fastestSnapshot / fastestDump));
			}
			finally {
				Files.deleteIfExists(dumpFile);
			}
		}
	}

	/** Tables in batches of one multi-statement string each, so that creating them takes seconds, not minutes. */
	private static void createSchema(Connection connection) throws SQLException {
		StringBuilder batch = new StringBuilder("CREATE TYPE state AS ENUM ('new', 'open', 'closed');");
		for (int table = 0; table < TABLES; table++) {
			String name = "t" + table;
			batch.append("CREATE TABLE ").append(name).append(" (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, ")
				.append("code varchar(40) NOT NULL, amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0), ")
				.append("state state NOT NULL DEFAULT 'new', created_at timestamptz NOT NULL DEFAULT now(), note text");
			if (table >= ROOTS) {
				batch.append(", parent_id bigint REFERENCES t").append(table % ROOTS).append(" (id) ON DELETE CASCADE");
			}
			batch.append(");");
			batch.append("CREATE INDEX ON ").append(name).append(" (lower(code));");
			batch.append("CREATE INDEX ON ").append(name).append(" (created_at DESC) WHERE state <> 'closed';");
			batch.append("COMMENT ON TABLE ").append(name).append(" IS 'Table ").append(table).append("';");
			if (table % 100 == 99) {
				execute(connection, batch.toString());
				batch.setLength(0);
			}
		}
		if (!batch.isEmpty()) {
			execute(connection, batch.toString());
		}
	}

	/**
	 * One snapshot, timed from connecting to having its canonical bytes: in all, in the reader's statements (until
	 * their rows are in hand: the driver receives all rows before {@code executeQuery} returns), in the read as a
	 * whole, per object kind as the reader reports its progress, and in writing the canonical JSON.
	 */
	private static Timing snapshot(DataSource dataSource) throws SQLException {
		long started = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			long[] queries = {0};
			Map<String, Long> kinds = new LinkedHashMap<>();
			long[] stepStarted = {System.nanoTime()};
			CaptureOptions options = new CaptureOptions(List.of(), kind -> {
				long now = System.nanoTime();
				kinds.merge(kind, now - stepStarted[0], Long::sum);
				stepStarted[0] = now;
			});
			long readStarted = System.nanoTime();
			SchemaSnapshot snapshot = new PostgresCatalogReader().read(timed(connection, queries), options);
			long read = System.nanoTime() - readStarted;
			long jsonStarted = System.nanoTime();
			int bytes = snapshot.toCanonicalJson().length;
			long done = System.nanoTime();
			return new Timing(done - started, queries[0], read, done - jsonStarted, kinds, bytes);
		}
	}

	private record Timing(long total, long queries, long read, long json, Map<String, Long> kinds, int bytes) {
	}

	/** {@code connection}, adding the time each of its statements takes to execute to {@code nanos[0]}. */
	private static Connection timed(Connection connection, long[] nanos) {
		return (Connection) proxy(Connection.class, connection, (method, result) -> result instanceof Statement
				? proxy(method.getReturnType(), result, null, nanos) : result, nanos);
	}

	@FunctionalInterface
	private interface Wrapper {
		Object wrap(Method method, Object result);
	}

	/** A proxy of {@code target} that times its {@code execute…} calls and wraps what {@code wrapper} wraps. */
	private static Object proxy(Class<?> type, Object target, Wrapper wrapper, long[] nanos) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			long started = System.nanoTime();
			try {
				Object result = method.invoke(target, arguments);
				if (method.getName().startsWith("execute")) {
					nanos[0] += System.nanoTime() - started;
				}
				return wrapper == null ? result : wrapper.wrap(method, result);
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		};
		return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
	}

	/** {@code pg_dump} for the database of a {@code jdbc:postgresql://host:port/database?user=…} URL. */
	private static List<String> dumpCommand(String pgDump, String jdbcUrl, Path file) {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		String user = "postgres";
		String query = uri.getQuery();
		if (query != null) {
			for (String parameter : query.split("&")) {
				if (parameter.startsWith("user=")) {
					user = parameter.substring("user=".length());
				}
			}
		}
		return List.of(pgDump, "--schema-only", "--no-password", "-h", uri.getHost(), "-p",
				Integer.toString(uri.getPort()), "-U", user, "-f", file.toString(), uri.getPath().substring(1));
	}

	private static void runDump(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
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
		System.out.printf(Locale.ROOT, "%-14s %-32s %s%n", label, figure, value);
	}
}
