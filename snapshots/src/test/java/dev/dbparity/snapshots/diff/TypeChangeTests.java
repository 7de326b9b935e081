package dev.dbparity.snapshots.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeChangeTests {

	@ParameterizedTest(name = "{0}: {1} → {2} is {3}")
	@CsvSource(delimiter = '|', textBlock = """
			postgres | character varying(50)        | character varying(20)       | DESTRUCTIVE
			mysql    | varchar(50)                  | varchar(20)                 | DESTRUCTIVE
			postgres | numeric(10,2)                | numeric(8,2)                | DESTRUCTIVE
			postgres | numeric(10,2)                | numeric(10,1)               | DESTRUCTIVE
			postgres | numeric(10,2)                | numeric(10,4)               | DESTRUCTIVE
			postgres | numeric                      | numeric(30,10)              | DESTRUCTIVE
			postgres | bigint                       | integer                     | DESTRUCTIVE
			postgres | bigint                       | smallint                    | DESTRUCTIVE
			postgres | integer                      | smallint                    | DESTRUCTIVE
			postgres | text                         | character varying(100)      | DESTRUCTIVE
			mysql    | int                          | tinyint                     | DESTRUCTIVE
			mysql    | int unsigned                 | int                         | DESTRUCTIVE
			mysql    | int                          | int unsigned                | DESTRUCTIVE
			mysql    | mediumtext                   | text                        | DESTRUCTIVE
			mysql    | enum('a','b','c')            | enum('a','c')               | DESTRUCTIVE
			postgres | timestamp(6) with time zone  | timestamp(3) with time zone | DESTRUCTIVE
			postgres | text[]                       | character varying(5)[]      | DESTRUCTIVE
			postgres | text[]                       | text                        | DESTRUCTIVE
			postgres | bigint                       | text                        | DESTRUCTIVE
			postgres | uuid                         | text                        | DESTRUCTIVE
			postgres | bigint                       | numeric(10,0)               | DESTRUCTIVE
			postgres | bit(8)                       | bit(4)                      | DESTRUCTIVE
			postgres | character varying(20)        | character varying(50)       | ADDITIVE
			postgres | character varying(20)        | text                        | ADDITIVE
			postgres | character varying(20)        | character varying           | ADDITIVE
			postgres | integer                      | bigint                      | ADDITIVE
			mysql    | tinyint                      | int                         | ADDITIVE
			mysql    | int unsigned                 | bigint                      | ADDITIVE
			postgres | numeric(8,2)                 | numeric(10,2)               | ADDITIVE
			postgres | numeric(8,2)                 | numeric                     | ADDITIVE
			postgres | real                         | double precision            | ADDITIVE
			mysql    | text                         | longtext                    | ADDITIVE
			mysql    | varbinary(16)                | varbinary(32)               | ADDITIVE
			mysql    | enum('a','b')                | enum('a','b','c')           | ADDITIVE
			postgres | bit(4)                       | bit(8)                      | ADDITIVE
			postgres | integer                      | numeric(12,0)               | INCOMPATIBLE
			postgres | bigint                       | numeric                     | INCOMPATIBLE
			postgres | character(10)                | character varying(10)       | INCOMPATIBLE
			postgres | timestamp without time zone  | timestamp with time zone    | INCOMPATIBLE
			mysql    | tinyint(1)                   | tinyint                     | INCOMPATIBLE
			postgres | geometry(point,4326)         | geometry(polygon,4326)      | INCOMPATIBLE
			""")
	void classifiesByWhetherValuesStillFit(String engine, String from, String to, Category category) {
		assertThat(TypeChange.classify(engine, from, to)).isEqualTo(category);
	}
}
