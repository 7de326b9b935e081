package dev.dbparity.snapshots.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextTests {

	@Test
	void aDoubledQuoteDoesNotClose() {
		String sql = "'it''s' rest";
		assertThat(QuotedText.end(sql, 0, false)).isEqualTo("'it''s'".length());
	}

	@Test
	void aBackslashEscapesOnlyWhereTheEngineSaysSo() {
		String sql = "'a\\'b' rest";
		assertThat(QuotedText.end(sql, 0, true)).isEqualTo("'a\\'b'".length());
		assertThat(QuotedText.end(sql, 0, false)).isEqualTo("'a\\'".length());
	}

	@Test
	void anUnclosedQuoteRunsToTheEnd() {
		assertThat(QuotedText.end("`never closed", 0, false)).isEqualTo("`never closed".length());
	}
}
