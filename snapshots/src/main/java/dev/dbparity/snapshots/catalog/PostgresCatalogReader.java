package dev.dbparity.snapshots.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.sqltext.QuotedText;

/**
 * {@code PostgresCatalogReader} is the {@link CatalogReader} for PostgreSQL 14 to 18: it reads the whole database with
 * one bulk {@code pg_catalog} query per object kind and builds the format-1 tree of {@code snapshots/SCHEMA-FORMAT.md}.
 *
 * <p>It is for dbparity's own capture code and for users who snapshot a connection themselves. It never walks JDBC
 * metadata table by table, so a database with thousands of tables costs about a dozen round trips.
 *
 * <p>The read runs in one read-only, repeatable-read transaction when the connection is in auto-commit mode (else
 * inside the caller's transaction), with {@code search_path} emptied for that transaction, so that the server's
 * deparser qualifies every name that is not in {@code pg_catalog} and the output does not depend on the session's
 * search path. Connection settings are restored afterwards.
 *
 * <p>Optional fields are written only when they hold something: {@code comment}, {@code default}, {@code collation},
 * {@code identity}, an identity column's {@code sequence} (only the options that differ from the defaults),
 * {@code generated}, {@code nullsNotDistinct} (only when {@code true}, so that PostgreSQL 14, which
 * lacks it, agrees with later versions), {@code checkOption}, {@code securityBarrier} (only when {@code true}),
 * {@code rowLevelSecurity} (only when enabled or forced), a table's or index's {@code storage} parameters (only when
 * set); maps of constraints, indexes, triggers, policies and grants
 * are left out when empty. {@code position}, {@code type} and {@code nullable} are always written, and every schema
 * has its {@code tables}, {@code views}, {@code sequences}, {@code types} and {@code routines}, empty or not.
 *
 * <p>Comments are read on every object the snapshot holds, privileges on every object that has them (columns, types,
 * schemas and default privileges included) relative to the defaults, and an index's state ({@code valid},
 * {@code ready}, {@code attached}) and a table's {@code replicaIdentity} only when not the usual. Not read:
 * publications, event triggers, operators, casts, collations and text search objects, foreign
 * servers and foreign table options ({@code snapshots/SCHEMA-FORMAT.md}, "PostgreSQL coverage", says why for each).
 * An aggregate's {@code bodyHash} is that of its state type, initial value and support functions, as it has no body.
 *
 * <p>{@link #read} throws the driver's {@link SQLException} when a catalog query fails, for example on a server older
 * than 14, whose catalogs lack columns it reads.
 *
 * @since 0.1
 */
public final class PostgresCatalogReader implements CatalogReader {

	/** Migration history tables of dbparity, Flyway, Liquibase, diesel, pop and Prisma: bookkeeping, not schema. */
	private static final String HISTORY_TABLES =
			"('dbparity_schema_history', 'flyway_schema_history', 'databasechangelog', 'databasechangeloglock', "
					+ "'__diesel_schema_migrations', 'schema_migration', '_prisma_migrations')";

	/**
	 * The schema filter every query carries with alias {@code n} for {@code pg_namespace}: no system schemas, and the
	 * requested ones only. Its two parameters are both the requested names (empty for all).
	 */
	private static final String SCHEMA_FILTER = "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'"
			+ " AND (cardinality(?::text[]) = 0 OR n.nspname = ANY (?::text[]))";

	private static final String NOT_EXTENSION_RELATION = notExtensionMember("pg_class", "c.oid");

	private static final String SETTINGS = """
			SELECT current_setting('server_version') AS version,
			       current_setting('server_version_num')::int AS version_num,
			       pg_encoding_to_char(d.encoding) AS encoding, d.datcollate, d.datctype,
			       current_setting('standard_conforming_strings') AS standard_conforming_strings,
			       (SELECT substr(s, strpos(s, '=') + 1) FROM pg_db_role_setting r, unnest(r.setconfig) s
			        WHERE r.setrole = 0 AND r.setdatabase = d.oid AND lower(s) LIKE 'timezone=%') AS database_timezone,
			       (SELECT p.setting FROM pg_settings p WHERE p.name = 'TimeZone'
			        AND p.source NOT IN ('client', 'session')) AS server_timezone,
			       has_table_privilege('pg_catalog.pg_file_settings', 'SELECT') AS file_settings_readable
			FROM pg_database d WHERE d.datname = current_database()""";

	/** The server's configured time zone, when the session's own one came from the client (JDBC sends the JVM's). */
	private static final String FILE_TIMEZONE = """
			SELECT setting FROM pg_file_settings WHERE lower(name) = 'timezone' AND applied
			ORDER BY seqno DESC LIMIT 1""";

	private static final String LOCALE_PROVIDER =
			"SELECT datlocprovider::text FROM pg_database WHERE datname = current_database()";

	private static final String EXTENSIONS = """
			SELECT x.extname, x.extversion, n.nspname
			FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace""";

	private static final String SCHEMAS = """
			SELECT n.oid, n.nspname, pg_get_userbyid(n.nspowner) AS owner, d.description
			FROM pg_namespace n
			LEFT JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
			WHERE %s AND %s""".formatted(SCHEMA_FILTER, notExtensionMember("pg_namespace", "n.oid"));

	/** Relations, with their parents ({@code parents}, null for none) aggregated once for all, not looked up per row. */
	private static final String RELATIONS = """
			SELECT c.oid, n.nspname, c.relname, c.relkind::text AS relkind, c.relpersistence::text AS relpersistence,
			       pg_get_userbyid(c.relowner) AS owner, d.description, c.relrowsecurity, c.relforcerowsecurity,
			       c.relispartition,
			       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
			       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
			       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS view_definition,
			       c.reloptions || ARRAY(SELECT 'toast.' || o FROM pg_class tc, unnest(tc.reloptions) o
			                             WHERE tc.oid = c.reltoastrelid) AS reloptions,
			       c.relreplident::text AS replident,
			       CASE WHEN c.relreplident = 'i' THEN (SELECT ri.relname FROM pg_index rx
			            JOIN pg_class ri ON ri.oid = rx.indexrelid WHERE rx.indrelid = c.oid AND rx.indisreplident)
			       END AS replica_index,
			       p.parents
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
			LEFT JOIN (SELECT i.inhrelid, array_agg(pn.nspname || '.' || pc.relname ORDER BY i.inhseqno) AS parents
			           FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
			           JOIN pg_namespace pn ON pn.oid = pc.relnamespace GROUP BY i.inhrelid) p ON p.inhrelid = c.oid
			WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND c.relname NOT IN %s AND %s AND %s"""
		.formatted(HISTORY_TABLES, SCHEMA_FILTER, NOT_EXTENSION_RELATION);

	/**
	 * Columns of tables and attributes of composite types, in no order: a column's {@code position}, which skips
	 * dropped columns, is counted here from the numbers ({@code attnum}) of its table's columns, which spares the
	 * server sorting every column of the database. A column's
	 * privileges are read here, where its row is at hand, as {@code [grantee, privilege]} pairs: a column has no
	 * privileges by default, so all of them are grants.
	 *
	 * <p>A default cannot refer to a column, so it is deparsed without its table ({@code pg_get_expr(…, 0)}), which
	 * prints the same text: with the table, the server opens every table to name its columns, which made this the
	 * slowest query of a snapshot. Only a generated column's expression needs its table.
	 */
	private static final String COLUMNS = """
			SELECT a.attrelid, a.attname, a.attnum,
			       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull, a.attidentity::text AS attidentity,
			       a.attgenerated::text AS attgenerated,
			       pg_get_expr(ad.adbin, CASE WHEN a.attgenerated <> '' THEN ad.adrelid ELSE 0 END) AS expression,
			       CASE WHEN a.attcollation <> t.typcollation THEN %s END AS collation, d.description,
			       t.typtype = 'd' AND t.typdefaultbin IS NOT NULL AS domain_default,
			       NULLIF(a.attstorage, t.typstorage)::text AS storage, a.attcompression::text AS compression,
			       NULLIF(a.attstattarget, -1) AS statistics_target,
			       CASE WHEN a.attacl IS NOT NULL THEN ARRAY(
			            SELECT ARRAY[CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END,
			                         x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END]
			            FROM aclexplode(a.attacl) x) END AS privileges
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			JOIN pg_type t ON t.oid = a.atttypid
			LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
			LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass
			     AND d.objsubid = a.attnum
			WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'c') AND %s"""
		.formatted(collationName("a.attcollation"), SCHEMA_FILTER);

	/**
	 * Table constraints and domain checks. Foreign keys that PostgreSQL clones onto the partitions of a referenced
	 * partitioned table are left out: they repeat their parent on the same table. A constraint's own columns come as
	 * their numbers ({@code keys}), named from the columns already read; a foreign key's referenced columns, whose table
	 * may be in a schema not read, are named here, by one index lookup each (a join with the table's columns built a
	 * hash table per constraint, which cost several times as much).
	 */
	private static final String CONSTRAINTS = """
			SELECT co.oid, co.conindid, co.conrelid, co.contypid, co.conname, co.contype::text AS contype,
			       CASE WHEN co.contype IN ('c', 'x') THEN pg_get_constraintdef(co.oid) END AS definition,
			       co.condeferrable, co.condeferred, co.convalidated,
			       co.conkey AS keys, fn.nspname AS referenced_schema, fc.relname AS referenced_table,
			       CASE WHEN co.contype = 'f' THEN ARRAY(
			            SELECT (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = co.confrelid AND a.attnum = k.num)
			            FROM unnest(co.confkey) WITH ORDINALITY k(num, ord) ORDER BY k.ord) END AS referenced_columns,
			       co.confmatchtype::text AS match, co.confupdtype::text AS on_update, co.confdeltype::text AS on_delete,
			       %s AS nulls_not_distinct
			FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
			LEFT JOIN pg_index ix ON ix.indexrelid = co.conindid
			LEFT JOIN pg_class fc ON fc.oid = co.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
			WHERE ((co.conrelid <> 0 AND co.contype IN ('p', 'f', 'u', 'c', 'x'))
			       OR (co.contypid <> 0 AND co.contype = 'c'))
			  AND NOT (co.contype = 'f' AND %s)
			  AND %s""";

	/** Whether a foreign key was cloned from one on the same table, by a hashed list of the constraints' parents. */
	private static final String CLONED_KEY =
			"EXISTS (SELECT 1 FROM pg_constraint pco WHERE pco.oid = co.conparentid AND pco.conrelid = co.conrelid)";

	/**
	 * {@link #CLONED_KEY} looked up per constraint, as a partial read also looks up the {@code NULLS NOT DISTINCT} of a
	 * key's index: a partial read reads a few constraints, and hashing every constraint and index of the database
	 * cost more than the rest of its query.
	 */
	private static final String CLONED_KEY_BY_LOOKUP = "co.conparentid <> 0 AND (SELECT pco.conrelid FROM pg_constraint pco"
			+ " WHERE pco.oid = co.conparentid) IS NOT DISTINCT FROM co.conrelid";

	/**
	 * Indexes that no constraint stands for. Key columns carry what {@code pg_get_indexdef(oid, k, true)} leaves out:
	 * a non-default collation and operator class, and the sort order. A column that is not an expression is its
	 * quoted name, as {@code pg_get_indexdef} prints it ({@code quote_ident} is the same quoting): the deparser is
	 * called for expressions only, as it opens the table on each call. The indexes of key and exclusion
	 * constraints are left out with one hashed list of them ({@code conindid} is never null), not a lookup per index
 * ({@link #NO_KEY_INDEX}), but in a partial read, which reads a few indexes ({@link #NO_KEY_INDEX_BY_LOOKUP}).
	 */
	private static final String INDEXES = """
			SELECT i.indexrelid, i.indrelid, ic.relname AS name, i.indisunique, am.amname, i.indnkeyatts, ic.reloptions,
			       pg_get_expr(i.indpred, i.indrelid) AS predicate, %s AS nulls_not_distinct,
			       i.indisvalid, i.indisready,
			       c.relispartition AND NOT EXISTS (SELECT 1 FROM pg_inherits ii WHERE ii.inhrelid = i.indexrelid)
			       AND EXISTS (SELECT 1 FROM pg_inherits pt JOIN pg_index pi ON pi.indrelid = pt.inhparent
			                   WHERE pt.inhrelid = c.oid
			                     AND substring(pg_get_indexdef(pi.indexrelid) FROM ' USING .*$')
			                         = substring(pg_get_indexdef(i.indexrelid) FROM ' USING .*$')) AS detached,
			       ARRAY(SELECT CASE WHEN i.indkey[k - 1] <> 0
			                         THEN quote_ident((SELECT a.attname FROM pg_attribute a
			                                           WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]))
			                         ELSE pg_get_indexdef(i.indexrelid, k, true) END
			             || CASE WHEN k > i.indnkeyatts THEN '' ELSE
			                  CASE WHEN i.indcollation[k - 1] <> 0 AND i.indcollation[k - 1] IS DISTINCT FROM
			                       (CASE WHEN i.indkey[k - 1] <> 0
			                        THEN (SELECT a.attcollation FROM pg_attribute a
			                              WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1])
			                        ELSE (SELECT t.typcollation FROM pg_attribute ia JOIN pg_type t ON t.oid = ia.atttypid
			                              WHERE ia.attrelid = i.indexrelid AND ia.attnum = k) END)
			                  THEN ' COLLATE ' || %s ELSE '' END
			               || CASE WHEN i.indclass[k - 1] = ANY (SELECT oc.oid FROM pg_opclass oc WHERE NOT oc.opcdefault)
			                  THEN (SELECT ' ' || CASE WHEN ocn.nspname = 'pg_catalog' THEN quote_ident(oc.opcname)
			                                      ELSE quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END
			                        FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
			                        WHERE oc.oid = i.indclass[k - 1]) ELSE '' END
			               || CASE WHEN i.indoption[k - 1] & 1 = 1
			                       THEN ' DESC' || CASE WHEN i.indoption[k - 1] & 2 = 0 THEN ' NULLS LAST' ELSE '' END
			                       WHEN i.indoption[k - 1] & 2 = 2 THEN ' NULLS FIRST' ELSE '' END
			               END
			             FROM generate_series(1, i.indnatts) k ORDER BY k) AS columns
			FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam
			WHERE c.relkind IN ('r', 'p', 'm') AND %s
			  AND %s""";

