package dev.dbparity.seeding;

import static dev.dbparity.seeding.internal.SeedTesting.rows;
import static dev.dbparity.seeding.internal.SeedTesting.rules;
import static dev.dbparity.seeding.internal.SeedTesting.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.seeding.RestrictedRules.Kind;
import dev.dbparity.snapshots.SchemaSnapshot;

/** {@link SeedRules#at}: the rules restricted to what exists at a migration version. */
class RestrictedRulesTests {

	/** Tables {@code name: column column …}, all columns nullable integers. */
	static SchemaSnapshot tables(String... tables) {
		return snapshot(Arrays.stream(tables).map(table -> {
			String[] words = table.split(" ");
			String columns = Arrays.stream(words).skip(1).map(column -> "\"" + column + "\": {\"position\": 1, "
					+ "\"type\": \"integer\", \"nullable\": true}").collect(Collectors.joining(", "));
			return "\"" + words[0] + "\": {\"columns\": {" + columns + "}}";
		}).collect(Collectors.joining(", ", "{", "}")));
	}

	static List<String> omissions(RestrictedRules restricted) {
		return restricted.omissions().stream().map(RestrictedRules.Omission::toString).toList();
	}

	static Map<String, Set<String>> kept(RestrictedRules restricted) {
		Map<String, Set<String>> kept = new TreeMap<>();
		restricted.rules().root().get("tables").orElseThrow().map()
			.forEach((table, rule) -> kept.put(table, rule.get("columns").orElseThrow().map().keySet()));
		return kept;
	}

