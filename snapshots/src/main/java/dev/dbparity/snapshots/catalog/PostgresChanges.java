package dev.dbparity.snapshots.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code PostgresChanges} finds which objects of a PostgreSQL schema changed since a {@link CatalogMark} was taken, so
 * that {@link PostgresCatalogReader#readChanged} re-reads only them.
 *
 * <p>Objects are <em>units</em>, the nodes of a snapshot: a relation (table, view, materialized view, foreign table or
 * sequence), a type (enum, domain, range or composite) or a routine. Every row of the catalogs a snapshot reads is
 * counted under a <em>key</em>: the relation, type or routine that owns it (a column, index, trigger, rule, policy,
 * constraint, default, statistics object, sequence options, inheritance row or comment under its relation; an enum
 * label, range or domain check under its type), or, for what is not modelled per object (schemas, extensions, casts,
 * operators, collations, publications, default privileges, extension membership…), under one global key; rows no
 * snapshot shows (system columns, the internal triggers of keys) are left out. A key has changed when a row under it
 * was written since the mark (its {@code xmin} is newer, as the catalog mark tells) or
 * its count differs (a row deleted alone: {@code DROP TRIGGER}, {@code COMMENT … IS NULL}). The server compares the
 * counts with the mark's and returns only the keys that differ, with the unit each key belongs to (an index, TOAST
 * table or identity sequence belongs to its table, a row type or array type to its table or element type). Then the
 * objects whose printed form names a changed one (a view, foreign key, default, trigger or child table naming it)
 * are added from {@code pg_depend}.
 *
 * <p>Not covered, as for the catalog mark: in-place updates (only {@code VACUUM}, {@code ANALYZE} and index builds
 * make them, to statistics and flags a snapshot does not read), a time zone set in the server's configuration file,
 * a subtransaction of a transaction that was running, in another session, when the mark was taken. A global change,
 * or anything this class cannot place, means a full read.
 */
final class PostgresChanges {

	/** A unit or key: its kind in the high 32 bits, the object's oid in the low ones. */
	static final long GLOBAL = 0;
	static final long RELATION = 1L << 32;
	static final long TYPE = 2L << 32;
	static final long ROUTINE = 3L << 32;
	/** Keys of comments on objects inside a relation or type, by the commented object's oid and catalog. */
	private static final long CONSTRAINT_COMMENT = 4L << 32;
	private static final long TRIGGER_COMMENT = 5L << 32;
	private static final long POLICY_COMMENT = 6L << 32;
	private static final long RULE_COMMENT = 7L << 32;
	private static final long STATISTICS_COMMENT = 8L << 32;
	private static final long OID = 0xFFFF_FFFFL;
	private static final int FIRST_USER_OID = 16_384;

	/**
	 * The unit of the relation whose oid is {@code %1$s}: an index belongs to its table, a TOAST table and an identity
	 * sequence to the table they depend on internally, a composite type's relation to the type.
	 */
	private static final String RELATION_UNIT = """
			(SELECT CASE WHEN o.relkind = 'c' THEN (2::int8 << 32) + o.reltype::int8 ELSE (1::int8 << 32) + o.oid::int8 END
			 FROM pg_catalog.pg_class o WHERE o.oid = coalesce(
			   (SELECT dp.refobjid FROM pg_catalog.pg_depend dp WHERE dp.classid = 'pg_catalog.pg_class'::regclass
			    AND dp.objid = coalesce((SELECT ix.indrelid FROM pg_catalog.pg_index ix WHERE ix.indexrelid = %1$s), %1$s)
			    AND dp.objsubid = 0 AND dp.refclassid = 'pg_catalog.pg_class'::regclass AND dp.deptype = 'i' LIMIT 1),
			   (SELECT ix.indrelid FROM pg_catalog.pg_index ix WHERE ix.indexrelid = %1$s), %1$s))""";

