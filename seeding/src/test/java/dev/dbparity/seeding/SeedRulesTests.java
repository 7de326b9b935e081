package dev.dbparity.seeding;

import static dev.dbparity.seeding.internal.SeedTesting.rules;
import static dev.dbparity.seeding.internal.SeedTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.dbparity.seeding.internal.Problems;
import dev.dbparity.seeding.internal.SchemaModel;

class SeedRulesTests {

	static List<String> problems(String yaml) {
		return catchThrowableOfType(SeedRulesException.class, () -> rules(yaml)).problems().stream()
			.map(SeedProblem::toString).toList();
	}

	static List<String> problems(String yaml, SchemaModel schema) {
		Problems problems = new Problems();
		rules(yaml).plan(schema, "default", RowLimits.DEFAULT, problems);
		return problems.list().stream().map(SeedProblem::toString).toList();
	}

	@Nested
	@DisplayName("when the rules are wrong on their own")
	class OnTheirOwn {

		@Test
		@DisplayName("then malformed YAML names file, line and column")
		void malformed() {
			assertThat(problems("version: 1\nseed: 1\ntables:\n  t: {rows: 1\n"))
				.singleElement().asString()
				.startsWith("seed.yaml:5:1: malformed YAML: ")
				.endsWith("Fix: fix the YAML syntax at that position (indentation, quoting, a repeated key)");
		}

		@Test
		@DisplayName("then a repeated key is malformed")
		void repeatedKey() {
			assertThat(problems("version: 1\nseed: 1\nseed: 2\n")).singleElement().asString()
				.startsWith("seed.yaml:3:");
		}

		@Test
		@DisplayName("then every problem is reported at once, with position, subject and fix")
		void allAtOnce() {
			String yaml = """
					version: 1
					seed: 7
					tables:
					  orders:
					    rows: 10
					    columns:
					      id: {sequence: {start: 1, stride: 2}}
					      status: {weighted: {paid: 0, cancelled: 0}}
					      note: {lorem: 3}
					      email: "#{Internet.nosuchthing}"
					      customer_id: {references: customers.id}
					""";
			assertThat(problems(yaml)).containsExactly(
					"seed.yaml:7:33: orders.id: unknown parameter \"stride\" of sequence. Fix: use [start, step], "
							+ "e.g. sequence: {start: 1, step: 1}",
					"seed.yaml:8:16: orders.status: the weights sum to zero, so no value can be chosen. Fix: give at "
							+ "least one value a positive weight, e.g. weighted: {paid: 60, shipped: 30, cancelled: 10}",
					"seed.yaml:9:14: orders.note: unknown generator or setting \"lorem\". Fix: use one generator of "
							+ "[constant, date, faker, normal, pattern, poisson, references, sequence, template, "
							+ "timestamp, uniform, weighted, zipf] with optional [distribution, locale, nullFraction, s, "
							+ "since, unique]",
					"seed.yaml:9:7: orders.note: no generator given. Fix: give exactly one of [constant, date, faker, "
							+ "normal, pattern, poisson, references, sequence, template, timestamp, uniform, weighted, "
							+ "zipf]",
					problems(yaml).get(4),
					"seed.yaml:11:21: orders.customer_id: references the table \"customers\", which has no rules here; "
							+ "keys are computed from the parent's rules, so the parent must be seeded too. Fix: add "
							+ "rules for customers (with a rule for id), or reference one of [orders]");
			assertThat(problems(yaml).get(4)).isEqualTo("seed.yaml:10:7: orders.email: the Datafaker expression "
					+ "\"#{Internet.nosuchthing}\" does not resolve: Unable to resolve #{Internet.nosuchthing}. Fix: check provider "
					+ "and method names, e.g. \"#{Internet.emailAddress}\", \"#{Name.firstName}\" (see "
					+ "https://www.datafaker.net/documentation/providers/)");
		}

		@Test
		@DisplayName("then a number written as YAML 1.1 allows (1_000, 0x2A) is named where a whole number is expected")
		void yaml11Numbers() {
			assertThat(problems("version: 1_000\nseed: 0x2A\ntables: {}\n")).containsExactly(
					"seed.yaml:1:1: \"version\" must be a whole number, not \"1_000\". Fix: write version: 1",
					"seed.yaml:2:1: \"seed\" must be a whole number, not \"0x2A\". Fix: write seed: 42");
		}

		@Test
		@DisplayName("then since must be a migration version")
		void since() {
			String yaml = """
					version: 1
					seed: 1
					tables:
					  t:
					    since: two
					    rows: 1
					    columns:
					      a: {constant: 1, since: 1.2.x}
					      b: {constant: 1, since: {version: 2}}
					      c: {constant: 1, since: -3}
					      d: {constant: 1, since: 2_1}
					      e: {constant: 1, since: 20230101120000}
					      f: {constant: 1, since: 2.10}
					      g: {constant: 1, since: 1.2.3}
					""";
			String fix = ". Fix: write the version of the migration that creates it, e.g. since: 3 or since: 2.1";
			assertThat(problems(yaml)).containsExactly(
					"seed.yaml:5:5: t: since must be a migration version such as 5, 2.1 or 20230101120000, not \"two\""
							+ fix,
					"seed.yaml:8:24: t.a: since must be a migration version such as 5, 2.1 or 20230101120000, not "
							+ "\"1.2.x\"" + fix,
					"seed.yaml:9:24: t.b: since must be a migration version such as 5, 2.1 or 20230101120000, not a map"
							+ fix,
					"seed.yaml:10:24: t.c: since must be a migration version such as 5, 2.1 or 20230101120000, not "
							+ "\"-3\"" + fix);
		}

