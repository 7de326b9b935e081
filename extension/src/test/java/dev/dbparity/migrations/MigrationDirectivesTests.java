package dev.dbparity.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.dbparity.lint.LintFinding;
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
					+ "'-- dbparity:irreversible <reason>' and '-- dbparity:allow <CATEGORY or CODE> <reason>' with "
					+ "CATEGORY one of DESTRUCTIVE, INCOMPATIBLE, INTEGRITY, PERFORMANCE, SECURITY, CONFIGURATION, "
					+ "ADDITIVE, NAMING, COLUMN_ORDER and CODE a lint rule code such as DP302 (listed in README's lint "
					+ "section). Fix the spelling, or write the comment without 'dbparity:'.");
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
	void readsLintRulesAllowedByCodeInAnyCase() {
		MigrationDirectives directives = parse("-- dbparity:allow DP302 the old report is retired\n"
				+ "-- dbparity:allow dp105 orders has no traffic at night\nALTER TABLE orders DROP COLUMN note;\n");

		assertThat(directives.allowedRules()).containsExactly(
				Map.entry(LintFinding.Kind.LOCK_TIMEOUT, "orders has no traffic at night"),
				Map.entry(LintFinding.Kind.COMPAT_BROKEN, "the old report is retired"));
		assertThat(directives.allows(LintFinding.Kind.COMPAT_BROKEN)).isTrue();
		assertThat(directives.allows(LintFinding.Kind.STATEMENT_TIMEOUT)).isFalse();
		assertThat(directives.allowed()).as("a code allows no category").isEmpty();
	}

	@Test
	void anUnknownCodeNamesTheClosestAndAFailedStatementCannotBeAllowed() {
		assertThatThrownBy(() -> parse("-- dbparity:allow DP320 the old report is retired\n"))
			.isInstanceOf(MigrationException.class)
			.hasMessageStartingWith("db/migration/V3__x.sql:1: '-- dbparity:allow' names the rule code 'DP320', which "
					+ "does not exist (did you mean DP302, COMPAT_BROKEN?); the lint's rule codes are DP101 LOCK, "
					+ "DP102 TABLE_REWRITE, ");
		assertThatThrownBy(() -> parse("-- dbparity:allow compat_broken the old report is retired\n"))
			.hasMessageStartingWith("db/migration/V3__x.sql:1: '-- dbparity:allow' names the category 'compat_broken', "
					+ "which does not exist (did you mean DP302, the rule code of COMPAT_BROKEN?)");
		assertThatThrownBy(() -> parse("-- dbparity:allow DP302\n"))
			.hasMessageStartingWith("db/migration/V3__x.sql:1: '-- dbparity:allow DP302' needs a reason");
		assertThatThrownBy(() -> parse("-- dbparity:allow DP301 the extension is missing in tests\n"))
			.hasMessageStartingWith("db/migration/V3__x.sql:1: '-- dbparity:allow DP301' cannot be allowed: DP301 "
					+ "STATEMENT_FAILED means a statement of the migration fails");
	}

	@Test
	void aDirectiveBelowTheFirstStatementIsAnError() {
		assertThatThrownBy(() -> parse("CREATE TABLE t (id INT);\n-- dbparity:allow DESTRUCTIVE late\n"))
			.isInstanceOf(MigrationException.class)
			.hasMessageStartingWith("db/migration/V3__x.sql:2: the directive '-- dbparity:allow DESTRUCTIVE late' is "
					+ "below the first statement");
	}
}