	/** Whether an index stands for no key or exclusion constraint, by one hashed list of those constraints' indexes. */
	private static final String NO_KEY_INDEX =
			"i.indexrelid NOT IN (SELECT co.conindid FROM pg_constraint co WHERE co.contype IN ('p', 'u', 'x'))";

	/**
	 * {@link #NO_KEY_INDEX} looked up per index, among its table's constraints (a key's constraint is on its index's
	 * table), for a partial read's few indexes: as a count, which the planner cannot turn into a join over every
	 * constraint of the database.
	 */
	private static final String NO_KEY_INDEX_BY_LOOKUP = "(SELECT count(*) FROM pg_constraint co WHERE co.conrelid = i.indrelid"
			+ " AND co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x')) = 0";

	/**
	 * Sequences, with the column an identity sequence belongs to: such a sequence is not listed, its options go to its
	 * column. Both that column and the one an {@code OWNED BY} names come from the sequence's one dependency on a
	 * column ({@code i} for identity, {@code a} for owned by: PostgreSQL refuses to give an identity sequence an
	 * owner), joined once for all sequences.
	 */
	private static final String SEQUENCES = """
			SELECT c.oid, n.nspname, c.relname, format_type(s.seqtypid, NULL) AS type, s.seqstart, s.seqincrement,
			       s.seqmin, s.seqmax, s.seqcache, s.seqcycle, pg_get_userbyid(c.relowner) AS owner,
			       CASE WHEN dp.deptype = 'a' THEN tn.nspname || '.' || tc.relname || '.' || ta.attname END AS owned_by,
			       CASE WHEN dp.deptype = 'i' THEN dp.refobjid END AS identity_table,
			       CASE WHEN dp.deptype = 'i' THEN ta.attname END AS identity_column
			FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_depend dp ON dp.classid = 'pg_class'::regclass AND dp.objid = c.oid
			     AND dp.refclassid = 'pg_class'::regclass AND dp.deptype IN ('a', 'i')
			LEFT JOIN pg_class tc ON tc.oid = dp.refobjid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
			LEFT JOIN pg_attribute ta ON ta.attrelid = dp.refobjid AND ta.attnum = dp.refobjsubid
			WHERE %s AND %s
			  AND NOT EXISTS (SELECT 1 FROM pg_depend dp JOIN pg_class tc ON tc.oid = dp.refobjid
			                  WHERE dp.classid = 'pg_class'::regclass AND dp.objid = c.oid
			                    AND dp.refclassid = 'pg_class'::regclass AND tc.relname IN %s)"""
		.formatted(SCHEMA_FILTER, NOT_EXTENSION_RELATION, HISTORY_TABLES);

	private static final String TRIGGERS = """
			SELECT tg.oid, tg.tgrelid, tg.tgname, pg_get_triggerdef(tg.oid, true) AS definition,
			       tg.tgenabled::text AS enabled
			FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE NOT tg.tgisinternal AND %s""".formatted(SCHEMA_FILTER);

	/**
	 * Extended statistics objects ({@code CREATE STATISTICS}): what they are on and which kinds they build; the
	 * {@code e} kind is left out, as PostgreSQL adds it by itself for expressions.
	 */
	private static final String STATISTICS = """
			SELECT s.oid, s.stxrelid, s.stxname, pg_get_statisticsobjdef_columns(s.oid) AS columns,
			       ARRAY(SELECT CASE k WHEN 'd' THEN 'ndistinct' WHEN 'f' THEN 'dependencies' ELSE 'mcv' END
			             FROM unnest(s.stxkind::text[]) k WHERE k <> 'e' ORDER BY 1) AS kinds,
			       s.stxstattarget::integer AS target
			FROM pg_statistic_ext s JOIN pg_class c ON c.oid = s.stxrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE %s""".formatted(SCHEMA_FILTER);

	/** Rules ({@code CREATE RULE}), without the {@code _RETURN} rule that makes a view a view. */
	private static final String RULES = """
			SELECT r.oid, r.ev_class, r.rulename, pg_get_ruledef(r.oid, true) AS definition,
			       r.ev_enabled::text AS enabled
			FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE r.rulename <> '_RETURN' AND %s""".formatted(SCHEMA_FILTER);

	private static final String POLICIES = """
			SELECT p.oid, p.polrelid, p.polname, p.polcmd::text AS command, p.polpermissive,
			       ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END
			             FROM unnest(p.polroles) r ORDER BY 1) AS roles,
			       pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
			FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE %s""".formatted(SCHEMA_FILTER);

	/**
	 * Privileges that differ from the object's defaults ({@code acldefault}), one part per catalog: relations and
	 * sequences ({@code r}), routines ({@code p}), types and domains
	 * ({@code T}) and schemas ({@code n}). {@code grant} rows were granted beyond the defaults, {@code revoke} rows
	 * were revoked from them; a privilege held {@code WITH GRANT OPTION} is a privilege of its own. The owner's
	 * implicit privileges are defaults, so environments whose owners differ (production's application role, the
	 * test's {@code postgres}) compare equal. A schema's defaults include what {@code initdb} gave it
	 * ({@code pg_init_privs}, with its then owner read as the current one): the {@code public} schema's
	 * {@code USAGE} (and, before 15, {@code CREATE}) for {@code PUBLIC} is not a grant.
	 */
	private static final String GRANTS = String.join("\nUNION ALL\n",
			privileges("r", "c.oid", "c.relacl",
					"aclexplode(acldefault((CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::\"char\", c.relowner))",
					"pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace",
					"c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')"),
			privileges("p", "p.oid", "p.proacl", "aclexplode(acldefault('f'::\"char\", p.proowner))",
					"pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace", "p.proacl IS NOT NULL"),
			privileges("T", "t.oid", "t.typacl", "aclexplode(acldefault('T'::\"char\", t.typowner))",
					"pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace", "t.typacl IS NOT NULL"),
			privileges("n", "n.oid", "COALESCE(n.nspacl, acldefault('n'::\"char\", n.nspowner))", """
					(SELECT * FROM aclexplode(acldefault('n'::"char", n.nspowner))
					 UNION SELECT ia.grantor, CASE WHEN ia.grantee = ia.grantor THEN n.nspowner ELSE ia.grantee END,
					        ia.privilege_type, ia.is_grantable
					 FROM pg_init_privs ip, aclexplode(ip.initprivs) ia
					 WHERE ip.objoid = n.oid AND ip.classoid = 'pg_namespace'::regclass AND ip.objsubid = 0)""",
					"pg_namespace n", "true"));

	/** The parameter of a partial read's oids. */
	private static final String OIDS = "?::int8[]";

	/** {@link #GRANTS} of the objects a partial read reads again (schemas are not read per object). */
	private static final String PARTIAL_GRANTS = String.join("\nUNION ALL\n",
			privileges("r", "c.oid", "c.relacl",
					"aclexplode(acldefault((CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::\"char\", c.relowner))",
					"pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace", "c.relacl IS NOT NULL AND "
							+ "c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND c.oid = ANY (" + OIDS + "::oid[])"),
			privileges("p", "p.oid", "p.proacl", "aclexplode(acldefault('f'::\"char\", p.proowner))",
					"pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace",
					"p.proacl IS NOT NULL AND p.oid = ANY (" + OIDS + "::oid[])"),
			privileges("T", "t.oid", "t.typacl", "aclexplode(acldefault('T'::\"char\", t.typowner))",
					"pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace",
					"t.typacl IS NOT NULL AND t.oid = ANY (" + OIDS + "::oid[])"));

	/**
	 * Default privileges ({@code ALTER DEFAULT PRIVILEGES}): a global entry replaces the engine's defaults for the
	 * role's new objects, so it is compared with {@code acldefault}; an entry for a schema adds to them, so all of it
	 * is granted. The role whose new objects they apply to ({@code FOR ROLE}) is an owner, environment-specific like
	 * owners, and is not written: entries of several roles are merged.
	 */
	private static final String DEFAULT_PRIVILEGES = """
			SELECT CASE WHEN da.defaclnamespace <> 0 THEN n.nspname END AS nspname, da.defaclobjtype::text AS objtype,
			       x.change, CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END AS grantee,
			       x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END AS privilege
			FROM pg_default_acl da LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace,
			LATERAL (SELECT CASE WHEN d.grantee IS NULL THEN 'grant' ELSE 'revoke' END AS change,
			                coalesce(a.grantee, d.grantee) AS grantee,
			                coalesce(a.privilege_type, d.privilege_type) AS privilege_type,
			                coalesce(a.is_grantable, d.is_grantable) AS is_grantable
			         FROM aclexplode(da.defaclacl) a
			         FULL JOIN (SELECT * FROM %1$s d WHERE da.defaclnamespace = 0) d ON a.grantee = d.grantee
			              AND a.privilege_type = d.privilege_type AND a.is_grantable = d.is_grantable
			         WHERE a.grantee IS NULL OR d.grantee IS NULL) x
			WHERE da.defaclnamespace = 0 OR (%2$s)""".formatted(
					"aclexplode(acldefault((CASE WHEN da.defaclobjtype = 'S' THEN 's' ELSE da.defaclobjtype END)"
					+ "::\"char\", da.defaclrole))", SCHEMA_FILTER);

	/**
	 * Comments on the objects whose nodes carry no comment from their own query: indexes (and the index of a key or
	 * exclusion constraint), sequences, constraints (of tables and domains), triggers, policies and the columns of
	 * views ({@code column} is the column's name, else {@code null}), in one read. Only user objects' comments are
	 * read: their oids start at 16384 ({@code FirstNormalObjectId}), above every built-in object's, so the thousands
	 * of built-in comments are skipped by the index.
	 */
	private static final String COMMENTS = """
			SELECT CASE d.classoid WHEN 'pg_class'::regclass THEN 'class'
			                       WHEN 'pg_constraint'::regclass THEN 'constraint' WHEN 'pg_trigger'::regclass THEN 'trigger' WHEN 'pg_policy'::regclass THEN 'policy'
			                       WHEN 'pg_rewrite'::regclass THEN 'rule' ELSE 'statistics' END AS catalog,
			       d.objoid, d.description,
			       CASE WHEN d.objsubid > 0 THEN (SELECT a.attname FROM pg_attribute a
			                                      WHERE a.attrelid = d.objoid AND a.attnum = d.objsubid) END AS column
			FROM pg_description d
			WHERE d.objoid >= 16384 AND ((d.objsubid = 0 AND d.classoid IN ('pg_class'::regclass, 'pg_constraint'::regclass,
			                                         'pg_trigger'::regclass, 'pg_policy'::regclass,
			                                         'pg_statistic_ext'::regclass, 'pg_rewrite'::regclass))
			   OR (d.objsubid > 0 AND d.classoid = 'pg_class'::regclass
			       AND EXISTS (SELECT 1 FROM pg_class v WHERE v.oid = d.objoid AND v.relkind IN ('v', 'm'))))""";

