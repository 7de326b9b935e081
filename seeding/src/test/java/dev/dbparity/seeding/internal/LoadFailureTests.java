package dev.dbparity.seeding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Engine refusals, as PostgreSQL and MariaDB word them, name the rule and the column they are about. */
class LoadFailureTests {

	static final String RULES = "version: 1\nseed: 1\ntables:\n  customers:\n    rows: 3\n    columns:\n"
			+ "      id: {sequence: {start: 1}}\n      name: \"#{Name.firstName}\"\n";

	static TablePlan customers() {
		SchemaModel schema = SeedTesting.schema("{\"customers\": {\"columns\": {"
				+ "\"id\": {\"position\": 1, \"type\": \"integer\", \"nullable\": false}, "
				+ "\"name\": {\"position\": 2, \"type\": \"character varying(10)\", \"nullable\": true}}}}");
		Problems problems = new Problems();
		Plan plan = SeedTesting.rules(RULES).plan(Optional.of(schema), "default", problems);
		problems.throwIfAny();
		return SeedTesting.table(plan, "customers");
	}

	@Test
	@DisplayName("PostgreSQL's COPY context names the column")
	void postgres() {
		SQLException cause = new SQLException("ERROR: value too long for type character varying(10)\n  Where: COPY "
				+ "customers, line 2, column name: \"Bartholomew\"", "22001");
		SQLException wrapped = LoadFailure.generated(customers(), cause);
		assertThat(wrapped.getMessage()).startsWith("seed.yaml:8:7: customers.name: the database refused the seeded rows: "
				+ "ERROR: value too long for type character varying(10) Where: COPY customers, line 2, column name:")
			.contains("Fix: change the rule of customers.name so that its values fit the column (character varying(10))");
		assertThat(wrapped.getSQLState()).isEqualTo("22001");
		assertThat(wrapped.getCause()).isSameAs(cause);
	}

	@Test
	@DisplayName("MariaDB's LOAD DATA warning names the column")
	void mariadb() {
		SQLException cause = new SQLException("LOAD DATA into customers reported: Data too long for column 'name' at "
				+ "row 2 (seeded values must load exactly, so warnings are errors)");
		assertThat(LoadFailure.generated(customers(), cause).getMessage())
			.startsWith("seed.yaml:8:7: customers.name: the database refused the seeded rows: LOAD DATA into customers");
	}

	@Test
	@DisplayName("a refusal that names no column is reported at the table's rules")
	void noColumn() {
		SQLException cause = new SQLException("ERROR: could not extend file: No space left on device");
		assertThat(LoadFailure.generated(customers(), cause).getMessage())
			.startsWith("seed.yaml:6:5: customers: the database refused the seeded rows: ERROR: could not extend file");
	}
}
