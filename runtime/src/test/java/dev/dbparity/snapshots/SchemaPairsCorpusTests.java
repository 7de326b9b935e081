package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;
import dev.dbparity.snapshots.catalog.PostgresCatalogReader;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;

/**
 * Our own corpus of schema pairs with known answers ({@code schema/pairs/*.yaml}), run in both directions on a real
 * engine and measured as the issue measures a parity check: recall on the pairs that differ (each direction must
 * show a difference, and a pair that loses data must be labelled {@code DESTRUCTIVE}) and accuracy on the pairs that
 * are two spellings of one schema (no difference either way). Our own corpus must score 1.0 on both.
 */
class SchemaPairsCorpusTests {

	/** One pair of the corpus: {@code expect} is {@code different}, {@code destructive} or {@code equivalent}. */
	record Pair(String name, String expect, List<String> a, List<String> b) {

		Pair {
			if (!List.of("different", "destructive", "equivalent").contains(expect)) {
				throw new IllegalArgumentException("pair '" + name + "': expect is '" + expect
						+ "'; write different, destructive or equivalent");
			}
		}

		boolean equivalent() {
			return expect.equals("equivalent");
		}
	}

	/** Builds one side of a pair and reads it. */
	@FunctionalInterface
	interface Builder {
		SchemaSnapshot build(int side, List<String> statements) throws SQLException;
	}

	static List<Pair> corpus(String engine) throws IOException {
		ObjectMapper yaml = JsonMapper.builder(new YAMLFactory()).build();
		try (InputStream in = SchemaPairsCorpusTests.class.getResourceAsStream("/schema/pairs/" + engine + ".yaml")) {
			return yaml.readValue(in, new TypeReference<List<Pair>>() { });
		}
	}

	/**
	 * Runs every pair both ways, prints recall and accuracy, and asserts that both are 1.0, naming each pair that
	 * failed with what the diff said.
	 */
	static void measure(String engine, Builder builder) throws IOException, SQLException {
		List<Pair> pairs = corpus(engine);
		List<String> failures = new ArrayList<>();
		int different = 0;
		int found = 0;
		int equivalent = 0;
		int equal = 0;
		for (Pair pair : pairs) {
			SchemaSnapshot a = builder.build(0, pair.a());
			SchemaSnapshot b = builder.build(1, pair.b());
			List<Difference> there = SchemaDiff.compare(a, b, IgnoreRules.none()).differences();
			List<Difference> back = SchemaDiff.compare(b, a, IgnoreRules.none()).differences();
			if (pair.equivalent()) {
				equivalent++;
				if (there.isEmpty() && back.isEmpty()) {
					equal++;
				}
				else {
					failures.add(pair.name() + ": expected no difference, got " + describe(there) + " / back "
							+ describe(back));
				}
				continue;
			}
			different++;
			boolean destructive = !pair.expect().equals("destructive")
					|| there.stream().anyMatch(d -> d.categories().contains(Category.DESTRUCTIVE));
			if (!there.isEmpty() && !back.isEmpty() && destructive) {
				found++;
			}
			else {
				failures.add(pair.name() + ": expected " + pair.expect() + ", got " + describe(there) + " / back "
						+ describe(back));
			}
		}
		double recall = (double) found / different;
		double accuracy = (double) equal / equivalent;
		System.out.printf(Locale.ROOT, "%s corpus: recall %.3f (%d of %d different pairs found), accuracy %.3f "
				+ "(%d of %d equivalent pairs equal)%n", engine, recall, found, different, accuracy, equal, equivalent);
		assertThat(failures).as("%s pairs the snapshot diff got wrong", engine).isEmpty();
		assertThat(recall).isEqualTo(1.0);
		assertThat(accuracy).isEqualTo(1.0);
	}

	private static String describe(List<Difference> differences) {
		return differences.stream().map(d -> d.path() + " " + d.kind() + " " + d.categories()).toList().toString();
	}

	@Nested
	@DisplayName("PostgreSQL")
	class Postgres {

		@Test
		@DisplayName("recall and accuracy on our own PostgreSQL pairs are 1.0")
		void measure() throws Exception {
			try (Connection connection = RealDatabases.freshDatabase(Engine.POSTGRES).getConnection()) {
				measure(connection);
			}
		}

		private static void measure(Connection connection) throws Exception {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DO $$ BEGIN CREATE ROLE dbparity_corpus_role; "
						+ "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
				statement.execute("CREATE EXTENSION IF NOT EXISTS postgres_fdw");
				statement.execute("CREATE SERVER IF NOT EXISTS dbparity_corpus_server FOREIGN DATA WRAPPER postgres_fdw");
			}
			SchemaPairsCorpusTests.measure("postgres", (side, statements) -> {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE SCHEMA pair");
					try {
						statement.execute("SET search_path = pair");
						for (String sql : statements) {
							statement.execute(sql);
						}
						return new PostgresCatalogReader().read(connection, new CaptureOptions(List.of("pair")));
					}
					finally {
						statement.execute("RESET search_path");
						statement.execute("DROP SCHEMA pair CASCADE");
						statement.execute("DROP PUBLICATION IF EXISTS dbparity_corpus_pub");
						statement.execute("ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM dbparity_corpus_role");
					}
				}
			});
		}
	}

	@Nested
	@DisplayName("MariaDB")
	class MariaDb {

		/** The creation times of the two sides, as {@code SET timestamp} takes them: 2020-09-13 and 2023-11-14. */
		private static final long[] CREATED = { 1_600_000_000L, 1_700_000_000L };

		@Test
		@DisplayName("recall and accuracy on our own MariaDB pairs are 1.0")
		void measure() throws Exception {
			try (Connection connection = RealDatabases.freshDatabase(Engine.MARIADB).getConnection()) {
				measure(connection);
			}
		}

		private static void measure(Connection connection) throws Exception {
			String home = single(connection, "SELECT DATABASE()");
			SchemaPairsCorpusTests.measure("mariadb", (side, statements) -> {
				String scratch = home + "_" + side;
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE `" + scratch + "`");
					try {
						statement.execute("CREATE USER dbparity_corpus_app");
						statement.execute("CREATE ROLE dbparity_corpus_role");
						statement.execute("USE `" + scratch + "`");
						statement.execute("SET timestamp = " + CREATED[side]);
						for (String sql : statements) {
							statement.execute(sql);
						}
						statement.execute("SET timestamp = DEFAULT");
						return new MySqlCatalogReader().read(connection, CaptureOptions.all());
					}
					finally {
						statement.execute("SET timestamp = DEFAULT");
						statement.execute("USE `" + home + "`");
						statement.execute("DROP DATABASE `" + scratch + "`");
						// Dropping a database keeps the grants on its objects; dropping the accounts removes them.
						statement.execute("DROP USER IF EXISTS dbparity_corpus_app");
						statement.execute("DROP ROLE IF EXISTS dbparity_corpus_role");
					}
				}
			});
		}

		private static String single(Connection connection, String sql) throws SQLException {
			try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
				result.next();
				return result.getString(1);
			}
		}
	}
}
