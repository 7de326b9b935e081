package dev.dbparity.roundtrips;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.engines.EngineDialect;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code TableData} reads what the round trip compares about the rows of a database: per table the row count and a
 * content hash, and per foreign key the orphaned rows.
 *
 * <p>The content hash is the SHA-256 of the rows' text, rows sorted in Java rather than with {@code ORDER BY}: sorting
 * by primary key or by all columns would give the same order, but some column types (PostgreSQL {@code json},
 * {@code point}) cannot be ordered by the engine. Hashes are compared within one database only, so the engine's
 * text forms of values need not be portable.
 *
 * <p>Internal: may change in any minor release.
 */
public final class TableData {

	private static final int TABLES_PER_QUERY = 100;
	/** The kinds of tables that hold rows a query can read; a foreign table's rows live elsewhere. */
	private static final Set<String> ROW_KINDS = Set.of("table", "unlogged table", "partitioned table");
	/** Names the whole row on PostgreSQL; a name no column is likely to have, as a column would take precedence. */
	private static final String ROW_ALIAS = "dbparity_row";

	/** {@code Content} is one table's row count and content hash. */
	public record Content(long rows, String sha256) {
	}

	/** {@code Orphans} is a foreign key with rows that reference no parent row. */
	public record Orphans(TableRef table, String foreignKey, TableRef parent, long rows) {

		@Override
		public String toString() {
			return table + " " + foreignKey + ": " + rows + " orphaned " + (rows == 1 ? "row" : "rows");
		}
	}

	private TableData() {
	}

	/**
	 * {@code Tables} is what the row checks need of a snapshot: its engine's dialect and its tables that hold rows, by
	 * name. Take it once per snapshot and pass it on: each look into a snapshot copies its whole tree.
	 */
	public record Tables(EngineDialect dialect, Map<TableRef, JsonNode> byName) {

		public static Tables of(SchemaSnapshot snapshot) {
			return new Tables(TableData.dialect(snapshot), tables(snapshot));
		}
	}

	/** The tables of {@code snapshot} that hold rows, partitioned tables and their partitions both, in name order. */
	static Map<TableRef, JsonNode> tables(SchemaSnapshot snapshot) {
		Map<TableRef, JsonNode> tables = new TreeMap<>();
		// Only the tables are copied out of the snapshot, not its views, routines and types.
		for (String schema : snapshot.fieldsAt(List.of("schemas"))) {
			for (String name : snapshot.fieldsAt(List.of("schemas", schema, "tables"))) {
				JsonNode table = snapshot.at(List.of("schemas", schema, "tables", name)).orElseThrow();
				if (ROW_KINDS.contains(table.path("kind").asText("table"))) {
					tables.put(new TableRef(schema, name), table);
				}
			}
		}
		return tables;
	}

	/** Every table's content, read with one query per {@value #TABLES_PER_QUERY} tables. */
	public static Map<TableRef, Content> contents(Connection connection, SchemaSnapshot snapshot) throws SQLException {
		return contents(connection, snapshot, snapshot);
	}

	/**
	 * The content of the tables of {@code snapshot} that {@code present} (the database as it is) has too, over the
	 * columns both have, in {@code snapshot}'s column order: what an undo left of the tables before it can be read
	 * even when it did not re-create a table or a column, whose loss the schema diff reports.
	 */
	public static Map<TableRef, Content> contents(Connection connection, SchemaSnapshot snapshot,
			SchemaSnapshot present) throws SQLException {
		return contents(connection, Tables.of(snapshot), Tables.of(present));
	}

	/** As {@link #contents(Connection, SchemaSnapshot, SchemaSnapshot)}, of snapshots' tables taken already. */
	public static Map<TableRef, Content> contents(Connection connection, Tables snapshot, Tables present)
			throws SQLException {
		return contents(connection, snapshot, present, Optional.empty());
	}

