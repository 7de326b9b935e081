package dev.dbparity.snapshots.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dbparity.snapshots.json.CanonicalJson;

/** Table options as MariaDB and MySQL list them in {@code CREATE_OPTIONS}, read into a table's {@code storage}. */
class MySqlTableOptionsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			row_format=DYNAMIC                                  | {"row_format":"DYNAMIC"}
			row_format=COMPRESSED key_block_size=8              | {"key_block_size":"8","row_format":"COMPRESSED"}
			partitioned                                         | {}
			""                                                  | {}
			STATS_PERSISTENT=0 transactional=1 page_checksum=1  | {"page_checksum":"1","stats_persistent":"0","transactional":"1"}
			""")
	void readsExplicitOptions(String createOptions, String expected) {
		assertThat(CanonicalJson.writeCompact(MySqlCatalogReader.storage(createOptions))).isEqualTo(expected);
	}
}