	/**
	 * The condition on {@link #COMMENTS} of a partial read: comments on the objects read again, or on what is inside
	 * them (constraints, triggers, policies, rules and statistics objects; indexes and sequences are among the oids).
	 * No oid is 0; saying so of domains makes the plan, made for any oids, look their constraints up by index.
	 */
	private static final String PARTIAL_COMMENTS = """
			 AND d.objoid = ANY (ARRAY(SELECT unnest(?::int8[]::oid[])
			      UNION ALL SELECT co.oid FROM pg_constraint co WHERE co.conrelid = ANY (?::int8[]::oid[])
			      UNION ALL SELECT co.oid FROM pg_constraint co
			                WHERE co.contypid = ANY (?::int8[]::oid[]) AND co.contypid <> 0
			      UNION ALL SELECT tg.oid FROM pg_trigger tg WHERE tg.tgrelid = ANY (?::int8[]::oid[])
			      UNION ALL SELECT p.oid FROM pg_policy p WHERE p.polrelid = ANY (?::int8[]::oid[])
			      UNION ALL SELECT r.oid FROM pg_rewrite r WHERE r.ev_class = ANY (?::int8[]::oid[])
			      UNION ALL SELECT s.oid FROM pg_statistic_ext s WHERE s.stxrelid = ANY (?::int8[]::oid[])))""";

	private static final String TYPES = """
			SELECT t.oid, t.typrelid, n.nspname, t.typname, t.typtype::text AS typtype,
			       pg_get_userbyid(t.typowner) AS owner, d.description,
			       CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid
			                                            ORDER BY e.enumsortorder) END AS labels,
			       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
			       t.typnotnull, pg_get_expr(t.typdefaultbin, 0) AS default_value,
			       CASE WHEN t.typtype = 'd' AND t.typcollation <> bt.typcollation THEN %s END AS collation,
			       format_type(r.rngsubtype, NULL) AS subtype
			FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
			LEFT JOIN pg_range r ON r.rngtypid = t.oid
			LEFT JOIN pg_class tc ON tc.oid = t.typrelid
			LEFT JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
			WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND tc.relkind = 'c')) AND %s AND %s"""
		.formatted(collationName("t.typcollation"), SCHEMA_FILTER, notExtensionMember("pg_type", "t.oid"));

	/** Publications (logical replication): database-wide, with the schemas a 15+ publication takes whole. */
	private static final String PUBLICATIONS = """
			SELECT p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot,
			       %s AS schemas
			FROM pg_publication p""";

	/** The tables publications name, with a 15+ row filter and column list. */
	private static final String PUBLICATION_TABLES = """
			SELECT pr.prrelid, p.pubname, %s AS row_filter, %s AS columns
			FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid""";

	/** Routines, without those a type made for itself (a range type's constructors), which depend on it internally. */
	private static final String ROUTINES = """
			SELECT p.oid, n.nspname, p.proname, p.prokind::text AS prokind,
			       oidvectortypes(p.proargtypes) AS argument_types,
			       pg_get_function_arguments(p.oid) AS arguments, pg_get_function_result(p.oid) AS result,
			       l.lanname, p.provolatile::text AS volatility, p.proisstrict, p.prosecdef,
			       p.proparallel::text AS parallel, p.proleakproof, p.proconfig,
			       CASE WHEN p.prokind = 'a'
			            THEN (SELECT concat_ws(' ', 'sfunc=' || a.aggtransfn::regproc,
			                                   'stype=' || format_type(a.aggtranstype, NULL),
			                                   'initcond=' || a.agginitval,
			                                   'finalfunc=' || NULLIF(a.aggfinalfn, 0)::regproc,
			                                   'combinefunc=' || NULLIF(a.aggcombinefn, 0)::regproc,
			                                   'sortop=' || NULLIF(a.aggsortop, 0)::regoperator)
			                  FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
			            WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) ELSE p.prosrc END AS body,
			       pg_get_userbyid(p.proowner) AS owner, d.description
			FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
			LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0
			WHERE %s AND %s
			  AND NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.classid = 'pg_proc'::regclass AND dp.objid = p.oid
			                  AND dp.deptype = 'i')""".formatted(SCHEMA_FILTER, notExtensionMember("pg_proc", "p.oid"));

	/**
	 * What the marked catalogs' rows cannot show: the database's time zone settings and the roles' names. The session's
	 * time zone is compared by value, not with its source, which only {@code pg_settings} gives, at the cost of listing
	 * every setting: a snapshot shows the server's zone only when the session's did not come from the client, and the
	 * JDBC driver always sends one.
	 */
	static final String MARK_STATE = """
			coalesce((SELECT string_agg(s, ',' ORDER BY s) FROM pg_db_role_setting r, unnest(r.setconfig) s
			          WHERE r.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())), '')
			|| '|' || current_setting('TimeZone')
			|| '|' || current_setting('standard_conforming_strings')
			|| '|' || (SELECT md5(string_agg(oid::text || ':' || rolname, ',' ORDER BY oid)) FROM pg_roles)""";

	/** {@code 'literal'::type}, the deparser's way of printing a constant of a type that needs a label. */
	private static final Pattern CAST_LITERAL = Pattern.compile("^('(?:[^']|'')*')::(.+)$", Pattern.DOTALL);

	private static final Pattern NEXTVAL = Pattern.compile("nextval\\(('(?:[^']|'')*')::regclass\\)");

	private static final Pattern TYPE_MODIFIER = Pattern.compile("\\(\\d+(?:,\\d+)?\\)");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/** The SQL syntax of {@code timezone(zone, value)} and (PostgreSQL 17) {@code timezone(value)} as deparsed. */
	private static final String AT_TIME_ZONE = " AT TIME ZONE ";

	private static final String AT_LOCAL = " AT LOCAL)";

	/**
	 * {@code NULL}, in parentheses or not, cast any number of times; type names as {@code format_type} prints them
	 * (lower case, or quoted), so that {@code NULL::integer IS NULL} is not taken for one.
	 */
	private static final Pattern NULL_LITERAL =
			Pattern.compile("^\\(*NULL(?:\\)*::(?:[a-z0-9_ .]|\"[^\"]*\")+(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])*)*\\)*$");

	private static final Pattern MICROSECOND_PRECISION =
			Pattern.compile("\\b(timestamp|time|interval)\\(6\\)");
	private static final Pattern PARTITION_KEY = Pattern.compile("^(RANGE|LIST|HASH) \\((.*)\\)$", Pattern.DOTALL);

	public PostgresCatalogReader() {
	}

	@Override
	public SchemaSnapshot read(Connection connection, CaptureOptions options) throws SQLException {
		return read(connection, options, false).snapshot();
	}

	/**
	 * {@inheritDoc}
	 *
	 * <p>The mark proves which rows of the catalogs a snapshot reads were written or deleted since it was taken, in the
	 * read's own transaction: it counts those rows per object ({@link PostgresChanges}), and keeps the transaction
	 * snapshot ({@code pg_current_snapshot()}). Any row written later has the id ({@code xmin}) of a transaction that
	 * was running then or started since, which that snapshot tells from every id a visible row has; a row deleted
	 * without one written lowers its object's count. Rows written by those transactions are fresh, and an object with a
	 * fresh row or another count has changed. A snapshot read from the same rows is the same snapshot; the database's
	 * time zone settings and the roles' names, which live in shared catalogs, are compared by value. Not covered:
	 * in-place updates, which only {@code VACUUM}, {@code ANALYZE} and index builds make, to statistics and flags a
	 * snapshot does not read; a time zone changed in the server's configuration file and read from there (when the
	 * session's came from the client); a subtransaction of a transaction running when the mark was taken, in another
	 * session, which the snapshot does not list. There is no mark when the connection is inside a transaction (its own
	 * writes may be uncommitted).
	 */
	@Override
	public Marked readMarked(Connection connection, CaptureOptions options) throws SQLException {
		return read(connection, options, true);
	}

	@Override
	public boolean unchangedSince(Connection connection, CatalogMark mark) throws SQLException {
		Optional<MarkedObjects> known = markedObjects(mark);
		if (known.isEmpty()) {
			return false;
		}
		PostgresChanges.Changes changes = PostgresChanges.changesSince(connection, mark.horizon(),
				known.get().objects());
		return !changes.global() && changes.units().isEmpty();
	}

	/**
	 * {@inheritDoc}
	 *
	 * <p>The objects read again are those whose catalog rows changed since {@code previous}'s mark
	 * ({@link PostgresChanges}), and those whose {@code pg_depend} rows name one of them (a view, a
	 * foreign key, a default, a trigger, a child table); everything else is taken from {@code previous}. A change to
	 * what is not modelled per object (schemas, roles' names, the database's settings, extensions, publications,
	 * default privileges, casts, operators, collations, text search) means a full read. With the system property
	 * {@value #VERIFY_PARTIAL_READS} set to {@code true} (a debugging aid, which tests use), each partial read is
	 * compared with a full read of the same transaction, and a difference throws {@link IllegalStateException}.
	 */
	@Override
	public ChangedRead readChanged(Connection connection, Marked previous, CaptureOptions options)
			throws SQLException {
		Optional<MarkedObjects> marked = previous.mark().flatMap(PostgresCatalogReader::markedObjects)
			.filter(objects -> objects.schemas().equals(options.schemas()));
		if (marked.isEmpty() || !connection.getAutoCommit()) {
			return CatalogReader.super.readChanged(connection, previous, options);
		}
		MarkedObjects known = marked.get();
		// The keys changed since the mark, and the objects naming those changed, are asked for in the transaction's
		// first round trip.
		FirstQuery changedKeys = new FirstQuery(PostgresChanges.CHANGED_KEYS_AND_DEPENDENTS, statement ->
				PostgresChanges.bindWithUnits(connection, statement, 1, previous.mark().get().horizon(), known.objects()));
		return inReadTransaction(connection, Optional.of(changedKeys), (horizon, rows) -> {
			PostgresChanges.Changes changes = PostgresChanges.changes(rows, known.objects());
			if (!changes.global() && changes.units().isEmpty()) {
				return new ChangedRead(previous, Extent.NONE, 0);
			}
			Optional<Set<Long>> reread = changes.global() ? Optional.empty()
					: PostgresChanges.withDependents(changes);
			if (reread.isEmpty()) {
				Reading reading = reading(connection, options, Optional.empty());
				return new ChangedRead(marked(connection, horizon, reading, options), Extent.FULL, 0);
			}
			List<Long> oids = PostgresChanges.objectsOf(reread.get(), changes.now());
			// The full read to compare with comes first: the partial read ends the transaction.
			Optional<SchemaSnapshot> full = PartialReads.verifying()
					? Optional.of(reading(connection, options, Optional.empty()).snapshot()) : Optional.empty();
			Reading reading = reading(connection, options, Optional.of(new Partial(
					connection.createArrayOf("int8", oids.toArray()), known.versionNum(), known.schemaNames(),
					unneeded(changes.absent(), reread.get()))));
			Map<Long, Location> locations = new HashMap<>(known.locations());
			SchemaSnapshot snapshot = graft(known.snapshot(), reading, reread.get(), locations);
			if (full.isPresent()) {
				PartialReads.verify(snapshot, full.get(), "PostgreSQL");
			}
			MarkedObjects objects = new MarkedObjects(changes.now(), Map.copyOf(locations), snapshot,
					known.versionNum(), options.schemas());
			return new ChangedRead(new Marked(snapshot, Optional.of(new CatalogMark(horizon,
					changes.now().state(), objects))), Extent.PARTIAL, reread.get().size());
		});
	}

	/** Steps that read what only a relation or a composite type shows. */
	private static final Set<String> RELATION_STEPS = Set.of("tables and views", "columns", "constraints", "indexes",
			"sequences", "triggers", "policies", "statistics objects", "rules", "publications");

	/**
	 * The steps a partial read of {@code reread} can spare: those of kinds of objects the database has none of
	 * ({@code absent}), and those whose rows could only make nodes of a kind of unit not read again (each query costs
	 * about as much on the server whether it finds rows or not). A step's nodes go into the snapshot only as nodes of
	 * the units read again: types' of types, routines' of routines, the others' of relations and composite types.
	 */
	private static Set<String> unneeded(Set<String> absent, Set<Long> reread) {
		Set<Long> kinds = new HashSet<>();
		reread.forEach(unit -> kinds.add(PostgresChanges.kind(unit)));
		Set<String> steps = new HashSet<>(absent);
		if (!kinds.contains(PostgresChanges.ROUTINE)) {
			steps.add("routines");
		}
		if (!kinds.contains(PostgresChanges.TYPE)) {
			steps.add("types");
			if (!kinds.contains(PostgresChanges.RELATION)) {
				steps.addAll(RELATION_STEPS);
			}
		}
		return steps;
	}

	/** The system property that makes {@link #readChanged} compare every partial read with a full read. */
	public static final String VERIFY_PARTIAL_READS = "dev.dbparity.verifyPartialReads";

	private static Optional<MarkedObjects> markedObjects(CatalogMark mark) {
		return mark.objects().filter(MarkedObjects.class::isInstance).map(MarkedObjects.class::cast);
	}