	/** Every kept value is the full rules' value: no column's values depend on which other columns exist. */
	static void assertSameValues(RestrictedRules restricted, SeedRules full) {
		kept(restricted).forEach((table, columns) -> {
			List<Map<String, Object>> expected = rows(full, table).stream()
				.map(row -> (Map<String, Object>) new TreeMap<>(row.entrySet().stream().filter(e -> columns.contains(e
					.getKey())).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a))))
				.toList();
			assertThat(rows(restricted.rules(), table)).as(table).isEqualTo(expected);
		});
	}

	static final String SHOP = """
			version: 1
			seed: 5
			tables:
			  customers:
			    rows: 4
			    columns:
			      id: {sequence: {start: 1}}
			      name: "#{Name.firstName}"
			      tier: {weighted: {gold: 1, silver: 1}, since: 3}
			      score: {uniform: {min: 1, max: 9}, since: 3}
			      legacy: "x"
			  orders:
			    since: 2
			    rows: {perParent: customers, poisson: 2}
			    columns:
			      id: {sequence: {start: 1}}
			      customer_id: {references: customers.id}
			""";

	@Test
	@DisplayName("what does not exist yet, or whose rule is for a later version, is left out, each with a note")
	void existence() {
		SeedRules full = rules(SHOP);

		RestrictedRules first = full.at("1", tables("customers id name score"));

		assertThat(kept(first)).isEqualTo(Map.of("customers", Set.of("id", "name")));
		assertThat(omissions(first)).containsExactly(
				"seed.yaml:9:7: customers.tier: left out at version 1: the rule says since: 3 and the column does not "
						+ "exist yet",
				"seed.yaml:10:7: customers.score: left out at version 1: the column exists, but the rule says since: 3 "
						+ "(a rule for a later version)",
				"seed.yaml:11:7: customers.legacy: left out at version 1: there is no column \"legacy\" in "
						+ "\"customers\" (declare since: <version> if a later migration adds it)",
				"seed.yaml:12:3: orders: left out at version 1: the rule says since: 2 and the table does not exist yet");
		assertThat(first.omissions()).extracting(RestrictedRules.Omission::kind)
			.containsExactly(Kind.COLUMN, Kind.COLUMN, Kind.COLUMN, Kind.TABLE);
		assertThat(first.omissions()).extracting(RestrictedRules.Omission::table)
			.containsExactly("customers", "customers", "customers", "orders");
		assertThat(first.tableOmission("orders")).isPresent();
		assertThat(first.tableOmission("customers")).isEmpty();
		assertThat(first.located()).containsExactly(Map.entry("customers", "public.customers"));
		assertThat(first.version()).isEqualTo("1");
		assertSameValues(first, full);

		RestrictedRules second = full.at("2.0", tables("customers id name", "orders id customer_id"));
		assertThat(kept(second)).isEqualTo(Map.of("customers", Set.of("id", "name"), "orders",
				Set.of("id", "customer_id")));
		assertThat(second.located()).containsOnlyKeys("customers", "orders");
		assertSameValues(second, full);
	}

	@Test
	@DisplayName("at a version where everything exists nothing is left out and the rules hash as the file does")
	void everything() {
		SeedRules full = rules(SHOP.replace("      legacy: \"x\"\n", ""));

		RestrictedRules latest = full.at("20230101120000", tables("customers id name tier score",
				"orders id customer_id"));

		assertThat(latest.omissions()).isEmpty();
		assertThat(latest.rules().hash()).isEqualTo(full.hash());
		assertThat(latest.rules().root()).isEqualTo(full.root());
	}

	@Test
	@DisplayName("a table whose parent or referenced column is left out is left out, transitively, and so is a template "
			+ "reading a left-out column")
	void dependencies() {
		SeedRules full = rules("""
				version: 1
				seed: 5
				tables:
				  customers:
				    rows: 3
				    columns:
				      id: {sequence: {start: 1}}
				      code: {template: "C-{seq}", since: 2}
				      nick: {faker: "#{Name.firstName}", since: 2}
				      email: "{nick}.{seq}@example.org"
				  orders:
				    rows: {perParent: customers, poisson: 2}
				    columns:
				      id: {sequence: {start: 1}}
				      customer_code: {references: customers.code}
				  items:
				    rows: {perParent: orders, poisson: 1}
				    columns:
				      order_id: {references: orders.id}
				      quantity: 1
				  products:
				    rows: 2
				    columns:
				      id: {sequence: {start: 1}}
				      label: "P-{row}"
				""");

		RestrictedRules restricted = full.at("1", tables("customers id email", "orders id customer_code",
				"items order_id quantity", "products id label"));

		assertThat(kept(restricted)).isEqualTo(Map.of("customers", Set.of("id"), "products", Set.of("id", "label")));
		assertThat(omissions(restricted)).containsExactly(
				"seed.yaml:8:7: customers.code: left out at version 1: the rule says since: 2 and the column does not "
						+ "exist yet",
				"seed.yaml:9:7: customers.nick: left out at version 1: the rule says since: 2 and the column does not "
						+ "exist yet",
				"seed.yaml:10:7: customers.email: left out at version 1: its template reads {nick}, which is left out",
				"seed.yaml:11:3: orders: left out at version 1: orders.customer_code references customers.code, which "
						+ "is left out",
				"seed.yaml:16:3: items: left out at version 1: its rows are made per row of \"orders\", which is left "
						+ "out");
		assertSameValues(restricted, full);
	}

	@Test
	@DisplayName("a reference that would take each row's parent in place of a left-out one is left out, so that no "
			+ "value changes")
	void parentRow() {
		SeedRules full = rules("""
				version: 1
				seed: 5
				tables:
				  customers:
				    rows: 5
				    columns:
				      id: {sequence: {start: 1}}
				  orders:
				    rows: {perParent: customers, poisson: 3}
				    columns:
				      id: {sequence: {start: 1}}
				      owner_id: {references: customers.id, since: 2}
				      referrer_id: {references: customers.id}
				      amount: {uniform: {min: 1, max: 100}}
				""");

		RestrictedRules first = full.at("1", tables("customers id", "orders id referrer_id amount"));

		assertThat(kept(first)).isEqualTo(Map.of("customers", Set.of("id"), "orders", Set.of("id", "amount")));
		assertThat(omissions(first)).containsExactly(
				"seed.yaml:12:7: orders.owner_id: left out at version 1: the rule says since: 2 and the column does "
						+ "not exist yet",
				"seed.yaml:13:7: orders.referrer_id: left out at version 1: without the left-out reference to "
						+ "\"customers\" before it, which takes each row's parent row, it would take that parent row in "
						+ "its place and change its values");
		assertSameValues(first, full);
		RestrictedRules second = full.at("2", tables("customers id", "orders id owner_id referrer_id amount"));
		assertThat(second.omissions()).isEmpty();
		assertSameValues(second, full);
	}

	@Test
	@DisplayName("a table or column whose since is not after the version but that does not exist is an error naming "
			+ "the rule, the version and the fix")
	void declaredButMissing() {
		SeedRules full = rules("""
				version: 1
				seed: 5
				tables:
				  customers:
				    rows: 1
				    columns:
				      id: {sequence: {start: 1}}
				      nick: {faker: "#{Name.firstName}", since: 2}
				  orders:
				    since: 1.5
				    rows: 1
				    columns:
				      id: {sequence: {start: 1}}
				""");

		SeedRulesException e = catchThrowableOfType(SeedRulesException.class,
				() -> full.at("2", tables("customers id")));

		assertThat(e.problems()).extracting(SeedProblem::toString).containsExactly(
				"seed.yaml:8:42: customers.nick: the rule says since: 2, so the column should exist at version 2, but "
						+ "\"customers\" has no column \"nick\". Fix: set since: to the version of the migration that "
						+ "adds customers.nick, or add that migration if it is missing",
				"seed.yaml:10:5: orders: the rule says since: 1.5, so the table should exist at version 2, but there is "
						+ "no table \"orders\". Fix: set since: to the version of the migration that creates orders, or "
						+ "add that migration if it is missing");
		assertThat(e).hasMessageStartingWith("2 problems in seed rules; nothing was written:\n  seed.yaml:8:42: ");
	}

	@Test
	@DisplayName("a version that is no migration version is refused")
	void badVersion() {
		assertThatThrownBy(() -> rules(SHOP).at("V2", tables("customers id"))).isInstanceOf(
				IllegalArgumentException.class).hasMessage("\"V2\" is not a migration version: write numbers separated "
						+ "by '.' or '_', such as 5, 2.1 or 20230101120000");
	}

	@Test
	@DisplayName("fixtures of left-out tables, and fixtures with columns that do not exist yet, are left out")
	void fixtures(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("customers.csv"), "id,phone\n100,555\n");
		Files.writeString(dir.resolve("orders.csv"), "id\n100\n");
		SeedRules full = rules(SHOP + """
				fixtures:
				  - {table: customers, file: customers.csv, columns: {phone: phone}}
				  - {table: orders, file: orders.csv}
				""", dir);

		RestrictedRules first = full.at("1", tables("customers id name"));

		assertThat(omissions(first)).endsWith(
				"seed.yaml:19:5: customers: left out at version 1: the fixture file customers.csv has columns [phone] "
						+ "that \"customers\" does not have",
				"seed.yaml:20:5: orders: left out at version 1: the fixture file orders.csv is for \"orders\", which is "
						+ "left out");
		assertThat(first.rules().root().get("fixtures").orElseThrow().list()).isEmpty();
		assertThat(first.rules().hash()).isNotEqualTo(full.hash());

		RestrictedRules third = full.at("3", tables("customers id name tier score phone", "orders id customer_id"));
		assertThat(third.omissions()).extracting(RestrictedRules.Omission::subject).containsExactly("customers.legacy");
		assertThat(third.rules().root().get("fixtures").orElseThrow().list()).hasSize(2);
	}
}
