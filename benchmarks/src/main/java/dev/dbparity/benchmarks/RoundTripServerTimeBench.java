package dev.dbparity.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.external.ExternalProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.roundtrips.RoundTrips;
import dev.dbparity.roundtrips.VersionResult;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code RoundTripServerTimeBench} runs {@link RoundTripBench}'s PostgreSQL round trips on a server that loads
 * {@code pg_stat_statements}, and prints the server's execution time per statement, most first: where the server
 * time of round trips goes, without the client's share and without a profiler's or {@code EXPLAIN ANALYZE}'s
 * overhead per row. The extension counts the executor's run only: not planning (a read transaction's statements are
 * prepared, their generic plans made once per connection), not the executor's start and end (opening the plan's
 * relations, a few microseconds per scan), not the round trip; compare variants of a query by these figures and by
 * {@link RoundTripBench}'s wall times together. Run it with
 * {@code java -cp <classpath> dev.dbparity.benchmarks.RoundTripServerTimeBench [statements to print]} (default 25),
 * the classpath being {@link RoundTripBench}'s.
 */
public final class RoundTripServerTimeBench {

	private RoundTripServerTimeBench() {
	}

	/** Runs the round trips and prints the statements that took most of the server's time. */
	public static void main(String[] args) throws Exception {
		int shown = args.length == 0 ? 25 : Integer.parseInt(args[0]);
		Path folder = RoundTripBench.writeMigrations(Engine.POSTGRES, false);
		// The embedded provider's server, with the statistics extension loaded: it cannot be loaded after the start.
		try (EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("full_page_writes", "off")
			.setServerConfig("max_connections", "300")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.setServerConfig("pg_stat_statements.track", "all")
			.setServerConfig("pg_stat_statements.max", "20000")
			.start()) {
			String url = server.getJdbcUrl("postgres", "postgres");
			execute(url, "CREATE EXTENSION pg_stat_statements");
			RunningEngine engine = new ExternalProvider().start(new EngineSpec(Engine.POSTGRES, "17.6",
					Map.of("url", url.replaceAll("\\?.*", ""), "user", "postgres")));
			MigrationSet set = MigrationSet.load("file:" + folder, RoundTripServerTimeBench.class.getClassLoader());
			RoundTripTimings timings = new RoundTripTimings();
			execute(url, "SELECT pg_stat_statements_reset()");
			long start = System.nanoTime();
			try (RoundTrips roundTrips = RoundTrips.of(engine, new DatabaseContext(Optional.of(set),
					new SqlMigrationRunner()), timings)) {
				List<VersionResult> failed = roundTrips.run()
					.filter(result -> result.verdict() != VersionResult.Verdict.PASSED).toList();
				if (!failed.isEmpty()) {
					throw new IllegalStateException("round trips did not pass: " + failed);
				}
			}
			System.out.printf(Locale.ROOT, "round trips %.1f s; schema reads spared %d, partial %d%n",
					(System.nanoTime() - start) / 1e9, timings.readsSpared(), timings.readsPartial());
			print(url, shown);
		}
		finally {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private static void print(String url, int shown) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			try (ResultSet total = statement.executeQuery(
					"SELECT sum(total_exec_time) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'")) {
				total.next();
				System.out.printf(Locale.ROOT, "all statements: %.0f ms of execution on the server%n", total.getDouble(1));
			}
			// The least time is the figure that the machine's other load disturbs least.
			System.out.println("  calls  total ms  mean ms   min ms  statement");
			try (ResultSet row = statement.executeQuery("""
					SELECT calls, total_exec_time, mean_exec_time, min_exec_time,
					       regexp_replace(left(query, 100), '\\s+', ' ', 'g')
					FROM pg_stat_statements WHERE query NOT LIKE '%%pg_stat_statements%%'
					ORDER BY total_exec_time DESC LIMIT %d""".formatted(shown))) {
				while (row.next()) {
					System.out.printf(Locale.ROOT, "%7d %9.1f %8.3f %8.3f  %s%n", row.getLong(1), row.getDouble(2),
							row.getDouble(3), row.getDouble(4), row.getString(5));
				}
			}
		}
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