	/** A mark of the state {@code reading} was read in, with what a later partial read needs of it. */
	private static Marked marked(Connection connection, String horizon, Reading reading, CaptureOptions options)
			throws SQLException {
		PostgresChanges.Objects objects = PostgresChanges.count(connection, horizon);
		SchemaSnapshot snapshot = reading.snapshot();
		MarkedObjects marked = new MarkedObjects(objects, Map.copyOf(reading.locations), snapshot, reading.versionNum,
				options.schemas());
		return new Marked(snapshot, Optional.of(new CatalogMark(horizon, objects.state(), marked)));
	}

	/**
	 * {@code previous} with the nodes of {@code reread} as {@code reading} has them, or without them when it has none;
	 * the other nodes are shared with it ({@link SchemaSnapshot#replacing}). {@code locations} goes from the previous
	 * nodes' places to the new ones'.
	 */
	private static SchemaSnapshot graft(SchemaSnapshot previous, Reading reading, Set<Long> reread,
			Map<Long, Location> locations) {
		// Removals first: a node read again in the place another left (a swap of names) is then set, not removed.
		Map<List<String>, Optional<? extends JsonNode>> nodes = new LinkedHashMap<>();
		for (long unit : reread) {
			Location before = locations.remove(unit);
			if (before != null) {
				nodes.put(before.path(), Optional.empty());
			}
		}
		for (long unit : reread) {
			Location now = reading.locations.get(unit);
			if (now != null) {
				nodes.put(now.path(), Optional.of(reading.node(unit)));
				locations.put(unit, now);
			}
		}
		return previous.replacing(nodes);
	}

	/** Where a unit's node is: its schema, the section of the schema ({@code tables}, {@code types}…) and its key. */
	private record Location(String schema, String section, String name) {

		List<String> path() {
			return List.of("schemas", schema, section, name);
		}
	}

	/** What a mark keeps to read again per object: the counts, where each node is, the snapshot read with the mark. */
	private record MarkedObjects(PostgresChanges.Objects objects, Map<Long, Location> locations,
			SchemaSnapshot snapshot, int versionNum, List<String> schemas) {

		Set<String> schemaNames() {
			return new HashSet<>(snapshot.fieldsAt(List.of("schemas")));
		}
	}

	/**
	 * A partial read: the oids of the objects read again, what a full read would have read once for all, and the
	 * steps it spares ({@link #unneeded}). It is the last work of its transaction.
	 */
	private record Partial(Array oids, int versionNum, Set<String> schemaNames, Set<String> spared) {
	}

	/** Work in a read transaction, given its snapshot and the rows of its first query, if it had one. */
	@FunctionalInterface
	private interface ReadWork<T> {
		T run(String horizon, ResultSet first) throws SQLException;
	}

	private Marked read(Connection connection, CaptureOptions options, boolean mark) throws SQLException {
		boolean ownTransaction = connection.getAutoCommit();
		if (!ownTransaction) {
			// A transaction is already open: read inside it and put its settings back. After a failure there is
			// nothing to put back: the caller has to roll the aborted transaction back, which restores it.
			String searchPath = queryString(connection, "SELECT current_setting('search_path')");
			String planCacheMode = queryString(connection, "SELECT current_setting('plan_cache_mode', true)");
			queryString(connection, "SELECT " + READING_SETTINGS);
			SchemaSnapshot snapshot = reading(connection, options, Optional.empty()).snapshot();
			// Inside the caller's transaction its own writes may not be committed yet: no mark.
			try (PreparedStatement statement =
					connection.prepareStatement("SELECT set_config('search_path', ?, true)")) {
				statement.setString(1, searchPath);
				statement.execute();
			}
			if (planCacheMode != null) {
				try (PreparedStatement statement =
						connection.prepareStatement("SELECT set_config('plan_cache_mode', ?, true)")) {
					statement.setString(1, planCacheMode);
					statement.execute();
				}
			}
			return new Marked(snapshot, Optional.empty());
		}
		return inReadTransaction(connection, Optional.empty(), (horizon, none) -> {
			Reading reading = reading(connection, options, Optional.empty());
			return mark ? marked(connection, horizon, reading, options) : new Marked(reading.snapshot(),
					Optional.empty());
		});
	}

