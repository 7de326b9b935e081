package dev.dbparity.snapshots.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IgnoreRulesTests {

	@ParameterizedTest(name = "{0} ignores {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			public.audit_*           | public.audit_log                        | true
			public.audit_*           | public.audit_log.columns.id.type        | true
			public.audit_*           | public.orders                           | false
			public.audit_*           | public                                  | false
			public.*.comment         | public.orders.comment                   | true
			public.*.comment         | public.orders.columns.id.comment        | false
			**.comment               | public.orders.columns.id.comment        | true
			**.comment               | comment                                 | true
			**.comment               | public.orders.comments                  | false
			public.**.type           | public.orders.columns.id.type           | true
			public.**.type           | public.type                             | true
			public.**.type           | audit.orders.columns.id.type            | false
			settings.timezone        | settings.timezone                       | true
			settings.timezone        | settings.time_zone                      | false
			*_log                    | audit_log.anything                      | true
			public.orders.foreign*.* | public.orders.foreignKeys.(a) -> b(id)  | true
			""")
	void matchesPathsAndTheirAncestors(String glob, String path, boolean ignored) {
		assertThat(IgnoreRules.none().withGlobs(glob).ignores(path)).isEqualTo(ignored);
	}

	@Test
	void aDescendantGlobDoesNotIgnoreItsAncestor() {
		assertThat(IgnoreRules.none().withGlobs("public.orders.columns.id").ignores("public.orders")).isFalse();
	}

	@Test
	void defaultsIgnoreOwnersAndNothingElse() {
		IgnoreRules defaults = IgnoreRules.defaults();

		assertThat(defaults.globs()).containsExactly("**.owner");
		assertThat(defaults.ignores("public.owner")).isTrue();
		assertThat(defaults.ignores("public.orders.owner")).isTrue();
		assertThat(defaults.ignores("public.orders.comment")).isFalse();
		assertThat(IgnoreRules.none().ignores("public.orders.owner")).isFalse();
	}

	@Test
	void globsAreSortedWithoutDuplicatesAndDefaultsCanBeDropped() {
		IgnoreRules rules = IgnoreRules.defaults().withGlobs("settings.timezone", "**.comment", "**.owner");

		assertThat(rules.globs()).containsExactly("**.comment", "**.owner", "settings.timezone");
		assertThat(rules.withoutDefaults().globs()).containsExactly("**.comment", "settings.timezone");
		assertThat(rules.withoutDefaults().withoutDefaults()).isEqualTo(rules.withoutDefaults());
		assertThat(new IgnoreRules(List.of("b", "a"))).isEqualTo(new IgnoreRules(List.of("a", "b", "a")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "public.audit log", "public.\taudit", "public..orders", ".public", "public.",
			"public.a**" })
	void rejectsInvalidGlobsNamingTheGlobAndTheRule(String glob) {
		assertThatIllegalArgumentException().isThrownBy(() -> IgnoreRules.none().withGlobs(glob))
			.withMessageStartingWith("Invalid glob \"" + glob + "\": a glob may not")
			.withMessageContaining("* matches within one segment, ** any number of segments");
	}
}
