package dev.dbparity.roundtrips;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.engines.EngineDialect;
import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code RowFiller} inserts a few deterministic rows into every table of a schema snapshot, parents before children,
 * so that the migration round trip has data whose preservation it can check.
 *
 * <p>A cell's value depends only on its table, column, type and row index: integers and decimals count from 1, text is
 * the row index in base 36 (cut to the column's length), dates and timestamps count days and hours from
 * 2024-01-01, booleans alternate, enums take their first label, UUIDs are derived from the cell's coordinates. The row
 * index makes values of unique columns distinct. A foreign key column takes the referenced columns of row
 * {@code index % n} of the parent, read back after the parent was filled (so identity keys work too); where that would
 * repeat a unique key of the table (one ban per member) or make two keys to the same parent pick one row (a follow of
 * oneself), other combinations of parent rows are taken, and the table gets fewer rows if there are not enough. A
 * table that INSERT triggers of other tables write (a count, a cache) is not written: it gets its rows from its
 * sources' triggers, so that they agree with what a rebuild would make. Columns with
 * identity, auto-increment or a generated expression are left to the engine; a nullable column of a type the filler
 * does not know is {@code NULL}. A column with a default is left out: the default is what the application's rows most
 * likely hold, and what later check constraints expect.
 *
 * <p>A table it cannot fill (an unknown NOT NULL type, a parent it could not fill, a foreign key cycle, a rejected
 * insert) is skipped with the reason; the engine-neutral SQL is plain {@code INSERT … VALUES (?, …)}.
 *
 * <p>Internal: may change in any minor release.
 */
public final class RowFiller {

	private static final Pattern LENGTH = Pattern.compile("\\((\\d+)(?:,\\s*\\d+)?\\)");
	private static final Pattern MYSQL_ENUM = Pattern.compile("^enum\\('((?:[^']|'')*)'");
	private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
	/** What the filler calls a text column whose checks want an e-mail address, such as {@code email ~ '@'}. */
	private static final String EMAIL = "e-mail address";
	/** A trigger that fires on INSERT, as {@code pg_get_triggerdef} and MariaDB's definition both write it. */
	private static final Pattern INSERT_TRIGGER = Pattern.compile("(?i)\\b(?:BEFORE|AFTER|INSTEAD OF)\\s+(?:\\w+\\s+OR\\s+)*"
			+ "INSERT\\b");
	/** A table a statement writes; not the {@code UPDATE} of {@code ON DUPLICATE KEY UPDATE} or {@code DO UPDATE}. */
	private static final Pattern WRITTEN_TABLE = Pattern.compile("(?i)(?:\\binsert\\s+(?:ignore\\s+)?into|\\breplace\\s+into"
			+ "|(?<!(?i:key|do)\\s)\\bupdate|\\bdelete\\s+from)\\s+((?:[`\"]?[\\w$]+[`\"]?\\.)?[`\"]?[\\w$]+[`\"]?)");
	/** How many combinations of parent rows the filler tries for a table whose unique keys refuse repeats. */
	private static final int MAX_CANDIDATES = 1000;

	/** {@code Result} says which tables got rows and why the others did not. */
	public record Result(List<TableRef> filled, Map<TableRef, String> skipped) {

		public Result {
			filled = List.copyOf(filled);
			skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
		}
	}

	private final Connection connection;
	private final SchemaSnapshot snapshot;
	private final EngineDialect dialect;
	private final int rowsPerTable;
	/** The filled tables, each with the key values children read from it, per list of referenced columns. */
	private final Map<TableRef, Map<List<String>, List<List<Object>>>> keys = new HashMap<>();

	private RowFiller(Connection connection, SchemaSnapshot snapshot, int rowsPerTable) {
		this.connection = connection;
		this.snapshot = snapshot;
		this.dialect = TableData.dialect(snapshot);
		this.rowsPerTable = rowsPerTable;
	}

	/**
	 * Inserts {@code rowsPerTable} rows into each table of {@code snapshot}, which describes the database
	 * {@code connection} is on. Each table is one transaction: a table that fails keeps no rows.
	 */
	public static Result fill(Connection connection, SchemaSnapshot snapshot, int rowsPerTable) throws SQLException {
		return fill(connection, snapshot, rowsPerTable, TableData.tables(snapshot).keySet());
	}

	/**
	 * Inserts {@code rowsPerTable} rows into the tables {@code toFill} of {@code snapshot}; their foreign keys to the
	 * other tables reference the rows those tables already hold.
	 */
	public static Result fill(Connection connection, SchemaSnapshot snapshot, int rowsPerTable, Set<TableRef> toFill)
			throws SQLException {
		return new RowFiller(connection, snapshot, rowsPerTable).fillAll(toFill);
	}

	private Result fillAll(Set<TableRef> toFill) throws SQLException {
		Map<TableRef, JsonNode> tables = TableData.tables(snapshot);
		tables.keySet().stream().filter(table -> !toFill.contains(table))
			.forEach(existing -> keys.put(existing, new HashMap<>()));
		Map<TableRef, Set<TableRef>> sources = triggerSources(tables);
		List<TableRef> filled = new ArrayList<>();
		Map<TableRef, String> skipped = new LinkedHashMap<>();
		// A partition gets its rows through its partitioned table, which routes each row to the partition it fits.
		List<TableRef> pending = new ArrayList<>(new TreeSet<>(toFill).stream().filter(tables::containsKey)
			.filter(table -> !tables.get(table).has("partitionOf")).toList());
		boolean progress = true;
		while (!pending.isEmpty() && progress) {
			progress = false;
			for (TableRef table : List.copyOf(pending)) {
				if (waitsFor(table, tables, sources).stream().anyMatch(pending::contains)) {
					continue;
				}
				pending.remove(table);
				progress = true;
				Optional<String> problem = sources.containsKey(table) ? leftToTriggers(table, sources.get(table))
						: fillTable(table, tables.get(table), skipped);
				if (problem.isEmpty()) {
					filled.add(table);
				}
				else {
					skipped.put(table, problem.get());
				}
			}
		}
		for (TableRef table : pending) {
			skipped.put(table, "its foreign keys form a cycle with " + waitsFor(table, tables, sources).stream()
				.filter(pending::contains).map(TableRef::toString).collect(Collectors.joining(", ")));
		}
		return new Result(filled, skipped);
	}

	/**
	 * What must be filled before {@code table}: its parents; for a table that triggers maintain, the tables whose
	 * triggers write it; for a table whose triggers write others, those others' parents, which the triggers' rows
	 * reference.
	 */
	private static Set<TableRef> waitsFor(TableRef table, Map<TableRef, JsonNode> tables,
			Map<TableRef, Set<TableRef>> sources) {
		Set<TableRef> waits = new TreeSet<>(parents(tables.get(table), table));
		waits.addAll(sources.getOrDefault(table, Set.of()));
		sources.forEach((target, itsSources) -> {
			if (itsSources.contains(table)) {
				parents(tables.get(target), target).stream().filter(parent -> !parent.equals(table)
						&& !sources.getOrDefault(parent, Set.of()).contains(table)).forEach(waits::add);
			}
		});
		waits.remove(table);
		return waits;
	}

	/** Whether the triggers of {@code sources} gave {@code table} rows when the filler filled them. */
	private Optional<String> leftToTriggers(TableRef table, Set<TableRef> sources) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table.sql(dialect))) {
			result.next();
			if (result.getLong(1) > 0) {
				keys.put(table, new HashMap<>());
				return Optional.empty();
			}
		}
		return Optional.of("it is written by the INSERT triggers of " + sources.stream().map(TableRef::toString)
			.collect(Collectors.joining(", ")) + ", which gave it no row; the filler leaves it to them, as a row "
				+ "written directly would disagree with its sources");
	}

	/**
	 * The tables that INSERT triggers of other tables write, each with those other tables. Such a table (a cache, a
	 * count, an audit log) is left to its triggers: its sources are filled first and the triggers give it rows that
	 * agree with them, where rows written directly would break the triggers' own inserts or differ from a rebuild.
	 * Detection is conservative: a trigger that fires on INSERT, whose statement (MariaDB, MySQL) or function's source
	 * (PostgreSQL) has {@code INSERT INTO}, {@code REPLACE INTO}, {@code UPDATE} or {@code DELETE FROM} followed by the
	 * name of another table of the snapshot; dynamic SQL and called procedures are not followed.
	 */
	private Map<TableRef, Set<TableRef>> triggerSources(Map<TableRef, JsonNode> tables) throws SQLException {
		Map<TableRef, Set<TableRef>> sources = new TreeMap<>();
		for (Map.Entry<TableRef, JsonNode> source : tables.entrySet()) {
			for (JsonNode trigger : source.getValue().path("triggers")) {
				String definition = trigger.path("definition").asText();
				if (!INSERT_TRIGGER.matcher(definition).find()) {
					continue;
				}
				Matcher written = WRITTEN_TABLE.matcher(dialect.triggerBody(connection, definition));
				while (written.find()) {
					String[] parts = written.group(1).replaceAll("[`\"]", "").split("\\.");
					TableRef target = parts.length == 2 ? new TableRef(parts[0], parts[1])
							: new TableRef(source.getKey().schema(), parts[0]);
					// A trigger that creates its own row's parent (a BEFORE INSERT that adds a missing author) does
					// not make the parent a cache: the parent is filled first, as any parent.
					if (tables.containsKey(target) && !target.equals(source.getKey())
							&& !parents(source.getValue(), source.getKey()).contains(target)) {
						sources.computeIfAbsent(target, key -> new TreeSet<>()).add(source.getKey());
					}
				}
			}
		}
		return sources;
	}

	/** The tables {@code table} references, itself excluded (a self-reference is filled with NULL or skips). */
	private static List<TableRef> parents(JsonNode table, TableRef self) {
		List<TableRef> parents = new ArrayList<>();
		table.path("foreignKeys").forEach(key -> {
			JsonNode references = key.path("references");
			TableRef parent = new TableRef(references.path("schema").asText(self.schema()),
					references.path("table").asText());
			if (!parent.equals(self)) {
				parents.add(parent);
			}
		});
		return parents;
	}

	private Optional<String> fillTable(TableRef table, JsonNode node, Map<TableRef, String> skipped)
			throws SQLException {
		Map<String, JsonNode> foreignKeyOf = new HashMap<>();
		node.path("foreignKeys").forEach(key -> TableData.texts(key.path("columns"))
			.forEach(column -> foreignKeyOf.putIfAbsent(column, key)));
		List<String> columns = new ArrayList<>();
		// Per column: its value in the row at an index, or, for a foreign key column, its parent key's position.
		List<List<Object>> values = new ArrayList<>();
		List<Integer> keyOfColumn = new ArrayList<>();
		List<ParentKeys> parentKeys = new ArrayList<>();
		Map<JsonNode, Integer> keyIndex = new HashMap<>();
		for (String column : TableData.columnsByPosition(node)) {
			JsonNode definition = node.path("columns").path(column);
			if (definition.has("identity") || definition.path("autoIncrement").asBoolean()
					|| definition.has("generated")) {
				continue;
			}
			boolean nullable = definition.path("nullable").asBoolean(true);
			JsonNode foreignKey = foreignKeyOf.get(column);
			if (foreignKey != null) {
				JsonNode references = foreignKey.path("references");
				TableRef parent = new TableRef(references.path("schema").asText(table.schema()),
						references.path("table").asText());
				List<List<Object>> rows = parent.equals(table) || !keys.containsKey(parent) ? List.of()
						: parentKeys(parent, TableData.texts(references.path("columns")));
				if (rows.isEmpty() && !nullable) {
					return Optional.of("its NOT NULL foreign key column " + column + " references " + parent
							+ (skipped.containsKey(parent) ? ", which was skipped" : ", which has no rows"));
				}
				Integer index = keyIndex.computeIfAbsent(foreignKey, key -> {
					parentKeys.add(new ParentKeys(parent, rows));
					return parentKeys.size() - 1;
				});
				columns.add(column);
				keyOfColumn.add(index);
				values.add(List.of(TableData.texts(foreignKey.path("columns")).indexOf(column)));
				continue;
			}
			if (definition.has("default")) {
				// The default is the value the application's own rows most likely have, and later checks expect.
				continue;
			}
			Optional<String> listed = firstListedValue(node, column);
			List<Object> cells = new ArrayList<>();
			if (listed.isPresent()) {
				for (int row = 0; row < rowsPerTable; row++) {
					cells.add(new Untyped(listed.get()));
				}
			}
			else {
				String type = declaredType(node, column, definition.path("type").asText().toLowerCase(Locale.ROOT));
				if (value(table, column, type, 0).isEmpty() && !nullable) {
					return Optional.of("no value for NOT NULL column " + column + " of type " + type);
				}
				for (int row = 0; row < rowsPerTable; row++) {
					cells.add(value(table, column, type, row).orElse(null));
				}
			}
			columns.add(column);
			keyOfColumn.add(null);
			values.add(cells);
		}
		if (columns.isEmpty()) {
			return Optional.of("no column the filler can write");
		}
		List<List<Object>> rows = rows(node, columns, values, keyOfColumn, parentKeys);
		if (rows.isEmpty()) {
			return Optional.of("its unique keys allow no row over the rows of " + parentKeys.stream()
				.map(keys -> keys.parent().toString()).distinct().collect(Collectors.joining(", ")));
		}
		Optional<String> problem = insert(table, columns, rows);
		if (problem.isEmpty()) {
			keys.put(table, new HashMap<>());
		}
		return problem;
	}

	/** The rows of a parent that a foreign key of the table being filled takes its values from. */
	private record ParentKeys(TableRef parent, List<List<Object>> rows) {
	}

	/**
	 * Up to {@code rowsPerTable} rows whose foreign keys pick parent rows such that no unique key of the table (its
	 * primary key, unique constraints and unique indexes: one ban per member, one follow per pair) repeats, and two
	 * keys to the same parent pick different rows where it has more than one (a follow of oneself is seldom allowed),
	 * the earlier key the lower row in key order (as checks such as {@code a_id < b_id} of unordered pairs want).
	 * Row {@code i} first takes parent row {@code i % n} of every key; when a key refuses that, the combinations of
	 * parent rows are tried in order.
	 */
	private List<List<Object>> rows(JsonNode node, List<String> columns, List<List<Object>> values,
			List<Integer> keyOfColumn, List<ParentKeys> parentKeys) {
		List<List<Integer>> uniqueKeys = uniqueKeys(node, columns);
		List<List<Object>> rows = new ArrayList<>();
		Set<List<Object>> taken = new HashSet<>();
		int combinations = 1;
		for (ParentKeys keys : parentKeys) {
			combinations = (int) Math.min(MAX_CANDIDATES, (long) combinations * Math.max(1, keys.rows().size()));
		}
		for (int candidate = 0; candidate < rowsPerTable + combinations && rows.size() < rowsPerTable; candidate++) {
			int[] picks = new int[parentKeys.size()];
			int stride = 1;
			for (int key = 0; key < picks.length; key++) {
				int size = Math.max(1, parentKeys.get(key).rows().size());
				// First the old diagonal (row i takes parent row i), then every combination in order.
				picks[key] = candidate < rowsPerTable ? candidate % size : (candidate - rowsPerTable) / stride % size;
				stride *= size;
			}
			if (picksOutOfOrder(parentKeys, picks)) {
				continue;
			}
			int index = rows.size();
			List<Object> row = new ArrayList<>();
			for (int column = 0; column < columns.size(); column++) {
				Integer key = keyOfColumn.get(column);
				if (key == null) {
					row.add(values.get(column).get(index));
				}
				else {
					List<List<Object>> parentRows = parentKeys.get(key).rows();
					row.add(parentRows.isEmpty() ? null
							: parentRows.get(picks[key]).get((Integer) values.get(column).get(0)));
				}
			}
			List<List<Object>> projections = new ArrayList<>();
			for (int unique = 0; unique < uniqueKeys.size(); unique++) {
				List<Object> projection = new ArrayList<>(List.of(unique));
				uniqueKeys.get(unique).forEach(column -> projection.add(String.valueOf(row.get(column))));
				projections.add(projection);
			}
			if (projections.stream().noneMatch(taken::contains)) {
				taken.addAll(projections);
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * Whether two foreign keys to the same parent, which has more than one row, pick the same row of it or the later
	 * key a lower row (the parent's keys are read in key order).
	 */
	private static boolean picksOutOfOrder(List<ParentKeys> parentKeys, int[] picks) {
		for (int one = 0; one < picks.length; one++) {
			for (int other = one + 1; other < picks.length; other++) {
				ParentKeys first = parentKeys.get(one);
				if (first.parent().equals(parentKeys.get(other).parent()) && first.rows().size() > 1
						&& picks[one] >= picks[other]) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The unique keys of the table as positions in {@code columns}. A key with a column the filler does not write (an
	 * identity, a sequence's default) is left out: the engine's values cannot be foreseen, and are most often distinct.
	 * Unique indexes over expressions are not read.
	 */
	private static List<List<Integer>> uniqueKeys(JsonNode node, List<String> columns) {
		List<JsonNode> keyColumns = new ArrayList<>();
		keyColumns.add(node.path("primaryKey").path("columns"));
		node.path("uniqueConstraints").forEach(unique -> keyColumns.add(unique.path("columns")));
		node.path("indexes").forEach(index -> {
			if (index.path("unique").asBoolean() && !index.has("predicate")) {
				keyColumns.add(index.path("columns"));
			}
		});
		List<List<Integer>> keys = new ArrayList<>();
		for (JsonNode key : keyColumns) {
			List<String> names = TableData.texts(key);
			if (!names.isEmpty() && columns.containsAll(names)) {
				keys.add(names.stream().map(columns::indexOf).toList());
			}
		}
		return keys;
	}

	/** The values of {@code columns} in the rows of the filled table {@code parent}, read once. */
	private List<List<Object>> parentKeys(TableRef parent, List<String> columns) throws SQLException {
		List<List<Object>> cached = keys.get(parent).get(columns);
		if (cached != null) {
			return cached;
		}
		String list = columns.stream().map(dialect::quote)
			.collect(Collectors.joining(", "));
		List<List<Object>> values = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT " + list + " FROM " + parent.sql(dialect)
						+ " ORDER BY " + list)) {
			while (result.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= columns.size(); i++) {
					row.add(result.getObject(i));
				}
				values.add(row);
			}
		}
		keys.get(parent).put(columns, values);
		return values;
	}

	private Optional<String> insert(TableRef table, List<String> columns, List<List<Object>> rows)
			throws SQLException {
		String sql = "INSERT INTO " + table.sql(dialect) + " ("
				+ columns.stream().map(dialect::quote).collect(Collectors.joining(", "))
				+ ") VALUES (" + placeholders(columns.size(), rows) + ")";
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			for (List<Object> row : rows) {
				for (int i = 0; i < row.size(); i++) {
					Object value = row.get(i);
					if (value instanceof Untyped untyped) {
						// PostgreSQL enums, UUIDs and JSON take text only as an untyped parameter.
						insert.setObject(i + 1, untyped.text(), dialect.untypedText());
					}
					else if (value instanceof EngineDialect.Shape shape) {
						insert.setObject(i + 1, shape.text(), dialect.untypedText());
					}
					else {
						insert.setObject(i + 1, value);
					}
				}
				insert.executeUpdate();
			}
			connection.commit();
			return Optional.empty();
		}
		catch (SQLException e) {
			connection.rollback();
			return Optional.of("the insert was rejected: " + e.getMessage().lines().findFirst().orElse(""));
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/** The placeholders of {@code columns} columns, a shape's own where the first of {@code rows} has one. */
	private static String placeholders(int columns, List<List<Object>> rows) {
		List<String> placeholders = new ArrayList<>();
		for (int i = 0; i < columns; i++) {
			placeholders.add(!rows.isEmpty() && rows.get(0).get(i) instanceof EngineDialect.Shape shape
					? shape.placeholder() : "?");
		}
		return String.join(", ", placeholders);
	}

	/** Text the engine must convert to the column's type itself. */
	private record Untyped(String text) {
	}

	/** A value for row {@code row} of a column of {@code type}, or empty for a type the filler does not know. */
	private Optional<Object> value(TableRef table, String column, String type, int row) {
		String base = type.replaceAll("\\(.*", "").replace(" unsigned", "").replace(" zerofill", "").strip();
		if (type.equals("tinyint(1)") || base.equals("boolean") || base.equals("bool")) {
			return Optional.of(row % 2 == 0);
		}
		switch (base) {
			case "smallint", "integer", "int", "bigint", "tinyint", "mediumint", "int2", "int4", "int8" -> {
				return Optional.of(row + 1);
			}
			case "numeric", "decimal" -> {
				return Optional.of(BigDecimal.valueOf(row + 1));
			}
			case "real", "double precision", "double", "float" -> {
				return Optional.of(row + 1.5);
			}
			case "text", "character varying", "varchar", "character", "char", "tinytext", "mediumtext", "longtext",
					"citext" -> {
				Matcher length = LENGTH.matcher(type);
				String text = Integer.toString(row, 36);
				int limit = length.find() ? Integer.parseInt(length.group(1)) : Integer.MAX_VALUE;
				String padded = base.startsWith("char") || base.equals("character") ? text
						: column.substring(0, Math.min(column.length(), 8)) + "-" + text;
				return Optional.of(padded.length() <= limit ? padded : text);
			}
			case EMAIL -> {
				return Optional.of(column.substring(0, Math.min(column.length(), 8)) + "-" + Integer.toString(row, 36)
						+ "@example.org");
			}
			case "date" -> {
				return Optional.of(Date.valueOf(FIRST_DAY.plusDays(row)));
			}
			case "timestamp without time zone", "timestamp with time zone", "timestamp", "datetime" -> {
				return Optional.of(Timestamp.valueOf(LocalDateTime.of(FIRST_DAY, LocalTime.NOON).plusHours(row)));
			}
			case "time without time zone", "time" -> {
				return Optional.of(Time.valueOf(LocalTime.of(row % 24, 0)));
			}
			case "uuid" -> {
				return Optional.of(new Untyped(UUID.nameUUIDFromBytes((table + "." + column + "." + row)
					.getBytes(StandardCharsets.UTF_8)).toString()));
			}
			case "json", "jsonb" -> {
				return Optional.of(new Untyped("{}"));
			}
			default -> {
				Optional<EngineDialect.Shape> shape = dialect.shape(base, row);
				if (shape.isPresent()) {
					return Optional.of(shape.get());
				}
				Matcher mysqlEnum = MYSQL_ENUM.matcher(type);
				if (mysqlEnum.find()) {
					return Optional.of(mysqlEnum.group(1).replace("''", "'"));
				}
				return postgresEnumLabel(table, type).map(Untyped::new);
			}
		}
	}

	/**
	 * The first value a check of the table lists for {@code column}, as in {@code status IN ('new', 'paid')}, which
	 * PostgreSQL keeps as {@code (status)::text = ANY (ARRAY['new'::character varying, …])} and MariaDB as
	 * {@code `status` in ('new','paid')}: the filler's own text would break the check.
	 */
	private static Optional<String> firstListedValue(JsonNode node, String column) {
		Pattern listed = Pattern.compile("(?i)(?:^|[\\s(])[`\"]?" + Pattern.quote(column) + "[`\"]?\\)?(?:::[\\w ]+)?"
				+ "\\s*(?:=\\s*any|in)\\s*\\(+\\s*(?:array\\[)?\\s*'((?:[^']|'')*)'");
		for (Map.Entry<String, JsonNode> check : node.path("checks").properties()) {
			Matcher matcher = listed.matcher(check.getKey());
			if (matcher.find()) {
				return Optional.of(matcher.group(1).replace("''", "'"));
			}
		}
		return Optional.empty();
	}

	/**
	 * The type to write values of: a PostgreSQL domain's base type; an extension's type ({@code public.citext}, which
	 * the snapshot does not describe) by its own name; {@code json} for a MariaDB {@code JSON} column, which MariaDB
	 * reads back as {@code longtext} with a {@code json_valid} check.
	 */
	private String declaredType(JsonNode node, String column, String type) {
		if (node.path("checks").has("json_valid(`" + column + "`)")) {
			return "json";
		}
		Pattern mentioned = Pattern.compile("(?<![\\w$])[`\"]?" + Pattern.quote(column) + "[`\"]?(?![\\w$])");
		if (checksAskForAnAddress(node, check -> mentioned.matcher(check).find())) {
			return EMAIL;
		}
		if (!type.contains(".")) {
			return type;
		}
		String schema = type.substring(0, type.indexOf('.'));
		String name = type.substring(type.indexOf('.') + 1);
		JsonNode described = snapshot.tree().path("schemas").path(unquote(schema)).path("types").path(unquote(name));
		if (described.isMissingNode()) {
			return name;
		}
		if (!described.path("kind").asText().equals("domain")) {
			return type;
		}
		return checksAskForAnAddress(described, check -> true) ? EMAIL
				: declaredType(node, column, described.path("baseType").asText().toLowerCase(Locale.ROOT));
	}

	/** Whether a check of {@code node} that {@code concerns} the column wants an {@code @}, as e-mail checks do. */
	private static boolean checksAskForAnAddress(JsonNode node, Predicate<String> concerns) {
		for (Map.Entry<String, JsonNode> check : node.path("checks").properties()) {
			if (check.getKey().contains("@") && concerns.test(check.getKey())) {
				return true;
			}
		}
		return false;
	}

	private Optional<String> postgresEnumLabel(TableRef table, String type) {
		String schema = type.contains(".") ? type.substring(0, type.indexOf('.')) : table.schema();
		String name = type.contains(".") ? type.substring(type.indexOf('.') + 1) : type;
		JsonNode node = snapshot.tree().path("schemas").path(unquote(schema)).path("types").path(unquote(name));
		if (!node.path("kind").asText().equals("enum") || node.path("labels").isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(node.path("labels").get(0).asText());
	}

	private static String unquote(String identifier) {
		return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
				: identifier;
	}
}