	/**
	 * Runs {@code work} in a read-only, repeatable-read transaction of its own, with {@code search_path} emptied for
	 * it, and gives it the transaction snapshot. The transaction's settings go in its first round trip (a round trip
	 * reads a schema hundreds of times), with {@code first} if given, whose rows {@code work} gets.
	 */
	private static <T> T inReadTransaction(Connection connection, Optional<FirstQuery> first, ReadWork<T> work)
			throws SQLException {
		boolean readOnly = connection.isReadOnly();
		connection.setReadOnly(true);
		try {
			connection.setAutoCommit(false);
			try {
				// One snapshot for all queries, so that a concurrent migration cannot tear the tree.
				String opening = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\nSELECT pg_current_snapshot()::text, "
						+ READING_SETTINGS + first.map(query -> ";\n" + query.sql()).orElse("");
				try (PreparedStatement statement = connection.prepareStatement(opening)) {
					if (first.isPresent()) {
						first.get().binder().bind(statement);
					}
					statement.execute();
					statement.getMoreResults();
					String horizon;
					try (ResultSet row = statement.getResultSet()) {
						row.next();
						horizon = row.getString(1);
					}
					if (first.isEmpty()) {
						return work.run(horizon, null);
					}
					statement.getMoreResults();
					try (ResultSet rows = statement.getResultSet()) {
						return work.run(horizon, rows);
					}
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		finally {
			connection.setReadOnly(readOnly);
		}
	}

	/** A query sent with a read transaction's settings, in the same round trip, and how to bind its parameters. */
	private record FirstQuery(String sql, Binder binder) {
	}

	@FunctionalInterface
	private interface Binder {
		void bind(PreparedStatement statement) throws SQLException;
	}

	@Override
	public void limitStatementTime(Connection connection, Duration limit) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('statement_timeout', ?, ?)")) {
			statement.setString(1, limit.toMillis() + "ms");
			statement.setBoolean(2, !connection.getAutoCommit());
			statement.execute();
		}
	}

	/**
	 * The settings of a read, each for its transaction: with an empty {@code search_path} the deparser qualifies
	 * everything outside {@code pg_catalog}, as {@code pg_dump} makes it do; a connection that reads snapshot after
	 * snapshot (a migration round trip) has the queries prepared on the server, and planning them again each time cost
	 * about as much as running them.
	 */
	private static final String READING_SETTINGS =
			"set_config('search_path', '', true), set_config('plan_cache_mode', 'force_generic_plan', true)";

	/** A read of the schema, or of the objects {@code partial} names, in a transaction with the reading settings. */
	private static Reading reading(Connection connection, CaptureOptions options, Optional<Partial> partial)
			throws SQLException {
		Reading reading = new Reading(connection, options, partial);
		reading.read();
		return reading;
	}

	@FunctionalInterface
	private interface CatalogQuery {
		void run() throws SQLException;
	}

	/** One read: the statement parameters and the nodes built so far, keyed by catalog oid. */
	private static final class Reading {

		private final Connection connection;
		private final CaptureOptions options;
		private final Array schemas;
		private final ObjectNode root = CanonicalJson.object();
		private final ObjectNode schemaNodes = CanonicalJson.object();
		private final Map<Long, ObjectNode> tables = new HashMap<>();
		private final Map<Long, ObjectNode> views = new HashMap<>();
		private final Map<Long, ObjectNode> compositeTypes = new HashMap<>();
		private final Map<Long, ObjectNode> routines = new HashMap<>();
		private final Map<Long, ObjectNode> domains = new HashMap<>();
		private final Map<Long, ObjectNode> types = new HashMap<>();
		private final Map<Long, ObjectNode> schemasByOid = new HashMap<>();
		private final Map<Long, ObjectNode> sequences = new HashMap<>();
		/** Nodes that take a comment from {@link #COMMENTS}, by catalog and oid. */
		private final Map<String, Map<Long, ObjectNode>> commentable = new HashMap<>();
		/** Key and exclusion constraints by the oid of the index that implements them, for that index's comment. */
		private final Map<Long, ObjectNode> indexesOfConstraints = new HashMap<>();
		/** The names of tables' columns by their numbers ({@code attnum}), for the columns of constraints. */
		private final Map<Long, Map<Integer, String>> columnNames = new HashMap<>();
		/** Where each relation's, type's and routine's node is, by unit ({@link PostgresChanges}). */
		private final Map<Long, Location> locations = new HashMap<>();
		/** Set for a partial read: then only the objects it names are read. */
		private final Optional<Partial> partial;
		/** While a partial read records its queries, those recorded so far. */
		private List<String> recorded;
		/** While a partial read runs its steps on the results, those not yet taken, in order. */
		private Deque<Result> results;
		private int versionNum;

		Reading(Connection connection, CaptureOptions options, Optional<Partial> partial) throws SQLException {
			this.connection = connection;
			this.options = options;
			this.schemas = connection.createArrayOf("text", options.schemas().toArray());
			this.partial = partial;
			partial.ifPresent(objects -> versionNum = objects.versionNum());
		}

		SchemaSnapshot snapshot() {
			return new SchemaSnapshot(root);
		}

		/** The node of {@code unit}, or {@code null} when this read has none. */
		ObjectNode node(long unit) {
			long oid = PostgresChanges.oid(unit);
			long kind = PostgresChanges.kind(unit);
			if (kind == PostgresChanges.TYPE) {
				return types.get(oid);
			}
			if (kind == PostgresChanges.ROUTINE) {
				return routines.get(oid);
			}
			return tables.containsKey(oid) ? tables.get(oid) : views.containsKey(oid) ? views.get(oid)
					: sequences.get(oid);
		}

		void read() throws SQLException {
			if (partial.isPresent()) {
				// What is not read per object is unchanged: only the schemas' names are needed, to place nodes.
				root.set("schemas", schemaNodes);
				for (String schema : partial.get().schemaNames()) {
					ObjectNode node = schemaNodes.putObject(schema);
					for (String section : List.of("tables", "views", "sequences", "types", "routines")) {
						node.putObject(section);
					}
				}
			}
			else {
				root.put("format", SchemaSnapshot.FORMAT);
				step("settings", this::readSettings);
				step("extensions", this::readExtensions);
				root.set("schemas", schemaNodes);
				step("schemas", this::readSchemas);
			}
			if (partial.isPresent()) {
				// The queries of a partial read each take little time on the server: the round trips were most of it.
				// The steps run once to record their queries, which go to the server in one round trip, then again on
				// the results.
				recorded = new ArrayList<>();
				objectSteps();
				List<String> queries = recorded;
				recorded = null;
				// Nothing follows in the transaction: its end goes in the same round trip.
				String sql = String.join(";\n", queries) + ";\nROLLBACK";
				try (PreparedStatement batch = connection.prepareStatement(sql)) {
					bind(batch, sql);
					batch.execute();
					results = new ArrayDeque<>();
					for (String query : queries) {
						results.add(new Result(query, batch.getResultSet()));
						batch.getMoreResults(Statement.KEEP_CURRENT_RESULT);
					}
					objectSteps();
				}
				return;
			}
			objectSteps();
			if (partial.isEmpty()) {
				step("default privileges", this::readDefaultPrivileges);
			}
			step("comments", this::readComments);
		}

		/** The steps that read objects, which a partial read runs too. */
		private void objectSteps() throws SQLException {
			step("tables and views", this::readRelations);
			step("types", this::readTypes);
			step("columns", this::readColumns);
			step("constraints", this::readConstraints);
			step("indexes", this::readIndexes);
			step("sequences", this::readSequences);
			step("triggers", this::readTriggers);
			step("policies", this::readPolicies);
			step("statistics objects", this::readStatistics);
			step("rules", this::readRules);
			step("publications", this::readPublications);
			step("routines", this::readRoutines);
			step("grants", this::readGrants);
			if (partial.isPresent()) {
				step("comments", this::readComments);
			}
		}

		private void step(String kind, CatalogQuery query) throws SQLException {
			if (partial.isPresent() && partial.get().spared().contains(kind)) {
				return;
			}
			try {
				query.run();
			}
			catch (Recorded recorded) {
				return;
			}
			options.progress().accept(kind);
		}

		private void readSettings() throws SQLException {
			ObjectNode engine = root.putObject("engine");
			ObjectNode settings = root.putObject("settings");
			boolean fileSettingsReadable;
			String timezone;
			try (Statement statement = connection.createStatement();
					ResultSet row = statement.executeQuery(SETTINGS)) {
				row.next();
				String version = row.getString("version");
				// Distribution builds append their own tag, as in "15.18 (Debian 15.18-0+deb12u1)".
				int space = version.indexOf(' ');
				engine.put("name", "postgres");
				engine.put("version", space < 0 ? version : version.substring(0, space));
				versionNum = row.getInt("version_num");
				engine.put("major", Integer.toString(versionNum / 10_000));
				settings.put("encoding", row.getString("encoding"));
				settings.put("lc_collate", row.getString("datcollate"));
				settings.put("lc_ctype", row.getString("datctype"));
				settings.put("standard_conforming_strings", row.getString("standard_conforming_strings"));
				timezone = row.getString("database_timezone");
				if (timezone == null) {
					timezone = row.getString("server_timezone");
				}
				fileSettingsReadable = row.getBoolean("file_settings_readable");
			}
			// The session's TimeZone is what the JDBC driver sent (the JVM's zone), not the database's: fall back to
			// the server's configuration file when the session value came from the client.
			if (timezone == null && fileSettingsReadable) {
				timezone = queryString(connection, FILE_TIMEZONE);
			}
			putIfPresent(settings, "timezone", timezone);
			if (versionNum >= 150_000) {
				settings.put("datlocprovider", switch (queryString(connection, LOCALE_PROVIDER)) {
					case "i" -> "icu";
					case "b" -> "builtin";
					default -> "libc";
				});
			}
		}

		private void readExtensions() throws SQLException {
			ObjectNode extensions = root.putObject("extensions");
			try (Statement statement = connection.createStatement();
					ResultSet row = statement.executeQuery(EXTENSIONS)) {
				while (row.next()) {
					ObjectNode extension = extensions.putObject(row.getString("extname"));
					extension.put("version", row.getString("extversion"));
					extension.put("schema", row.getString("nspname"));
				}
			}
		}

		private void readSchemas() throws SQLException {
			try (ResultSet row = query(SCHEMAS)) {
				while (row.next()) {
					ObjectNode schema = schemaNodes.putObject(row.getString("nspname"));
					schemasByOid.put(row.getLong("oid"), schema);
					schema.put("owner", row.getString("owner"));
					putIfPresent(schema, "comment", row.getString("description"));
					schema.putObject("tables");
					schema.putObject("views");
					schema.putObject("sequences");
					schema.putObject("types");
					schema.putObject("routines");
				}
			}
			List<String> missing = options.schemas().stream().filter(name -> !schemaNodes.has(name)).toList();
			if (!missing.isEmpty()) {
				throw new UnknownSchemaException("schema", missing, allSchemaNames());
			}
		}

		/** Every schema a capture without named schemas would read. */
		private List<String> allSchemaNames() throws SQLException {
			List<String> names = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(SCHEMAS)) {
				Array none = connection.createArrayOf("text", new Object[0]);
				statement.setArray(1, none);
				statement.setArray(2, none);
				try (ResultSet row = statement.executeQuery()) {
					while (row.next()) {
						names.add(row.getString("nspname"));
					}
				}
			}
			return names;
		}

		private void readRelations() throws SQLException {
			try (ResultSet row = query(RELATIONS + only("c.oid"))) {
				while (row.next()) {
					ObjectNode schema = (ObjectNode) schemaNodes.get(row.getString("nspname"));
					if (schema == null) {
						continue;
					}
					String kind = row.getString("relkind");
					String name = row.getString("relname");
					long oid = row.getLong("oid");
					String section = kind.equals("v") || kind.equals("m") ? "views" : "tables";
					if (section.equals("views")) {
						views.put(oid, view((ObjectNode) schema.get("views"), name, kind, row));
					}
					else {
						tables.put(oid, table((ObjectNode) schema.get("tables"), name, kind, row));
					}
					locations.put(PostgresChanges.RELATION + oid, new Location(row.getString("nspname"), section, name));
				}
			}
		}

		private static ObjectNode table(ObjectNode tables, String name, String kind, ResultSet row)
				throws SQLException {
			ObjectNode table = tables.putObject(name);
			table.put("kind", switch (kind) {
				case "p" -> "partitioned table";
				case "f" -> "foreign table";
				default -> "u".equals(row.getString("relpersistence")) ? "unlogged table" : "table";
			});
			table.put("owner", row.getString("owner"));
			putIfPresent(table, "comment", row.getString("description"));
			table.putObject("columns");
			String partitionKey = row.getString("partition_key");
			if (partitionKey != null) {
				Matcher key = PARTITION_KEY.matcher(partitionKey);
				ObjectNode partitioning = table.putObject("partitioning");
				if (key.matches()) {
					partitioning.put("strategy", key.group(1).toLowerCase(Locale.ROOT));
					partitioning.put("key", key.group(2));
				}
				else {
					partitioning.put("key", partitionKey);
				}
			}
			List<String> parents = strings(row.getArray("parents"));
			if (row.getBoolean("relispartition") && !parents.isEmpty()) {
				ObjectNode partitionOf = table.putObject("partitionOf");
				partitionOf.put("parent", parents.get(0));
				partitionOf.put("bound", normalise(row.getString("partition_bound")));
			}
			else if (!parents.isEmpty()) {
				ArrayNode inherits = table.putArray("inherits");
				parents.forEach(inherits::add);
			}
			putStorage(table, row);
			// DEFAULT (the primary key) is left out, as most tables have it.
			switch (row.getString("replident")) {
				case "n" -> table.put("replicaIdentity", "nothing");
				case "f" -> table.put("replicaIdentity", "full");
				case "i" -> table.put("replicaIdentity", "using index " + row.getString("replica_index"));
				default -> {
					// REPLICA IDENTITY DEFAULT
				}
			}
			if (row.getBoolean("relrowsecurity") || row.getBoolean("relforcerowsecurity")) {
				ObjectNode security = table.putObject("rowLevelSecurity");
				security.put("enabled", row.getBoolean("relrowsecurity"));
				security.put("forced", row.getBoolean("relforcerowsecurity"));
			}
			return table;
		}

		/**
		 * A table's or index's storage parameters ({@code WITH (fillfactor = 80)}, {@code autovacuum_*}, its TOAST
		 * table's as {@code toast.autovacuum_enabled}, as {@code WITH} names them) as
		 * {@code storage}, by name, values as the catalog keeps them; nothing when none is set, as after {@code RESET}.
		 */
		private static void putStorage(ObjectNode node, ResultSet row) throws SQLException {
			ObjectNode storage = CanonicalJson.object();
			for (String option : strings(row.getArray("reloptions"))) {
				int equals = option.indexOf('=');
				storage.put(equals < 0 ? option : option.substring(0, equals), equals < 0 ? "true"
						: option.substring(equals + 1));
			}
			if (!storage.isEmpty()) {
				node.set("storage", storage);
			}
		}

		private static ObjectNode view(ObjectNode views, String name, String kind, ResultSet row) throws SQLException {
			ObjectNode view = views.putObject(name);
			view.put("materialized", kind.equals("m"));
			view.put("definition", normalisePretty(row.getString("view_definition")));
			view.put("owner", row.getString("owner"));
			putIfPresent(view, "comment", row.getString("description"));
			if (kind.equals("m")) {
				putStorage(view, row);
				return view;
			}
			for (String option : strings(row.getArray("reloptions"))) {
				int equals = option.indexOf('=');
				String key = equals < 0 ? option : option.substring(0, equals);
				String value = equals < 0 ? "true" : option.substring(equals + 1);
				if (key.equals("check_option")) {
					view.put("checkOption", value.toUpperCase(Locale.ROOT));
				}
				else if (key.equals("security_barrier") && Boolean.parseBoolean(value)) {
					view.put("securityBarrier", true);
				}
				else if (key.equals("security_invoker") && Boolean.parseBoolean(value)) {
					view.put("securityInvoker", true);
				}
			}
			return view;
		}

		private void readTypes() throws SQLException {
			try (ResultSet row = query(TYPES + only("t.oid"))) {
				while (row.next()) {
					ObjectNode schema = (ObjectNode) schemaNodes.get(row.getString("nspname"));
					if (schema == null) {
						continue;
					}
					ObjectNode type = ((ObjectNode) schema.get("types")).putObject(row.getString("typname"));
					types.put(row.getLong("oid"), type);
					locations.put(PostgresChanges.TYPE + row.getLong("oid"), new Location(row.getString("nspname"),
							"types", row.getString("typname")));
					type.put("owner", row.getString("owner"));
					putIfPresent(type, "comment", row.getString("description"));
					switch (row.getString("typtype")) {
						case "e" -> {
							type.put("kind", "enum");
							ArrayNode labels = type.putArray("labels");
							strings(row.getArray("labels")).forEach(labels::add);
						}
						case "d" -> {
							type.put("kind", "domain");
							String baseType = normaliseType(row.getString("base_type"));
							type.put("baseType", baseType);
							type.put("nullable", !row.getBoolean("typnotnull"));
							putIfPresent(type, "default", normaliseDefault(row.getString("default_value"), baseType));
							putIfPresent(type, "collation", row.getString("collation"));
							domains.put(row.getLong("oid"), type);
						}
						case "c" -> {
							type.put("kind", "composite");
							type.putObject("attributes");
							compositeTypes.put(row.getLong("typrelid"), type);
						}
						default -> {
							type.put("kind", "range");
							type.put("subtype", row.getString("subtype"));
						}
					}
				}
			}
		}

		private void readColumns() throws SQLException {
			// Each relation's columns by number, given their positions once all are read.
			Map<Long, TreeMap<Integer, ObjectNode>> byNumber = new HashMap<>();
			try (ResultSet row = query(COLUMNS + only("a.attrelid", "c.oid"))) {
				while (row.next()) {
					long relation = row.getLong("attrelid");
					ObjectNode table = tables.get(relation);
					ObjectNode composite = compositeTypes.get(relation);
					if (table == null && composite == null) {
						continue;
					}
					String type = normaliseType(row.getString("type"));
					ObjectNode column = table != null
							? ((ObjectNode) table.get("columns")).putObject(row.getString("attname"))
							: ((ObjectNode) composite.get("attributes")).putObject(row.getString("attname"));
					byNumber.computeIfAbsent(relation, r -> new TreeMap<>()).put(row.getInt("attnum"), column);
					column.put("type", type);
					putIfPresent(column, "collation", row.getString("collation"));
					if (table == null) {
						putIfPresent(column, "comment", row.getString("description"));
						continue;
					}
					columnNames.computeIfAbsent(relation, r -> new HashMap<>())
						.put(row.getInt("attnum"), row.getString("attname"));
					column.put("nullable", !row.getBoolean("attnotnull"));
					String expression = row.getString("expression");
					String generated = row.getString("attgenerated");
					if (!generated.isEmpty()) {
						ObjectNode node = column.putObject("generated");
						node.put("expression", normalise(expression));
						node.put("stored", generated.equals("s"));
					}
					else {
						// DEFAULT NULL is no default, except where it overrides the default of the column's domain.
						boolean sameAsNone = isNullLiteral(expression) && !row.getBoolean("domain_default");
						putIfPresent(column, "default", sameAsNone ? null : normaliseDefault(expression, type));
					}
					switch (row.getString("attidentity")) {
						case "a" -> column.put("identity", "always");
						case "d" -> column.put("identity", "by default");
						default -> {
							// not an identity column
						}
					}
					putIfPresent(column, "comment", row.getString("description"));
					putColumnPrivileges(column, row.getArray("privileges"));
					putPhysical(column, row);
				}
			}
			byNumber.values().forEach(columns -> {
				int position = 0;
				for (ObjectNode column : columns.values()) {
					column.put("position", ++position);
				}
			});
		}

		/**
		 * What {@code ALTER TABLE … ALTER COLUMN} set beyond the type's defaults: {@code SET STORAGE} as
		 * {@code storage}, {@code SET COMPRESSION} as {@code compression}, {@code SET STATISTICS} as
		 * {@code statisticsTarget}; each only when set.
		 */
		private static void putPhysical(ObjectNode column, ResultSet row) throws SQLException {
			String storage = row.getString("storage");
			if (storage != null) {
				column.put("storage", switch (storage) {
					case "p" -> "plain";
					case "e" -> "external";
					case "m" -> "main";
					default -> "extended";
				});
			}
			String compression = row.getString("compression");
			if (compression != null && !compression.isEmpty()) {
				column.put("compression", compression.equals("l") ? "lz4" : "pglz");
			}
			int target = row.getInt("statistics_target");
			if (!row.wasNull()) {
				column.put("statisticsTarget", target);
			}
		}

		/** A column's privileges as {@code grants}, by grantee, sorted; nothing when none was granted. */
		private static void putColumnPrivileges(ObjectNode column, Array pairs) throws SQLException {
			if (pairs == null) {
				return;
			}
			Map<String, List<String>> byRole = new TreeMap<>();
			for (Object pair : (Object[]) pairs.getArray()) {
				Object[] grant = (Object[]) pair;
				byRole.computeIfAbsent((String) grant[0], role -> new ArrayList<>()).add((String) grant[1]);
			}
			if (!byRole.isEmpty()) {
				ObjectNode grants = column.putObject("grants");
				byRole.forEach((role, privileges) -> grants.set(role, array(privileges.stream().distinct().sorted()
					.toList())));
			}
		}

		private void readConstraints() throws SQLException {
			String nullsNotDistinct = versionNum < 150_000 ? "false" : partial.isEmpty()
					? "coalesce(ix.indnullsnotdistinct, false)"
					: "coalesce((SELECT ix.indnullsnotdistinct FROM pg_index ix WHERE ix.indexrelid = co.conindid), false)";
			// Identity, not equality: two tables may be equal trees.
			Map<ObjectNode, Keyed> keyed = new IdentityHashMap<>();
			// A partial read looks its constraints up by index, by table and by domain.
			try (ResultSet row = query(CONSTRAINTS.formatted(nullsNotDistinct,
					partial.isEmpty() ? CLONED_KEY : CLONED_KEY_BY_LOOKUP, SCHEMA_FILTER) + (partial.isEmpty() ? ""
					: " AND co.oid = ANY (ARRAY(SELECT oid FROM pg_constraint WHERE conrelid = ANY (?::int8[]::oid[])"
							// No oid is 0, but without saying so the plan, made for any oids, scans every constraint.
							+ " UNION ALL SELECT oid FROM pg_constraint WHERE contypid = ANY (?::int8[]::oid[])"
							+ " AND contypid <> 0))"))) {
				while (row.next()) {
					long domain = row.getLong("contypid");
					ObjectNode owner = domain != 0 ? domains.get(domain) : tables.get(row.getLong("conrelid"));
					if (owner == null) {
						continue;
					}
					String name = row.getString("conname");
					String definition = row.getString("definition");
					List<String> columns = keyColumns(row.getLong("conrelid"), row.getArray("keys"));
					Keyed entries = keyed.computeIfAbsent(owner, o -> new Keyed());
					ObjectNode constraint = CanonicalJson.object();
					commentable("constraint").put(row.getLong("oid"), constraint);
					if (row.getLong("conindid") != 0 && !row.getString("contype").equals("f")) {
						indexesOfConstraints.put(row.getLong("conindid"), constraint);
					}
					switch (row.getString("contype")) {
						case "p" -> {
							ObjectNode primaryKey = constraint;
							owner.set("primaryKey", primaryKey);
							primaryKey.put("name", name);
							primaryKey.set("columns", array(columns));
							addDeferrability(primaryKey, row);
						}
						case "f" -> {
							ObjectNode key = constraint;
							key.put("name", name);
							key.set("columns", array(columns));
							String schema = row.getString("referenced_schema");
							String table = row.getString("referenced_table");
							List<String> referenced = strings(row.getArray("referenced_columns"));
							ObjectNode references = key.putObject("references");
							references.put("schema", schema);
							references.put("table", table);
							references.set("columns", array(referenced));
							key.put("onDelete", action(row.getString("on_delete")));
							key.put("onUpdate", action(row.getString("on_update")));
							key.put("match", switch (row.getString("match")) {
								case "f" -> "FULL";
								case "p" -> "PARTIAL";
								default -> "SIMPLE";
							});
							key.put("deferrable", row.getBoolean("condeferrable"));
							key.put("initiallyDeferred", row.getBoolean("condeferred"));
							key.put("validated", row.getBoolean("convalidated"));
							entries.add("foreignKeys", "(" + String.join(", ", columns) + ") -> " + schema + "." + table
									+ "(" + String.join(", ", referenced) + ")", name, key);
						}
						case "u" -> {
							ObjectNode unique = constraint;
							unique.put("name", name);
							unique.set("columns", array(columns));
							if (row.getBoolean("nulls_not_distinct")) {
								unique.put("nullsNotDistinct", true);
							}
							addDeferrability(unique, row);
							entries.add("uniqueConstraints", "(" + String.join(", ", columns) + ")", name, unique);
						}
						case "x" -> {
							ObjectNode exclusion = constraint;
							exclusion.put("name", name);
							String normalised = normalise(definition);
							exclusion.put("definition", normalised);
							addDeferrability(exclusion, row);
							entries.add("exclusions", normalised, name, exclusion);
						}
						default -> {
							String expression = normalise(definition);
							boolean validated = row.getBoolean("convalidated");
							if (expression.endsWith(" NOT VALID")) {
								expression = expression.substring(0, expression.length() - " NOT VALID".length());
								validated = false;
							}
							if (expression.startsWith("CHECK ")) {
								expression = expression.substring("CHECK ".length());
							}
							ObjectNode check = constraint;
							check.put("name", name);
							if (domain == 0) {
								check.put("validated", validated);
							}
							entries.add("checks", expression, name, check);
						}
					}
				}
			}
			keyed.forEach((owner, entries) -> entries.putInto(owner));
		}

		/**
		 * The names of a table's columns by number, in the order given; numbers that name no column (the {@code 0} of an
		 * exclusion constraint's expression) are left out, as a join with the columns leaves them out.
		 */
		private List<String> keyColumns(long table, Array numbers) throws SQLException {
			if (numbers == null) {
				return List.of();
			}
			Map<Integer, String> names = columnNames.getOrDefault(table, Map.of());
			List<String> columns = new ArrayList<>();
			for (Object number : (Object[]) numbers.getArray()) {
				String name = names.get(((Number) number).intValue());
				if (name != null) {
					columns.add(name);
				}
			}
			return columns;
		}

		/** Deferrability of keys and exclusion constraints, written only when deferrable, as most are not. */
		private static void addDeferrability(ObjectNode constraint, ResultSet row) throws SQLException {
			if (row.getBoolean("condeferrable")) {
				constraint.put("deferrable", true);
				constraint.put("initiallyDeferred", row.getBoolean("condeferred"));
			}
		}

		private void readIndexes() throws SQLException {
			String nullsNotDistinct = versionNum >= 150_000 ? "i.indnullsnotdistinct" : "false";
			Map<ObjectNode, Keyed> keyed = new IdentityHashMap<>();
			try (ResultSet row = query(INDEXES.formatted(nullsNotDistinct, collationName("i.indcollation[k - 1]"),
					SCHEMA_FILTER, partial.isEmpty() ? NO_KEY_INDEX : NO_KEY_INDEX_BY_LOOKUP)
					+ only("i.indrelid", "c.oid"))) {
				while (row.next()) {
					long relation = row.getLong("indrelid");
					ObjectNode owner = tables.containsKey(relation) ? tables.get(relation) : views.get(relation);
					if (owner == null) {
						continue;
					}
					String name = row.getString("name");
					boolean unique = row.getBoolean("indisunique");
					String method = row.getString("amname");
					List<String> all = strings(row.getArray("columns")).stream()
						.map(column -> timeZoneCalls(column, true))
						.toList();
					int keyColumns = row.getInt("indnkeyatts");
					List<String> columns = all.subList(0, keyColumns);
					List<String> include = all.subList(keyColumns, all.size());
					String predicate = row.getString("predicate");
					ObjectNode index = CanonicalJson.object();
					index.put("name", name);
					index.put("unique", unique);
					index.put("method", method);
					index.set("columns", array(columns));
					if (!include.isEmpty()) {
						index.set("include", array(include));
					}
					StringBuilder key = new StringBuilder(unique ? "unique " : "").append(method).append(" (")
						.append(String.join(", ", columns)).append(')');
					if (!include.isEmpty()) {
						key.append(" include (").append(String.join(", ", include)).append(')');
					}
					if (predicate != null) {
						predicate = normalise(predicate);
						index.put("predicate", predicate);
						key.append(" where ").append(predicate);
					}
					if (row.getBoolean("nulls_not_distinct")) {
						index.put("nullsNotDistinct", true);
					}
					putStorage(index, row);
					// Written only when not so, as an index normally is: valid, ready and attached to its parent's.
					if (!row.getBoolean("indisvalid")) {
						index.put("valid", false);
					}
					if (!row.getBoolean("indisready")) {
						index.put("ready", false);
					}
					if (row.getBoolean("detached")) {
						index.put("attached", false);
					}
					commentable("class").put(row.getLong("indexrelid"), index);
					keyed.computeIfAbsent(owner, o -> new Keyed()).add("indexes", key.toString(), name, index);
				}
			}
			keyed.forEach((owner, entries) -> entries.putInto(owner));
		}

		private void readSequences() throws SQLException {
			try (ResultSet row = query(SEQUENCES + only("c.oid"))) {
				while (row.next()) {
					ObjectNode schema = (ObjectNode) schemaNodes.get(row.getString("nspname"));
					if (schema == null) {
						continue;
					}
					long identityTable = row.getLong("identity_table");
					if (identityTable != 0) {
						identityOptions(identityTable, row);
						continue;
					}
					ObjectNode sequence = ((ObjectNode) schema.get("sequences")).putObject(row.getString("relname"));
					sequences.put(row.getLong("oid"), sequence);
					locations.put(PostgresChanges.RELATION + row.getLong("oid"), new Location(row.getString("nspname"),
							"sequences", row.getString("relname")));
					commentable("class").put(row.getLong("oid"), sequence);
					sequence.put("type", row.getString("type"));
					sequence.put("start", row.getLong("seqstart"));
					sequence.put("increment", row.getLong("seqincrement"));
					sequence.put("min", row.getLong("seqmin"));
					sequence.put("max", row.getLong("seqmax"));
					sequence.put("cache", row.getLong("seqcache"));
					sequence.put("cycle", row.getBoolean("seqcycle"));
					putIfPresent(sequence, "ownedBy", row.getString("owned_by"));
					sequence.put("owner", row.getString("owner"));
				}
			}
		}

		/**
		 * The options of an identity column's sequence that differ from what {@code GENERATED … AS IDENTITY} gives
		 * without options, as {@code sequence} on the column; nothing when all are the defaults.
		 */
		private void identityOptions(long table, ResultSet row) throws SQLException {
			ObjectNode owner = tables.get(table);
			JsonNode column = owner == null ? null : owner.path("columns").get(row.getString("identity_column"));
			if (column == null) {
				return;
			}
			long increment = row.getLong("seqincrement");
			long typeMax = switch (row.getString("type")) {
				case "smallint" -> Short.MAX_VALUE;
				case "integer" -> Integer.MAX_VALUE;
				default -> Long.MAX_VALUE;
			};
			long typeMin = -typeMax - 1;
			long min = increment > 0 ? 1 : typeMin;
			long max = increment > 0 ? typeMax : -1;
			ObjectNode options = CanonicalJson.object();
			putUnlessDefault(options, "increment", increment, 1);
			putUnlessDefault(options, "min", row.getLong("seqmin"), min);
			putUnlessDefault(options, "max", row.getLong("seqmax"), max);
			putUnlessDefault(options, "start", row.getLong("seqstart"), increment > 0 ? row.getLong("seqmin")
					: row.getLong("seqmax"));
			putUnlessDefault(options, "cache", row.getLong("seqcache"), 1);
			if (row.getBoolean("seqcycle")) {
				options.put("cycle", true);
			}
			if (!options.isEmpty()) {
				((ObjectNode) column).set("sequence", options);
			}
		}

		private static void putUnlessDefault(ObjectNode node, String field, long value, long defaultValue) {
			if (value != defaultValue) {
				node.put(field, value);
			}
		}

		private void readTriggers() throws SQLException {
			try (ResultSet row = query(TRIGGERS + only("tg.tgrelid", "c.oid"))) {
				while (row.next()) {
					long relation = row.getLong("tgrelid");
					ObjectNode owner = tables.containsKey(relation) ? tables.get(relation) : views.get(relation);
					if (owner == null) {
						continue;
					}
					ObjectNode triggers = owner.has("triggers") ? (ObjectNode) owner.get("triggers")
							: owner.putObject("triggers");
					ObjectNode trigger = triggers.putObject(row.getString("tgname"));
					commentable("trigger").put(row.getLong("oid"), trigger);
					trigger.put("definition", normalisePretty(sortedUpdateColumns(row.getString("definition"))));
					trigger.put("enabled", row.getString("enabled"));
				}
			}
		}

		private void readPolicies() throws SQLException {
			try (ResultSet row = query(POLICIES + only("p.polrelid", "c.oid"))) {
				while (row.next()) {
					ObjectNode table = tables.get(row.getLong("polrelid"));
					if (table == null) {
						continue;
					}
					ObjectNode policies = table.has("policies") ? (ObjectNode) table.get("policies")
							: table.putObject("policies");
					ObjectNode policy = policies.putObject(row.getString("polname"));
					commentable("policy").put(row.getLong("oid"), policy);
					policy.put("command", switch (row.getString("command")) {
						case "r" -> "SELECT";
						case "a" -> "INSERT";
						case "w" -> "UPDATE";
						case "d" -> "DELETE";
						default -> "ALL";
					});
					policy.put("permissive", row.getBoolean("polpermissive"));
					policy.set("roles", array(strings(row.getArray("roles"))));
					String using = row.getString("using");
					putIfPresent(policy, "using", using == null ? null : normalise(using));
					String withCheck = row.getString("with_check");
					putIfPresent(policy, "withCheck", withCheck == null ? null : normalise(withCheck));
				}
			}
		}

		/** Statistics objects as {@code statistics} of their table, by name; {@code target} only when set. */
		private void readStatistics() throws SQLException {
			try (ResultSet row = query(STATISTICS + only("s.stxrelid", "c.oid"))) {
				while (row.next()) {
					ObjectNode table = tables.containsKey(row.getLong("stxrelid")) ? tables.get(row.getLong("stxrelid"))
							: views.get(row.getLong("stxrelid"));
					if (table == null) {
						continue;
					}
					ObjectNode all = table.has("statistics") ? (ObjectNode) table.get("statistics")
							: table.putObject("statistics");
					ObjectNode statistics = all.putObject(row.getString("stxname"));
					statistics.put("columns", normalise(row.getString("columns")));
					statistics.set("kinds", array(strings(row.getArray("kinds"))));
					// -1 before 17 and NULL since mean the default target.
					int target = row.getInt("target");
					if (!row.wasNull() && target >= 0) {
						statistics.put("target", target);
					}
					commentable("statistics").put(row.getLong("oid"), statistics);
				}
			}
		}

		/** Rules as {@code rules} of their table or view, by name, with {@code enabled} as {@code ev_enabled}. */
		private void readRules() throws SQLException {
			try (ResultSet row = query(RULES + only("r.ev_class", "c.oid"))) {
				while (row.next()) {
					long relation = row.getLong("ev_class");
					ObjectNode owner = tables.containsKey(relation) ? tables.get(relation) : views.get(relation);
					if (owner == null) {
						continue;
					}
					ObjectNode rules = owner.has("rules") ? (ObjectNode) owner.get("rules") : owner.putObject("rules");
					ObjectNode rule = rules.putObject(row.getString("rulename"));
					rule.put("definition", normalisePretty(row.getString("definition")));
					rule.put("enabled", row.getString("enabled"));
					commentable("rule").put(row.getLong("oid"), rule);
				}
			}
		}

		/**
		 * Publications at the root (only when there are some, so that snapshots of databases without them keep their
		 * bytes), and each table's membership under the table's {@code publications}, with its row filter
		 * ({@code where}) and column list ({@code columns}) when it has them.
		 */
		private void readPublications() throws SQLException {
			boolean fifteen = versionNum >= 150_000;
			String schemasOf = fifteen ? "ARRAY(SELECT n.nspname FROM pg_publication_namespace pn JOIN pg_namespace n "
					+ "ON n.oid = pn.pnnspid WHERE pn.pnpubid = p.oid ORDER BY 1)" : "ARRAY[]::text[]";
			// Publications are not read per object: a partial read reads only its tables' memberships.
			try (ResultSet row = partial.isPresent() ? null : query(PUBLICATIONS.formatted(schemasOf))) {
				while (row != null && row.next()) {
					ObjectNode publication = root.withObjectProperty("publications").putObject(row.getString("pubname"));
					ArrayNode publish = publication.putArray("publish");
					for (String action : List.of("insert", "update", "delete", "truncate")) {
						if (row.getBoolean("pub" + action)) {
							publish.add(action);
						}
					}
					if (row.getBoolean("puballtables")) {
						publication.put("allTables", true);
					}
					if (row.getBoolean("pubviaroot")) {
						publication.put("viaRoot", true);
					}
					List<String> schemas = strings(row.getArray("schemas"));
					if (!schemas.isEmpty()) {
						publication.set("schemas", array(schemas));
					}
				}
			}
			String filter = fifteen ? "pg_get_expr(pr.prqual, pr.prrelid)" : "NULL";
			String columns = fifteen ? "CASE WHEN pr.prattrs IS NOT NULL THEN ARRAY(SELECT a.attname FROM pg_attribute a "
					+ "WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs) ORDER BY a.attnum) END" : "NULL";
			try (ResultSet row = query(PUBLICATION_TABLES.formatted(filter, columns)
					+ (partial.isEmpty() ? "" : " WHERE pr.prrelid = ANY (?::int8[]::oid[])"))) {
				while (row.next()) {
					ObjectNode table = tables.get(row.getLong("prrelid"));
					if (table == null) {
						continue;
					}
					ObjectNode member = table.withObjectProperty("publications").putObject(row.getString("pubname"));
					putIfPresent(member, "where", row.getString("row_filter") == null ? null
							: normalise(row.getString("row_filter")));
					if (row.getArray("columns") != null) {
						member.set("columns", array(strings(row.getArray("columns"))));
					}
				}
			}
		}

		private void readRoutines() throws SQLException {
			try (ResultSet row = query(ROUTINES + only("p.oid"))) {
				while (row.next()) {
					ObjectNode schema = (ObjectNode) schemaNodes.get(row.getString("nspname"));
					if (schema == null) {
						continue;
					}
					String key = row.getString("proname") + "(" + row.getString("argument_types") + ")";
					ObjectNode routine = ((ObjectNode) schema.get("routines")).putObject(key);
					routine.put("kind", switch (row.getString("prokind")) {
						case "p" -> "procedure";
						case "a" -> "aggregate";
						case "w" -> "window";
						default -> "function";
					});
					routine.put("language", row.getString("lanname"));
					putIfPresent(routine, "returns", row.getString("result"));
					routine.put("arguments", row.getString("arguments"));
					routine.put("volatility", switch (row.getString("volatility")) {
						case "i" -> "immutable";
						case "s" -> "stable";
						default -> "volatile";
					});
					routine.put("strict", row.getBoolean("proisstrict"));
					routine.put("securityDefiner", row.getBoolean("prosecdef"));
					routine.put("parallel", switch (row.getString("parallel")) {
						case "s" -> "safe";
						case "r" -> "restricted";
						default -> "unsafe";
					});
					if (row.getBoolean("proleakproof")) {
						routine.put("leakproof", true);
					}
					putSettings(routine, row.getArray("proconfig"));
					routine.put("bodyHash", bodyHash(row.getString("body")));
					routine.put("owner", row.getString("owner"));
					putIfPresent(routine, "comment", row.getString("description"));
					routines.put(row.getLong("oid"), routine);
					locations.put(PostgresChanges.ROUTINE + row.getLong("oid"), new Location(row.getString("nspname"),
							"routines", key));
				}
			}
		}

		/**
		 * A routine's {@code SET name = value} clauses ({@code proconfig}, {@code name=value} each) as {@code set}, by
		 * name; only when there are some. A {@code SECURITY DEFINER} function's {@code search_path} is the usual one.
		 */
		private static void putSettings(ObjectNode routine, Array config) throws SQLException {
			if (config == null) {
				return;
			}
			ObjectNode settings = routine.putObject("set");
			for (String setting : (String[]) config.getArray()) {
				int equals = setting.indexOf('=');
				settings.put(setting.substring(0, equals), setting.substring(equals + 1));
			}
		}

		private void readGrants() throws SQLException {
			Map<ObjectNode, Map<String, Map<String, List<String>>>> changes = new IdentityHashMap<>();
			try (ResultSet row = query(partial.isEmpty() ? GRANTS : PARTIAL_GRANTS)) {
				while (row.next()) {
					ObjectNode owner = privilegeHolder(row.getString("kind"), row.getLong("oid"));
					if (owner != null) {
						addPrivilege(changes, owner, row);
					}
				}
			}
			putPrivileges(changes);
		}

		/** The node of the object a privilege row is about, or {@code null} when the snapshot does not hold it. */
		private ObjectNode privilegeHolder(String kind, long oid) {
			return switch (kind) {
				case "p" -> routines.get(oid);
				case "T" -> types.get(oid);
				case "n" -> schemasByOid.get(oid);
				default -> tables.containsKey(oid) ? tables.get(oid)
						: views.containsKey(oid) ? views.get(oid) : sequences.get(oid);
			};
		}

		private static void addPrivilege(Map<ObjectNode, Map<String, Map<String, List<String>>>> changes,
				ObjectNode owner, ResultSet row) throws SQLException {
			String field = row.getString("change").equals("grant") ? "grants" : "revoked";
			changes.computeIfAbsent(owner, o -> new TreeMap<>())
				.computeIfAbsent(field, f -> new TreeMap<>())
				.computeIfAbsent(row.getString("grantee"), g -> new ArrayList<>())
				.add(row.getString("privilege"));
		}

		private static void putPrivileges(Map<ObjectNode, Map<String, Map<String, List<String>>>> changes) {
			changes.forEach((owner, byField) -> byField.forEach((field, byRole) -> {
				ObjectNode node = owner.putObject(field);
				byRole.forEach((role, privileges) -> node.set(role,
						array(privileges.stream().distinct().sorted().toList())));
			}));
		}

		/**
		 * {@code ALTER DEFAULT PRIVILEGES} as {@code defaultPrivileges}, by object kind, under the schema an entry is
		 * for or, for entries of every schema, at the root; nothing when there are none.
		 */
		private void readDefaultPrivileges() throws SQLException {
			Map<ObjectNode, Map<String, Map<String, List<String>>>> changes = new IdentityHashMap<>();
			try (ResultSet row = query(DEFAULT_PRIVILEGES)) {
				while (row.next()) {
					String schemaName = row.getString("nspname");
					ObjectNode holder = schemaName == null ? root : (ObjectNode) schemaNodes.get(schemaName);
					if (holder == null) {
						continue;
					}
					ObjectNode all = holder.has("defaultPrivileges") ? (ObjectNode) holder.get("defaultPrivileges")
							: holder.putObject("defaultPrivileges");
					String kind = switch (row.getString("objtype")) {
						case "S" -> "sequences";
						case "f" -> "routines";
						case "T" -> "types";
						case "n" -> "schemas";
						default -> "tables";
					};
					ObjectNode owner = all.has(kind) ? (ObjectNode) all.get(kind) : all.putObject(kind);
					addPrivilege(changes, owner, row);
				}
			}
			putPrivileges(changes);
		}

		private void readComments() throws SQLException {
			try (ResultSet row = query(COMMENTS + (partial.isEmpty() ? "" : PARTIAL_COMMENTS))) {
				while (row.next()) {
					long oid = row.getLong("objoid");
					String catalog = row.getString("catalog");
					String column = row.getString("column");
					ObjectNode node = commentable(catalog).get(oid);
					if (column != null) {
						// Views have no columns in the snapshot (their definition stands for them): only comments.
						ObjectNode view = views.get(oid);
						if (view != null) {
							ObjectNode comments = view.has("columnComments") ? (ObjectNode) view.get("columnComments")
									: view.putObject("columnComments");
							comments.put(column, row.getString("description"));
						}
					}
					else if (node != null) {
						node.put("comment", row.getString("description"));
					}
					else if (catalog.equals("class") && indexesOfConstraints.containsKey(oid)) {
						indexesOfConstraints.get(oid).put("indexComment", row.getString("description"));
					}
				}
			}
		}

		private Map<Long, ObjectNode> commentable(String catalog) {
			return commentable.computeIfAbsent(catalog, c -> new HashMap<>());
		}

		/** Runs a query whose only parameters are the two of {@link #SCHEMA_FILTER}, repeated per occurrence. */
		/**
		 * Runs a query whose parameters are the two of {@link #SCHEMA_FILTER}, repeated per occurrence, and in a
		 * partial read the oids of the objects read again ({@code ?::int8[]}).
		 */
		private ResultSet query(String sql) throws SQLException {
			if (recorded != null) {
				recorded.add(sql);
				throw Recorded.INSTANCE;
			}
			if (results != null) {
				Result result = results.poll();
				if (result == null || !result.query().equals(sql)) {
					throw new IllegalStateException("A partial schema read ran its steps in another order than it "
							+ "recorded them: " + sql);
				}
				return result.rows();
			}
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.closeOnCompletion();
			bind(statement, sql);
			return statement.executeQuery();
		}

		/** Binds the parameters of {@code sql}, which {@code statement} runs: schema names, or oids ({@link #OIDS}). */
		private void bind(PreparedStatement statement, String sql) throws SQLException {
			int parameter = 0;
			for (int at = sql.indexOf('?'); at >= 0; at = sql.indexOf('?', at + 1)) {
				statement.setArray(++parameter, sql.startsWith(OIDS, at) ? partial.orElseThrow().oids() : schemas);
			}
		}

		/**
		 * In a partial read, the condition that {@code owner} is one of the objects read again; else nothing. The
		 * {@code joined} columns are equal to {@code owner} by the query's joins: the same condition on them lets the
		 * server look their rows up by index instead of scanning their catalog (a prepared statement's plan cannot
		 * know how few objects there are).
		 */
		private String only(String owner, String... joined) {
			if (partial.isEmpty()) {
				return "";
			}
			StringBuilder condition = new StringBuilder(" AND " + owner + " = ANY (" + OIDS + "::oid[])");
			for (String column : joined) {
				condition.append(" AND ").append(column).append(" = ANY (" + OIDS + "::oid[])");
			}
			return condition.toString();
		}
	}