	/**
	 * As {@link #contents(Connection, Tables, Tables)}, reading again only the tables whose content {@code memo} does
	 * not have for the same columns and the same checksum of their rows, where the engine gives one
	 * ({@link EngineDialect#rowChecksums}); the contents read go to {@code memo}.
	 */
	public static Map<TableRef, Content> contents(Connection connection, Tables snapshot, Tables present,
			ContentMemo memo) throws SQLException {
		return contents(connection, snapshot, present, Optional.of(memo));
	}

	private static Map<TableRef, Content> contents(Connection connection, Tables snapshot, Tables present,
			Optional<ContentMemo> memo) throws SQLException {
		EngineDialect dialect = snapshot.dialect();
		Map<TableRef, JsonNode> presentTables = present.byName();
		Map<TableRef, TableRead> reads = new TreeMap<>();
		for (Map.Entry<TableRef, JsonNode> table : snapshot.byName().entrySet()) {
			JsonNode now = presentTables.get(table.getKey());
			if (now != null) {
				List<String> columns = columnsByPosition(table.getValue()).stream()
					.filter(column -> now.path("columns").has(column))
					.toList();
				// The types the columns have now, which the statement reads.
				List<String> types = columns.stream()
					.map(column -> now.path("columns").path(column).path("type").asText(""))
					.toList();
				String query = dialect.rowText(ROW_ALIAS, columns, types) + " FROM " + table.getKey().sql(dialect) + " "
						+ ROW_ALIAS;
				reads.put(table.getKey(), new TableRead(query, now.path("columns").toString()));
			}
		}
		Map<TableRef, Content> contents = new TreeMap<>();
		Map<TableRef, String> checksums = memo.isPresent() ? checksums(connection, dialect, reads.keySet())
				: Map.of();
		List<TableRef> order = new ArrayList<>();
		List<String> selects = new ArrayList<>();
		reads.forEach((table, read) -> {
			String checksum = checksums.get(table);
			Optional<Content> unchanged = checksum == null ? Optional.empty()
					: memo.get().unchanged(table, read.memoKey(), checksum);
			if (unchanged.isPresent()) {
				contents.put(table, unchanged.get());
			}
			else {
				selects.add("SELECT " + order.size() + ", " + read.query());
				order.add(table);
			}
		});
		List<List<String>> rows = new ArrayList<>();
		order.forEach(table -> rows.add(new ArrayList<>()));
		read(connection, dialect, selects, result -> rows.get(result.getInt(1)).add(result.getString(2)));
		for (int i = 0; i < order.size(); i++) {
			List<String> tableRows = rows.get(i);
			tableRows.sort(null);
			TableRef table = order.get(i);
			Content content = new Content(tableRows.size(), sha256(String.join("\n", tableRows)));
			contents.put(table, content);
			if (checksums.containsKey(table)) {
				memo.get().read(table, reads.get(table).memoKey(), checksums.get(table), content);
			}
		}
		memo.ifPresent(kept -> kept.count(order.size(), reads.size() - order.size()));
		return contents;
	}

	/**
	 * How a table's content is read: the query (its rows' text, over the columns both snapshots have) and the columns'
	 * definitions now, under which a content the memo keeps must have been read too: a generated column's new
	 * expression changes what the query reads, not a row the checksum reads.
	 */
	private record TableRead(String query, String columns) {

		String memoKey() {
			return query + "\n" + columns;
		}
	}

	/**
	 * The engine's checksums of {@code tables}' rows, of those it gives one for; none when it cannot: the contents are
	 * then all read, and a failure that is not the checksum's shows there.
	 */
	private static Map<TableRef, String> checksums(Connection connection, EngineDialect dialect,
			Collection<TableRef> tables) {
		List<TableRef> order = List.copyOf(tables);
		try {
			Optional<List<Optional<String>>> checksums = dialect.rowChecksums(connection,
					order.stream().map(table -> table.sql(dialect)).toList());
			Map<TableRef, String> byTable = new HashMap<>();
			checksums.ifPresent(each -> {
				for (int i = 0; i < order.size(); i++) {
					TableRef table = order.get(i);
					each.get(i).ifPresent(checksum -> byTable.put(table, checksum));
				}
			});
			return byTable;
		}
		catch (SQLException e) {
			return Map.of();
		}
	}

