package dev.dbparity.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.dbparity.snapshots.diff.Category;

class MigrationDirectivesTests {

	private static MigrationDirectives parse(String content) {
		return MigrationDirectives.parse(new Script("db/migration/V3__x.sql", content));
	}

	@Test
	void readsTheHeadersDirectives() {
		MigrationDirectives directives = parse("-- Drops what nobody reads.\n"
				+ "--dbparity:irreversible the notes are gone\n"
				+ "-- dbparity:allow destructive   notes were unused since 2024  \n\n"
				+ "ALTER TABLE book DROP COLUMN notes;\n");

		assertThat(directives.irreversible()).hasValue("the notes are gone");
		assertThat(directives.allowed()).containsExactly(Map.entry(Category.DESTRUCTIVE, "notes were unused since 2024"));
		assertThat(directives.allows(Category.DESTRUCTIVE)).isTrue();
		assertThat(directives.allows(Category.INCOMPATIBLE)).isFalse();
	}

	@Test
	void aScriptWithoutDirectivesDeclaresNothing() {
		assertThat(parse("-- plain comment\nCREATE TABLE t (id INT);\n-- trailing dbparity talk\n"))
			.isEqualTo(MigrationDirectives.NONE)
			.extracting(MigrationDirectives::irreversible).isEqualTo(Optional.empty());
	}

	@Test
	void aMisspeltDirectiveNamesFileLineAndTheKnownDirectives() {
		assertThatThrownBy(() -> parse("-- ok\n-- dbparity:irreversable nobody reads it\nSELECT 1;"))
			.isInstanceOf(MigrationException.class)
			.hasMessage("db/migration/V3__x.sql:2: unknown directive 'dbparity:irreversable' (did you mean "
					+ "'dbparity:irreversible'?); known directives: "
					+ "'-- dbparity:irreversible <reason>' and '-- dbparity:allow <CATEGORY> <reason>' with CATEGORY one "
					+ "of DESTRUCTIVE, INCOMPATIBLE, INTEGRITY, PERFORMANCE, SECURITY, CONFIGURATION, ADDITIVE, NAMING, "
					+ "COLUMN_ORDER. Fix the spelling, or write the comment without 'dbparity:'.");
	}

	@Test
	void aDirectiveNeedsAReasonAndAKnownCategory() {
		assertThatThrownBy(() -> parse("-- dbparity:irreversible\n"))
			.hasMessageStartingWith("db/migration/V3__x.sql:1: '-- dbparity:irreversible' needs a reason");
		assertThatThrownBy(() -> parse("-- dbparity:allow DESTRUCTIVE\n"))
			.hasMessageStartingWith("db/migration/V3__x.sql:1: '-- dbparity:allow DESTRUCTIVE' needs a reason");
		assertThatThrownBy(() -> parse("\n-- dbparity:allow DATALOSS because\n"))
			.hasMessageStartingWith("db/migration/V3__x.sql:2: '-- dbparity:allow' names the category 'DATALOSS', "
					+ "which does not exist; known directives:");
		assertThatThrownBy(() -> parse("-- dbparity:allow DESTRUCTIV because\n"))
			.hasMessageStartingWith("db/migration/V3__x.sql:1: '-- dbparity:allow' names the category 'DESTRUCTIV', "
					+ "which does not exist (did you mean DESTRUCTIVE?); known directives:");
	}

	@Test
	void aDirectiveBelowTheFirstStatementIsAnError() {
		assertThatThrownBy(() -> parse("CREATE TABLE t (id INT);\n-- dbparity:allow DESTRUCTIVE late\n"))
			.isInstanceOf(MigrationException.class)
			.hasMessageStartingWith("db/migration/V3__x.sql:2: the directive '-- dbparity:allow DESTRUCTIVE late' is "
					+ "below the first statement");
	}
}
