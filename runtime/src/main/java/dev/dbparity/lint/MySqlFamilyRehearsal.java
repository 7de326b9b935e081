package dev.dbparity.lint;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.SqlStatement;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code MySqlFamilyRehearsal} runs each statement of a migration on its own, as MariaDB and MySQL commit DDL
 * implicitly. An {@code ALTER TABLE} or {@code CREATE INDEX} is tried with {@code ALGORITHM=INSTANT}, then
 * {@code INPLACE, LOCK=NONE}, then {@code INPLACE, LOCK=SHARED}, then as written (which is then {@code COPY}): the engine
 * refuses an algorithm it cannot use before it changes anything, so the first that runs is the one the migration will
 * use, and only it is timed. Plans come from {@code EXPLAIN FORMAT=JSON} with parameters bound to {@code '1'}.
 */
final class MySqlFamilyRehearsal implements RehearsalEngine {

	private static final Pattern ALTER = Pattern.compile("(?is)^\\s*ALTER\\s+(?:ONLINE\\s+)?(?:IGNORE\\s+)?TABLE\\b.*");

	private static final Pattern CREATE_INDEX = Pattern
		.compile("(?is)^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?INDEX\\b.*");

	/** The algorithms to try, in order, with the lock each holds and what it blocks while the statement runs. */
	private record Attempt(String clause, String lock, String blocks, Optional<Boolean> rewrote, boolean scales) {
	}

	private static final List<Attempt> ATTEMPTS = List.of(
			// INSTANT changes only metadata: its time does not grow with the rows.
			new Attempt("ALGORITHM=INSTANT", "ALGORITHM=INSTANT", "nothing", Optional.of(false), false),
			// INPLACE may or may not rebuild the table in place; the engine does not say which.
			new Attempt("ALGORITHM=INPLACE, LOCK=NONE", "ALGORITHM=INPLACE, LOCK=NONE", "nothing", Optional.empty(), true),
			new Attempt("ALGORITHM=INPLACE, LOCK=SHARED", "ALGORITHM=INPLACE, LOCK=SHARED", "writes", Optional.empty(),
					true));

	private static final String SOURCE = "the first ALGORITHM the engine accepted";

	@Override
	public List<Measured> run(Connection connection, Script script, List<SqlStatement> statements)
			throws SQLException {
		List<Measured> measured = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (SqlStatement sql : statements) {
				String text = sql.sql().strip();
				Optional<String> table = RehearsalEngine.target(sql).map(MySqlFamilyRehearsal::named);
				boolean alter = ALTER.matcher(sql.code()).matches();
				if (alter || CREATE_INDEX.matcher(sql.code()).matches()) {
					Measured ran = null;
					for (Attempt attempt : ATTEMPTS) {
						String tried = text + (alter ? ", " + attempt.clause() : " " + attempt.clause().replace(",", ""));
						long start = System.nanoTime();
						if (tryRun(statement, tried)) {
							ran = new Measured(sql, table, Optional.of(attempt.lock()), SOURCE, attempt.blocks(),
									attempt.rewrote(), System.nanoTime() - start, false, attempt.scales());
							break;
						}
					}
					if (ran == null) {
						long start = System.nanoTime();
						statement.execute(text);
						// COPY holds a shared lock: reads go on, writes wait until the copy is done.
						ran = new Measured(sql, table, Optional.of("ALGORITHM=COPY"), SOURCE + " (neither INSTANT nor "
								+ "INPLACE)", "writes", Optional.of(true), System.nanoTime() - start, false, true);
					}
					measured.add(ran);
					continue;
				}
				long start = System.nanoTime();
				statement.execute(text);
				measured.add(new Measured(sql, table, table.map(t -> "row locks"), "InnoDB locks the rows it writes",
						"nothing", Optional.of(false), System.nanoTime() - start, false, true));
			}
		}
		return measured;
	}

	/** Named as the schema snapshot names it: the current database is the schema {@code default}. */
	private static String named(String written) {
		return written.contains(".") ? written : MySqlCatalogReader.CURRENT_SCHEMA + "." + written;
	}

	/** Whether {@code sql} ran; the engine refuses an unsupported algorithm before changing anything. */
	private static boolean tryRun(Statement statement, String sql) {
		try {
			statement.execute(sql);
			return true;
		}
		catch (SQLException e) {
			return false;
		}
	}

	private static String quoted(String table) {
		String name = table.startsWith(MySqlCatalogReader.CURRENT_SCHEMA + ".")
				? table.substring(MySqlCatalogReader.CURRENT_SCHEMA.length() + 1) : table;
		return String.join(".", Arrays.stream(name.split("\\.")).map(part -> "`" + part.replace("`", "``")
				+ "`").toList());
	}

	@Override
	public void analyze(Connection connection, List<String> tables) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String table : tables) {
				statement.execute("ANALYZE TABLE " + quoted(table));
			}
		}
	}

	@Override
	public long rows(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + quoted(table))) {
			rows.next();
			return rows.getLong(1);
		}
	}

	@Override
	public QueryPlan explain(Connection connection, CompatQueries.Query query) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("EXPLAIN FORMAT=JSON " + query.sql())) {
			statement.setEscapeProcessing(false);
			int parameters = statement.getParameterMetaData().getParameterCount();
			for (int i = 1; i <= parameters; i++) {
				// A NULL would make 'col = ?' an impossible WHERE without a plan; '1' converts to numbers and text.
				statement.setString(i, "1");
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				String json = rows.getString(1);
				JsonNode plan = CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8), query.location());
				Map<String, String> access = new HashMap<>();
				double[] examined = {0};
				collect(plan, access, examined);
				// MariaDB 10.x gives no cost: the rows the plan examines stand for it.
				JsonNode cost = plan.path("query_block").path("cost");
				return new QueryPlan(json, cost.isNumber() ? cost.asDouble() : examined[0], access);
			}
		}
	}

	private static void collect(JsonNode node, Map<String, String> access, double[] examined) {
		if (node.isObject() && node.has("table_name") && node.has("access_type")) {
			String type = node.path("access_type").asText();
			String how = type.equals("ALL") || type.equals("index") ? QueryPlan.FULL_SCAN : QueryPlan.INDEX;
			access.merge(node.path("table_name").asText(), how, (a, b) -> a.equals(QueryPlan.INDEX) ? a : b);
			examined[0] += node.path("rows").asDouble(0);
		}
		node.forEach(child -> collect(child, access, examined));
	}
}