	/** A query's result, taken by the step that recorded the query. */
	private record Result(String query, ResultSet rows) {
	}

	/** Ends a step while a partial read records its queries: the step's query is recorded, its rows come later. */
	private static final class Recorded extends RuntimeException {

		private static final long serialVersionUID = 1L;
		static final Recorded INSTANCE = new Recorded();

		private Recorded() {
			super(null, null, false, false);
		}
	}

	/** Entries of one object's keyed maps, given structural keys once all are known, so that twins get suffixes. */
	private static final class Keyed {

		private record Entry(String map, String key, String name, JsonNode node) {
		}

		private final List<Entry> entries = new ArrayList<>();

		void add(String map, String key, String name, JsonNode node) {
			entries.add(new Entry(map, key, name, node));
		}

		void putInto(ObjectNode owner) {
			Map<String, Map<String, List<Entry>>> byMapAndKey = new TreeMap<>();
			for (Entry entry : entries) {
				byMapAndKey.computeIfAbsent(entry.map(), m -> new TreeMap<>())
					.computeIfAbsent(entry.key(), k -> new ArrayList<>())
					.add(entry);
			}
			byMapAndKey.forEach((map, byKey) -> {
				ObjectNode target = owner.has(map) ? (ObjectNode) owner.get(map) : owner.putObject(map);
				byKey.forEach((key, twins) -> {
					twins.sort((a, b) -> a.name().compareTo(b.name()));
					for (int i = 0; i < twins.size(); i++) {
						target.set(i == 0 ? key : key + " #" + (i + 1), twins.get(i).node());
					}
				});
			});
		}
	}