	/** The unit of the type whose oid is {@code %1$s}: an array or multirange type belongs to its element or range. */
	private static final String TYPE_UNIT = """
			(SELECT CASE WHEN b.typrelid <> 0 THEN %2$s ELSE (2::int8 << 32) + b.oid::int8 END
			 FROM pg_catalog.pg_type t
			 LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem AND e.typarray = t.oid
			 LEFT JOIN pg_catalog.pg_range mr ON mr.rngmultitypid = coalesce(e.oid, t.oid)
			 JOIN pg_catalog.pg_type b ON b.oid = coalesce(mr.rngtypid, e.oid, t.oid)
			 WHERE t.oid = %1$s)""";

	/**
	 * The catalogs of what a snapshot shows that is not modelled per object, with the rows of them that can hold it:
	 * all of the small catalogs, of the large ones (the built-in operators, casts and collations) those of objects
	 * created after {@code initdb}, the comments of the schemas {@code initdb} made ({@code public}), and the initial
	 * privileges of schemas, the only ones a snapshot reads (those of built-in functions and catalogs are most rows).
	 */
	private static final List<String> GLOBAL_CATALOGS = List.of("pg_namespace", "pg_extension", "pg_language", "pg_am",
			"pg_event_trigger", "pg_default_acl", "pg_publication", "pg_publication_namespace", "pg_publication_rel",
			"pg_foreign_data_wrapper", "pg_foreign_server", "pg_foreign_table", "pg_user_mapping", "pg_transform",
			"pg_seclabel", "pg_ts_config", "pg_ts_dict", "pg_ts_parser", "pg_ts_template",
			"pg_description WHERE objoid IN (SELECT oid FROM pg_catalog.pg_namespace WHERE oid < " + FIRST_USER_OID
					+ ") AND classoid = 'pg_catalog.pg_namespace'::regclass",
			"pg_init_privs WHERE objoid IN (SELECT oid FROM pg_catalog.pg_namespace)"
					+ " AND classoid = 'pg_catalog.pg_namespace'::regclass",
			"pg_cast WHERE oid >= " + FIRST_USER_OID, "pg_conversion WHERE oid >= " + FIRST_USER_OID,
			"pg_opfamily WHERE oid >= " + FIRST_USER_OID, "pg_opclass WHERE oid >= " + FIRST_USER_OID,
			"pg_amop WHERE oid >= " + FIRST_USER_OID, "pg_amproc WHERE oid >= " + FIRST_USER_OID,
			"pg_operator WHERE oid >= " + FIRST_USER_OID, "pg_collation WHERE oid >= " + FIRST_USER_OID,
			"pg_ts_config_map WHERE mapcfg >= " + FIRST_USER_OID);

