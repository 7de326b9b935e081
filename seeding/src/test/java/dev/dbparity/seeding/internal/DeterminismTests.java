package dev.dbparity.seeding.internal;

import static dev.dbparity.seeding.internal.SeedTesting.rows;
import static dev.dbparity.seeding.internal.SeedTesting.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import net.datafaker.Faker;
import net.datafaker.service.RandomService;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.dbparity.seeding.faker.FakerExpressions;

/** A cell's value depends only on seed, rules version, table, column and row index. */
class DeterminismTests {

	static final String RULES = """
			version: 3
			seed: 20240601
			tables:
			  customers:
			    rows: 300
			    columns:
			      id: {sequence: {start: 1}}
			      name: "#{Name.fullName}"
			      email: "{name|lower}@example.org"
			      tier: {weighted: {gold: 1, silver: 3}}
			      score: {normal: {mean: 10, stddev: 3, scale: 2}, nullFraction: 0.1}
			  orders:
			    rows: {perParent: customers, poisson: 2}
			    columns:
			      id: "ORD-{seq:6}"
			      customer_id: {references: customers.id}
			      placed: {timestamp: {from: "2024-01-01 00:00:00", to: "2024-12-31 23:59:59"}}
			      product: {zipf: {n: 50, s: 1.1}}
			""";

	@Test
	@DisplayName("the same rules give the same rows, run after run")
	void repeatable() {
		assertThat(rows(rules(RULES), "orders")).isEqualTo(rows(rules(RULES), "orders"));
	}

	@Test
	@DisplayName("the thread count does not change any value")
	void threadCount() {
		List<Map<String, Object>> one = rows(rules(RULES), "customers", 1, Integer.MAX_VALUE);
		assertThat(rows(rules(RULES), "customers", 4, 7)).isEqualTo(one);
		assertThat(rows(rules(RULES), "orders", 3, 11)).isEqualTo(rows(rules(RULES), "orders"));
	}

	@Test
	@DisplayName("the batch size does not change any value")
	void batchSize() {
		List<Map<String, Object>> whole = rows(rules(RULES), "customers");
		for (int batch : new int[] { 1, 2, 64, 299 }) {
			assertThat(rows(rules(RULES), "customers", 1, batch)).as("batch %d", batch).isEqualTo(whole);
		}
	}

	@Test
	@DisplayName("the order of columns in the YAML does not change any value")
	void columnOrder() {
		String reordered = RULES.replace("""
				      id: {sequence: {start: 1}}
				      name: "#{Name.fullName}"
				""", "").replace("""
				      score: {normal: {mean: 10, stddev: 3, scale: 2}, nullFraction: 0.1}
				""", """
				      score: {normal: {mean: 10, stddev: 3, scale: 2}, nullFraction: 0.1}
				      name: "#{Name.fullName}"
				      id: {sequence: {start: 1}}
				""");
		assertThat(reordered).isNotEqualTo(RULES);
		assertThat(rows(rules(reordered), "customers")).isEqualTo(rows(rules(RULES), "customers"));
	}

	@Test
	@DisplayName("adding a column changes no other column's values")
	void addedColumn() {
		String added = RULES.replace("      tier:", "      nickname: \"#{Name.firstName}\"\n      tier:");
		List<Map<String, Object>> with = rows(rules(added), "customers");
		with.forEach(row -> row.remove("nickname"));
		assertThat(with).isEqualTo(rows(rules(RULES), "customers"));
	}

	@Test
	@DisplayName("adding a table changes no other table's values")
	void addedTable() {
		String added = RULES.replace("  orders:\n", "  coupons:\n    rows: 20\n    columns:\n      code: \"#{Code.isbn10}\"\n"
				+ "      customer_id: {references: customers.id}\n  orders:\n");
		assertThat(added).contains("coupons");
		assertThat(rows(rules(added), "orders")).isEqualTo(rows(rules(RULES), "orders"));
		assertThat(rows(rules(added), "customers")).isEqualTo(rows(rules(RULES), "customers"));
	}

	@Test
	@DisplayName("the seed and the rules version change the values")
	void seedAndVersion() {
		List<Map<String, Object>> base = rows(rules(RULES), "customers");
		assertThat(rows(rules(RULES.replace("seed: 20240601", "seed: 20240602")), "customers")).isNotEqualTo(base);
		assertThat(rows(rules(RULES.replace("version: 3", "version: 4")), "customers")).isNotEqualTo(base);
	}

	@Test
	@DisplayName("the first values are pinned, so a change of algorithm or a JVM difference shows up here")
	void pinned() {
		List<Map<String, Object>> rows = rows(rules(RULES), "customers");
		String first = rows.subList(0, 3).stream().map(Map::toString).collect(Collectors.joining("\n"));
		assertThat(first).isEqualTo(PINNED);
	}

	static final String PINNED = """
			{email=zaida jenkins@example.org, id=1, name=Zaida Jenkins, score=8.92, tier=gold}
			{email=dr. jed schinner@example.org, id=2, name=Dr. Jed Schinner, score=7.43, tier=gold}
			{email=brenna von@example.org, id=3, name=Brenna Von, score=10.41, tier=gold}""";

	/**
	 * One Datafaker instance whose random source is reset per cell against a new instance per cell: the reset is what
	 * {@link FakerExpressions} does, since it is much cheaper and gives the same values.
	 */
	@Test
	@DisplayName("resetting one Datafaker instance per cell gives the same values as one instance per cell")
	void resettingOneInstanceIsCheaperThanOnePerCell() {
		String expression = "#{Internet.emailAddress}";
		long key = CellRandom.key(1, 1, "t", "c");
		int cells = 3000;
		FakerExpressions reused = new FakerExpressions(new CellRandom());
		// Warm up both ways, since the JIT otherwise decides the comparison.
		for (int row = 0; row < 20000; row++) {
			reused.random().reset(key, row);
			reused.evaluate(expression, Locale.ENGLISH);
			if (row % 10 == 0) {
				new Faker(Locale.ENGLISH, new RandomService(new CellRandom().reset(key, row))).expression(expression);
			}
		}
		long start = System.nanoTime();
		String[] a = new String[cells];
		for (int row = 0; row < cells; row++) {
			reused.random().reset(key, row);
			a[row] = reused.evaluate(expression, Locale.ENGLISH);
		}
		long reset = System.nanoTime() - start;
		start = System.nanoTime();
		String[] b = new String[cells];
		for (int row = 0; row < cells; row++) {
			b[row] = new Faker(Locale.ENGLISH, new RandomService(new CellRandom().reset(key, row))).expression(expression);
		}
		long fresh = System.nanoTime() - start;
		System.out.printf("Datafaker per cell: reset one instance %.1f us/cell, new instance %.1f us/cell%n",
				reset / 1e3 / cells, fresh / 1e3 / cells);
		assertThat(a).isEqualTo(b);
	}
}