	/**
	 * A default as the contract wants it: the deparsed expression without a cast of a literal to the column's own type,
	 * sequences named without {@code ::regclass}, and the current-transaction timestamp spelled {@code now()}.
	 */
	static String normaliseDefault(String expression, String columnType) {
		if (expression == null) {
			return null;
		}
		String normalised = normalise(expression);
		// now(), CURRENT_TIMESTAMP and transaction_timestamp() are the same function; the deparser keeps the spelling.
		if (normalised.equals("CURRENT_TIMESTAMP") || normalised.equals("transaction_timestamp()")) {
			return "now()";
		}
		if (normalised.startsWith("'")) {
			Matcher literal = CAST_LITERAL.matcher(normalised);
			if (literal.matches() && sameType(literal.group(2), columnType)) {
				return literal.group(1);
			}
		}
		// The checks before each pattern are what the pattern itself requires: most defaults need neither.
		return normalised.contains("nextval(") ? NEXTVAL.matcher(normalised).replaceAll("nextval($1)") : normalised;
	}

	/**
	 * Whether a default is a null constant, as {@code DEFAULT NULL} is stored when a cast or a type modifier kept
	 * PostgreSQL from dropping it ({@code NULL::character varying}, {@code (NULL::text)::character varying}).
	 */
	static boolean isNullLiteral(String expression) {
		return expression != null && expression.contains("NULL") && NULL_LITERAL.matcher(normalise(expression)).matches();
	}

