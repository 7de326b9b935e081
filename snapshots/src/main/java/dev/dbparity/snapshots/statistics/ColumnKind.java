package dev.dbparity.snapshots.statistics;

import java.util.Locale;
import java.util.regex.Pattern;

/** {@code ColumnKind} is which statistics a column's type allows, decided from its normalised type. */
enum ColumnKind {

	/** Moments, extremes, histogram, top values. */
	NUMBER,
	/** Extremes, histogram, top values. */
	TEMPORAL,
	/** Extremes, lengths, top values. */
	TEXT,
	/** Top values only: booleans, enums, uuids, which have equality but no useful order or length. */
	DISCRETE,
	/** Null fraction only: JSON, binary, arrays, geometry, whose values are too large or have no equality. */
	OPAQUE;

	private static final Pattern NUMBER_TYPE = Pattern.compile(
			"(smallint|integer|bigint|int|tinyint|mediumint|numeric|decimal|real|double precision|double|float"
					+ "|float4|float8|int2|int4|int8)(\\(.*\\))?( unsigned)?( zerofill)?");

	private static final Pattern TEMPORAL_TYPE = Pattern.compile(
			"(date|datetime|year|timestamp|time)(\\(\\d+\\))?( (with|without) time zone)?");

	private static final Pattern TEXT_TYPE = Pattern.compile(
			"(character varying|varchar|character|char|text|citext|tinytext|mediumtext|longtext|name)(\\(\\d+\\))?");

	private static final Pattern DISCRETE_TYPE = Pattern.compile("(boolean|bool|tinyint\\(1\\)|uuid|enum\\(.*\\)|bit)"
			+ "(\\(\\d+\\))?");

	/** Types without equality (json, geometry) or with values too large to group by (binary, documents). */
	private static final Pattern OPAQUE_TYPE = Pattern.compile("(json|jsonb|xml|bytea|tsvector|tsquery|point|line|lseg"
			+ "|box|path|polygon|circle|geometry|geography|blob|tinyblob|mediumblob|longblob|binary|varbinary"
			+ "|bit varying|txid_snapshot|pg_lsn)(\\(.*\\))?");

	static ColumnKind of(String type) {
		String normalised = type.toLowerCase(Locale.ROOT).trim();
		if (OPAQUE_TYPE.matcher(normalised).matches()) {
			return OPAQUE;
		}
		if (normalised.equals("tinyint(1)") || DISCRETE_TYPE.matcher(normalised).matches()) {
			return DISCRETE;
		}
		if (NUMBER_TYPE.matcher(normalised).matches()) {
			return NUMBER;
		}
		if (TEMPORAL_TYPE.matcher(normalised).matches()) {
			return TEMPORAL;
		}
		if (TEXT_TYPE.matcher(normalised).matches()) {
			return TEXT;
		}
		// User-defined PostgreSQL enums and domains print as their (possibly qualified) name: their values compare,
		// but what they are is unknown here, so they keep only what equality allows.
		return normalised.matches("[a-z_][a-z0-9_.\"]*") ? DISCRETE : OPAQUE;
	}

	boolean hasOrder() {
		return this == NUMBER || this == TEMPORAL || this == TEXT;
	}

	boolean hasHistogram() {
		return this == NUMBER || this == TEMPORAL;
	}

	boolean groups() {
		return this != OPAQUE;
	}
}
