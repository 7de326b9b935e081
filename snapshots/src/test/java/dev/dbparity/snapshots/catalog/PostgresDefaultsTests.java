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

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			(t AT TIME ZONE 'UTC'::text)                                   | false | timezone('UTC'::text, t)
			((t AT TIME ZONE 'UTC'::text) > '2000-01-01'::timestamp)       | false | (timezone('UTC'::text, t) > '2000-01-01'::timestamp)
			((t + '1 day'::interval) AT TIME ZONE 'UTC'::text)             | false | timezone('UTC'::text, (t + '1 day'::interval))
			((t + '1 day'::interval) AT TIME ZONE 'UTC'::text)             | true  | timezone('UTC'::text, t + '1 day'::interval)
			((t AT TIME ZONE 'UTC'::text) AT TIME ZONE 'Europe/Paris'::text) | false | timezone('Europe/Paris'::text, timezone('UTC'::text, t))
			(t AT LOCAL)                                                   | false | timezone(t)
			(note <> ' AT TIME ZONE '::text)                               | false | (note <> ' AT TIME ZONE '::text)
			("a AT TIME ZONE b" AT TIME ZONE 'UTC'::text)                  | false | timezone('UTC'::text, "a AT TIME ZONE b")
			timezone('UTC'::text, t)                                       | false | timezone('UTC'::text, t)
			""")
	void timeZoneSyntaxIsACall(String deparsed, boolean pretty, String expected) {
		assertThat(PostgresCatalogReader.timeZoneCalls(deparsed, pretty)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			NULL                                  | true
			NULL::character varying               | true
			(NULL::text)::character varying       | true
			NULL::character varying(20)           | true
			NULL::public."Mood"                   | true
			NULL::integer[]                       | true
			NULL::integer IS NULL                 | false
			COALESCE(NULL::integer, 1)            | false
			'NULL'::text                          | false
			""")
	void nullDefaults(String deparsed, boolean isNull) {
		assertThat(PostgresCatalogReader.isNullLiteral(deparsed)).isEqualTo(isNull);
	}
}
