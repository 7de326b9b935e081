package dev.dbparity.snapshots.catalog;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.RelationRenderings.Recognised;
import dev.dbparity.snapshots.jdbc.Rows;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code MySqlCatalogReader} is the {@link CatalogReader} for MariaDB 10.11+ and MySQL 8: it reads a database into the
 * format-1 tree of {@code snapshots/SCHEMA-FORMAT.md} with one bulk {@code information_schema} query per kind of
 * object for all schemas read, never with per-table JDBC metadata calls.
 *
 * <p>The connection's current database ({@code DATABASE()}) is written under the key {@value #CURRENT_SCHEMA}, never
 * under its name: test databases get random names and production has its own, and neither may make two snapshots of
 * the same schema differ. Other databases are read only when {@link CaptureOptions#schemas()} names them, and keep
 * their names. For the same reason the current database's name is removed wherever the engine writes it (foreign key
 * targets, view definitions, trigger bodies).
 *
 * <p>For implementors of other readers and for users reading a diff: the normalisation rules and what is left out are
 * listed in the MariaDB/MySQL notes of {@code SCHEMA-FORMAT.md}.
 *
 * @since 0.1
 */
public final class MySqlCatalogReader implements CatalogReader {

	/**
	 * How often a mark looks for the moment no other session runs a statement, {@value #ALONE_PAUSE_MICROS} µs apart:
	 * 20 ms in all. A session its client has just closed ends within a fraction of a millisecond, and a round trip
	 * marks right after each migration's session closes, hundreds of times.
	 */
	private static final int ALONE_ATTEMPTS = 40;
	private static final long ALONE_PAUSE_MICROS = 500;

	/** The schema key of the connection's current database. */
	public static final String CURRENT_SCHEMA = "default";

	/** Migration history tables are bookkeeping of the tool that migrated the database, not schema. */
	/** The kinds of relation whose rendering a partial read may recognise (see {@link RelationRenderings}). */
	private static final Set<String> RENDERED_TYPES = Set.of("BASE TABLE", "SYSTEM VERSIONED", "VIEW");
	private static final Set<String> HISTORY_TABLES = Set.of("dbparity_schema_history", "flyway_schema_history",
			"databasechangelog", "databasechangeloglock", "__diesel_schema_migrations", "schema_migration",
			"_prisma_migrations");

	/**
	 * A table's collections are written even when empty, so that dropping the last foreign key is a difference at the
	 * key's own path, not at {@code foreignKeys}.
	 */
	private static final List<String> TABLE_COLLECTIONS = List.of("columns", "foreignKeys", "uniqueConstraints",
			"checks", "indexes", "triggers");

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
	private static final Pattern INTEGER_WIDTH = Pattern.compile("(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)(.*)");
	private static final Pattern NOW = Pattern.compile(
			"(?i)(?:(?:current_timestamp|localtime|localtimestamp)(?:\\(\\s*(\\d*)\\s*\\))?|now\\(\\s*(\\d*)\\s*\\))");
	private static final Pattern ON_UPDATE = Pattern.compile("(?i)\\bon update (\\S+)");
	private static final Pattern GENERATED = Pattern.compile("(?i)\\b(virtual|stored|persistent) generated\\b");
	private static final Pattern INVISIBLE = Pattern.compile("(?i)\\binvisible\\b");
	private static final Pattern WITHOUT_VERSIONING = Pattern.compile("(?i)\\bwithout system versioning\\b");
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");
	private static final Pattern MARIADB_CHECK_NAME = Pattern.compile("CONSTRAINT_\\d+");
	/** What {@code automatic_sp_privileges} grants the creator of a routine. */
	private static final Set<String> AUTOMATIC_ROUTINE_PRIVILEGES = Set.of("EXECUTE", "ALTER ROUTINE");
	/** The horizon of every MariaDB mark: its state holds everything it compares. */
	private static final String MARK_HORIZON = "mariadb statement counters";
	/**
	 * Statement counters a mark leaves out, besides {@code COM_SHOW_*}: statements that cannot change what a snapshot
	 * shows (queries, row writes, which a mark checks where a snapshot reads rows, transactions, session settings,
	 * {@code ANALYZE}, locks), and those that only run other statements, which count on their own ({@code CALL},
	 * {@code EXECUTE}, {@code EXECUTE IMMEDIATE}).
	 */
	private static final Set<String> UNCOUNTED = Set.of("COM_SELECT", "COM_INSERT", "COM_INSERT_SELECT", "COM_UPDATE",
			"COM_UPDATE_MULTI", "COM_DELETE", "COM_DELETE_MULTI", "COM_REPLACE", "COM_REPLACE_SELECT", "COM_LOAD",
			"COM_SET_OPTION", "COM_BEGIN", "COM_COMMIT", "COM_ROLLBACK", "COM_SAVEPOINT", "COM_RELEASE_SAVEPOINT",
			"COM_ROLLBACK_TO_SAVEPOINT", "COM_CHANGE_DB", "COM_DO", "COM_EMPTY_QUERY", "COM_CHECKSUM", "COM_SIGNAL",
			"COM_RESIGNAL", "COM_GET_DIAGNOSTICS", "COM_HELP", "COM_ANALYZE", "COM_LOCK_TABLES", "COM_UNLOCK_TABLES",
			"COM_CALL_PROCEDURE", "COM_PREPARE_SQL", "COM_EXECUTE_SQL", "COM_DEALLOC_SQL", "COM_EXECUTE_IMMEDIATE",
			"COM_STMT_CLOSE", "COM_STMT_RESET", "COM_STMT_FETCH", "COM_STMT_SEND_LONG_DATA");
	/**
	 * The statement counters that are not zero, the running sessions and the uptime, each row with the time and the
	 * settings a mark compares. UNIX_TIMESTAMP() and Uptime are both taken from the statement's start: their difference
	 * is the server's start. Leaving out the zero counters (most of them) and taking the time and settings as columns
	 * rather than rows of a UNION make the query a fifth to a third cheaper; a round trip marks hundreds of times. The
	 * last column holds the session's settings that decide how the server renders a relation
	 * ({@link RelationRenderings#usable}).
	 */
	private static final String MARK_STATUS = "SELECT VARIABLE_NAME, VARIABLE_VALUE, UNIX_TIMESTAMP(), CONCAT_WS('|', "
			+ "DATABASE(), @@character_set_database, @@collation_database, @@GLOBAL.sql_mode, @@lower_case_table_names, "
			+ "@@GLOBAL.time_zone, @@GLOBAL.explicit_defaults_for_timestamp, @@session.time_zone), "
			+ "CONCAT_WS('|', @@SESSION.sql_mode, @@SESSION.sql_quote_show_create, @@lower_case_table_names) "
			+ "FROM information_schema.GLOBAL_STATUS "
			+ "WHERE VARIABLE_NAME LIKE 'COM\\_%' AND VARIABLE_VALUE <> '0' "
			+ "OR VARIABLE_NAME IN ('THREADS_RUNNING', 'UPTIME')";
	/**
	 * The columns each kind's handler reads, in its order; shared by the queries of a full read and the one of a partial
	 * read. Those that differ between MariaDB and MySQL are completed by the reading.
	 */
	private static final List<String> TABLE_COLUMNS = List.of("TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE",
			"TABLE_COLLATION", "TABLE_COMMENT", "CREATE_OPTIONS");
	private static final List<String> COLUMN_COLUMNS = List.of("TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME",
			"ORDINAL_POSITION", "COLUMN_DEFAULT", "IS_NULLABLE", "DATA_TYPE", "COLUMN_TYPE", "COLLATION_NAME", "EXTRA",
			"GENERATION_EXPRESSION", "COLUMN_COMMENT");
	private static final List<String> INDEX_COLUMNS = List.of("TABLE_SCHEMA", "TABLE_NAME", "INDEX_NAME", "NON_UNIQUE",
			"COLUMN_NAME", "COLLATION", "SUB_PART", "INDEX_TYPE", "INDEX_COMMENT");
	private static final List<String> RULE_COLUMNS = List.of("CONSTRAINT_SCHEMA", "TABLE_NAME", "CONSTRAINT_NAME",
			"DELETE_RULE", "UPDATE_RULE");
	private static final List<String> KEY_COLUMNS = List.of("TABLE_SCHEMA", "TABLE_NAME", "CONSTRAINT_NAME",
			"COLUMN_NAME", "REFERENCED_TABLE_SCHEMA", "REFERENCED_TABLE_NAME", "REFERENCED_COLUMN_NAME");
	/** {@code KEY_COLUMN_USAGE} has the columns of primary and unique keys too. */
	private static final String KEY_CONDITION = " AND REFERENCED_TABLE_NAME IS NOT NULL";
	private static final List<String> MARIADB_CHECK_COLUMNS = List.of("CONSTRAINT_SCHEMA", "TABLE_NAME",
			"CONSTRAINT_NAME", "LEVEL", "CHECK_CLAUSE", "'YES'");
	private static final List<String> VIEW_COLUMNS = List.of("TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION",
			"CHECK_OPTION", "SECURITY_TYPE");
	private static final List<String> TRIGGER_COLUMNS = List.of("EVENT_OBJECT_SCHEMA", "EVENT_OBJECT_TABLE",
			"TRIGGER_NAME", "ACTION_TIMING", "EVENT_MANIPULATION", "ACTION_ORIENTATION", "ACTION_STATEMENT",
			"ACTION_ORDER");
	/** What ends the key of a procedure whose name and argument types a function of its schema has too. */
	private static final String PROCEDURE_BESIDE_FUNCTION = "procedure";

