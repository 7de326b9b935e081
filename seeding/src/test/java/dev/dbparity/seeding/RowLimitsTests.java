package dev.dbparity.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.dbparity.snapshots.SchemaSnapshot;

/** Row limits: refused above them, allowed when raised by the rules or the options, and no counting of huge plans. */
class RowLimitsTests {

	static final SchemaSnapshot SCHEMA = SeedRulesBadInputTests.postgres(SeedRulesBadInputTests.tables(
			SeedRulesBadInputTests.table("customers").replace("'integer'", "'bigint'"),
			SeedRulesBadInputTests.table("orders", SeedRulesBadInputTests.column("customer_id", 2, "bigint", false))
				.replace("'integer'", "'bigint'")));

	static String rules(String head, long customers) {
		return "version: 1\nseed: 1\n" + head + "tables:\n  customers:\n    rows: " + customers + "\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n  orders:\n    rows: {perParent: customers, poisson: 2}\n"
				+ "    columns:\n      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n";
	}

	static SeedRules parse(String yaml) {
		return SeedRules.parse(yaml.getBytes(StandardCharsets.UTF_8), "seed.yaml");
	}

	@Test
	@DisplayName("6,000,000 rows are refused by default and allowed by limits: in the rules or by the options")
	void limitsCanBeRaisedExplicitly() {
		assertThatThrownBy(() -> Seeder.check(parse(rules("", 6_000_000)), SCHEMA, SeedOptions.defaults()))
			.isInstanceOf(SeedRulesException.class).hasMessageContaining("above the limit of 5,000,000 rows per table");
		assertThatCode(() -> Seeder.check(parse(rules("limits: {rowsPerTable: 13000000, rows: 20000000}\n", 6_000_000)),
				SCHEMA, SeedOptions.defaults())).doesNotThrowAnyException();
		assertThatCode(() -> Seeder.check(parse(rules("", 6_000_000)), SCHEMA,
				SeedOptions.defaults().withRowLimits(RowLimits.of(20_000_000)))).doesNotThrowAnyException();
		assertThat(parse(rules("limits: {rows: 30000000}\n", 1)).limits())
			.contains(new RowLimits(RowLimits.DEFAULT.perTable(), 30_000_000));
	}

	@Test
	@DisplayName("options' limits replace the rules' own, in both directions")
	void optionsReplaceTheRulesLimits() {
		SeedRules rules = parse(rules("limits: {rowsPerTable: 100000000, rows: 100000000}\n", 10));
		assertThatThrownBy(() -> Seeder.check(rules, SCHEMA, SeedOptions.defaults().withRowLimits(RowLimits.of(25))))
			.isInstanceOf(SeedRulesException.class).hasMessageContaining("above the limit of 25 rows in total")
			.hasMessageContaining("customers 10 + orders 20");
	}

	@Test
	@DisplayName("rules with far too many parent rows parse without counting their children's rows one parent at a time")
	void hugeRulesParseWithoutCounting() {
		SeedRules rules = parse(rules("", 99_999_999_999_999L));
		assertThat(rules.tables()).containsExactly("customers", "orders");
		assertThatThrownBy(() -> Seeder.check(rules, SCHEMA, SeedOptions.defaults()))
			.isInstanceOf(SeedRulesException.class)
			.hasMessageContaining("orders: about 199,999,999,999,998 rows (99,999,999,999,999 rows of customers × 2 per "
					+ "parent, the poisson mean");
	}

	@Test
	@DisplayName("a sequence over more rows than a long counts is reported with its true last value, not an overflowed one")
	void sequencesBeyondALong() {
		SeedRules rules = parse("version: 1\nseed: 1\ntables:\n  customers:\n    rows: 99999999999999999999\n    columns:\n"
				+ "      id: {sequence: {start: 1, step: 2}}\n");
		assertThatThrownBy(() -> Seeder.check(rules, SCHEMA, SeedOptions.defaults()))
			.isInstanceOf(SeedRulesException.class)
			.hasMessageContaining("customers: about 99,999,999,999,999,999,999 rows")
			.hasMessageContaining("customers.id: values from 1 to 18446744073709551613 do not fit bigint");
	}

	@Test
	@DisplayName("a limit below 1 is refused with an example")
	void limitsMustBePositive() {
		assertThatThrownBy(() -> new RowLimits(0, 10)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("new RowLimits(20_000_000, 50_000_000)");
	}
}
