package dev.dbparity.seeding.internal;

import static dev.dbparity.seeding.internal.SeedTesting.rules;
import static dev.dbparity.seeding.internal.SeedTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.dbparity.seeding.SeedProblem;

class PlanTests {

	static final SchemaModel SCHEMA = schema("""
			{"a": {"columns": {"id": {"position": 1, "type": "integer", "nullable": false},
			                   "b_id": {"position": 2, "type": "integer", "nullable": true},
			                   "boss": {"position": 3, "type": "integer", "nullable": true}},
			       "primaryKey": {"columns": ["id"]},
			       "foreignKeys": {"(b_id) -> public.b(id)": {"columns": ["b_id"], "references": {"schema": "public", "table": "b", "columns": ["id"]}},
			                       "(boss) -> public.a(id)": {"columns": ["boss"], "references": {"schema": "public", "table": "a", "columns": ["id"]}}}},
			 "b": {"columns": {"id": {"position": 1, "type": "integer", "nullable": false},
			                   "a_id": {"position": 2, "type": "integer", "nullable": false}},
			       "primaryKey": {"columns": ["id"]},
			       "foreignKeys": {"(a_id) -> public.a(id)": {"columns": ["a_id"], "references": {"schema": "public", "table": "a", "columns": ["id"]}}}},
			 "c": {"columns": {"id": {"position": 1, "type": "integer", "nullable": false},
			                   "b_id": {"position": 2, "type": "integer", "nullable": false}},
			       "primaryKey": {"columns": ["id"]}}}
			""");

	static Plan plan(String yaml, Problems problems) {
		return rules(yaml).plan(java.util.Optional.of(SCHEMA), "default", problems);
	}

	@Test
	@DisplayName("parents come first; a cycle and a self reference are broken at nullable keys, set after loading")
	void order() {
		String yaml = """
				version: 1
				seed: 1
				tables:
				  c:
				    rows: 5
				    columns: {id: {sequence: {}}, b_id: {references: b.id}}
				  a:
				    rows: 5
				    columns: {id: {sequence: {}}, b_id: {references: b.id}, boss: {references: a.id}}
				  b:
				    rows: 5
				    columns: {id: {sequence: {}}, a_id: {references: a.id}}
				""";
		Problems problems = new Problems();
		Plan plan = plan(yaml, problems);
		assertThat(problems.list()).isEmpty();
		assertThat(plan.tables()).extracting(TablePlan::name).containsExactly("a", "b", "c");
		assertThat(plan.tables().get(0).deferred()).containsExactlyInAnyOrder("b_id", "boss");
		assertThat(plan.tables().get(1).deferred()).isEmpty();
	}

	@Test
	@DisplayName("a cycle through NOT NULL keys only is an error")
	void impossibleCycle() {
		String yaml = """
				version: 1
				seed: 1
				tables:
				  b:
				    rows: 5
				    columns: {id: {sequence: {}}, a_id: {references: c.id}}
				  c:
				    rows: 5
				    columns: {id: {sequence: {}}, b_id: {references: b.id}}
				""";
		Problems problems = new Problems();
		plan(yaml, problems);
		assertThat(problems.list()).extracting(SeedProblem::toString).containsExactly("seed.yaml:6:15: b: the tables "
				+ "[b, c] reference each other through NOT NULL columns only, so no load order exists. Fix: make one "
				+ "foreign key column in the cycle nullable");
	}

	@Test
	@DisplayName("composite foreign keys pick the same parent row for all their columns")
	void composite() {
		SchemaModel schema = schema("""
				{"p": {"columns": {"x": {"position": 1, "type": "integer", "nullable": false},
				                   "y": {"position": 2, "type": "text", "nullable": false}},
				       "primaryKey": {"columns": ["x", "y"]}},
				 "k": {"columns": {"px": {"position": 1, "type": "integer", "nullable": false},
				                   "py": {"position": 2, "type": "text", "nullable": false}},
				       "foreignKeys": {"(px, py) -> public.p(x, y)": {"columns": ["px", "py"], "references": {"schema": "public", "table": "p", "columns": ["x", "y"]}}}}}
				""");
		String yaml = """
				version: 1
				seed: 1
				tables:
				  p:
				    rows: 40
				    columns: {x: {sequence: {}}, y: "Y{seq}"}
				  k:
				    rows: 200
				    columns: {px: {references: p.x}, py: {references: p.y}}
				""";
		Problems problems = new Problems();
		Plan plan = rules(yaml).plan(java.util.Optional.of(schema), "default", problems);
		assertThat(problems.list()).isEmpty();
		TablePlan k = plan.tables().get(1);
		RowContext context = k.newContext();
		List<Object[]> rows = new java.util.ArrayList<>();
		try {
			k.generate(context, 0, k.rows(), (row, values) -> rows.add(values.clone()));
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
		assertThat(rows).hasSize(200).allSatisfy(row -> assertThat(row[1]).isEqualTo("Y" + row[0]));
		assertThat(rows.stream().map(row -> row[0]).distinct().count()).isGreaterThan(10);
	}
}
