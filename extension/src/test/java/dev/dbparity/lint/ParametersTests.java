package dev.dbparity.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A compat query's JDBC parameters, numbered for PostgreSQL's generic plans; quoted text and comments keep theirs. */
class ParametersTests {

	@Test
	void eachParameterGetsItsNumber() {
		assertThat(Parameters.numbered("SELECT * FROM t WHERE a = ? AND b > ?"))
			.isEqualTo(new Parameters.Numbered("SELECT * FROM t WHERE a = $1 AND b > $2", 2));
	}

	@Test
	void quotedTextNamesCommentsAndDollarBodiesAreLeftAlone() {
		String sql = "SELECT '?', \"?\", $$?$$, $f$?$f$ -- ?\n/* ? */ FROM t WHERE a = ?";

		assertThat(Parameters.numbered(sql)).isEqualTo(new Parameters.Numbered(
				"SELECT '?', \"?\", $$?$$, $f$?$f$ -- ?\n/* ? */ FROM t WHERE a = $1", 1));
	}

	@Test
	void jdbcsEscapedQuestionMarkIsAnOperatorNotAParameter() {
		assertThat(Parameters.numbered("SELECT * FROM t WHERE tags ?? 'x'"))
			.isEqualTo(new Parameters.Numbered("SELECT * FROM t WHERE tags ? 'x'", 0));
	}
}