	/**
	 * Per key: the rows of catalogs whose rows of an object can be deleted alone, so that their count tells a change
	 * ({@link #WRITTEN_ROWS} has the others).
	 */
	private static final String KEYED_ROWS = String.join("\n  UNION ALL ", Stream.concat(
			GLOBAL_CATALOGS.stream().map(catalog -> keyed(GLOBAL, "0", catalog)), Stream.of(
			keyed(RELATION, "oid", "pg_class WHERE oid >= " + FIRST_USER_OID),
			// Internal triggers (a key's) are not shown: what a snapshot shows of a key is in its constraint's row.
			keyed(RELATION, "tgrelid", "pg_trigger WHERE oid >= " + FIRST_USER_OID + " AND NOT tgisinternal"),
			keyed(RELATION, "ev_class", "pg_rewrite WHERE oid >= " + FIRST_USER_OID),
			keyed(RELATION, "polrelid", "pg_policy"),
			keyed(RELATION, "stxrelid", "pg_statistic_ext"),
			// A constraint is on a table or on a domain (else its key is the global one): one scan for all.
			"SELECT CASE WHEN conrelid <> 0 THEN " + RELATION + " + conrelid::int8 WHEN contypid <> 0 THEN " + TYPE
					+ " + contypid::int8 ELSE " + GLOBAL + " END, xmin FROM pg_catalog.pg_constraint WHERE oid >= "
					+ FIRST_USER_OID,
			// Dependencies change with the rows of the objects they belong to, but for a sequence's OWNED BY and
			// extension membership, which decide what a snapshot shows.
			keyed(RELATION, "objid", "pg_depend WHERE objid >= " + FIRST_USER_OID
					+ " AND classid = 'pg_catalog.pg_class'::regclass AND deptype <> 'e'"),
			// Extension membership names the extension: looked up by the index on what is referenced.
			keyed(GLOBAL, "0", "pg_depend WHERE refclassid = 'pg_catalog.pg_extension'::regclass AND objid >= "
					+ FIRST_USER_OID + " AND deptype = 'e'"),
			keyed(TYPE, "oid", "pg_type WHERE oid >= " + FIRST_USER_OID),
			keyed(ROUTINE, "oid", "pg_proc WHERE oid >= " + FIRST_USER_OID),
			"SELECT CASE classoid WHEN 'pg_catalog.pg_class'::regclass THEN " + RELATION
					+ " WHEN 'pg_catalog.pg_type'::regclass THEN " + TYPE
					+ " WHEN 'pg_catalog.pg_proc'::regclass THEN " + ROUTINE
					+ " WHEN 'pg_catalog.pg_constraint'::regclass THEN " + CONSTRAINT_COMMENT
					+ " WHEN 'pg_catalog.pg_trigger'::regclass THEN " + TRIGGER_COMMENT
					+ " WHEN 'pg_catalog.pg_policy'::regclass THEN " + POLICY_COMMENT
					+ " WHEN 'pg_catalog.pg_rewrite'::regclass THEN " + RULE_COMMENT
					+ " WHEN 'pg_catalog.pg_statistic_ext'::regclass THEN " + STATISTICS_COMMENT
					+ " END + objoid::int8 AS key, xmin FROM pg_catalog.pg_description WHERE objoid >= " + FIRST_USER_OID
					+ " AND classoid IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_type'::regclass,"
					+ " 'pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_constraint'::regclass,"
					+ " 'pg_catalog.pg_trigger'::regclass, 'pg_catalog.pg_policy'::regclass,"
					+ " 'pg_catalog.pg_rewrite'::regclass, 'pg_catalog.pg_statistic_ext'::regclass)",
			"SELECT 0, xmin FROM pg_catalog.pg_description WHERE objoid >= " + FIRST_USER_OID
					+ " AND classoid NOT IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_type'::regclass,"
					+ " 'pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_constraint'::regclass,"
					+ " 'pg_catalog.pg_trigger'::regclass, 'pg_catalog.pg_policy'::regclass,"
					+ " 'pg_catalog.pg_rewrite'::regclass, 'pg_catalog.pg_statistic_ext'::regclass)")).toList());

	/**
	 * Per key: the rows of catalogs whose rows of an object are only deleted with a row of {@link #KEYED_ROWS} (a
	 * column with its relation, an index's entry with its relation, a default with a write to its column, an enum
	 * label with its type…): only their freshness is checked, which spares counting the most rows.
	 */
	private static final String WRITTEN_ROWS = String.join("\n  UNION ALL ", List.of(
			// System columns are not shown.
			keyed(RELATION, "attrelid", "pg_attribute WHERE attrelid >= " + FIRST_USER_OID + " AND attnum > 0"),
			keyed(RELATION, "indexrelid", "pg_index WHERE indexrelid >= " + FIRST_USER_OID),
			keyed(RELATION, "adrelid", "pg_attrdef"),
			keyed(RELATION, "inhrelid", "pg_inherits"),
			keyed(RELATION, "partrelid", "pg_partitioned_table"),
			keyed(RELATION, "seqrelid", "pg_sequence"),
			keyed(TYPE, "enumtypid", "pg_enum"),
			keyed(TYPE, "rngtypid", "pg_range"),
			keyed(ROUTINE, "aggfnoid", "pg_aggregate WHERE aggfnoid >= " + FIRST_USER_OID)));