	/** The dialect of the engine {@code snapshot} was read from. */
	static EngineDialect dialect(SchemaSnapshot snapshot) {
		return EngineDialect.of(Engine.parse(snapshot.engine()));
	}

	static List<String> columnsByPosition(JsonNode table) {
		Map<Integer, String> byPosition = new TreeMap<>();
		table.path("columns").properties()
			.forEach(column -> byPosition.put(column.getValue().path("position").asInt(), column.getKey()));
		return List.copyOf(byPosition.values());
	}

	/**
	 * The foreign keys of {@code snapshot} with orphaned rows, including PostgreSQL keys declared {@code NOT VALID},
	 * which the engine does not check for existing rows. A row with a {@code NULL} in a key column is no orphan
	 * ({@code MATCH SIMPLE}).
	 */
	public static List<Orphans> orphans(Connection connection, SchemaSnapshot snapshot) throws SQLException {
		return orphans(connection, snapshot, snapshot);
	}

	/**
	 * The foreign keys of {@code snapshot} with orphaned rows, as {@link #orphans(Connection, SchemaSnapshot)}, among
	 * those whose tables and columns {@code present} (the database as it is) has too: the others cannot be queried,
	 * and the schema diff reports what is missing.
	 */
	public static List<Orphans> orphans(Connection connection, SchemaSnapshot snapshot, SchemaSnapshot present)
			throws SQLException {
		return orphans(connection, Tables.of(snapshot), Tables.of(present));
	}

	/** As {@link #orphans(Connection, SchemaSnapshot, SchemaSnapshot)}, of snapshots' tables taken already. */
	public static List<Orphans> orphans(Connection connection, Tables snapshot, Tables present) throws SQLException {
		return orphans(connection, snapshot, present, (child, parent) -> true);
	}

	/**
	 * The orphaned rows that an undo may have made: those of the foreign keys of {@code before} (the tables before the
	 * up, whose contents were {@code contentBefore}) with a child or parent table that {@code undone} (the tables after
	 * the undo, whose contents {@link #contents(Connection, Tables, Tables) contents(connection, before, undone)} gave as
	 * {@code contentNow}) does not have as it was; no statement at all when every key's tables are as they were.
	 *
	 * <p>A key whose child and parent tables are both unchanged cannot have gained an orphan. Whether a row is an
	 * orphan depends only on the rows that {@code SELECT … FROM child} and {@code SELECT … FROM parent} give, and on how
	 * the engine compares their key columns. Both tables' contents are equal, and the content is every row these
	 * selects give (a partitioned or inherited table's with its partitions' or children's), by an injective row text
	 * over the same columns, so the key columns hold the same values in as many rows. Both tables' snapshot entries
	 * are equal, so the columns' types, collations and the key's own definition (its columns, its {@code NOT VALID})
	 * are too. A down script that turned the checks off ({@code session_replication_role = replica},
	 * {@code FOREIGN_KEY_CHECKS = 0}) can orphan rows only by writing one of the tables, which then differs: parent rows
	 * deleted or re-keyed (even in a table the migration changes, whose content the round trip compares only by row
	 * count, its hash here still differs), child rows written with a dangling key. A table only one side has cannot be
	 * queried, and the schema diff reports it. So the orphans an unchanged key may hold were there before the up, and
	 * are not the undo's: a key is checked when its tables changed, whether or not the migration touched them (which
	 * adds nothing: a touched table whose rows and definition are back as they were is unchanged all the same).
	 */
	public static List<Orphans> newOrphans(Connection connection, Tables before, Map<TableRef, Content> contentBefore,
			Tables undone, Map<TableRef, Content> contentNow) throws SQLException {
		Set<TableRef> changed = changed(before, contentBefore, undone, contentNow);
		return changed.isEmpty() ? List.of() : orphans(connection, before, undone,
				(child, parent) -> changed.contains(child) || changed.contains(parent));
	}