		@Test
		@DisplayName("then missing version and seed are named")
		void required() {
			assertThat(problems("tables: {}\n")).containsExactly(
					"seed.yaml:1:1: seed rules need \"version\". Fix: add version: 1 at the top",
					"seed.yaml:1:1: seed rules need \"seed\". Fix: add seed: 42 at the top");
		}

		@Test
		@DisplayName("then dates need fixed bounds")
		void datesNeedBounds() {
			assertThat(problems("version: 1\nseed: 1\ntables:\n  t:\n    rows: 1\n    columns:\n"
					+ "      d: {date: {from: 2020-01-01}}\n")).containsExactly("seed.yaml:7:11: t.d: date needs fixed "
							+ "bounds \"from\" and \"to\" (never \"now\": seed data must not depend on the day it is "
							+ "made). Fix: write date: {from: 2020-01-01, to: 2024-12-31}");
		}
	}

	@Nested
	@DisplayName("when the rules are checked against the schema")
	class AgainstTheSchema {

		final SchemaModel schema = schema("""
				{"customers": {"columns": {
				   "id": {"position": 1, "type": "bigint", "nullable": false, "identity": "by default"},
				   "code": {"position": 2, "type": "character varying(5)", "nullable": false},
				   "score": {"position": 3, "type": "numeric(4,2)", "nullable": true},
				   "tier": {"position": 4, "type": "text", "nullable": false},
				   "age": {"position": 5, "type": "smallint", "nullable": true}},
				 "primaryKey": {"columns": ["id"]},
				 "checks": {"CHECK ((tier = ANY (ARRAY['gold'::text, 'silver'::text])))": {},
				            "CHECK ((age >= 18))": {}}}}
				""");

		@Test
		@DisplayName("then unknown tables and columns, missing NOT NULL rules and values that cannot fit are all named")
		void everything() {
			String yaml = """
					version: 1
					seed: 1
					tables:
					  customers:
					    rows: 10
					    columns:
					      id: {sequence: {start: 1}}
					      score: {uniform: {min: 0, max: 500, scale: 2}}
					      tier: {weighted: {gold: 1, bronze: 1}}
					      age: {uniform: {min: 16, max: 90}}
					      nickname: "x"
					  invoices:
					    rows: 1
					    columns:
					      id: 1
					""";
			assertThat(problems(yaml, schema)).containsExactly(
					"seed.yaml:12:3: invoices: there is no table \"invoices\" in the database. Fix: check the name "
							+ "against the migrations, or remove the table from the seed rules; tables: [customers]",
					"seed.yaml:11:7: customers.nickname: there is no column \"nickname\" in table \"customers\". Fix: "
							+ "use one of [id, code, score, tier, age] or remove the rule",
					"seed.yaml:6:5: customers.code: the column is NOT NULL and has no default, but has no rule. Fix: "
							+ "add a rule under tables.customers.columns, e.g. code: \"#{Lorem.word}\"",
					"seed.yaml:8:7: customers.score: values from 0 to 500 do not fit numeric(4,2) (-99.99 to 99.99). "
							+ "Fix: keep the generator's bounds within the column's range, or widen the column",
					"seed.yaml:9:7: customers.tier: the value \"bronze\" can be generated but breaks the check CHECK "
							+ "((tier = ANY (ARRAY['gold'::text, 'silver'::text]))). Fix: choose only among [gold, "
							+ "silver]",
					"seed.yaml:10:7: customers.age: the value 16 can be generated but breaks the check CHECK ((age "
							+ ">= 18)). Fix: keep the generator's bounds >= 18");
		}

		@Test
		@DisplayName("then text that is too long is named, and impossible unique values already when parsing")
		void lengthAndUnique() {
			String yaml = """
					version: 1
					seed: 1
					tables:
					  customers:
					    rows: 3
					    columns:
					      code: "CUST-{seq:4}"
					      tier: "gold"
					""";
			assertThat(problems(yaml, schema)).containsExactly("seed.yaml:7:7: customers.code: values up to 9 "
					+ "characters do not fit character varying(5). Fix: shorten the generator's values to 5 characters, "
					+ "or widen the column");
			assertThat(problems(yaml.replace("\"gold\"", "{weighted: {gold: 1}, unique: true}"))).containsExactly(
					"seed.yaml:8:35: customers.tier: unique is impossible with a weighted generator: it repeats "
							+ "values. Fix: use a sequence, a template with {seq}, a faker expression (made unique by "
							+ "adding the row number), or a unique reference");
		}
	}

	@Test
	@DisplayName("the hash changes with the rules' content, not their formatting")
	void hash() {
		String a = "version: 1\nseed: 1\ntables: {t: {rows: 1, columns: {a: 1, b: 2.50}}}\n";
		String b = "version: 1\nseed: 1\ntables:\n  t:\n    rows: 1\n    columns:\n      a: 1\n      b: 2.5\n";
		String c = "version: 1\nseed: 2\ntables: {t: {rows: 1, columns: {a: 1, b: 2.5}}}\n";
		assertThat(rules(a).hash()).startsWith("sha256:").isEqualTo(rules(b).hash()).isNotEqualTo(rules(c).hash());
	}

	@Test
	@DisplayName("an unknown profile is named")
	void profile() {
		Problems problems = new Problems();
		rules("version: 1\nseed: 1\nprofiles: {large: 10}\ntables: {}\n").plan(java.util.Optional.empty(), "huge",
				problems);
		assertThat(problems.list()).singleElement().asString().isEqualTo("seed.yaml:1:1: there is no profile \"huge\". "
				+ "Fix: use one of [large] or default, or add profiles: {huge: 1}");
		assertThatThrownBy(() -> problems.throwIfAny()).isInstanceOf(SeedRulesException.class)
			.hasMessageStartingWith("1 problem in seed rules; nothing was written:\n  seed.yaml:1:1: ");
	}
}