	private static final List<String> ROUTINE_COLUMNS = List.of("ROUTINE_SCHEMA", "ROUTINE_TYPE", "SPECIFIC_NAME",
			"ROUTINE_NAME", "DTD_IDENTIFIER", "ROUTINE_BODY", "ROUTINE_DEFINITION", "IS_DETERMINISTIC", "SQL_DATA_ACCESS",
			"SECURITY_TYPE", "ROUTINE_COMMENT", "DEFINER");
	private static final List<String> PARAMETER_COLUMNS = List.of("SPECIFIC_SCHEMA", "ROUTINE_TYPE", "SPECIFIC_NAME",
			"PARAMETER_MODE", "PARAMETER_NAME", "DTD_IDENTIFIER", "ORDINAL_POSITION");
	private static final List<String> TABLE_PRIVILEGE_COLUMNS = List.of("TABLE_SCHEMA", "TABLE_NAME", "NULL",
			"GRANTEE", "PRIVILEGE_TYPE", "IS_GRANTABLE");
	private static final List<String> COLUMN_PRIVILEGE_COLUMNS = List.of("TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME",
			"GRANTEE", "PRIVILEGE_TYPE", "IS_GRANTABLE");
	private static final Set<String> NUMERIC_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer",
			"bigint", "decimal", "numeric", "float", "double", "real", "bit", "year", "boolean", "bool");

	public MySqlCatalogReader() {
	}

	/**
	 * Reads the current database (or the databases {@code options} names) inside a read-only transaction, which is
	 * ended again when the connection was in auto-commit mode; a transaction the caller already opened is left open.
	 *
	 * @throws IllegalArgumentException when the connection has no current database and {@code options} names none, or
	 *     names one that does not exist
	 * @throws SQLException when a catalog query fails; grants are the exception, skipped when they cannot be read
	 */
	@Override
	public SchemaSnapshot read(Connection connection, CaptureOptions options) throws SQLException {
		return new SchemaSnapshot(read(connection, options, Optional.empty()));
	}

	/**
	 * The tree of a full read, or of a read of only what {@code scope} names; not sorted. A full read runs in a
	 * read-only transaction, so that the rows it reads from tables (sequences, on MySQL 8 the dictionary behind
	 * {@code information_schema}) are of one moment. A partial read has none: it is MariaDB's only, whose
	 * {@code information_schema} and {@code mysql.procs_priv} keep no row versions that a transaction could hold, and
	 * its mark has already proved that no other session ran a statement; the transaction's two statements would add a
	 * tenth to its cost.
	 */
	private static ObjectNode read(Connection connection, CaptureOptions options, Optional<Scope> scope)
			throws SQLException {
		boolean ownTransaction = scope.isEmpty() && connection.getAutoCommit();
		if (ownTransaction) {
			execute(connection, "START TRANSACTION READ ONLY");
		}
		try {
			return new Reading(connection, options, scope, Optional.empty()).tree();
		}
		finally {
			if (ownTransaction) {
				execute(connection, "ROLLBACK");
			}
		}
	}

	/**
	 * {@inheritDoc}
	 *
	 * <p>On MariaDB only. {@code information_schema} keeps no row versions, so the mark counts statements instead: the
	 * server's statement counters ({@code Com_*} of {@code GLOBAL_STATUS}, summed over every session, ended ones too,
	 * and counting the statements that procedures and prepared or {@code EXECUTE IMMEDIATE} statements run), of
	 * every kind of statement but those that cannot change a snapshot ({@link #UNCOUNTED}: queries, row writes,
	 * transactions, session settings, and the wrappers whose statements count on their own); the state names those that
	 * are not zero, so a counter it lacks is zero, and one that leaves zero changes it too. Any {@code CREATE},
	 * {@code ALTER}, {@code DROP}, {@code RENAME}, {@code GRANT}, {@code REVOKE}, {@code FLUSH}, … anywhere on the
	 * server since the mark — even one that changed nothing, such as {@code CREATE TABLE IF NOT EXISTS} — breaks it.
	 * With them: the settings a snapshot reads, the server's start time, and checksums of the system tables the
	 * snapshot reads as rows ({@code mysql.proc}, {@code mysql.procs_priv}, {@code mysql.event}), which a row write
	 * could change. No mark is given when another session is running a statement (a change it started before the mark
	 * could land after it), inside the caller's transaction, without the privilege to checksum those tables, when the
	 * schemas read have sequences (a row written to one changes its options) or events (the scheduler drops and
	 * disables events without a statement), and on MySQL, whose dictionary is untested here.
	 */
	@Override
	public Marked readMarked(Connection connection, CaptureOptions options) throws SQLException {
		return readMarked(connection, options, markState(connection));
	}

	/** A read marked with {@code state}, the mark's state taken right before it (none when it could not be given). */
	private Marked readMarked(Connection connection, CaptureOptions options, Optional<String> state)
			throws SQLException {
		// The mark keeps the tree sorted, which partial reads take what they do not read again from.
		ObjectNode root = (ObjectNode) CanonicalJson.sorted(read(connection, options, Optional.empty()));
		boolean unmarkable = false;
		for (JsonNode schema : root.path("schemas")) {
			unmarkable |= !schema.path("sequences").isEmpty() || !schema.path("events").isEmpty();
		}
		SchemaSnapshot snapshot = new SchemaSnapshot(root);
		return new Marked(snapshot, unmarkable ? Optional.empty()
				: state.map(counted -> new CatalogMark(MARK_HORIZON, counted,
						new MarkedTree(root, snapshot, new RelationRenderings()))));
	}

	@Override
	public boolean unchangedSince(Connection connection, CatalogMark mark) throws SQLException {
		return mark.horizon().equals(MARK_HORIZON) && markState(connection).filter(mark.state()::equals).isPresent();
	}

	/**
	 * {@inheritDoc}
	 *
	 * <p>The state a check finds changed is taken right before the read that follows, as a mark's must be: it marks
	 * that read, which spares the statements of taking it a second time (a round trip reads hundreds of times).
	 */
	@Override
	public ChangedRead readChanged(Connection connection, Marked previous, CaptureOptions options) throws SQLException {
		return readChanged(connection, previous, options, Optional.empty());
	}

	/**
	 * {@inheritDoc}
	 *
	 * <p>On MariaDB, when every statement is one {@link MySqlStatements} knows, the read is partial when the server
	 * proves that no other statement could have changed the schema since {@code previous}'s mark: the difference of
	 * every statement counter the mark counts is exactly the number of those statements of its kind (so no other
	 * session, procedure, prepared statement or event ran one), the server, its settings and the current database are
	 * the same, and the system tables of routines and their grants changed only when a routine statement ran. Then
	 * the tables and views the statements name are read again, with the tables whose foreign keys reference one of
	 * them, the tables of the triggers they name (found in {@code previous}), and the routines the statements name (of
	 * either kind); the rest is taken from {@code previous}. A relation read again that the server renders ({@code SHOW CREATE TABLE}) as it
	 * rendered it at an earlier partial read since the last full one is taken as that read built it, and only its
	 * triggers and grants are read ({@link RelationRenderings}); when the statements are all of kinds that leave
	 * triggers as they are, the triggers too are taken from {@code previous}. With the system property
	 * {@value PartialReads#VERIFY_PARTIAL_READS} set to {@code true} each partial read is compared with a full read,
	 * and a difference throws {@link IllegalStateException}.
	 */
	@Override
	public ChangedRead readChanged(Connection connection, Marked previous, CaptureOptions options,
			List<String> statementsRun) throws SQLException {
		return readChanged(connection, previous, options, Optional.of(statementsRun));
	}

	private ChangedRead readChanged(Connection connection, Marked previous, CaptureOptions options,
			Optional<List<String>> statementsRun) throws SQLException {
		Optional<String> now = markState(connection);
		Optional<String> before = previous.mark().filter(mark -> mark.horizon().equals(MARK_HORIZON))
			.map(CatalogMark::state);
		if (now.isPresent() && before.isPresent() && before.get().equals(now.get())) {
			return new ChangedRead(previous, Extent.NONE, 0);
		}
		Optional<Scope> scope = Optional.empty();
		if (now.isPresent() && before.isPresent() && statementsRun.isPresent() && options.schemas().isEmpty()) {
			scope = scope(connection, markedTree(previous).root(), before.get(), now.get(), statementsRun.get());
		}
		if (scope.isEmpty()) {
			return new ChangedRead(readMarked(connection, options, now), Extent.FULL, 0);
		}
		MarkedTree previousTree = markedTree(previous);
		Map<String, String> fields = stateFields(now.get());
		Optional<Rendering> rendering = RelationRenderings.usable(fields.get("rendering"))
				? Optional.of(new Rendering(previousTree.renderings(), fields.get("settings") + "|"
						+ fields.get("rendering")))
				: Optional.empty();
		// Outside a transaction, as every partial read (see read).
		Reading reading = new Reading(connection, options, scope, rendering);
		JsonNode read = reading.tree().path("schemas").path(CURRENT_SCHEMA);
		Optional<Listing> listing = reading.listing();
		listing.ifPresent(listed -> listed.keys().forEach((name, key) -> {
			if (!listed.recognised().containsKey(name)) {
				for (String section : List.of("tables", "views")) {
					if (read.path(section).has(name)) {
						previousTree.renderings().remember(key, section, name, read.path(section).get(name));
					}
				}
			}
		}));
		int recognised = listing.map(listed -> listed.recognised().size()).orElse(0);
		MarkedTree marked = graft(previousTree, read, scope.get());
		SchemaSnapshot snapshot = marked.snapshot();
		if (PartialReads.verifying()) {
			PartialReads.verify(snapshot, read(connection, options), "MariaDB");
		}
		int objects = read.path("tables").size() + read.path("views").size()
				+ (scope.get().routines() ? read.path("routines").size() : 0);
		return new ChangedRead(new Marked(snapshot, Optional.of(new CatalogMark(MARK_HORIZON, now.get(), marked))),
				Extent.PARTIAL, objects, recognised);
	}

	/**
	 * The rows of {@code TABLES} of the relations {@code scope} names, and the keys of their renderings
	 * ({@link RelationRenderings#key}) under {@code settings}: each relation's row and its {@code SHOW CREATE TABLE},
	 * which renders views too; those {@code renderings} has a node for are recognised. A relation whose name another
	 * one has in another case (a server that tells them apart) is not: the catalog queries compare names without case.
	 */
	private static Listing listRelations(Connection connection, Scope scope, String settings,
			RelationRenderings renderings) throws SQLException {
		List<String> spellings = List.copyOf(scope.spellings());
		if (spellings.isEmpty()) {
			return new Listing(List.of(), Map.of(), Map.of());
		}
		List<String> parameters = new ArrayList<>(List.of(scope.database()));
		parameters.addAll(spellings);
		List<String[]> rows = Rows.of(connection, "SELECT " + String.join(", ", TABLE_COLUMNS)
				+ " FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (?) AND TABLE_NAME IN "
				+ placeholders(spellings.size()), parameters);
		Map<String, Long> cases = rows.stream()
			.collect(Collectors.groupingBy(row -> row[1].toLowerCase(Locale.ROOT), Collectors.counting()));
		Map<String, String> keys = new HashMap<>();
		Map<String, Recognised> recognised = new HashMap<>();
		for (String[] row : rows) {
			if (!RENDERED_TYPES.contains(row[2]) || cases.get(row[1].toLowerCase(Locale.ROOT)) > 1) {
				continue;
			}
			try (Statement statement = connection.createStatement();
					ResultSet rendered = statement.executeQuery("SHOW CREATE TABLE " + quote(row[1]))) {
				if (rendered.next()) {
					RelationRenderings.key(settings + "\n" + String.join("|", Arrays.stream(row)
						.map(value -> value == null ? "\\N" : value).toList()), rendered.getString(2))
						.ifPresent(key -> {
							keys.put(row[1], key);
							renderings.recognise(key).ifPresent(node -> recognised.put(row[1], node));
						});
				}
			}
			catch (SQLException unrendered) {
				// Read from the catalog, as every relation was before renderings (a view without SHOW VIEW).
			}
		}
		return new Listing(rows, keys, recognised);
	}

	/** The renderings a partial read may recognise relations by, and the settings they are keyed under. */
	private record Rendering(RelationRenderings renderings, String settings) {
	}

	/**
	 * What a partial read found of its relations before reading them: their rows of {@code TABLES} (of
	 * {@code TABLE_COLUMNS}), the keys of their renderings, and the relations recognised by them, each by its name.
	 */
	private record Listing(List<String[]> rows, Map<String, String> keys, Map<String, Recognised> recognised) {
	}

	/**
	 * What a MariaDB mark keeps: the sorted tree its snapshot was read as, which the scope of a partial read is found
	 * in, and the snapshot, which the next one is made from by replacing what was read again; each shares the nodes
	 * that were not read again with its predecessor; and the renderings of relations read since the last full read,
	 * which each partial read passes on to the next.
	 */
	private record MarkedTree(ObjectNode root, SchemaSnapshot snapshot, RelationRenderings renderings) {
	}

	/** What the mark of {@code marked} keeps, not copied; else a copy of its snapshot's tree, with the snapshot. */
	private static MarkedTree markedTree(Marked marked) {
		return marked.mark().flatMap(CatalogMark::objects).filter(MarkedTree.class::isInstance)
			.map(MarkedTree.class::cast)
			.orElseGet(() -> new MarkedTree((ObjectNode) marked.snapshot().tree(), marked.snapshot(),
					new RelationRenderings()));
	}

	/**
	 * What a partial read reads again (see {@link #readChanged(Connection, Marked, CaptureOptions, List)}), when the
	 * mark states {@code before} and {@code now} prove that {@code statements} are all that could have changed the
	 * schema since {@code previous} was read; empty when they do not.
	 */
	private static Optional<Scope> scope(Connection connection, JsonNode previous, String before, String now,
			List<String> statements) throws SQLException {
		Map<String, String> was = stateFields(before);
		Map<String, String> is = stateFields(now);
		String database = connection.getCatalog();
		if (database == null) {
			return Optional.empty();
		}
		Optional<MySqlStatements.Effect> known = MySqlStatements.of(statements, database);
		if (known.isEmpty()) {
			return Optional.empty();
		}
		MySqlStatements.Effect effect = known.get();
		// A state names only the counters that are not zero: one that either state lacks is zero there, and one the
		// statements add to but neither names (zero in both, or not a counter of this server) refuses the read.
		Set<String> names = new HashSet<>(was.keySet());
		names.addAll(is.keySet());
		names.addAll(effect.counters().keySet());
		for (String name : names) {
			String value = is.get(name);
			String previousValue = was.get(name);
			boolean holds;
			if (name.startsWith("COM_")) {
				long ran = counted(value) - counted(previousValue);
				holds = ran == effect.counters().getOrDefault(name, 0);
			}
			else {
				// The start, the settings and the current database must hold; the checksums of the system tables of
				// routines and their grants (and events, which a mark never has) may change with a routine statement.
				boolean routineTable = name.startsWith("mysql.proc");
				holds = value != null && previousValue != null
						&& (value.equals(previousValue) || routineTable && effect.routines());
			}
			if (!holds) {
				return Optional.empty();
			}
		}
		return Optional.of(Scope.of(previous, effect, database));
	}

	/** A counter's value in a mark's state, where one it lacks is zero (see {@link #markState}). */
	private static long counted(String value) {
		return value == null ? 0 : Long.parseLong(value);
	}

	/**
	 * The fields of a mark's state by name: {@code start}, {@code settings}, the counters that are not zero and the
	 * checksums.
	 */
	private static Map<String, String> stateFields(String state) {
		Map<String, String> fields = new HashMap<>();
		for (String field : state.split(";")) {
			int equals = field.indexOf('=');
			fields.put(field.substring(0, equals), field.substring(equals + 1));
		}
		return fields;
	}

	/**
	 * {@code previous} with the tables and views of {@code scope} as {@code read} (the current schema's node of a
	 * partial read) has them, removed when it has none, and its routines (those {@code scope} names, or all) when
	 * {@code scope} reads them: its tree, of which only the containers on the way are copied, the other nodes shared
	 * (none is changed once built), sorted as {@link CanonicalJson#sorted} sorts; and its snapshot, made by
	 * {@link SchemaSnapshot#replacing}.
	 */
	private static MarkedTree graft(MarkedTree previous, JsonNode read, Scope scope) {
		ObjectNode root = CanonicalJson.object().setAll(previous.root());
		ObjectNode schemas = CanonicalJson.object().setAll((ObjectNode) root.get("schemas"));
		root.set("schemas", schemas);
		ObjectNode schema = CanonicalJson.object().setAll((ObjectNode) schemas.get(CURRENT_SCHEMA));
		schemas.set(CURRENT_SCHEMA, schema);
		Map<List<String>, Optional<? extends JsonNode>> replaced = new HashMap<>();
		for (String section : List.of("tables", "views")) {
			graftSection(schema, section, name -> scope.relations().contains(name.toLowerCase(Locale.ROOT)), read,
					replaced);
		}
		if (scope.routines() && scope.routineNames().isEmpty()) {
			JsonNode routines = CanonicalJson.sorted(read.path("routines"));
			schema.set("routines", routines);
			replaced.put(List.of("schemas", CURRENT_SCHEMA, "routines"), Optional.of(routines));
		}
		else if (scope.routines()) {
			graftSection(schema, "routines", scope::namesRoutine, read, replaced);
		}
		return new MarkedTree(root, previous.snapshot().replacing(replaced), previous.renderings());
	}

	/**
	 * Sets {@code section} of {@code schema} (a copy of the graft's own) to the previous nodes that were not read again
	 * and the nodes {@code read} has there, sorted, noting in {@code replaced} the paths of those removed and set.
	 */
	private static void graftSection(ObjectNode schema, String section, Predicate<String> readAgain, JsonNode read,
			Map<List<String>, Optional<? extends JsonNode>> replaced) {
		Map<String, JsonNode> nodes = new TreeMap<>();
		schema.path(section).properties().forEach(node -> {
			if (!readAgain.test(node.getKey())) {
				nodes.put(node.getKey(), node.getValue());
			}
			else {
				replaced.put(List.of("schemas", CURRENT_SCHEMA, section, node.getKey()), Optional.empty());
			}
		});
		read.path(section).properties().forEach(node -> {
			JsonNode sorted = CanonicalJson.sorted(node.getValue());
			nodes.put(node.getKey(), sorted);
			replaced.put(List.of("schemas", CURRENT_SCHEMA, section, node.getKey()), Optional.of(sorted));
		});
		schema.set(section, CanonicalJson.object().setAll(nodes));
	}

	/**
	 * What a partial read reads again.
	 *
	 * @param relations the tables and views, by lower-case name (names are compared without case, as a superset)
	 * @param spellings their names as the statements and {@code previous} spell them, for the catalog queries
	 * @param routines whether routines are read again
	 * @param routineNames the routines read again, by lower-case name; none when every routine is (see {@link #of})
	 * @param stillTables the relations that are certainly tables, by lower-case name (see {@link #of})
	 * @param stillViews the relations that are certainly views, by lower-case name
	 * @param database the current database, whose objects they are
	 * @param steps the kinds of table parts to read (see {@link #of}); the others none of the tables has
	 * @param keptTriggers the tables of {@code previous}'s current schema, whose triggers each table keeps when the
	 *     statements cannot have changed any (see {@link #of}); empty when the tables' triggers are read again
	 */
	private record Scope(Set<String> relations, Set<String> spellings, boolean routines, Set<String> routineNames,
			Set<String> stillTables, Set<String> stillViews, String database, Set<String> steps,
			Optional<JsonNode> keptTriggers) {

		/**
		 * The kinds of statement that leave every table's triggers as they are: only a trigger's own statements, and
		 * those that create, drop or rename a table, change them ({@code ALTER TABLE … RENAME} too, which a scope
		 * tells by its word {@code RENAME}); a table's other changes keep its triggers, whose text the server keeps as
		 * it was written.
		 */
		private static final Set<String> KEEPING_TRIGGERS = Set.of("COM_ALTER_TABLE", "COM_CREATE_INDEX",
				"COM_DROP_INDEX", "COM_CREATE_VIEW", "COM_ALTER_VIEW", "COM_DROP_VIEW", "COM_CREATE_FUNCTION",
				"COM_CREATE_PROCEDURE", "COM_ALTER_FUNCTION", "COM_ALTER_PROCEDURE", "COM_DROP_FUNCTION",
				"COM_DROP_PROCEDURE", "COM_GRANT", "COM_REVOKE", "COM_TRUNCATE");

		/** The spellings of the relations that may be tables: those not certainly views. */
		List<String> tableSpellings() {
			return spellings.stream().filter(name -> !stillViews.contains(name.toLowerCase(Locale.ROOT))).toList();
		}

		/** The spellings of the relations that may be views: those not certainly tables. */
		List<String> viewSpellings() {
			return spellings.stream().filter(name -> !stillTables.contains(name.toLowerCase(Locale.ROOT))).toList();
		}

		/**
		 * Whether {@code key} (a routine's key in a snapshot: its name, then its parameter types in parentheses) is of a
		 * routine this scope reads again. The name ends at the first parenthesis, unless the name has one itself:
		 * then the key also starts with a shorter name, which is why a partial read reads again every routine whose
		 * name has a parenthesis, and reads all when a statement names one (see {@link #of}).
		 */
		boolean namesRoutine(String key) {
			String lower = key.toLowerCase(Locale.ROOT);
			return routineNames.stream().anyMatch(name -> lower.startsWith(name + "("));
		}

		/**
		 * What {@code effect} changed, and what names it in {@code previous}: tables whose foreign keys reference a
		 * changed table (a renamed table or column changes the reference), and the table of a trigger named by name.
		 * Not the views whose definition mentions a changed relation: MariaDB keeps a view's definition as it was
		 * written when the view was made, and its algorithm, security and check option with it, whatever becomes of
		 * the relations and routines it names (renamed, dropped, changed: the view is then invalid, but reads the
		 * same); a view has no columns in a MariaDB snapshot. A relation no statement names keeps the kind
		 * {@code previous} gives it (only a statement naming it could drop, create or rename it), so such a table is
		 * not looked for among the views.
		 */
		static Scope of(JsonNode previous, MySqlStatements.Effect effect, String database) {
			JsonNode schema = previous.path("schemas").path(CURRENT_SCHEMA);
			Set<String> relations = new LinkedHashSet<>();
			Set<String> spellings = new LinkedHashSet<>(effect.relations());
			effect.relations().forEach(name -> relations.add(name.toLowerCase(Locale.ROOT)));
			for (String trigger : effect.triggers()) {
				// A trigger found nowhere was created by one of the statements, whose table they name, or never existed.
				schema.path("tables").properties().forEach(table -> table.getValue().path("triggers").fieldNames()
					.forEachRemaining(name -> {
						if (name.equalsIgnoreCase(trigger)) {
							relations.add(table.getKey().toLowerCase(Locale.ROOT));
						}
					}));
			}
			Set<String> changed = Set.copyOf(relations);
			schema.path("tables").properties().forEach(table -> table.getValue().path("foreignKeys")
				.forEach(key -> {
					JsonNode references = key.path("references");
					if (references.path("schema").asText().equals(CURRENT_SCHEMA)
							&& changed.contains(references.path("table").asText().toLowerCase(Locale.ROOT))) {
						relations.add(table.getKey().toLowerCase(Locale.ROOT));
					}
				}));
			for (String section : List.of("tables", "views")) {
				schema.path(section).fieldNames().forEachRemaining(name -> {
					if (relations.contains(name.toLowerCase(Locale.ROOT))) {
						spellings.add(name);
					}
				});
			}
			// Routines are read again by name, unless a name has a parenthesis, which could be read as the start of
			// another routine's parameters (see namesRoutine).
			Set<String> routineNames = new HashSet<>();
			effect.routineNames().forEach(name -> routineNames.add(name.toLowerCase(Locale.ROOT)));
			if (routineNames.stream().anyMatch(name -> name.contains("("))) {
				routineNames.clear();
			}
			Set<String> named = new HashSet<>();
			effect.relations().forEach(name -> named.add(name.toLowerCase(Locale.ROOT)));
			Set<String> previousTables = lowerCaseNames(schema.path("tables"));
			Set<String> previousViews = lowerCaseNames(schema.path("views"));
			Set<String> stillTables = new HashSet<>();
			Set<String> stillViews = new HashSet<>();
			for (String relation : relations) {
				if (!named.contains(relation) && previousTables.contains(relation) != previousViews.contains(relation)) {
					(previousTables.contains(relation) ? stillTables : stillViews).add(relation);
				}
			}
			return new Scope(Set.copyOf(relations), Set.copyOf(spellings), effect.routines(), Set.copyOf(routineNames),
					Set.copyOf(stillTables), Set.copyOf(stillViews), database, steps(schema, relations, effect),
					keptTriggers(schema, effect));
		}

		/**
		 * The tables of {@code schema}, whose triggers stay as they are, when {@code effect}'s statements are all of
		 * kinds that keep them ({@link #KEEPING_TRIGGERS}) and none renames; else empty.
		 */
		private static Optional<JsonNode> keptTriggers(JsonNode schema, MySqlStatements.Effect effect) {
			if (!KEEPING_TRIGGERS.containsAll(effect.counters().keySet()) || effect.words().contains("RENAME")) {
				return Optional.empty();
			}
			return Optional.of(schema.path("tables"));
		}

		private static Set<String> lowerCaseNames(JsonNode section) {
			Set<String> names = new HashSet<>();
			section.fieldNames().forEachRemaining(name -> names.add(name.toLowerCase(Locale.ROOT)));
			return names;
		}

		/**
		 * The kinds of table parts read again: foreign keys, checks and triggers only where a table read again had
		 * some before, or a statement could have made some. A table gets checks only from a statement that says
		 * {@code CHECK} or {@code JSON} (MariaDB checks a JSON column with {@code json_valid}) or copies another's
		 * ({@code LIKE}, or {@code CREATE TABLE … SELECT}, which copies its columns' JSON checks), foreign keys from
		 * one that says {@code REFERENCES} (or {@code LIKE}), triggers from {@code CREATE TRIGGER}; a renamed table
		 * keeps its own, which its old name had. Each kind spared is a catalog query spared, which costs about as much
		 * whether it finds rows or not.
		 */
		private static Set<String> steps(JsonNode schema, Set<String> relations, MySqlStatements.Effect effect) {
			Set<String> steps = new HashSet<>();
			boolean like = effect.words().contains("LIKE");
			if (like || effect.words().contains("REFERENCES")) {
				steps.add("foreignKeys");
			}
			// MariaDB gives every JSON column a check of its own, json_valid(column), which CREATE TABLE … SELECT copies.
			boolean copiesColumns = effect.counters().containsKey("COM_CREATE_TABLE") && effect.words().contains("SELECT");
			if (like || copiesColumns || effect.words().contains("CHECK") || effect.words().contains("JSON")) {
				steps.add("checks");
			}
			if (effect.counters().containsKey("COM_CREATE_TRIGGER")) {
				steps.add("triggers");
			}
			schema.path("tables").properties().forEach(table -> {
				if (relations.contains(table.getKey().toLowerCase(Locale.ROOT))) {
					for (String collection : List.of("foreignKeys", "checks", "triggers")) {
						if (!table.getValue().path(collection).isEmpty()) {
							steps.add(collection);
						}
					}
				}
			});
			return Set.copyOf(steps);
		}
	}

	/** MariaDB's partial reads read again what the statements name. */
	@Override
	public boolean readsChangesByStatements() {
		return true;
	}

	/**
	 * A {@code PREPARE name FROM @variable} as {@code PREPARE name FROM '<the variable's text>'}, read on
	 * {@code session} (see {@link MySqlStatements#prepareFromVariable}), so that the {@code EXECUTE} that follows is
	 * known; any other statement, or one whose variable cannot be read, as it is.
	 */
	@Override
	public String statementTold(Connection session, String sql) {
		return MySqlStatements.prepareFromVariable(sql).map(variable -> {
			try {
				List<String[]> value = Rows.of(session, "SELECT @" + variable.variable());
				String text = value.isEmpty() ? null : value.get(0)[0];
				return text == null ? sql : "PREPARE " + variable.name() + " FROM '" + text.replace("'", "''") + "'";
			}
			catch (SQLException e) {
				// Told as it is, the statement is one MySqlStatements does not know: the next read is a full one.
				return sql;
			}
		}).orElse(sql);
	}

	/** A MariaDB mark is given only while no other session runs a statement: not beside other reads. */
	@Override
	public boolean marksBesideOtherReads() {
		return false;
	}

	/** What a mark compares, when one can be given now (see {@link #readMarked}). */
	private static Optional<String> markState(Connection connection) throws SQLException {
		if (!connection.getAutoCommit() || !connection.getMetaData().getDatabaseProductVersion().contains("MariaDB")) {
			return Optional.empty();
		}
		Map<String, String> values = statusWhenAlone(connection);
		if (values.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder state = new StringBuilder();
		state.append("start=").append(Long.parseLong(values.get("NOW")) - Long.parseLong(values.get("UPTIME")))
			.append(";settings=").append(values.get("SETTINGS"))
			.append(";rendering=").append(values.get("RENDERING"));
		new TreeMap<>(values).forEach((name, value) -> {
			if (name.startsWith("COM_") && !UNCOUNTED.contains(name) && !name.startsWith("COM_SHOW_")) {
				state.append(';').append(name).append('=').append(value);
			}
		});
		List<String[]> checksums;
		try {
			checksums = Rows.of(connection, "CHECKSUM TABLE mysql.proc, mysql.procs_priv, mysql.event");
		}
		catch (SQLException notReadable) {
			return Optional.empty();
		}
		for (String[] row : checksums) {
			if (row[1] == null) {
				return Optional.empty();
			}
			state.append(';').append(row[0]).append('=').append(row[1]);
		}
		return Optional.of(state.toString());
	}

	/**
	 * The statement counters that are not zero, settings and start time, read while this session is the only one
	 * running a statement; empty when another one still runs after {@value #ALONE_ATTEMPTS} tries. A session a client
	 * has just closed still counts as running until the server has ended it, a moment after the client goes on (a round
	 * trip's migration connection, whose last statement's end the server is still recording): looking again at once,
	 * then after short waits, spares a read that a single look would give up.
	 */
	private static Map<String, String> statusWhenAlone(Connection connection) throws SQLException {
		for (int attempt = 1; attempt <= ALONE_ATTEMPTS; attempt++) {
			Map<String, String> values = new HashMap<>();
			for (String[] row : Rows.of(connection, MARK_STATUS)) {
				values.put(row[0].toUpperCase(Locale.ROOT), row[1]);
				values.put("NOW", row[2]);
				values.put("SETTINGS", row[3]);
				values.put("RENDERING", row[4]);
			}
			if ("1".equals(values.get("THREADS_RUNNING"))) {
				return values;
			}
			if (attempt > 1) {
				// The first look again, itself as long as the ending usually takes, most often finds the session gone.
				LockSupport.parkNanos(ALONE_PAUSE_MICROS * 1_000);
			}
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
		}
		return Map.of();
	}

	@Override
	public void limitStatementTime(Connection connection, Duration limit) throws SQLException {
		boolean mariadb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
		// MariaDB counts seconds for every statement; MySQL counts milliseconds for SELECTs, which is all a capture runs.
		execute(connection, mariadb ? "SET SESSION max_statement_time = " + limit.toMillis() / 1000.0
				: "SET SESSION max_execution_time = " + limit.toMillis());
	}

	@FunctionalInterface
	private interface CatalogQuery {
		void run() throws SQLException;
	}

	/** One read: the connection, the schemas and the tree built so far. */
	private static final class Reading {

		private final Connection connection;
		private final Consumer<String> progress;
		private final boolean mariadb;
		private final String current;
		/** The server-wide settings, as {@link #readSettings} writes them, read with the version. */
		private final String[] serverSettings;
		/** Views and sequences by schema and name, as the listing of {@link #readTables} found them. */
		private final Set<List<String>> listedViews = new LinkedHashSet<>();
		private final Set<List<String>> listedSequences = new LinkedHashSet<>();
		/** The tables {@code CREATE_OPTIONS} says are partitioned: the only ones {@code PARTITIONS} has rows for. */
		private final Set<List<String>> partitioned = new LinkedHashSet<>();
		/** Foreign key names by schema, table and name, which an index of the same name was made for. */
		private final Set<List<String>> foreignKeyNames = new HashSet<>();
		/** Real schema name to its key in the snapshot, in the order read. */
		private final Map<String, String> keys = new LinkedHashMap<>();
		private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
		private final Map<List<String>, ObjectNode> tables = new LinkedHashMap<>();
		private final Map<List<String>, ObjectNode> views = new LinkedHashMap<>();
		/** Routines by schema, {@code ROUTINE_TYPE} and lower-case name (names compare without case). */
		private final Map<List<String>, Routine> routines = new HashMap<>();
		private final Map<List<String>, String> tableCollations = new HashMap<>();
		/** Keyed entries per table and collection, named after their structure once all are known. */
		private final Map<List<String>, List<Keyed>> keyed = new LinkedHashMap<>();
		private final ObjectNode root = CanonicalJson.object();
		/** What a partial read reads; empty for a full read. */
		private final Optional<Scope> scope;
		/** The renderings a partial read recognises relations by, where they can be used. */
		private final Optional<Rendering> rendering;
		/** What a partial read found of its relations before reading them, once it has looked (see {@link #listRelations}). */
		private Optional<Listing> listing = Optional.empty();
		/** The lower-case names of the relations the listing recognised. */
		private final Set<String> recognised = new HashSet<>();

		Reading(Connection connection, CaptureOptions options, Optional<Scope> scope, Optional<Rendering> rendering)
				throws SQLException {
			this.connection = connection;
			this.scope = scope;
			this.rendering = rendering;
			this.progress = options.progress();
			if (scope.isPresent()) {
				// A partial read takes the engine and the settings from the snapshot it completes, whose mark proved
				// them unchanged: only MariaDB gives marks.
				this.mariadb = true;
				this.current = scope.get().database();
				this.serverSettings = new String[0];
				keys.put(current, CURRENT_SCHEMA);
				return;
			}
			// The settings come with the version: one round trip fewer per read.
			String[] server = single("SELECT VERSION(), DATABASE(), @@character_set_database, @@collation_database, "
					+ "@@GLOBAL.sql_mode, @@lower_case_table_names, @@GLOBAL.time_zone, "
					+ "@@GLOBAL.explicit_defaults_for_timestamp");
			this.mariadb = server[0].contains("MariaDB");
			this.current = server[1];
			this.serverSettings = Arrays.copyOfRange(server, 2, server.length);
			List<String> names = options.schemas().isEmpty() && current != null ? List.of(current) : options.schemas();
			if (names.isEmpty()) {
				throw new IllegalArgumentException("The connection has no current database and no schema was named: "
						+ "connect to a database (e.g. jdbc:mariadb://host/shop) or name one with "
						+ "new CaptureOptions(List.of(\"shop\")).");
			}
			for (String name : names) {
				keys.put(name, name.equals(current) ? CURRENT_SCHEMA : name);
			}
			root.put("format", SchemaSnapshot.FORMAT);
			root.set("engine", engine(server[0]));
		}

		private void step(String kind, CatalogQuery query) throws SQLException {
			query.run();
			progress.accept(kind);
		}

		/**
		 * The snapshot; for a partial read, one with only the tables, views and routines of its scope, and none of the
		 * settings, schema options, sequences and events, which a partial read takes from the previous snapshot.
		 */
		ObjectNode tree() throws SQLException {
			if (scope.isPresent()) {
				names().forEach(name -> schemas.put(name, schemaNode()));
				// One query reads every kind, after the relations' listing: they are told before both, after the mark,
				// so that a caller who reads rows on another session once the mark is taken (marksBesideOtherReads)
				// reads them beside the listing and the query.
				progress.accept("tables");
				readScoped();
				step("partitions", this::readPartitions);
				step("grants", this::readRoutineGrants);
				return built();
			}
			step("settings", this::readSettings);
			step("schemas", this::readSchemata);
			step("tables", this::readTables);
			step("columns", this::readColumns);
			step("partitions", this::readPartitions);
			// Foreign keys first: an index named after its foreign key has a generated name.
			step("foreign keys", this::readForeignKeys);
			step("indexes", this::readIndexes);
			step("checks", this::readChecks);
			step("views", this::readViews);
			step("triggers", this::readTriggers);
			step("routines", this::readRoutines);
			step("sequences", this::readSequences);
			step("events", this::readEvents);
			step("grants", this::readGrants);
			return built();
		}

		/** What the partial read found of its relations before reading them, once it has, where it looked. */
		Optional<Listing> listing() {
			return listing;
		}

		/** The tree, once every kind has been read. */
		private ObjectNode built() {
			nameKeyedEntries();
			ObjectNode schemaNodes = root.putObject("schemas");
			schemas.forEach((name, node) -> schemaNodes.set(keys.get(name), node));
			return root;
		}

		private ObjectNode engine(String version) {
			ObjectNode engine = CanonicalJson.object();
			engine.put("name", mariadb ? "mariadb" : "mysql");
			Matcher matcher = VERSION.matcher(version);
			if (matcher.find()) {
				engine.put("version", matcher.group());
				engine.put("major", matcher.group(1) + "." + matcher.group(2));
			}
			else {
				engine.put("version", version);
			}
			return engine;
		}

		/**
		 * Server-wide settings are read from the {@code GLOBAL} scope: drivers change their own session (Connector/J
		 * adds {@code STRICT_TRANS_TABLES} to {@code sql_mode}), which says nothing about the server.
		 */
		private void readSettings() {
			String[] values = serverSettings;
			ObjectNode settings = root.putObject("settings");
			if (current != null) {
				settings.put("character_set_database", values[0]);
				settings.put("collation_database", values[1]);
			}
			settings.put("sql_mode", Arrays.stream(values[2].split(",")).filter(mode -> !mode.isBlank()).sorted()
				.collect(Collectors.joining(",")));
			settings.put("lower_case_table_names", values[3]);
			settings.put("time_zone", values[4]);
			settings.put("explicit_defaults_for_timestamp", onOff(values[5]));
		}

		/**
		 * The current database's character set and collation are settings; other databases carry theirs on the schema.
		 * Database comments are not read: dbparity marks the databases it creates with one.
		 */
		private void readSchemata() throws SQLException {
			for (String[] row : rows("SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
					+ "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN " + in(), names())) {
				ObjectNode schema = schemaNode();
				if (!row[0].equals(current)) {
					schema.put("charset", row[1]);
					schema.put("collation", row[2]);
				}
				schemas.put(row[0], schema);
			}
			List<String> missing = names().stream().filter(name -> !schemas.containsKey(name)).toList();
			if (!missing.isEmpty()) {
				throw new UnknownSchemaException("database", missing, rows("SELECT SCHEMA_NAME FROM "
						+ "information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN ('information_schema', 'mysql', "
						+ "'performance_schema', 'sys') ORDER BY SCHEMA_NAME", List.of()).stream().map(row -> row[0])
					.toList());
			}
			// Keep the order the caller named, not the order the server returned.
			Map<String, ObjectNode> ordered = new LinkedHashMap<>();
			names().forEach(name -> ordered.put(name, schemas.get(name)));
			schemas.clear();
			schemas.putAll(ordered);
		}

		/** A schema's node with its sections, empty. */
		private ObjectNode schemaNode() {
			ObjectNode schema = CanonicalJson.object();
			schema.putObject("tables");
			schema.putObject("views");
			schema.putObject("routines");
			if (mariadb) {
				schema.putObject("sequences");
			}
			return schema;
		}

		/**
		 * Lists the tables, views and sequences first, by name and type, for which MariaDB reads no more than each
		 * definition file's header; the full {@code TABLES} query and those of the kinds that follow then name the
		 * tables they read (see {@link #only}), so that the server opens no view or bookkeeping table for them, which
		 * cost MariaDB as much as the tables themselves.
		 */
		private void readTables() throws SQLException {
			Set<List<String>> listed = new LinkedHashSet<>();
			for (String[] row : rows("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
					+ "WHERE TABLE_SCHEMA IN " + in(), names())) {
				List<String> id = List.of(row[0], row[1]);
				switch (row[2]) {
					case "BASE TABLE", "SYSTEM VERSIONED" -> {
						if (!HISTORY_TABLES.contains(row[1].toLowerCase(Locale.ROOT))) {
							listed.add(id);
						}
					}
					case "VIEW" -> listedViews.add(id);
					case "SEQUENCE" -> listedSequences.add(id);
					default -> {
						// System views and temporary tables are no schema objects of their own.
					}
				}
			}
			if (listed.isEmpty()) {
				return;
			}
			Condition only = only("TABLE_SCHEMA", "TABLE_NAME", listed);
			for (String[] row : rows("SELECT " + String.join(", ", TABLE_COLUMNS) + " FROM information_schema.TABLES WHERE "
					+ only.sql() + " AND TABLE_TYPE IN "
					+ "('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY TABLE_SCHEMA, TABLE_NAME", only.parameters())) {
				if (!HISTORY_TABLES.contains(row[1].toLowerCase(Locale.ROOT))) {
					addTable(row);
				}
			}
		}

		/**
		 * A partial read's tables and views with their columns, indexes, foreign keys, checks, view definitions,
		 * triggers and grants, and its routines, in one round trip: one {@code UNION ALL} of each kind's query, those of
		 * tables and views all selecting the names of the scope as the statements and the previous snapshot spell them
		 * (so MariaDB opens only those, whatever kind they turn out to be), and each row then handled as that kind's
		 * own query's row, in the order of a full read. Only the objects whose name is in the scope, compared without
		 * case, are kept. Each statement costs MariaDB about a tenth of a millisecond besides its rows, and far more
		 * on a busy machine, and a round trip makes hundreds of partial reads: together the queries cost half of what
		 * they cost apart. Unlike a full read's, the grants are read without a fallback: on MariaDB, the only engine
		 * whose reads are partial, {@code TABLE_PRIVILEGES} and {@code COLUMN_PRIVILEGES} refuse no account, they show
		 * it the grants it may see. The routines' grants follow on their own ({@link #readRoutineGrants}). The
		 * relations recognised by their rendering are only read for their triggers and grants, and their triggers not
		 * even that when the scope keeps them ({@link Scope#keptTriggers}).
		 */
		private void readScoped() throws SQLException {
			Set<String> steps = scope.get().steps();
			List<String> all = List.copyOf(scope.get().spellings());
			List<String> tableNames = scope.get().tableSpellings();
			List<String> viewNames = scope.get().viewSpellings();
			if (rendering.isPresent()) {
				listing = Optional.of(listRelations(connection, scope.get(), rendering.get().settings(),
						rendering.get().renderings()));
				listing.get().recognised().forEach((name, relation) -> {
					recognised.add(name.toLowerCase(Locale.ROOT));
					addRecognised(relation);
				});
			}
			// The relations recognised are read for their triggers and grants only; the listing has read the others'
			// rows of TABLES.
			List<String> unknownTables = unrecognised(tableNames);
			List<Branch> branches = new ArrayList<>();
			Branch tableRows = branch(branches, listing.isPresent() ? List.of() : all, TABLE_COLUMNS, "NULL", "TABLES",
					"TABLE_SCHEMA", "TABLE_NAME", "");
			Branch columnRows = branch(branches, unknownTables, columnColumns(), "ORDINAL_POSITION", "COLUMNS",
					"TABLE_SCHEMA", "TABLE_NAME", "");
			List<String> keyNames = steps.contains("foreignKeys") ? unknownTables : List.of();
			Branch ruleRows = branch(branches, keyNames, RULE_COLUMNS, "NULL", "REFERENTIAL_CONSTRAINTS",
					"CONSTRAINT_SCHEMA", "TABLE_NAME", "");
			Branch keyRows = branch(branches, keyNames, KEY_COLUMNS, "ORDINAL_POSITION", "KEY_COLUMN_USAGE",
					"TABLE_SCHEMA", "TABLE_NAME", KEY_CONDITION);
			Branch indexRows = branch(branches, unknownTables, indexColumns(), "SEQ_IN_INDEX", "STATISTICS",
					"TABLE_SCHEMA", "TABLE_NAME", "");
			Branch checkRows = branch(branches, steps.contains("checks") ? unknownTables : List.of(),
					MARIADB_CHECK_COLUMNS, "NULL", "CHECK_CONSTRAINTS", "CONSTRAINT_SCHEMA", "TABLE_NAME", "");
			Branch viewRows = branch(branches, unrecognised(viewNames), viewColumns(), "NULL", "VIEWS", "TABLE_SCHEMA",
					"TABLE_NAME", "");
			boolean triggersKept = scope.get().keptTriggers().isPresent();
			Branch triggerRows = branch(branches, steps.contains("triggers") && !triggersKept ? tableNames : List.of(),
					TRIGGER_COLUMNS, "NULL", "TRIGGERS", "EVENT_OBJECT_SCHEMA", "EVENT_OBJECT_TABLE", "");
			Branch tablePrivilegeRows = branch(branches, all, TABLE_PRIVILEGE_COLUMNS, "NULL", "TABLE_PRIVILEGES",
					"TABLE_SCHEMA", "TABLE_NAME", "");
			Branch columnPrivilegeRows = branch(branches, tableNames, COLUMN_PRIVILEGE_COLUMNS, "NULL",
					"COLUMN_PRIVILEGES", "TABLE_SCHEMA", "TABLE_NAME", "");
			Set<String> named = scope.get().routineNames();
			List<String> routineParameters = new ArrayList<>(names());
			routineParameters.addAll(named);
			Branch routineRows = scope.get().routines() ? branch(branches, ROUTINE_COLUMNS, "NULL",
					"information_schema.ROUTINES WHERE ROUTINE_SCHEMA IN " + in() + routineNamed("ROUTINE_NAME", named),
					routineParameters) : Branch.NONE;
			Branch parameterRows = scope.get().routines() ? branch(branches, PARAMETER_COLUMNS, "NULL",
					"information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA IN " + in()
							+ routineNamed("SPECIFIC_NAME", named) + " AND ORDINAL_POSITION > 0", routineParameters)
					: Branch.NONE;
			if (branches.isEmpty()) {
				return;
			}
			int width = branches.stream().mapToInt(Branch::width).max().orElseThrow();
			List<String> parameters = new ArrayList<>();
			String sql = branches.stream().map(branch -> {
				parameters.addAll(branch.parameters());
				return branch.select(width);
			}).collect(Collectors.joining(" UNION ALL "));
			Map<Integer, List<String[]>> byBranch = new HashMap<>();
			for (String[] row : rows(sql, parameters)) {
				byBranch.computeIfAbsent(Integer.parseInt(row[0]), index -> new ArrayList<>()).add(row);
			}
			for (String[] row : listing.map(Listing::rows).orElseGet(() -> tableRows.rows(byBranch))) {
				if (!scope.get().relations().contains(row[1].toLowerCase(Locale.ROOT))
						|| recognised.contains(row[1].toLowerCase(Locale.ROOT))) {
					continue;
				}
				switch (row[2]) {
					case "BASE TABLE", "SYSTEM VERSIONED" -> {
						if (!HISTORY_TABLES.contains(row[1].toLowerCase(Locale.ROOT))) {
							addTable(row);
						}
					}
					case "VIEW" -> listedViews.add(List.of(row[0], row[1]));
					case "SEQUENCE" -> listedSequences.add(List.of(row[0], row[1]));
					default -> {
						// System views and temporary tables are no schema objects of their own.
					}
				}
			}
			addColumns(columnRows.rows(byBranch));
			addForeignKeys(ruleRows.rows(byBranch), keyRows.rows(byBranch));
			addIndexes(indexRows.rows(byBranch));
			addChecks(checkRows.rows(byBranch));
			addViews(viewRows.rows(byBranch).stream().filter(row -> listedViews.contains(List.of(row[0], row[1])))
				.toList());
			addTriggers(triggerRows.rows(byBranch));
			if (triggersKept) {
				keepTriggers(scope.get().keptTriggers().get());
			}
			addRoutines(routineRows.rows(byBranch), parameterRows.rows(byBranch));
			tablePrivilegeRows.rows(byBranch).forEach(this::addTablePrivilege);
			columnPrivilegeRows.rows(byBranch).forEach(this::addColumnPrivilege);
		}

		/**
		 * Gives each table read the triggers it had among {@code previousTables}, the previous snapshot's; those of a
		 * table they lack, which the scope's statements cannot have created, are read.
		 */
		private void keepTriggers(JsonNode previousTables) throws SQLException {
			List<List<String>> unknown = new ArrayList<>();
			tables.forEach((id, table) -> {
				JsonNode triggers = previousTables.path(id.get(1)).path("triggers");
				if (triggers.isMissingNode()) {
					unknown.add(id);
				}
				else {
					table.set("triggers", triggers.deepCopy());
				}
			});
			if (!unknown.isEmpty()) {
				Condition only = only("EVENT_OBJECT_SCHEMA", "EVENT_OBJECT_TABLE", unknown);
				addTriggers(rows("SELECT " + String.join(", ", TRIGGER_COLUMNS) + " FROM information_schema.TRIGGERS "
						+ "WHERE " + only.sql(), only.parameters()));
			}
		}

		/**
		 * {@code spellings} but those of relations the partial read takes as their renderings recognised them, in any
		 * case: the catalog queries would find them by any.
		 */
		private List<String> unrecognised(List<String> spellings) {
			return spellings.stream().filter(spelling -> !recognised.contains(spelling.toLowerCase(Locale.ROOT)))
				.toList();
		}

		/** Adds a relation as its rendering recognised it: its triggers and grants are added as they are read. */
		private void addRecognised(Recognised relation) {
			schemas.get(current).withObjectProperty(relation.section()).set(relation.name(), relation.node());
			(relation.section().equals("tables") ? tables : views).put(List.of(current, relation.name()),
					relation.node());
		}

		/**
		 * Adds to {@code branches} the query of {@code columns} of {@code information_schema.<view>} for the relations
		 * {@code named} (none: no query), ordered within each object by {@code order} (a column, or {@code NULL}),
		 * with {@code more} conditions.
		 */
		private Branch branch(List<Branch> branches, List<String> named, List<String> columns, String order,
				String view, String schemaColumn, String nameColumn, String more) {
			if (named.isEmpty()) {
				return Branch.NONE;
			}
			Condition only = only(schemaColumn, nameColumn, named.stream().map(name -> List.of(current, name)).toList());
			return branch(branches, columns, order, "information_schema." + view + " WHERE " + only.sql() + more,
					only.parameters());
		}

		/** Adds to {@code branches} the query of {@code columns} {@code from} a view and condition. */
		private static Branch branch(List<Branch> branches, List<String> columns, String order, String from,
				List<String> parameters) {
			Branch branch = new Branch(branches.size(), columns, order, from, parameters);
			branches.add(branch);
			return branch;
		}

		/**
		 * A table's node from its row of {@code TABLES} (schema, name, type, engine, collation, comment, create
		 * options), with its collections empty.
		 */
		private void addTable(String[] row) {
			ObjectNode table = schemas.get(row[0]).withObjectProperty("tables").putObject(row[1]);
			table.put("kind", "table");
			if (row[2].equals("SYSTEM VERSIONED")) {
				table.put("systemVersioned", true);
			}
			putIfPresent(table, "engine", row[3]);
			if (row[4] != null) {
				table.put("collation", row[4]);
				table.put("charset", charsetOf(row[4]));
			}
			putIfPresent(table, "comment", row[5]);
			ObjectNode storage = storage(row[6]);
			if (!storage.isEmpty()) {
				table.set("storage", storage);
			}
			TABLE_COLLECTIONS.forEach(table::putObject);
			tables.put(List.of(row[0], row[1]), table);
			tableCollations.put(List.of(row[0], row[1]), row[4]);
			if (row[6] != null && Arrays.stream(WHITESPACE.split(row[6].trim()))
				.anyMatch(option -> option.equalsIgnoreCase("partitioned"))) {
				partitioned.add(List.of(row[0], row[1]));
			}
		}

		private void readColumns() throws SQLException {
			if (tables.isEmpty()) {
				return;
			}
			Condition only = only("TABLE_SCHEMA", "TABLE_NAME", tables.keySet());
			addColumns(rows("SELECT " + String.join(", ", columnColumns()) + " FROM information_schema.COLUMNS WHERE "
					+ only.sql() + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION", only.parameters()));
		}

		/** The columns of {@code COLUMNS} that {@link #addColumns} reads. */
		private List<String> columnColumns() {
			// MySQL 8 has the spatial reference system of a geometry column in SRS_ID; MariaDB has no such column.
			List<String> columns = new ArrayList<>(COLUMN_COLUMNS);
			columns.add(mariadb ? "NULL" : "SRS_ID");
			return columns;
		}

		/** Adds the columns of {@code rows} (of {@link #columnColumns}, in order within each table) to their tables. */
		private void addColumns(List<String[]> rows) {
			for (String[] row : rows) {
				List<String> tableId = List.of(row[0], row[1]);
				ObjectNode table = tables.get(tableId);
				if (table == null) {
					continue;
				}
				ObjectNode column = table.withObjectProperty("columns").putObject(row[2]);
				boolean nullable = row[5].equals("YES");
				String extra = row[9] == null ? "" : row[9];
				column.put("position", Integer.parseInt(row[3]));
				column.put("type", normaliseType(row[7]));
				column.put("nullable", nullable);
				Matcher generated = GENERATED.matcher(extra);
				if (generated.find()) {
					ObjectNode expression = column.putObject("generated");
					expression.put("expression", normaliseExpression(row[10]));
					expression.put("stored", !generated.group(1).equalsIgnoreCase("virtual"));
				}
				else {
					normaliseDefault(row[4], row[6], extra, mariadb).ifPresent(value -> column.put("default", value));
				}
				if (extra.toLowerCase(Locale.ROOT).contains("auto_increment")) {
					column.put("autoIncrement", true);
				}
				Matcher onUpdate = ON_UPDATE.matcher(extra);
				if (onUpdate.find()) {
					column.put("onUpdate", normaliseNow(onUpdate.group(1)));
				}
				if (INVISIBLE.matcher(extra).find()) {
					column.put("invisible", true);
				}
				if (WITHOUT_VERSIONING.matcher(extra).find()) {
					// A column of a system-versioned table whose changes make no history rows.
					column.put("systemVersioned", false);
				}
				if (row[12] != null) {
					column.put("srid", Long.parseLong(row[12]));
				}
				if (row[8] != null && !row[8].equals(tableCollations.get(tableId))) {
					column.put("collation", row[8]);
				}
				putIfPresent(column, "comment", row[11]);
			}
		}

		/**
		 * Only the tables whose {@code CREATE_OPTIONS} say {@code partitioned} have partitions, as both engines document:
		 * without such a table the query is not run, since {@code PARTITIONS} opens every table it lists.
		 */
		private void readPartitions() throws SQLException {
			if (partitioned.isEmpty()) {
				return;
			}
			Condition only = only("TABLE_SCHEMA", "TABLE_NAME", partitioned);
			for (String[] row : rows("SELECT TABLE_SCHEMA, TABLE_NAME, PARTITION_NAME, PARTITION_METHOD, "
					+ "PARTITION_EXPRESSION, PARTITION_DESCRIPTION, PARTITION_COMMENT, SUBPARTITION_NAME, "
					+ "SUBPARTITION_METHOD, SUBPARTITION_EXPRESSION, PARTITION_ORDINAL_POSITION "
					+ "FROM information_schema.PARTITIONS WHERE " + only.sql() + " AND PARTITION_NAME IS NOT NULL "
					+ "ORDER BY TABLE_SCHEMA, TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION",
					only.parameters())) {
				ObjectNode table = tables.get(List.of(row[0], row[1]));
				if (table == null) {
					continue;
				}
				ObjectNode partitioning = table.withObjectProperty("partitioning");
				partitioning.put("strategy", row[3].toLowerCase(Locale.ROOT));
				putIfPresent(partitioning, "key", normaliseExpression(row[4]));
				if (row[8] != null) {
					ObjectNode sub = partitioning.withObjectProperty("subpartitioning");
					sub.put("strategy", row[8].toLowerCase(Locale.ROOT));
					putIfPresent(sub, "key", normaliseExpression(row[9]));
				}
				ObjectNode partition = partitioning.withObjectProperty("partitions").withObjectProperty(row[2]);
				partition.put("position", Integer.parseInt(row[10]));
				putIfPresent(partition, "values", row[5]);
				putIfPresent(partition, "comment", row[6]);
				if (row[7] != null) {
					partition.withArrayProperty("subpartitions").add(row[7]);
				}
			}
		}

		/**
		 * Every unique index is a unique constraint and {@code PRIMARY} the primary key; the rest are indexes. Names the
		 * engine generated for an index (its first column's, or its foreign key's) are not written.
		 */
		private void readIndexes() throws SQLException {
			if (tables.isEmpty()) {
				return;
			}
			Condition only = only("TABLE_SCHEMA", "TABLE_NAME", tables.keySet());
			addIndexes(rows("SELECT " + String.join(", ", indexColumns()) + " FROM information_schema.STATISTICS "
					+ "WHERE " + only.sql() + " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
					only.parameters()));
		}

		/** The columns of {@code STATISTICS} that {@link #addIndexes} reads. */
		private List<String> indexColumns() {
			List<String> columns = new ArrayList<>(INDEX_COLUMNS);
			columns.addAll(mariadb ? List.of("NULL", "IGNORED") : List.of("EXPRESSION", "IS_VISIBLE = 'NO'"));
			return columns;
		}

		/**
		 * Adds the indexes, unique constraints and primary keys of {@code rows} (of {@link #indexColumns}, each index's
		 * in key part order) to their tables.
		 */
		private void addIndexes(List<String[]> rows) {
			Map<List<String>, Index> indexes = new LinkedHashMap<>();
			for (String[] row : rows) {
				if (!tables.containsKey(List.of(row[0], row[1]))) {
					continue;
				}
				Index index = indexes.computeIfAbsent(List.of(row[0], row[1], row[2]),
						id -> new Index(row[2], row[3].equals("0"), row[7].toLowerCase(Locale.ROOT), row[8],
								isTrue(row[10]), new ArrayList<>(), new ArrayList<>()));
				String part = row[4] != null ? row[4] : "(" + normaliseExpression(row[9]) + ")";
				index.firstColumns().add(row[4] == null ? "" : row[4]);
				index.columns().add(part + (row[6] == null ? "" : "(" + row[6] + ")") + ("D".equals(row[5]) ? " DESC" : ""));
			}
			indexes.forEach((id, index) -> {
				List<String> tableId = id.subList(0, 2);
				ObjectNode table = tables.get(tableId);
				ArrayNode columns = CanonicalJson.array();
				index.columns().forEach(columns::add);
				if (index.name().equals("PRIMARY")) {
					table.putObject("primaryKey").set("columns", columns);
					return;
				}
				ObjectNode node = CanonicalJson.object();
				boolean generatedName = generatedIndexName(index.name(), index.firstColumns().get(0))
						|| foreignKeyNames.contains(id);
				if (!generatedName) {
					node.put("name", index.name());
				}
				node.set("columns", columns);
				putIfPresent(node, "comment", index.comment());
				if (index.invisible()) {
					node.put("invisible", true);
				}
				String list = "(" + String.join(", ", index.columns()) + ")";
				if (index.unique()) {
					if (!index.method().equals("btree")) {
						node.put("method", index.method());
					}
					add(tableId, "uniqueConstraints", list, index.name(), node);
				}
				else {
					node.put("unique", false);
					node.put("method", index.method());
					add(tableId, "indexes", index.method() + " " + list, index.name(), node);
				}
			});
		}

		/**
		 * InnoDB treats {@code NO ACTION} as {@code RESTRICT}: both are written {@code RESTRICT}.
		 *
		 * <p>The keys' columns and their rules are two queries joined here: joined on the server, MariaDB fills
		 * {@code REFERENTIAL_CONSTRAINTS} again for every row of {@code KEY_COLUMN_USAGE}, five times the cost of both.
		 */
		private void readForeignKeys() throws SQLException {
			if (tables.isEmpty()) {
				return;
			}
			Condition constraints = only("CONSTRAINT_SCHEMA", "TABLE_NAME", tables.keySet());
			List<String[]> ruleRows = rows("SELECT " + String.join(", ", RULE_COLUMNS) + " FROM "
					+ "information_schema.REFERENTIAL_CONSTRAINTS WHERE " + constraints.sql(), constraints.parameters());
			Condition only = only("TABLE_SCHEMA", "TABLE_NAME", tables.keySet());
			addForeignKeys(ruleRows, rows("SELECT " + String.join(", ", KEY_COLUMNS) + " FROM "
					+ "information_schema.KEY_COLUMN_USAGE WHERE " + only.sql() + KEY_CONDITION
					+ " ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", only.parameters()));
		}

		/**
		 * Adds the foreign keys of {@code keyRows} (of {@link #KEY_COLUMNS}, each key's in column order) with their rules
		 * from {@code ruleRows} (of {@link #RULE_COLUMNS}) to their tables.
		 */
		private void addForeignKeys(List<String[]> ruleRows, List<String[]> keyRows) {
			Map<List<String>, String[]> rules = new HashMap<>();
			for (String[] row : ruleRows) {
				rules.put(List.of(row[0], row[1], row[2]), new String[] {row[3], row[4]});
			}
			Map<List<String>, ForeignKey> foreignKeys = new LinkedHashMap<>();
			for (String[] row : keyRows) {
				List<String> id = List.of(row[0], row[1], row[2]);
				String[] rule = rules.get(id);
				if (rule == null || !tables.containsKey(List.of(row[0], row[1]))) {
					continue;
				}
				foreignKeyNames.add(id);
				ForeignKey key = foreignKeys.computeIfAbsent(id, ignored -> new ForeignKey(row[2], schemaKey(row[4]),
						row[5], rule(rule[0]), rule(rule[1]), new ArrayList<>(), new ArrayList<>()));
				key.columns().add(row[3]);
				key.referenced().add(row[6]);
			}
			foreignKeys.forEach((id, key) -> {
				ObjectNode node = CanonicalJson.object();
				if (!key.name().matches(Pattern.quote(id.get(1)) + "_ibfk_\\d+")) {
					node.put("name", key.name());
				}
				node.set("columns", array(key.columns()));
				ObjectNode references = node.putObject("references");
				references.put("schema", key.schema());
				references.put("table", key.table());
				references.set("columns", array(key.referenced()));
				node.put("onDelete", key.onDelete());
				node.put("onUpdate", key.onUpdate());
				String structure = "(" + String.join(", ", key.columns()) + ") -> " + key.schema() + "." + key.table()
						+ "(" + String.join(", ", key.referenced()) + ")";
				add(id.subList(0, 2), "foreignKeys", structure, key.name(), node);
			});
		}

		/**
		 * MariaDB names a table check {@code CONSTRAINT_<n>} and a column check after its column, MySQL
		 * {@code <table>_chk_<n>}: such names depend on how and in which order the checks were written, so they are
		 * not written.
		 */
		private void readChecks() throws SQLException {
			if (tables.isEmpty()) {
				return;
			}
			Condition only = mariadb ? only("CONSTRAINT_SCHEMA", "TABLE_NAME", tables.keySet())
					: only("t.TABLE_SCHEMA", "t.TABLE_NAME", tables.keySet());
			String sql = mariadb
					? "SELECT " + String.join(", ", MARIADB_CHECK_COLUMNS) + " FROM information_schema.CHECK_CONSTRAINTS "
							+ "WHERE " + only.sql()
					: "SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.CONSTRAINT_NAME, 'Table', c.CHECK_CLAUSE, t.ENFORCED "
							+ "FROM information_schema.TABLE_CONSTRAINTS t JOIN information_schema.CHECK_CONSTRAINTS c "
							+ "ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME "
							+ "WHERE t.CONSTRAINT_TYPE = 'CHECK' AND " + only.sql();
			addChecks(rows(sql, only.parameters()));
		}

		/** Adds the checks of {@code rows} (schema, table, name, level, clause, enforced) to their tables. */
		private void addChecks(List<String[]> rows) {
			for (String[] row : rows) {
				List<String> tableId = List.of(row[0], row[1]);
				if (!tables.containsKey(tableId)) {
					continue;
				}
				ObjectNode node = CanonicalJson.object();
				boolean generatedName = mariadb
						? row[3].equals("Column") || MARIADB_CHECK_NAME.matcher(row[2]).matches()
						: row[2].matches(Pattern.quote(row[1]) + "_chk_\\d+");
				if (!generatedName) {
					node.put("name", row[2]);
				}
				if (!"YES".equals(row[5])) {
					node.put("enforced", false);
				}
				add(tableId, "checks", CheckClause.withoutRepeatedTerms(normaliseExpression(row[4])), row[2], node);
			}
		}

		private void readViews() throws SQLException {
			if (listedViews.isEmpty()) {
				return;
			}
			Condition only = only("TABLE_SCHEMA", "TABLE_NAME", listedViews);
			addViews(rows("SELECT " + String.join(", ", viewColumns()) + " FROM information_schema.VIEWS WHERE "
					+ only.sql() + " ORDER BY TABLE_SCHEMA, TABLE_NAME", only.parameters()));
		}

		/** The columns of {@code VIEWS} that {@link #addViews} reads. */
		private List<String> viewColumns() {
			List<String> columns = new ArrayList<>(VIEW_COLUMNS);
			columns.add(mariadb ? "ALGORITHM" : "NULL");
			return columns;
		}

		/** Adds the views of {@code rows} (of {@link #viewColumns}) to their schemas. */
		private void addViews(List<String[]> rows) {
			for (String[] row : rows) {
				ObjectNode view = schemas.get(row[0]).withObjectProperty("views").putObject(row[1]);
				view.put("materialized", false);
				putIfPresent(view, "definition", normaliseExpression(withoutQualifiers(row[2], row[0])));
				if (row[3] != null && !row[3].equals("NONE")) {
					view.put("checkOption", row[3]);
				}
				putIfPresent(view, "securityType", row[4]);
				putIfPresent(view, "algorithm", row[5]);
				views.put(List.of(row[0], row[1]), view);
			}
		}

		/**
		 * Triggers by their table's schema, which is always their own: MariaDB looks up that column, not
		 * {@code TRIGGER_SCHEMA}, and reads no other database's triggers.
		 */
		private void readTriggers() throws SQLException {
			if (tables.isEmpty()) {
				return;
			}
			Condition only = only("EVENT_OBJECT_SCHEMA", "EVENT_OBJECT_TABLE", tables.keySet());
			addTriggers(rows("SELECT " + String.join(", ", TRIGGER_COLUMNS) + " FROM information_schema.TRIGGERS WHERE "
					+ only.sql(), only.parameters()));
		}

		/** Adds the triggers of {@code rows} (of {@link #TRIGGER_COLUMNS}) to their tables. */
		private void addTriggers(List<String[]> rows) {
			for (String[] row : rows) {
				ObjectNode table = tables.get(List.of(row[0], row[1]));
				if (table == null) {
					continue;
				}
				ObjectNode trigger = table.withObjectProperty("triggers").putObject(row[2]);
				trigger.put("definition", normaliseExpression("CREATE TRIGGER " + row[2] + " " + row[3] + " " + row[4]
						+ " ON " + row[1] + " FOR EACH " + row[5] + " " + withoutQualifiers(row[6], row[0])));
				trigger.put("order", Integer.parseInt(row[7]));
			}
		}

		/**
		 * Routines, then their parameters when there are any. {@code PARAMETERS} is read without {@code ORDER BY}: MariaDB
		 * then looks the schema up in {@code mysql.proc}, where sorting makes it parse every routine of the server.
		 */
		private void readRoutines() throws SQLException {
			List<String[]> routineRows = rows("SELECT " + String.join(", ", ROUTINE_COLUMNS)
					+ " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA IN " + in(), names());
			if (routineRows.isEmpty()) {
				return;
			}
			addRoutines(routineRows, rows("SELECT " + String.join(", ", PARAMETER_COLUMNS) + " FROM "
					+ "information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA IN " + in() + " AND ORDINAL_POSITION > 0",
					names()));
		}

		/**
		 * Adds the routines of {@code routineRows} (of {@link #ROUTINE_COLUMNS}) with their parameters from
		 * {@code parameterRows} (of {@link #PARAMETER_COLUMNS}, in any order) to their schemas.
		 */
		private void addRoutines(List<String[]> routineRows, List<String[]> parameterRows) {
			Map<List<String>, List<String[]>> parametersOf = new HashMap<>();
			for (String[] row : parameterRows) {
				parametersOf.computeIfAbsent(List.of(row[0], row[1], row[2]), id -> new ArrayList<>()).add(row);
			}
			parametersOf.values().forEach(list -> list.sort(Comparator.comparingInt(row -> Integer.parseInt(row[6]))));
			Map<String[], String> keys = new IdentityHashMap<>();
			Set<List<String>> functionKeys = new HashSet<>();
			for (String[] row : routineRows) {
				List<String> types = new ArrayList<>();
				for (String[] parameter : parametersOf.getOrDefault(List.of(row[0], row[1], row[2]), List.of())) {
					types.add(normaliseType(parameter[5]));
				}
				String key = row[3] + "(" + String.join(", ", types) + ")";
				keys.put(row, key);
				if (row[1].equals("FUNCTION")) {
					functionKeys.add(List.of(row[0], key));
				}
			}
			for (String[] row : routineRows) {
				boolean function = row[1].equals("FUNCTION");
				List<String> arguments = new ArrayList<>();
				for (String[] parameter : parametersOf.getOrDefault(List.of(row[0], row[1], row[2]), List.of())) {
					// Function parameters are always IN, and a function's signature cannot say otherwise.
					String mode = function || parameter[3] == null ? "" : parameter[3] + " ";
					arguments.add(mode + parameter[4] + " " + normaliseType(parameter[5]));
				}
				// Procedures and functions have names of their own here: one of each may have the same name and
				// argument types, and the procedure's key then says what it is, so that neither hides the other.
				String key = keys.get(row);
				if (!function && functionKeys.contains(List.of(row[0], key))) {
					key += " " + PROCEDURE_BESIDE_FUNCTION;
				}
				ObjectNode routine = schemas.get(row[0]).withObjectProperty("routines").putObject(key);
				routine.put("kind", row[1].toLowerCase(Locale.ROOT));
				putIfPresent(routine, "language", row[5] == null ? null : row[5].toLowerCase(Locale.ROOT));
				if (function && row[4] != null) {
					routine.put("returns", normaliseType(row[4]));
				}
				routine.put("arguments", String.join(", ", arguments));
				routine.put("deterministic", row[7].equals("YES"));
				putIfPresent(routine, "sqlDataAccess", row[8]);
				putIfPresent(routine, "securityType", row[9]);
				if (row[6] != null) {
					routine.put("bodyHash", bodyHash(row[6]));
				}
				putIfPresent(routine, "comment", row[10]);
				routines.put(List.of(row[0], row[1], row[3].toLowerCase(Locale.ROOT)), new Routine(routine, row[11]));
			}
		}

		/**
		 * The condition on {@code column} (a routine's name) that selects the routines {@code named}, and every routine
		 * whose name has a parenthesis (see {@link Scope#namesRoutine}); none when {@code named} is empty, all routines.
		 * Names compare without case, as the server compares routines' names.
		 */
		private static String routineNamed(String column, Set<String> named) {
			return named.isEmpty() ? "" : " AND (" + column + " IN " + placeholders(named.size()) + " OR " + column
					+ " LIKE '%(%')";
		}

		/** MariaDB sequences: their options live in the sequence's own one-row table. */
		private void readSequences() throws SQLException {
			if (!mariadb) {
				return;
			}
			for (List<String> sequence : listedSequences) {
				String[] row = single("SELECT start_value, increment, minimum_value, maximum_value, cache_size, "
						+ "cycle_option FROM " + quote(sequence.get(0)) + "." + quote(sequence.get(1)));
				ObjectNode node = schemas.get(sequence.get(0)).withObjectProperty("sequences").putObject(sequence.get(1));
				node.put("type", "bigint");
				node.put("start", new BigInteger(row[0]));
				node.put("increment", new BigInteger(row[1]));
				node.put("min", new BigInteger(row[2]));
				node.put("max", new BigInteger(row[3]));
				node.put("cache", new BigInteger(row[4]));
				node.put("cycle", isTrue(row[5]));
			}
		}

		/**
		 * Scheduled events, under the schema's {@code events} (written only when there are some, so that snapshots
		 * of databases without events keep their bytes).
		 *
		 * <p>An {@code EVERY} schedule without {@code STARTS} starts when it is created (or re-scheduled by
		 * {@code ALTER EVENT … ON SCHEDULE}): the engine then stores that moment as {@code STARTS}, which differs
		 * between any two databases and so is not written. It is told from an explicit {@code STARTS} by being equal
		 * to {@code CREATED} or {@code LAST_ALTERED}: both are taken from the same statement's clock, to the second.
		 * {@code STARTS} is shown in the event's time zone and {@code CREATED} in the session's, hence the
		 * conversion; a named zone without the server's time zone tables cannot be converted, and there only equal
		 * zones compare.
		 */
		private void readEvents() throws SQLException {
			String creationTime = "STARTS IN (CONVERT_TZ(CREATED, @@session.time_zone, TIME_ZONE), "
					+ "CONVERT_TZ(LAST_ALTERED, @@session.time_zone, TIME_ZONE)) OR TIME_ZONE = @@session.time_zone "
					+ "AND STARTS IN (CREATED, LAST_ALTERED)";
			for (String[] row : rows("SELECT EVENT_SCHEMA, EVENT_NAME, DEFINER, TIME_ZONE, EVENT_DEFINITION, EVENT_TYPE, "
					+ "EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD, STARTS, ENDS, STATUS, ON_COMPLETION, EVENT_COMMENT, "
					+ "CASE WHEN " + creationTime + " THEN 1 ELSE 0 END "
					+ "FROM information_schema.EVENTS WHERE EVENT_SCHEMA IN " + in() + " ORDER BY EVENT_SCHEMA, EVENT_NAME",
					names())) {
				ObjectNode event = schemas.get(row[0]).withObjectProperty("events").putObject(row[1]);
				event.put("definition", normaliseExpression(withoutQualifiers(row[4], row[0])));
				boolean recurring = row[5].equals("RECURRING");
				if (recurring) {
					event.put("every", row[7] + " " + row[8]);
				}
				else {
					putIfPresent(event, "at", row[6]);
				}
				String starts = recurring && !row[14].equals("1") ? row[9] : null;
				putIfPresent(event, "starts", starts);
				putIfPresent(event, "ends", row[10]);
				if (starts != null || row[10] != null || !recurring) {
					// The times above are local times of this zone.
					event.put("timeZone", row[3]);
				}
				event.put("status", row[11]);
				event.put("onCompletion", row[12]);
				event.put("definer", row[2]);
				putIfPresent(event, "comment", row[13]);
			}
		}

		/**
		 * Table, view, column, database and routine privileges, by grantee, a privilege held {@code WITH GRANT OPTION}
		 * written as {@code SELECT WITH GRANT OPTION} (a privilege of its own, as on PostgreSQL). MariaDB and MySQL have
		 * no owners: what an account holds on every table of a database or server is granted at that level, which
		 * these views do not show, so the account that migrated a database adds nothing here. {@code information_schema}
		 * shows a user only the grants it may see; when a server refuses even that, there are no grants to compare and
		 * they are left out. A partial read reads its objects' grants with them ({@link #readScoped}) and keeps the
		 * schemas': a grant on a database is not a statement it knows.
		 */
		private void readGrants() {
			try {
				for (String[] row : rows("SELECT " + String.join(", ", TABLE_PRIVILEGE_COLUMNS) + " FROM "
						+ "information_schema.TABLE_PRIVILEGES WHERE TABLE_SCHEMA IN " + in(), names())) {
					addTablePrivilege(row);
				}
				for (String[] row : rows("SELECT " + String.join(", ", COLUMN_PRIVILEGE_COLUMNS) + " FROM "
						+ "information_schema.COLUMN_PRIVILEGES WHERE TABLE_SCHEMA IN " + in(), names())) {
					addColumnPrivilege(row);
				}
				for (String[] row : rows("SELECT TABLE_SCHEMA, GRANTEE, PRIVILEGE_TYPE, IS_GRANTABLE FROM "
						+ "information_schema.SCHEMA_PRIVILEGES WHERE TABLE_SCHEMA IN " + in(), names())) {
					addPrivilege(schemas.get(row[0]).withObjectProperty("grants"), row[1], privilege(row[2], row[3]));
				}
			}
			catch (SQLException unreadable) {
				schemas.values().forEach(schema -> schema.remove("grants"));
				tables.values().forEach(table -> {
					table.remove("grants");
					table.path("columns").forEach(column -> ((ObjectNode) column).remove("grants"));
				});
				views.values().forEach(view -> view.remove("grants"));
			}
			readRoutineGrants();
		}

		/** A table or view privilege: schema, name, (no column), grantee, privilege, grantable. */
		private void addTablePrivilege(String[] row) {
			List<String> id = List.of(row[0], row[1]);
			ObjectNode target = tables.containsKey(id) ? tables.get(id) : views.get(id);
			if (target != null) {
				addPrivilege(target.withObjectProperty("grants"), row[3], privilege(row[4], row[5]));
			}
		}

		/** A column privilege: schema, table, column, grantee, privilege, grantable. */
		private void addColumnPrivilege(String[] row) {
			ObjectNode table = tables.get(List.of(row[0], row[1]));
			if (table == null) {
				return;
			}
			// The grant keeps the column's name as the GRANT statement spelled it; columns compare without case.
			for (Map.Entry<String, JsonNode> column : table.path("columns").properties()) {
				if (column.getKey().equalsIgnoreCase(row[2])) {
					addPrivilege(((ObjectNode) column.getValue()).withObjectProperty("grants"), row[3],
							privilege(row[4], row[5]));
				}
			}
		}

		/**
		 * Routine privileges are not in {@code information_schema}: they are read from {@code mysql.procs_priv}, which
		 * only an account that may read the grant tables can; for any other, routines have no {@code grants}. The
		 * server grants a routine's creator {@code EXECUTE} and {@code ALTER ROUTINE} on it when the creator does not
		 * hold them already ({@code automatic_sp_privileges}): those two, held by the routine's definer without the
		 * grant option, are its owner's and not written, so that the account that migrated a database adds nothing.
		 */
		private void readRoutineGrants() {
			if (routines.isEmpty()) {
				return;
			}
			List<String[]> rows;
			try {
				rows = rows("SELECT Db, Routine_type, Routine_name, User, Host, Proc_priv FROM mysql.procs_priv "
						+ "WHERE Db IN " + in(), names());
			}
			catch (SQLException unreadable) {
				return;
			}
			for (String[] row : rows) {
				Routine routine = routines.get(List.of(row[0], row[1], row[2].toLowerCase(Locale.ROOT)));
				if (routine == null) {
					continue;
				}
				List<String> granted = Arrays.stream(row[5].split(",")).filter(privilege -> !privilege.isEmpty())
					.toList();
				boolean grantOption = granted.contains("Grant");
				String grantee = "'" + row[3] + "'@'" + row[4] + "'";
				boolean creator = !grantOption && routine.definer().equals(row[3] + "@" + row[4]);
				for (String privilege : granted) {
					String name = privilege.toUpperCase(Locale.ROOT);
					if (!privilege.equals("Grant") && !(creator && AUTOMATIC_ROUTINE_PRIVILEGES.contains(name))) {
						addPrivilege(routine.node().withObjectProperty("grants"), grantee,
								privilege(name, grantOption ? "YES" : "NO"));
					}
				}
			}
		}

		private static String privilege(String type, String grantable) {
			return "YES".equals(grantable) ? type + " WITH GRANT OPTION" : type;
		}

		private static void addPrivilege(ObjectNode grants, String grantee, String privilege) {
			ArrayNode privileges = grants.withArrayProperty(grantee);
			List<String> sorted = new ArrayList<>();
			privileges.forEach(existing -> sorted.add(existing.asText()));
			sorted.add(privilege);
			sorted.sort(null);
			privileges.removeAll();
			sorted.forEach(privileges::add);
		}

		/**
		 * Writes the collected constraints and indexes under keys built from their structure; two with the same
		 * structure on one table are told apart by {@code  #2}, {@code  #3} in name order.
		 */
		private void nameKeyedEntries() {
			keyed.forEach((id, entries) -> {
				ObjectNode collection = tables.get(id.subList(0, 2)).withObjectProperty(id.get(2));
				entries.sort(Comparator.comparing(Keyed::key).thenComparing(Keyed::name));
				String previous = null;
				int count = 0;
				for (Keyed entry : entries) {
					count = entry.key().equals(previous) ? count + 1 : 1;
					previous = entry.key();
					collection.set(count == 1 ? entry.key() : entry.key() + " #" + count, entry.node());
				}
			});
		}

		private void add(List<String> tableId, String collection, String key, String name, ObjectNode node) {
			keyed.computeIfAbsent(List.of(tableId.get(0), tableId.get(1), collection), id -> new ArrayList<>())
				.add(new Keyed(key, name, node));
		}

		/** The snapshot key of a database named in the catalog: {@value #CURRENT_SCHEMA} for the current one. */
		private String schemaKey(String name) {
			return name.equals(current) ? CURRENT_SCHEMA : name;
		}

		/**
		 * Removes the qualifier of {@code schema} (the object's own database, which the engine writes before every
		 * table it names) and replaces the current database's qualifier with {@value #CURRENT_SCHEMA}.
		 */
		private String withoutQualifiers(String sql, String schema) {
			if (sql == null) {
				return null;
			}
			String stripped = sql.replace(quote(schema) + ".", "");
			return current == null || current.equals(schema) ? stripped
					: stripped.replace(quote(current) + ".", quote(CURRENT_SCHEMA) + ".");
		}

		private List<String> names() {
			return List.copyOf(keys.keySet());
		}

		private String in() {
			return placeholders(keys.size());
		}

		/**
		 * The condition that selects, in the schemas read, the objects {@code ids} (schema and name). With constants
		 * for both columns MariaDB takes the names from the condition before it opens a table's definition and skips
		 * every other table (its {@code information_schema} optimisation, which {@code EXPLAIN} shows as "Scanned 1
		 * database"); MySQL 8 filters its dictionary by them. With several schemas it selects the names in any of
		 * them, a superset, which the callers narrow down as they do every row.
		 */
		private Condition only(String schemaColumn, String nameColumn, Collection<List<String>> ids) {
			List<String> objectNames = ids.stream().map(id -> id.get(1)).distinct().toList();
			List<String> parameters = new ArrayList<>(names());
			parameters.addAll(objectNames);
			return new Condition(schemaColumn + " IN " + in() + " AND " + nameColumn + " IN "
					+ placeholders(objectNames.size()), parameters);
		}

		private String[] single(String sql) throws SQLException {
			List<String[]> rows = rows(sql, List.of());
			if (rows.isEmpty()) {
				throw new SQLException("The catalog query returned no row: " + sql);
			}
			return rows.get(0);
		}

		private List<String[]> rows(String sql, List<String> parameters) throws SQLException {
			return Rows.of(connection, sql, parameters);
		}
	}

	/** A {@code WHERE} condition with its parameters. */
	private record Condition(String sql, List<String> parameters) {
	}

	/**
	 * One kind's query in a partial read's {@code UNION ALL}: its rows are told apart by {@code index}, the first
	 * column, and ordered within each object by {@code order}, the second; the kind's own {@code columns} follow,
	 * padded with {@code NULL}s to the widest kind's.
	 *
	 * @param from the view and the condition, after {@code FROM}
	 * @param parameters the condition's parameters
	 */
	private record Branch(int index, List<String> columns, String order, String from, List<String> parameters) {

		/** A kind not read: it has no rows. */
		static final Branch NONE = new Branch(-1, List.of(), "NULL", "", List.of());

		int width() {
			return columns.size();
		}

		String select(int width) {
			return "SELECT " + index + ", " + order + ", " + String.join(", ", columns)
					+ ", NULL".repeat(width - columns.size()) + " FROM " + from;
		}

		/** This kind's rows of {@code byBranch}, as its own query gives them (its columns, ordered by {@link #order}). */
		List<String[]> rows(Map<Integer, List<String[]>> byBranch) {
			List<String[]> rows = new ArrayList<>(byBranch.getOrDefault(index, List.of()));
			if (!order.equals("NULL")) {
				// Stable: only the order within one object (a table's columns, an index's or a key's parts) matters.
				rows.sort(Comparator.comparingLong(row -> Long.parseLong(row[1])));
			}
			return rows.stream().map(row -> Arrays.copyOfRange(row, 2, 2 + columns.size())).toList();
		}
	}

	private static String placeholders(int count) {
		return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
	}

	/** An index as {@code STATISTICS} lists it, one row per key part. */
	private record Index(String name, boolean unique, String method, String comment, boolean invisible,
			List<String> columns, List<String> firstColumns) {
	}

	/** A routine's node and its definer ({@code user@host}, as {@code ROUTINES.DEFINER} writes it). */
	private record Routine(ObjectNode node, String definer) {
	}

	private record ForeignKey(String name, String schema, String table, String onDelete, String onUpdate,
			List<String> columns, List<String> referenced) {
	}

	/** A constraint or index waiting for its key: {@code name} only orders entries with the same structure. */
	private record Keyed(String key, String name, ObjectNode node) {
	}

	/**
	 * {@code COLUMN_TYPE} with integer display widths removed ({@code int(11)} → {@code int}), since MariaDB prints
	 * them and MySQL 8 does not. {@code tinyint(1)} keeps its width because drivers read it as boolean, and a
	 * {@code zerofill} column keeps it because there the width changes the values shown. Quoted enum and set labels
	 * keep their case.
	 */
	static String normaliseType(String columnType) {
		String lower = lowerOutsideQuotes(columnType.trim());
		if (lower.startsWith("year(4)")) {
			return "year" + lower.substring(7);
		}
		Matcher matcher = INTEGER_WIDTH.matcher(lower);
		if (!matcher.matches() || lower.startsWith("tinyint(1)") || lower.contains("zerofill")) {
			return lower;
		}
		return matcher.group(1) + matcher.group(2);
	}

	/**
	 * {@code COLUMN_DEFAULT} in one spelling for both engines: strings and dates quoted, numbers bare,
	 * {@code current_timestamp(…)} for every spelling of now, and no default for {@code NULL}. MariaDB already quotes
	 * literals and writes a {@code NULL} default as the bare word; MySQL quotes nothing and marks expressions with
	 * {@code DEFAULT_GENERATED}.
	 */
	static Optional<String> normaliseDefault(String raw, String dataType, String extra, boolean mariadb) {
		if (raw == null || mariadb && raw.equals("NULL")) {
			return Optional.empty();
		}
		boolean expression = mariadb || extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED");
		if (expression || NUMERIC_TYPES.contains(dataType.toLowerCase(Locale.ROOT))) {
			return Optional.of(normaliseNow(raw));
		}
		return Optional.of("'" + raw.replace("'", "''") + "'");
	}

	/** {@code CURRENT_TIMESTAMP}, {@code now()}, {@code localtimestamp} … → {@code current_timestamp()}, precision kept. */
	static String normaliseNow(String expression) {
		Matcher matcher = NOW.matcher(expression.trim());
		if (!matcher.matches()) {
			return expression.trim();
		}
		String precision = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		return "current_timestamp(" + (precision == null ? "" : precision) + ")";
	}

	/** Whitespace runs collapsed to one space, outer whitespace and a trailing {@code ;} removed. */
	static String normaliseExpression(String expression) {
		if (expression == null) {
			return null;
		}
		String collapsed = WHITESPACE.matcher(expression).replaceAll(" ").trim();
		while (collapsed.endsWith(";")) {
			collapsed = collapsed.substring(0, collapsed.length() - 1).trim();
		}
		return collapsed;
	}

	/** {@code "sha256:"} and the hex digest of the routine body with CRLF as LF and outer whitespace trimmed. */
	static String bodyHash(String body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(body.replace("\r\n", "\n").strip().getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java platform has SHA-256", e);
		}
	}

	/**
	 * The table options a {@code CREATE} or {@code ALTER TABLE} set explicitly ({@code row_format=DYNAMIC},
	 * {@code key_block_size=8}, {@code stats_persistent=0}, …), by lower-case name, from {@code CREATE_OPTIONS}; without
	 * {@code partitioned}, which {@code partitioning} already says.
	 */
	static ObjectNode storage(String createOptions) {
		ObjectNode storage = CanonicalJson.object();
		if (createOptions == null) {
			return storage;
		}
		for (String option : WHITESPACE.split(createOptions.trim())) {
			int equals = option.indexOf('=');
			if (equals > 0) {
				storage.put(option.substring(0, equals).toLowerCase(Locale.ROOT), option.substring(equals + 1));
			}
			else if (!option.isEmpty() && !option.equalsIgnoreCase("partitioned")) {
				storage.put(option.toLowerCase(Locale.ROOT), "true");
			}
		}
		return storage;
	}

	/** MariaDB names an unnamed index after its first column, adding {@code _2}, {@code _3} when that is taken. */
	private static boolean generatedIndexName(String name, String firstColumn) {
		// Column and index names compare without case on both engines.
		return !firstColumn.isEmpty()
				&& Pattern.compile(Pattern.quote(firstColumn) + "(_\\d+)?", Pattern.CASE_INSENSITIVE).matcher(name).matches()
				|| name.matches("functional_index(_\\d+)?");
	}

	private static String rule(String rule) {
		return rule.equals("NO ACTION") ? "RESTRICT" : rule;
	}

	private static String charsetOf(String collation) {
		int underscore = collation.indexOf('_');
		return underscore < 0 ? collation : collation.substring(0, underscore);
	}

	private static String lowerOutsideQuotes(String text) {
		StringBuilder lower = new StringBuilder(text.length());
		boolean quoted = false;
		for (char c : text.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			lower.append(quoted || c == '\'' ? c : Character.toLowerCase(c));
		}
		return lower.toString();
	}

	private static boolean isTrue(String value) {
		return value != null && (value.equals("1") || value.equalsIgnoreCase("YES") || value.equalsIgnoreCase("ON"));
	}

	private static String onOff(String value) {
		return isTrue(value) ? "ON" : "OFF";
	}

	private static void putIfPresent(ObjectNode node, String field, String value) {
		if (value != null && !value.isEmpty()) {
			node.put(field, value);
		}
	}

	private static ArrayNode array(List<String> values) {
		ArrayNode array = CanonicalJson.array();
		values.forEach(array::add);
		return array;
	}

	private static String quote(String identifier) {
		return '`' + identifier.replace("`", "``") + '`';
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
