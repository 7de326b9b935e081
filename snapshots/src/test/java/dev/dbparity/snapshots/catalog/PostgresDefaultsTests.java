package dev.dbparity.snapshots.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Column defaults as PostgreSQL's deparser prints them, normalised so that equivalent spellings compare equal. */
class PostgresDefaultsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			'new'::character varying              | character varying(20)       | 'new'
			'x'::text                             | text                        | 'x'
			'x'::text                             | character varying(5)        | 'x'::text
			CURRENT_TIMESTAMP                     | timestamp with time zone    | now()
			transaction_timestamp()               | timestamp with time zone    | now()
			now()                                 | timestamp with time zone    | now()
			LOCALTIMESTAMP                        | timestamp without time zone | LOCALTIMESTAMP
			nextval('public.t_id_seq'::regclass)  | integer                     | nextval('public.t_id_seq')
			0                                     | integer                     | 0
			""")
	void normalises(String deparsed, String columnType, String expected) {
		assertThat(PostgresCatalogReader.normaliseDefault(deparsed, columnType)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			timestamp(6) with time zone    | timestamp with time zone
			timestamp(6) without time zone | timestamp without time zone
			time(6) without time zone      | time without time zone
			interval(6)                    | interval
			timestamp(3) with time zone    | timestamp(3) with time zone
			timestamp(6) with time zone[]  | timestamp with time zone[]
			numeric(6,2)                   | numeric(6,2)
			""")
	void microsecondPrecisionIsTheDefault(String formatted, String expected) {
		assertThat(PostgresCatalogReader.normaliseType(formatted)).isEqualTo(expected);
	}
}
