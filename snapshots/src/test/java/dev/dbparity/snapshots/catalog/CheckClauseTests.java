package dev.dbparity.snapshots.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckClauseTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			`a` > 0 or `a` > 0                                 | `a` > 0
			`a` > 0 or `b` = 1 or `a` > 0                      | `a` > 0 or `b` = 1
			`a` = 1 and `a` = 1                                | `a` = 1
			`a` = 1 and `b` = 2 or `a` = 1 and `b` = 2         | `a` = 1 and `b` = 2
			`a` between 1 and 2 and `a` between 1 and 2        | `a` between 1 and 2
			(`a` > 0 or `a` > 0)                               | (`a` > 0)
			((`a` > 0) or (`a` > 0))                           | (`a` > 0)
			((`a` > 0) or (`b` > 0) or (`a` > 0))              | ((`a` > 0) or (`b` > 0))
			`b` = 'x or y' or `b` = 'x or y'                   | `b` = 'x or y'
			(`a` > 0 or `b` > 0) and (`a` > 0 or `b` > 0) or `c` = 1 | (`a` > 0 or `b` > 0) or `c` = 1
			""")
	void dropsRepeatedTerms(String clause, String expected) {
		assertThat(CheckClause.withoutRepeatedTerms(clause)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			`a` > 0 or `b` > 0
			`a` between 1 and 1
			`b` = 'x or x'
			`a` xor `b` and `b`
			`c` = case when `a` > 0 and `a` > 0 then 1 else 2 end
			(`a` > 0) or (`b` > 0)
			`a`  >  0  or  `b` > 0
			""")
	void keepsEverythingElseByteForByte(String clause) {
		assertThat(CheckClause.withoutRepeatedTerms(clause)).isSameAs(clause);
	}
}
