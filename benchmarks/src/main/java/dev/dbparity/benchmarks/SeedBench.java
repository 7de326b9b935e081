package dev.dbparity.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import com.mysql.cj.jdbc.JdbcStatement;

import net.datafaker.Faker;

import org.postgresql.PGConnection;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.seeding.LockMode;
import dev.dbparity.seeding.SeedOptions;
import dev.dbparity.seeding.SeedRules;
import dev.dbparity.seeding.Seeder;
import dev.dbparity.seeding.mask.MaskingKey;
import dev.dbparity.snapshots.Engine;

/**
 * {@code SeedBench} loads {@code rows} rows (default 1,000,000) of a 6-column table (id, name, email, created_at,
 * amount numeric(10,2), status) on embedded PostgreSQL and MariaDB three ways, side by side in one run, and prints rows
 * per second and the ratios:
 * <ul>
 * <li>dbparity: {@link Seeder} with seed rules that make the same Datafaker calls;</li>
 * <li>hand-written: one seeded {@link Faker}, rows written by a generating thread into a pipe that PostgreSQL
 * {@code COPY} (PgJDBC {@code CopyManager}) or MariaDB {@code LOAD DATA LOCAL INFILE} reads;</li>
 * <li>batch: plain JDBC {@code addBatch}/{@code executeBatch} of 1000 rows, without statement rewriting.</li>
 * </ul>
 * Goals: dbparity ≥ 0.8 × hand-written and ≥ 2.5 × batch. Run with {@code mvn -B -q -pl benchmarks -am compile
 * -Pbench-seed} ({@code -Drows=…}, {@code -Dengines=postgres,mariadb}, {@code -Dbatch=false} to skip the slow side).
 * With {@code -Dmemory=true} it only seeds with dbparity and prints the heap's peak, for a run such as
 * {@code MAVEN_OPTS=-Xmx256m … -Drows=10000000 -Dmemory=true}.
 */
public final class SeedBench {

	private static final String RULES = """
			version: 1
			seed: 1
			tables:
			  bench:
			    rows: %d
			    columns:
			      id: {sequence: {start: 1}}
			      name: "#{Name.fullName}"
			      email: "#{Internet.emailAddress}"
			      created_at: {timestamp: {from: "2020-01-01 00:00:00", to: "2024-12-31 23:59:59"}}
			      amount: {uniform: {min: 0, max: 9999.99, scale: 2}}
			      status: {weighted: {paid: 60, shipped: 30, cancelled: 10}}
			""";

	private static final LocalDateTime FROM = LocalDateTime.of(2020, 1, 1, 0, 0);

	private static final String[] STATUSES = { "paid", "paid", "paid", "paid", "paid", "paid", "shipped", "shipped",
			"shipped", "cancelled" };

	private SeedBench() {
	}

	public static void main(String[] args) throws Exception {
		long rows = Long.getLong("rows", 1_000_000L);
		boolean memory = Boolean.getBoolean("memory");
		boolean batch = Boolean.parseBoolean(System.getProperty("batch", "true"));
		for (String engineName : System.getProperty("engines", "postgres,mariadb").split(",")) {
			Engine engine = Engine.valueOf(engineName.trim().toUpperCase(Locale.ROOT));
			EngineSpec spec = new EngineSpec(engine, engine == Engine.POSTGRES ? "17.6" : "10.11", Map.of());
			try (RunningEngine running = new EmbeddedProvider().start(spec)) {
				running.createDatabase("seed_bench");
				DataSource dataSource = running.dataSource("seed_bench");
				try (Connection connection = dataSource.getConnection()) {
					create(connection, engine);
					if (memory) {
						memory(spec.displayName(), connection, rows);
						continue;
					}
					// A small warm-up of each side, so that the JIT is not measured.
					dbparity(connection, 20_000);
					truncate(connection);
					handWritten(connection, engine, 20_000);
					truncate(connection);
					double ours = rate(rows, () -> dbparity(connection, rows));
					truncate(connection);
					double hand = rate(rows, () -> handWritten(connection, engine, rows));
					truncate(connection);
					String label = spec.displayName();
					print(label, "dbparity", ours, rows);
					print(label, "hand-written " + (engine == Engine.POSTGRES ? "COPY" : "LOAD DATA"), hand, rows);
					System.out.printf("%-14s dbparity / hand-written = %.2f (goal >= 0.8)%n", label, ours / hand);
					if (batch) {
						double batched = rate(rows, () -> batch(connection, rows));
						truncate(connection);
						print(label, "JDBC batch, no rewrite", batched, rows);
						System.out.printf("%-14s dbparity / batch = %.2f (goal >= 2.5)%n", label, ours / batched);
					}
				}
			}
		}
	}