	/**
	 * The dependents of the objects of the changed units ({@code o}), as {@link #CHANGED_KEYS_AND_DEPENDENTS}
	 * describes: one index lookup per object, and what a dependent belongs to looked up once per dependent (only the
	 * catalogs whose rows a printed form can depend from are asked, so that the lookups need no filter of their own).
	 * The lookups are a lateral subquery that cannot be flattened ({@code OFFSET 0}): joined, the generic plan (which
	 * cannot know that {@code o} has a handful of rows) hashed every dependency on a relation, type or routine.
	 */
	private static final String DEPENDENTS = """
			SELECT DISTINCT CASE d.classid
			         WHEN 'pg_catalog.pg_class'::regclass THEN (1::int8 << 32) + d.objid::int8
			         WHEN 'pg_catalog.pg_type'::regclass THEN (2::int8 << 32) + d.objid::int8
			         WHEN 'pg_catalog.pg_proc'::regclass THEN (3::int8 << 32) + d.objid::int8
			         WHEN 'pg_catalog.pg_constraint'::regclass THEN (SELECT CASE WHEN co.conrelid <> 0
			              THEN (1::int8 << 32) + co.conrelid::int8 ELSE (2::int8 << 32) + co.contypid::int8 END
			              FROM pg_catalog.pg_constraint co WHERE co.oid = d.objid)
			         WHEN 'pg_catalog.pg_trigger'::regclass THEN (SELECT (1::int8 << 32) + tg.tgrelid::int8
			              FROM pg_catalog.pg_trigger tg WHERE tg.oid = d.objid)
			         WHEN 'pg_catalog.pg_rewrite'::regclass THEN (SELECT (1::int8 << 32) + r.ev_class::int8
			              FROM pg_catalog.pg_rewrite r WHERE r.oid = d.objid)
			         WHEN 'pg_catalog.pg_attrdef'::regclass THEN (SELECT (1::int8 << 32) + ad.adrelid::int8
			              FROM pg_catalog.pg_attrdef ad WHERE ad.oid = d.objid)
			         WHEN 'pg_catalog.pg_policy'::regclass THEN (SELECT (1::int8 << 32) + p.polrelid::int8
			              FROM pg_catalog.pg_policy p WHERE p.oid = d.objid)
			         WHEN 'pg_catalog.pg_statistic_ext'::regclass THEN (SELECT (1::int8 << 32) + s.stxrelid::int8
			              FROM pg_catalog.pg_statistic_ext s WHERE s.oid = d.objid)
			       END AS dependent
			FROM o, LATERAL (SELECT dd.classid, dd.objid FROM pg_catalog.pg_depend dd
			  WHERE dd.refclassid = CASE o.key >> 32 WHEN 1 THEN 'pg_catalog.pg_class'::regclass
			                        WHEN 2 THEN 'pg_catalog.pg_type'::regclass ELSE 'pg_catalog.pg_proc'::regclass END
			    AND dd.refobjid = (o.key & 4294967295)::oid
			    AND dd.classid IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_type'::regclass,
			                       'pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_constraint'::regclass,
			                       'pg_catalog.pg_trigger'::regclass, 'pg_catalog.pg_rewrite'::regclass,
			                       'pg_catalog.pg_attrdef'::regclass, 'pg_catalog.pg_policy'::regclass,
			                       'pg_catalog.pg_statistic_ext'::regclass)
			  OFFSET 0) d""";

	/**
	 * The keys whose rows changed since the mark whose transaction snapshot is the first parameter and whose counts
	 * are the second (keys) and third (counts): each with its count now ({@code null} when it has no rows left) and,
	 * for a relation or type, the unit it belongs to; for a comment on an object inside a relation or type, that
	 * relation's or type's unit. The row with key {@code -1} holds the state of what the catalogs' rows cannot show, and
	 * the kinds of objects ({@code triggers}, {@code policies}…) the database has none of, whose queries a partial read
	 * spares.
	 */
	static final String CHANGED_KEYS = changedKeys("", "");

