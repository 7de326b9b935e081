package dev.dbparity.seeding.internal;

import static dev.dbparity.seeding.internal.SeedTesting.rows;
import static dev.dbparity.seeding.internal.SeedTesting.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GeneratorTests {

	static List<Object> column(String generator, int rows) {
		String yaml = "version: 1\nseed: 42\ntables:\n  t:\n    rows: " + rows + "\n    columns:\n      id: {sequence: {start: 1}}\n"
				+ "      c: " + generator + "\n";
		return rows(rules(yaml), "t").stream().map(row -> row.get("c")).toList();
	}

	static Map<Object, Long> counts(List<Object> values) {
		return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	@Test
	@DisplayName("sequences count from start by step")
	void sequence() {
		assertThat(column("{sequence: {start: 100, step: 5}}", 3)).containsExactly(100L, 105L, 110L);
	}

	@Test
	@DisplayName("templates number rows and derive from other columns of the row")
	void templates() {
		assertThat(column("\"ORD-{seq:6}\"", 2)).containsExactly("ORD-000001", "ORD-000002");
		String yaml = """
				version: 1
				seed: 42
				tables:
				  people:
				    rows: 3
				    columns:
				      email: "{first|lower}.{last|lower}@example.org"
				      first: {weighted: {Ann: 1, Bob: 1}}
				      last: "Doe{row}"
				""";
		rows(rules(yaml), "people").forEach(row -> assertThat(row.get("email"))
			.isEqualTo(row.get("first").toString().toLowerCase() + "." + row.get("last").toString().toLowerCase()
					+ "@example.org"));
	}

	@Test
	@DisplayName("constants keep their YAML type")
	void constants() {
		assertThat(column("7", 1)).containsExactly(7L);
		assertThat(column("2.50", 1)).containsExactly(new BigDecimal("2.50"));
		assertThat(column("true", 1)).containsExactly(true);
		assertThat(column("paid", 1)).containsExactly("paid");
		assertThat(column("{constant: null}", 1)).containsExactly((Object) null);
	}

	@Test
	@DisplayName("uniform numbers stay in bounds and keep their scale")
	void uniform() {
		List<Object> whole = column("{uniform: {min: -3, max: 3}}", 2000);
		assertThat(new HashSet<>(whole)).containsExactlyInAnyOrder(-3L, -2L, -1L, 0L, 1L, 2L, 3L);
		column("{uniform: {min: 0.5, max: 9.99, scale: 2}}", 500).forEach(value -> assertThat((BigDecimal) value)
			.isBetween(new BigDecimal("0.50"), new BigDecimal("9.99")).extracting(BigDecimal::scale).isEqualTo(2));
	}

	@Test
	@DisplayName("normal numbers have the mean and spread asked for and are clamped to the bounds")
	void normal() {
		List<Double> values = column("{normal: {mean: 50, stddev: 10, min: 0, max: 100, scale: 1}}", 20000).stream()
			.map(v -> ((BigDecimal) v).doubleValue()).toList();
		double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		double sd = Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElseThrow());
		assertThat(mean).isCloseTo(50, within(0.5));
		assertThat(sd).isCloseTo(10, within(0.5));
		assertThat(column("{normal: {mean: 0, stddev: 100, min: -1, max: 1}}", 200))
			.allSatisfy(v -> assertThat((Long) v).isBetween(-1L, 1L));
	}

	@Test
	@DisplayName("zipf makes rank 1 the most popular, by about 1/k^s")
	void zipf() {
		Map<Object, Long> counts = counts(column("{zipf: {n: 100, s: 1.0}}", 20000));
		assertThat(counts.get(1L)).isGreaterThan(counts.get(2L)).isGreaterThan(counts.get(10L));
		assertThat((double) counts.get(1L) / counts.get(2L)).isCloseTo(2.0, within(0.3));
		assertThat(counts.keySet()).allSatisfy(k -> assertThat((Long) k).isBetween(1L, 100L));
	}

	@Test
	@DisplayName("poisson has the mean asked for")
	void poisson() {
		double mean = column("{poisson: {mean: 3}}", 20000).stream().mapToLong(v -> (Long) v).average().orElseThrow();
		assertThat(mean).isCloseTo(3.0, within(0.1));
	}

	@Test
	@DisplayName("weighted choices follow their weights")
	void weighted() {
		Map<Object, Long> counts = counts(column("{weighted: {paid: 60, shipped: 30, cancelled: 10, lost: 0}}", 10000));
		assertThat(counts.get("paid") / 10000.0).isCloseTo(0.6, within(0.02));
		assertThat(counts.get("shipped") / 10000.0).isCloseTo(0.3, within(0.02));
		assertThat(counts.get("cancelled") / 10000.0).isCloseTo(0.1, within(0.02));
		assertThat(counts).doesNotContainKey("lost");
	}

	@Test
	@DisplayName("dates and timestamps stay within their fixed bounds")
	void dates() {
		assertThat(column("{date: {from: 2024-02-27, to: 2024-03-01}}", 500)).allSatisfy(d -> assertThat((LocalDate) d)
			.isBetween(LocalDate.of(2024, 2, 27), LocalDate.of(2024, 3, 1))).contains(LocalDate.of(2024, 2, 29));
		assertThat(column("{timestamp: {from: \"2024-01-01 00:00:00\", to: \"2024-01-01 00:00:10\"}}", 200))
			.allSatisfy(t -> assertThat((LocalDateTime) t).isBetween(LocalDateTime.of(2024, 1, 1, 0, 0),
					LocalDateTime.of(2024, 1, 1, 0, 0, 10)));
	}

	@Test
	@DisplayName("nullFraction makes about that share null")
	void nullFraction() {
		long nulls = column("{uniform: {min: 1, max: 9}, nullFraction: 0.25}", 10000).stream().filter(Objects::isNull)
			.count();
		assertThat(nulls / 10000.0).isCloseTo(0.25, within(0.02));
	}

	@Test
	@DisplayName("Datafaker expressions use the locale and unique adds the row number before the @")
	void faker() {
		List<Object> emails = column("{faker: \"#{Internet.emailAddress}\", unique: true}", 2000);
		assertThat(emails).allSatisfy(e -> assertThat((String) e).matches("[^@\\s]+\\.\\d+@[^@\\s]+"));
		assertThat(new HashSet<>(emails)).hasSize(2000);
		assertThat(column("{faker: \"#{Address.country}\", locale: de}", 50))
			.isNotEqualTo(column("{faker: \"#{Address.country}\", locale: en}", 50))
			.anySatisfy(country -> assertThat((String) country).containsAnyOf("ä", "ö", "ü", "Französisch"));
	}

	@Test
	@DisplayName("references give keys of the parent's generated rows, rows per parent follow their parent")
	void references() {
		String yaml = """
				version: 1
				seed: 9
				tables:
				  customers:
				    rows: 50
				    columns:
				      id: {sequence: {start: 1000, step: 10}}
				  orders:
				    rows: {perParent: customers, poisson: 3}
				    columns:
				      id: {sequence: {start: 1}}
				      customer_id: {references: customers.id}
				  reviews:
				    rows: 3000
				    columns:
				      id: {sequence: {start: 1}}
				      customer_id: {references: customers.id, distribution: zipf, s: 1.2}
				""";
		var rules = rules(yaml);
		List<Object> keys = rows(rules, "customers").stream().map(r -> r.get("id")).toList();
		List<Map<String, Object>> orders = rows(rules, "orders");
		assertThat(orders).extracting(o -> o.get("customer_id")).allMatch(keys::contains);
		assertThat(orders.size() / 50.0).isCloseTo(3.0, within(0.7));
		// rows per parent are grouped by parent, in parent order
		assertThat(orders).extracting(o -> (Long) o.get("customer_id")).isSorted();
		Map<Object, Long> popular = counts(rows(rules, "reviews").stream().map(r -> r.get("customer_id")).toList());
		assertThat(popular.get(1000L)).isGreaterThan(popular.getOrDefault(1100L, 0L) * 3);
	}
}