	private interface Load {

		void run() throws Exception;
	}

	private static double rate(long rows, Load load) throws Exception {
		System.gc();
		long start = System.nanoTime();
		load.run();
		return rows / ((System.nanoTime() - start) / 1e9);
	}

	private static void print(String label, String side, double rate, long rows) {
		System.out.printf("%-14s %-26s %,10.0f rows/s (%,d rows)%n", label, side, rate, rows);
	}

	private static void create(Connection connection, Engine engine) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bench (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) "
					+ "NOT NULL, created_at " + (engine == Engine.POSTGRES ? "TIMESTAMP" : "DATETIME") + " NOT NULL, "
					+ "amount NUMERIC(10,2) NOT NULL, status VARCHAR(12) NOT NULL)");
		}
	}

	private static void truncate(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("TRUNCATE TABLE bench");
		}
	}

	private static void dbparity(Connection connection, long rows) throws SQLException {
		SeedRules rules = SeedRules.parse(RULES.formatted(rows).getBytes(StandardCharsets.UTF_8), "bench.yaml");
		Seeder.seed(connection, rules, new SeedOptions("default", MaskingKey.developmentKey(), LockMode.IGNORE,
				Optional.empty(), line -> {
				}));
	}

	/** What a careful hand-written loader does: one generator thread, a pipe, the engine's bulk path. */
	private static void handWritten(Connection connection, Engine engine, long rows) throws Exception {
		PipedInputStream in = new PipedInputStream(1 << 16);
		PipedOutputStream out = new PipedOutputStream(in);
		Thread producer = new Thread(() -> {
			try (out) {
				Faker faker = new Faker(Locale.ENGLISH, new Random(1));
				Random random = new Random(2);
				StringBuilder line = new StringBuilder(256);
				byte[] buffer;
				for (long id = 1; id <= rows; id++) {
					line.setLength(0);
					line.append(id).append('\t').append(faker.name().fullName()).append('\t')
						.append(faker.internet().emailAddress()).append('\t')
						.append(Timestamp.valueOf(FROM.plusSeconds(random.nextInt(157_766_400))).toString(), 0, 19)
						.append('\t').append(BigDecimal.valueOf(random.nextInt(1_000_000), 2).toPlainString())
						.append('\t').append(STATUSES[random.nextInt(10)]).append('\n');
					buffer = line.toString().getBytes(StandardCharsets.UTF_8);
					out.write(buffer);
				}
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}, "hand-written-generator");
		producer.start();
		if (engine == Engine.POSTGRES) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench FROM STDIN", in, 1 << 16);
		}
		else {
			try (Statement statement = connection.createStatement()) {
				statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(in);
				statement.execute("LOAD DATA LOCAL INFILE 'bench' INTO TABLE bench CHARACTER SET utf8mb4");
			}
		}
		producer.join();
		close(in);
	}

	private static void close(InputStream in) throws IOException {
		in.close();
	}

	private static void batch(Connection connection, long rows) throws SQLException {
		Faker faker = new Faker(Locale.ENGLISH, new Random(1));
		Random random = new Random(2);
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench (id, name, email, created_at, "
				+ "amount, status) VALUES (?, ?, ?, ?, ?, ?)")) {
			for (long id = 1; id <= rows; id++) {
				insert.setLong(1, id);
				insert.setString(2, faker.name().fullName());
				insert.setString(3, faker.internet().emailAddress());
				insert.setTimestamp(4, Timestamp.valueOf(FROM.plusSeconds(random.nextInt(157_766_400))));
				insert.setBigDecimal(5, BigDecimal.valueOf(random.nextInt(1_000_000), 2));
				insert.setString(6, STATUSES[random.nextInt(10)]);
				insert.addBatch();
				if (id % 1000 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
			connection.commit();
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static void memory(String label, Connection connection, long rows) throws Exception {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		double rate = rate(rows, () -> dbparity(connection, rows));
		long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		System.out.printf("%-14s dbparity %,d rows at %,.0f rows/s; max heap %,d MB, peak heap used (sum of pools) "
				+ "%,d MB%n", label, rows, rate, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
		// Young pools peak at whatever size the collector gives them; what survives collections shows in the old pool.
		ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
			.forEach(p -> System.out.printf("%-14s   %-20s peak %,d MB%n", label, p.getName(),
					p.getPeakUsage().getUsed() >> 20));
	}
}