	/**
	 * {@link #CHANGED_KEYS} with, in the same statement (a partial read's first round trip), the objects whose printed
	 * form names one of the objects of the units changed (a view, foreign key, default, trigger or child table naming
	 * it), from {@code pg_depend}: rows with key {@code -2} and the dependent as {@code unit}, as {@code (kind, oid)} of
	 * a relation, type or routine, an object inside a relation or type given as that one. Its fourth and fifth
	 * parameters are the objects the mark placed (keys) and their units, to find the objects of a changed unit: kept
	 * as the two arrays and looked into by position, since only a few changed units are looked for in them (made
	 * into rows, they were stored and hashed twice on every read).
	 */
	static final String CHANGED_KEYS_AND_DEPENDENTS = changedKeys(",\n" + """
			placed AS (SELECT ?::int8[] AS keys, ?::int8[] AS units),
			cu AS (SELECT coalesce(r.unit, (SELECT p.units[array_position(p.keys, r.key)] FROM placed p)) AS unit
			       FROM r WHERE r.key >> 32 IN (1, 2)
			       UNION SELECT r.unit FROM r WHERE r.key >> 32 >= 4 AND r.unit IS NOT NULL
			       UNION SELECT r.key FROM r WHERE r.key >> 32 = 3),
			o AS (SELECT p.keys[i] AS key FROM placed p, generate_subscripts(p.units, 1) i
			      WHERE p.units[i] = ANY (ARRAY(SELECT unit FROM cu))
			      UNION SELECT r.key FROM r WHERE r.key >> 32 IN (1, 2) AND r.unit IN (SELECT unit FROM cu)
			      UNION SELECT unit FROM cu WHERE unit >> 32 = 3)""",
			"\nUNION ALL SELECT -2, NULL, d.dependent, NULL, NULL FROM (" + DEPENDENTS + ") d");

	/**
	 * Whether the catalog row whose {@code xmin} is in scope was written since the mark ({@code h}): the mark's age is
	 * taken once, as scalar subqueries that run once per statement, not once per row (each read counts every row).
	 */
	private static final String FRESH =
			"(age(xmin) <= (SELECT since FROM h) OR xmin = ANY ((SELECT running FROM h)::xid[]))";

	/**
	 * {@link #CHANGED_KEYS}, with {@code ctes} after its own and {@code rows} after its rows. The keys changed
	 * ({@code x}) come from one grouping of the rows now, the fresh written rows and the mark's counts together: a key
	 * whose count now differs from the mark's (none now, or none in the mark, is a difference too) or with a row
	 * written since; grouping them together spares the join of the counts now with the mark's, which cost as much as
	 * the counting. A key of an object inside a relation or type (a comment's) is then given that owner ({@code y},
	 * materialized so that the owner's lookup is not copied into each use of it), so that one copy of the unit lookups
	 * places every key.
	 */
	private static String changedKeys(String ctes, String rows) {
		return """
			WITH h AS (SELECT age(pg_snapshot_xmax(s)::xid) AS since, ARRAY(SELECT pg_snapshot_xip(s)::xid) AS running
			           FROM (SELECT ?::text::pg_snapshot AS s) m),
			k(key, xmin) AS (%1$s),
			x AS (SELECT key, nullif(sum(now), 0)::int AS n
			      FROM (SELECT key, 1 AS now, NULL::int AS mark, %8$s AS fresh FROM k
			            UNION ALL SELECT key, 0, NULL, true FROM (%5$s) w(key, xmin) WHERE %8$s
			            UNION ALL SELECT key, 0, n, false FROM unnest(?::int8[], ?::int4[]) o(key, n)) a
			      GROUP BY key HAVING bool_or(fresh) OR nullif(sum(now), 0) IS DISTINCT FROM max(mark)),
			y AS MATERIALIZED (SELECT x.key, x.n, CASE x.key >> 32
			         WHEN 1 THEN x.key
			         WHEN 2 THEN x.key
			         WHEN 4 THEN (SELECT CASE WHEN co.conrelid <> 0 THEN (1::int8 << 32) + co.conrelid::int8
			                      ELSE (2::int8 << 32) + co.contypid::int8 END
			                      FROM pg_catalog.pg_constraint co WHERE co.oid = (x.key & 4294967295)::oid)
			         WHEN 5 THEN (SELECT (1::int8 << 32) + tg.tgrelid::int8
			                      FROM pg_catalog.pg_trigger tg WHERE tg.oid = (x.key & 4294967295)::oid)
			         WHEN 6 THEN (SELECT (1::int8 << 32) + p.polrelid::int8
			                      FROM pg_catalog.pg_policy p WHERE p.oid = (x.key & 4294967295)::oid)
			         WHEN 7 THEN (SELECT (1::int8 << 32) + r.ev_class::int8
			                      FROM pg_catalog.pg_rewrite r WHERE r.oid = (x.key & 4294967295)::oid)
			         WHEN 8 THEN (SELECT (1::int8 << 32) + s.stxrelid::int8
			                      FROM pg_catalog.pg_statistic_ext s WHERE s.oid = (x.key & 4294967295)::oid)
			       END AS owner
			      FROM x),
			r AS (SELECT y.key, y.n, CASE y.owner >> 32 WHEN 1 THEN %2$s WHEN 2 THEN %3$s END AS unit FROM y)%6$s
			SELECT r.key, r.n, r.unit, NULL AS state, NULL AS absent FROM r
			UNION ALL SELECT -1, NULL, NULL, %4$s, concat_ws(',',
			       CASE WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE NOT tgisinternal) THEN 'triggers' END,
			       CASE WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy) THEN 'policies' END,
			       CASE WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_statistic_ext) THEN 'statistics objects' END,
			       CASE WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite WHERE oid >= 16384 AND rulename <> '_RETURN')
			            THEN 'rules' END,
			       CASE WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel) THEN 'publications' END,
			       CASE WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_sequence) THEN 'sequences' END,
			       CASE WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_description WHERE objoid >= 16384)
			            THEN 'comments' END)%7$s""".formatted(KEYED_ROWS,
			relationUnit("(y.owner & 4294967295)::oid"), typeUnit("(y.owner & 4294967295)::oid"),
			"(SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())::text || '|' || "
					+ PostgresCatalogReader.MARK_STATE, WRITTEN_ROWS, ctes, rows, FRESH);
	}