	/**
	 * The tables of {@code before} that {@code undone} has not as they were: without them, with another snapshot entry
	 * (columns, types, keys, indexes, triggers, partitioning, …), or with another row count or content hash.
	 */
	static Set<TableRef> changed(Tables before, Map<TableRef, Content> contentBefore, Tables undone,
			Map<TableRef, Content> contentNow) {
		Set<TableRef> changed = new TreeSet<>();
		before.byName().forEach((table, entry) -> {
			Content was = contentBefore.get(table);
			if (was == null || !was.equals(contentNow.get(table)) || !entry.equals(undone.byName().get(table))) {
				changed.add(table);
			}
		});
		return changed;
	}

	/** The orphaned rows of the keys of {@code snapshot} whose child and parent tables {@code checked} accepts. */
	private static List<Orphans> orphans(Connection connection, Tables snapshot, Tables present,
			BiPredicate<TableRef, TableRef> checked) throws SQLException {
		EngineDialect dialect = snapshot.dialect();
		Map<TableRef, JsonNode> presentTables = present.byName();
		List<Orphans> keys = new ArrayList<>();
		List<String> counts = new ArrayList<>();
		for (Map.Entry<TableRef, JsonNode> table : snapshot.byName().entrySet()) {
			for (Map.Entry<String, JsonNode> key : table.getValue().path("foreignKeys").properties()) {
				JsonNode references = key.getValue().path("references");
				TableRef parent = new TableRef(references.path("schema").asText(table.getKey().schema()),
						references.path("table").asText());
				List<String> columns = texts(key.getValue().path("columns"));
				List<String> parentColumns = texts(references.path("columns"));
				if (!checked.test(table.getKey(), parent) || !hasColumns(presentTables.get(table.getKey()), columns)
						|| !hasColumns(presentTables.get(parent), parentColumns)) {
					continue;
				}
				List<String> matches = new ArrayList<>();
				List<String> notNull = new ArrayList<>();
				for (int i = 0; i < columns.size(); i++) {
					matches.add("p." + dialect.quote(parentColumns.get(i)) + " = c." + dialect.quote(columns.get(i)));
					notNull.add("c." + dialect.quote(columns.get(i)) + " IS NOT NULL");
				}
				String sql = "SELECT " + keys.size() + ", COUNT(*) " + dialect.antiJoin(table.getKey().sql(dialect),
						parent.sql(dialect), String.join(" AND ", matches), String.join(" AND ", notNull),
						"p." + dialect.quote(parentColumns.get(0)));
				keys.add(new Orphans(table.getKey(), key.getKey(), parent, 0));
				counts.add(sql);
			}
		}
		List<Orphans> orphans = new ArrayList<>();
		read(connection, dialect, counts, result -> {
			long count = result.getLong(2);
			if (count > 0) {
				Orphans key = keys.get(result.getInt(1));
				orphans.add(new Orphans(key.table(), key.foreignKey(), key.parent(), count));
			}
		});
		orphans.sort(Comparator.comparing(Orphans::table).thenComparing(Orphans::foreignKey));
		return orphans;
	}

	/**
	 * Runs {@code selects} (each of the same columns), {@value #TABLES_PER_QUERY} in each round trip: with one per
	 * table, the round trips cost more than reading the rows.
	 */
	private static void read(Connection connection, EngineDialect dialect, List<String> selects,
			EngineDialect.RowReader reader) throws SQLException {
		for (int from = 0; from < selects.size(); from += TABLES_PER_QUERY) {
			dialect.readInOneRoundTrip(connection, selects.subList(from, Math.min(selects.size(),
					from + TABLES_PER_QUERY)), reader);
		}
	}

	private static boolean hasColumns(JsonNode table, List<String> columns) {
		return table != null && columns.stream().allMatch(column -> table.path("columns").has(column));
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(element -> texts.add(element.asText()));
		return texts;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			// Every Java platform is required to provide SHA-256.
			throw new IllegalStateException(e);
		}
	}
}
