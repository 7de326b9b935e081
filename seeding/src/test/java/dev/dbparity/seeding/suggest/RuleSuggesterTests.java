package dev.dbparity.seeding.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.dbparity.seeding.SeedOptions;
import dev.dbparity.seeding.SeedRules;
import dev.dbparity.seeding.Seeder;
import dev.dbparity.snapshots.SchemaSnapshot;

/** Drafts from a schema alone: generators by type, keys, references, and YAML that the rules' reader takes. */
class RuleSuggesterTests {

	private static final SchemaSnapshot SCHEMA = SchemaSnapshot.fromJson("""
			{"format": 1, "engine": {"name": "postgres", "version": "17.6"}, "schemas": {"public": {"tables": {
			  "child": {"kind": "table", "primaryKey": {"columns": ["id"]},
			    "columns": {
			      "id": {"position": 1, "type": "bigint", "nullable": false, "identity": "by default"},
			      "parent_id": {"position": 2, "type": "uuid", "nullable": true},
			      "amount": {"position": 3, "type": "numeric(8,3)", "nullable": false},
			      "on": {"position": 4, "type": "date", "nullable": false},
			      "flag": {"position": 5, "type": "boolean", "nullable": false},
			      "code": {"position": 6, "type": "character varying(3)", "nullable": false},
			      "created": {"position": 7, "type": "timestamp with time zone", "nullable": false, "default": "now()"},
			      "doc": {"position": 8, "type": "jsonb", "nullable": true}},
			    "uniqueConstraints": {"(code)": {"columns": ["code"]}},
			    "foreignKeys": {"(parent_id) -> public.parent(id)": {"columns": ["parent_id"],
			      "references": {"schema": "public", "table": "parent", "columns": ["id"]}}}},
			  "parent": {"kind": "table", "primaryKey": {"columns": ["id"]},
			    "columns": {"id": {"position": 1, "type": "uuid", "nullable": false}}}}}}}
			""".getBytes(StandardCharsets.UTF_8), "schema.json");

	@Test
	void withoutStatisticsTypesDecide() {
		String yaml = RuleSuggester.suggest(SCHEMA, Optional.empty(), RuleSuggester.Options.defaults());

		assertThat(yaml).contains("""
				tables:
				  parent:
				    rows: 100
				    columns:
				      id: {template: "00000000-0000-4000-8000-{seq:12}"}
				  child:
				    rows: 100
				    columns:
				      id: {sequence: {start: 1}}
				      parent_id: {references: parent.id}
				      amount: {uniform: {min: 0, max: 1000, scale: 3}}
				      "on": {date: {from: 2020-01-01, to: 2025-12-31}}
				      flag: {weighted: {"true": 1, "false": 1}}
				      code: {template: "{seq}"}
				""").doesNotContain("created", "doc");
		assertThat(SeedRules.parse(yaml.getBytes(StandardCharsets.UTF_8), "seed.yaml").tables())
			.containsExactlyInAnyOrder("parent", "child");
	}

	@Test
	void draftsPassTheChecksBeforeWriting() {
		SeedRules postgres = SeedRules.parse(RuleSuggester.suggest(SCHEMA, Optional.empty(),
				RuleSuggester.Options.defaults()).getBytes(StandardCharsets.UTF_8), "seed.yaml");
		assertThatCode(() -> Seeder.check(postgres, SCHEMA, SeedOptions.defaults())).doesNotThrowAnyException();

		SchemaSnapshot mariadb = SchemaSnapshot.fromJson("""
				{"format": 1, "engine": {"name": "mariadb", "version": "10.11"}, "schemas": {"default": {"tables": {
				  "flags": {"kind": "table", "primaryKey": {"columns": ["id"]}, "columns": {
				    "id": {"position": 1, "type": "int", "nullable": false},
				    "active": {"position": 2, "type": "tinyint(1)", "nullable": false}}}}}}}
				""".getBytes(StandardCharsets.UTF_8), "schema.json");
		String yaml = RuleSuggester.suggest(mariadb, Optional.empty(), RuleSuggester.Options.defaults());
		// MariaDB booleans are numbers: "true" would be refused.
		assertThat(yaml).contains("active: {weighted: {\"1\": 1, \"0\": 1}}");
		assertThatCode(() -> Seeder.check(SeedRules.parse(yaml.getBytes(StandardCharsets.UTF_8), "seed.yaml"), mariadb,
				SeedOptions.defaults())).doesNotThrowAnyException();
	}

	@Test
	void optionsRefuseNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> RuleSuggester.Options.defaults().withRowsScale(0))
			.withMessageContaining("positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RuleSuggester.Options(Optional.empty(), 0, 1))
			.withMessageContaining("at least 1");
	}

	@Test
	void quotedValuesReadBackExactlyAsYaml() throws Exception {
		var yaml = new YAMLMapper();
		for (String value : new String[] {"plain", "a : b", "say \"hi\"", "back\\slash", "tab\tnew\nline",
				"carriage\rreturn", "nul\u0000bell\u0007del\u007f", "next\u0085line", "line\u2028para\u2029",
				"\ufeffbom", "emoji \uD83D\uDE00 and \u00e9", "  leading and trailing  ", "#not a comment", "- dash"}) {
			String line = "value: " + RuleSuggester.quote(value) + "\n";
			assertThat(yaml.readTree(line).path("value").asText()).as("%s read back", line).isEqualTo(value);
		}
	}
}