	/** Whether a cast target names the column type, whose printed form may carry a modifier the cast lacks. */
	private static boolean sameType(String castType, String columnType) {
		String cast = castType.replace("bpchar", "character");
		return cast.equals(columnType) || cast.equals(TYPE_MODIFIER.matcher(columnType).replaceAll(""));
	}

	/**
	 * A trigger definition with its {@code UPDATE OF} columns in name order: the trigger fires when any of them is
	 * updated, so the order written means nothing, but the deparser keeps it. Hand-written because it must be exact:
	 * the deparser prints each column as {@code quote_ident} does (a plain lower-case name, or one in double quotes),
	 * separated by {@code ", "}, and an {@code " UPDATE OF "} outside quotes can only be the event list's.
	 */
	static String sortedUpdateColumns(String definition) {
		int i = 0;
		while (i < definition.length()) {
			char c = definition.charAt(i);
			if (c == '"' || c == '\'') {
				i = QuotedText.end(definition, i, false);
			}
			else if (definition.startsWith(" UPDATE OF ", i)) {
				int start = i + " UPDATE OF ".length();
				List<String> columns = new ArrayList<>();
				int end = start;
				while (true) {
					int next = end < definition.length() && definition.charAt(end) == '"'
							? QuotedText.end(definition, end, false) : identifierEnd(definition, end);
					if (next == end) {
						return definition;
					}
					columns.add(definition.substring(end, next));
					end = next;
					if (!definition.startsWith(", ", end)) {
						break;
					}
					end += 2;
				}
				columns.sort(null);
				return definition.substring(0, start) + String.join(", ", columns) + definition.substring(end);
			}
			else {
				i++;
			}
		}
		return definition;
	}

	private static int identifierEnd(String text, int start) {
		int i = start;
		while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
				|| text.charAt(i) == '$')) {
			i++;
		}
		return i;
	}

	/**
	 * A type as {@code format_type} prints it, with the precision of times and timestamps dropped when it is 6:
	 * PostgreSQL keeps microseconds at most, so {@code timestamp(6)} stores exactly what {@code timestamp} stores.
	 */
	static String normaliseType(String type) {
		return type == null || !type.contains("(6)") ? type : MICROSECOND_PRECISION.matcher(type).replaceAll("$1");
	}

	/**
	 * Deparsed text of plain (not pretty) output: whitespace runs collapsed to one space, outer whitespace and a
	 * trailing {@code ;} removed, time zone conversions written as calls ({@link #timeZoneCalls}).
	 */
	static String normalise(String expression) {
		return timeZoneCalls(whitespace(expression), false);
	}

	/** {@link #normalise} for the deparser's pretty output: view, trigger and index column definitions. */
	static String normalisePretty(String expression) {
		return timeZoneCalls(whitespace(expression), true);
	}

	private static String whitespace(String expression) {
		String collapsed = (collapsible(expression) ? WHITESPACE.matcher(expression).replaceAll(" ") : expression)
			.strip();
		if (collapsed.endsWith(";")) {
			collapsed = collapsed.substring(0, collapsed.length() - 1).stripTrailing();
		}
		return collapsed;
	}

	/**
	 * Whether {@link #WHITESPACE} would change {@code text}: it holds whitespace other than single spaces. Most
	 * deparsed expressions do not, and the check costs less than the replacement, which copies.
	 */
	private static boolean collapsible(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
					|| (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An expression with each {@code (x AT TIME ZONE z)} written {@code timezone(z, x)} and each {@code (x AT LOCAL)}
	 * written {@code timezone(x)}: the same function call, which the deparser prints as the SQL syntax since
	 * PostgreSQL 16 when it was written so, and as a call otherwise (always, before 16).
	 *
	 * <p>Hand-written because no server function re-parses deparsed text, and it is exact for what the deparser
	 * prints: the syntax form is always the deparser's own parenthesised group around two complete expressions, and
	 * the call form prints the same two expressions as arguments. In plain output both print their operands alike; in
	 * pretty output ({@code pretty}: index columns, view and trigger definitions) the syntax form wraps an operand that
	 * is not a simple node in parentheses of its own, which are removed here, as the call form prints none.
	 */
	static String timeZoneCalls(String expression, boolean pretty) {
		String text = expression;
		for (int at = syntaxMarker(text, 0); at >= 0; at = syntaxMarker(text, 0)) {
			boolean local = text.startsWith(AT_LOCAL, at);
			int open = enclosingParenthesis(text, at);
			int close = open < 0 ? -1 : matchingParenthesis(text, open);
			if (close < 0) {
				return text;
			}
			String value = text.substring(open + 1, at);
			String call;
			if (local) {
				call = "timezone(" + operand(value, pretty) + ")";
			}
			else {
				String zone = text.substring(at + AT_TIME_ZONE.length(), close);
				call = "timezone(" + operand(zone, pretty) + ", " + operand(value, pretty) + ")";
			}
			text = text.substring(0, open) + call + text.substring(close + 1);
		}
		return text;
	}

	/** An operand as the call form prints it: in pretty output, without the parentheses the syntax form added. */
	private static String operand(String operand, boolean pretty) {
		if (pretty && operand.startsWith("(") && matchingParenthesis(operand, 0) == operand.length() - 1) {
			return operand.substring(1, operand.length() - 1);
		}
		return operand;
	}

	/** The index of the first {@code AT TIME ZONE} or {@code AT LOCAL)} outside literals and quoted names, or -1. */
	private static int syntaxMarker(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'' || c == '"') {
				i = closingQuote(text, i);
			}
			else if (c == ' ' && (text.startsWith(AT_TIME_ZONE, i) || text.startsWith(AT_LOCAL, i))) {
				return i;
			}
		}
		return -1;
	}

	/** The index of the innermost unclosed {@code (} before {@code position}, outside literals, or -1. */
	private static int enclosingParenthesis(String text, int position) {
		List<Integer> open = new ArrayList<>();
		for (int i = 0; i < position; i++) {
			char c = text.charAt(i);
			if (c == '\'' || c == '"') {
				i = closingQuote(text, i);
			}
			else if (c == '(') {
				open.add(i);
			}
			else if (c == ')' && !open.isEmpty()) {
				open.remove(open.size() - 1);
			}
		}
		return open.isEmpty() ? -1 : open.get(open.size() - 1);
	}

	/** The index of the {@code )} that closes the {@code (} at {@code open}, outside literals, or -1. */
	private static int matchingParenthesis(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'' || c == '"') {
				i = closingQuote(text, i);
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** The index of the quote that ends the literal or name opened at {@code start} (doubled quotes stay inside). */
	private static int closingQuote(String text, int start) {
		char quote = text.charAt(start);
		for (int i = start + 1; i < text.length(); i++) {
			if (text.charAt(i) == quote) {
				if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
					i++;
				}
				else {
					return i;
				}
			}
		}
		return text.length();
	}

	/** {@code sha256:} and the hex digest of a routine body with {@code \r\n} as {@code \n} and outer whitespace off. */
	static String bodyHash(String body) {
		String normalised = body == null ? "" : body.replace("\r\n", "\n").strip();
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			// Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
			throw new IllegalStateException(e);
		}
	}

	private static String action(String code) {
		return switch (code) {
			case "r" -> "RESTRICT";
			case "c" -> "CASCADE";
			case "n" -> "SET NULL";
			case "d" -> "SET DEFAULT";
			default -> "NO ACTION";
		};
	}

	/**
	 * SQL for the privileges of one catalog's objects that differ from their defaults: rows of {@code kind},
	 * {@code oid}, {@code change} ({@code grant} or {@code revoke}), {@code grantee} and
	 * {@code privilege}, for objects of the filtered schemas ({@code n}) in {@code from} that satisfy {@code where}.
	 * A full join of the privileges with the defaults keeps the rows found on one side only: a grant or a revocation.
	 * It gives the rows of two {@code EXCEPT}s, once the readers drop repeated privileges (one held from two
	 * grantors), and plans in a fraction of their time, which on a new connection was most of this query's.
	 *
	 * @param defaults a row source of the defaults in the shape of {@code aclexplode}'s rows
	 */
	private static String privileges(String kind, String oid, String acl, String defaults, String from, String where) {
		return """
				SELECT '%1$s' AS kind, %2$s AS oid, x.change,
				       CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END AS grantee,
				       x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END AS privilege
				FROM %5$s,
				LATERAL (SELECT CASE WHEN d.grantee IS NULL THEN 'grant' ELSE 'revoke' END AS change,
				                coalesce(a.grantee, d.grantee) AS grantee,
				                coalesce(a.privilege_type, d.privilege_type) AS privilege_type,
				                coalesce(a.is_grantable, d.is_grantable) AS is_grantable
				         FROM aclexplode(%3$s) a FULL JOIN %4$s d ON a.grantee = d.grantee
				              AND a.privilege_type = d.privilege_type AND a.is_grantable = d.is_grantable
				         WHERE a.grantee IS NULL OR d.grantee IS NULL) x
				WHERE %6$s AND %7$s""".formatted(kind, oid, acl, defaults, from, where, SCHEMA_FILTER);
	}

	/** SQL for a collation's name, schema-qualified outside {@code pg_catalog}, from an expression giving its oid. */
	private static String collationName(String oid) {
		return "(SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname ELSE cn.nspname || '.' || co.collname END"
				+ " FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = " + oid + ")";
	}

	/** SQL that is true when the object is not part of an extension. */
	private static String notExtensionMember(String catalog, String oid) {
		return "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = " + oid
				+ " AND e.deptype = 'e')";
	}

	private static String queryString(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			return row.next() ? row.getString(1) : null;
		}
	}

	private static void putIfPresent(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static ArrayNode array(List<String> values) {
		ArrayNode array = CanonicalJson.array();
		values.forEach(array::add);
		return array;
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add(String.valueOf(value));
		}
		return values;
	}
}