	private PostgresChanges() {
	}

	/**
	 * {@code Objects} is what a mark knows of each object: the count of catalog rows under each key, the unit each
	 * relation and type belongs to, the state of what rows cannot show, and where each unit's node is in the tree
	 * read with the mark.
	 */
	record Objects(Map<Long, Integer> counts, Map<Long, Long> units, String state) {
	}

	/**
	 * What changed since a mark: nothing, a global change (read everything), or these units; {@code absent} are the
	 * kinds of objects the database has none of now; {@code dependents} the objects naming one of the changed units'
	 * objects, when asked for ({@link #CHANGED_KEYS_AND_DEPENDENTS}).
	 */
	record Changes(boolean global, Set<Long> units, Objects now, Set<String> absent, Set<Long> dependents) {
	}

	/** The objects of the catalog now, counted from scratch (for a full read's mark). */
	static Objects count(Connection connection, String horizon) throws SQLException {
		Changes all = changesSince(connection, horizon, new Objects(Map.of(), Map.of(), ""));
		return all.now();
	}

	/**
	 * The units whose rows changed since {@code known} was counted at {@code horizon}, with the objects counted now; a
	 * global change when the state differs, a global key changed, or a key cannot be placed.
	 */
	static Changes changesSince(Connection connection, String horizon, Objects known) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(CHANGED_KEYS)) {
			bind(connection, statement, 1, horizon, known);
			try (ResultSet row = statement.executeQuery()) {
				return changes(row, known);
			}
		}
	}

	/** Binds the parameters of {@link #CHANGED_KEYS}, the first at {@code first}. */
	static void bind(Connection connection, PreparedStatement statement, int first, String horizon, Objects known)
			throws SQLException {
		statement.setString(first, horizon);
		Long[] keys = new Long[known.counts().size()];
		Integer[] numbers = new Integer[keys.length];
		int i = 0;
		for (Map.Entry<Long, Integer> entry : known.counts().entrySet()) {
			keys[i] = entry.getKey();
			numbers[i++] = entry.getValue();
		}
		statement.setArray(first + 1, connection.createArrayOf("int8", keys));
		statement.setArray(first + 2, connection.createArrayOf("int4", numbers));
	}

	/** Binds the parameters of {@link #CHANGED_KEYS_AND_DEPENDENTS}, the first at {@code first}. */
	static void bindWithUnits(Connection connection, PreparedStatement statement, int first, String horizon,
			Objects known) throws SQLException {
		bind(connection, statement, first, horizon, known);
		Long[] objects = new Long[known.units().size()];
		Long[] units = new Long[objects.length];
		int i = 0;
		for (Map.Entry<Long, Long> entry : known.units().entrySet()) {
			objects[i] = entry.getKey();
			units[i++] = entry.getValue();
		}
		statement.setArray(first + 3, connection.createArrayOf("int8", objects));
		statement.setArray(first + 4, connection.createArrayOf("int8", units));
	}

	/** The changes that the rows of {@link #CHANGED_KEYS} tell, since {@code known}. */
	static Changes changes(ResultSet row, Objects known) throws SQLException {
		Map<Long, Integer> counts = new HashMap<>(known.counts());
		Map<Long, Long> units = new HashMap<>(known.units());
		Set<Long> changed = new HashSet<>();
		boolean global = false;
		String state = null;
		Set<String> absent = new HashSet<>();
		List<long[]> owned = new ArrayList<>();
		Set<Long> dependents = new HashSet<>();
		while (row.next()) {
			long key = row.getLong("key");
			if (key == -2) {
				dependents.add(row.getLong("unit"));
				continue;
			}
			if (key == -1) {
				state = row.getString("state");
				absent.addAll(List.of(row.getString("absent").split(",")));
				continue;
			}
			int n = row.getInt("n");
			boolean present = !row.wasNull();
			long unit = row.getLong("unit");
			boolean placed = !row.wasNull();
			if (present) {
				counts.put(key, n);
			}
			else {
				counts.remove(key);
			}
			long kind = key & ~OID;
			if (key == GLOBAL) {
				global = true;
			}
			else if (kind == RELATION || kind == TYPE) {
				owned.add(new long[] {key, present ? 1 : 0, placed ? unit : -1});
			}
			else if (kind == ROUTINE) {
				changed.add(key);
			}
			else if (placed) {
				// A comment on an object inside a relation or type: an object that is gone took its
				// comment with it, and its own rows tell its owner.
				changed.add(unit);
			}
		}
		// Keys of relations and types: placed by the server when present, else by the mark.
		for (long[] key : owned) {
			Long unit = key[2] >= 0 ? Long.valueOf(key[2]) : units.get(key[0]);
			if (unit == null) {
				global = true;
				continue;
			}
			changed.add(unit);
			if (key[1] == 1) {
				units.put(key[0], unit);
			}
		}
		// Keys without rows left are objects dropped; keep their units only while they have rows.
		units.keySet().removeIf(object -> !counts.containsKey(object));
		if (!known.state().equals(state)) {
			global = true;
		}
		Objects now = new Objects(Map.copyOf(counts), Map.copyOf(units), state);
		return new Changes(global, changed, now, Set.copyOf(absent), Set.copyOf(dependents));
	}

	/**
	 * The changed units with every unit whose printed form names one of their objects ({@link Changes#dependents()});
	 * empty when a dependent cannot be placed (then read everything). One step is enough: what a unit shows of another
	 * (its name, its columns' names) is in that unit's own rows, so a unit read again only for naming a changed one
	 * shows the same to its own dependents.
	 */
	static Optional<Set<Long>> withDependents(Changes changes) {
		Set<Long> all = new HashSet<>(changes.units());
		for (long dependent : changes.dependents()) {
			Long unit = kind(dependent) == ROUTINE ? Long.valueOf(dependent) : changes.now().units().get(dependent);
			if (unit == null) {
				return Optional.empty();
			}
			all.add(unit);
		}
		return Optional.of(all);
	}

	/** The oids of the relations, types and routines that belong to {@code units}: what a partial read filters on. */
	static List<Long> objectsOf(Set<Long> units, Objects now) {
		List<Long> oids = new ArrayList<>();
		now.units().forEach((object, unit) -> {
			if (units.contains(unit)) {
				oids.add(object & OID);
			}
		});
		units.stream().filter(unit -> (unit & ~OID) == ROUTINE).forEach(unit -> oids.add(unit & OID));
		return oids;
	}

	static long kind(long unit) {
		return unit & ~OID;
	}

	static long oid(long unit) {
		return unit & OID;
	}

	private static String keyed(long kind, String key, String from) {
		return "SELECT " + kind + " + " + key + "::int8, xmin FROM pg_catalog." + from;
	}

	private static String relationUnit(String oid) {
		return RELATION_UNIT.formatted(oid);
	}

	private static String typeUnit(String oid) {
		return TYPE_UNIT.formatted(oid, relationUnit("b.typrelid"));
	}
}
