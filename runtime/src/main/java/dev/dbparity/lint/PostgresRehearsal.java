package dev.dbparity.lint;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.ScriptExecution;
import dev.dbparity.migrations.SqlStatement;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code PostgresRehearsal} runs a migration as the runner does (in one transaction unless a statement refuses one) and
 * after each statement, still inside its transaction, reads from {@code pg_locks} the strongest lock the migration holds
 * on the statement's table and from {@code pg_class.relfilenode} whether the table was rewritten. A statement that
 * cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}) runs on its own; its lock is derived from its kind.
 * Plans come from {@code EXPLAIN (FORMAT JSON)}, generic plans when the query has parameters.
 */
final class PostgresRehearsal implements RehearsalEngine {

	/** Lock modes from the weakest to the strongest, with what each blocks (the manual's table of conflicts). */
	private static final List<String> MODES = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
			"ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

	private static final String SOURCE = "pg_locks, read in the migration's transaction after the statement";

	@Override
	public List<Measured> run(Connection connection, Script script, List<SqlStatement> statements)
			throws SQLException {
		boolean oneTransaction = script.transactional()
				&& statements.stream().noneMatch(ScriptExecution::refusedInPostgresTransaction);
		List<Measured> measured = new ArrayList<>();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (SqlStatement sql : statements) {
				Optional<String> table = RehearsalEngine.target(sql).flatMap(written -> qualified(connection, written));
				if (ScriptExecution.refusedInPostgresTransaction(sql)) {
					connection.commit();
					connection.setAutoCommit(true);
					long start = System.nanoTime();
					statement.execute(sql.sql());
					long nanos = System.nanoTime() - start;
					connection.setAutoCommit(false);
					// CONCURRENTLY builds and drops take a ShareUpdateExclusiveLock: reads and writes go on.
					measured.add(new Measured(sql, table, table.map(t -> "ShareUpdateExclusiveLock"),
							"derived from the statement kind (it cannot run in a transaction)", "nothing",
							Optional.of(false), nanos, false, true));
					continue;
				}
				long fileNode = table.isPresent() ? fileNode(connection, table.get()) : -1;
				Optional<String> held = table.isPresent() ? strongestLock(connection, table.get()) : Optional.empty();
				long start = System.nanoTime();
				statement.execute(sql.sql());
				long nanos = System.nanoTime() - start;
				Optional<String> lock = table.isPresent() ? strongestLock(connection, table.get()) : Optional.empty();
				Optional<Boolean> rewrote = table.map(t -> fileNode != -1 && fileNode(connection, t) != fileNode);
				// A statement after a stronger lock of the same transaction cannot show its own: say it was held.
				String source = lock.isEmpty() ? "no lock on a table in pg_locks" : lock.equals(held)
						? "pg_locks: already held by an earlier statement of the migration's transaction" : SOURCE;
				measured.add(new Measured(sql, table, lock, source, lock.map(PostgresRehearsal::blocks).orElse("nothing"),
						rewrote, nanos, oneTransaction, true));
				if (!oneTransaction) {
					connection.commit();
				}
			}
			connection.commit();
		}
		catch (SQLException e) {
			connection.rollback();
			throw e;
		}
		finally {
			connection.setAutoCommit(true);
		}
		return measured;
	}

	private static String blocks(String mode) {
		int strength = MODES.indexOf(mode);
		if (strength == MODES.size() - 1) {
			return "reads and writes";
		}
		return strength >= MODES.indexOf("ShareLock") ? "writes" : "nothing";
	}

	/** {@code schema.table} of the table {@code written} names, if it exists. */
	private static Optional<String> qualified(Connection connection, String written) {
		return single(connection, "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
				+ "ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?) AND c.relkind IN ('r', 'p', 'm')", written);
	}

	private static long fileNode(Connection connection, String table) {
		return single(connection, "SELECT relfilenode::text FROM pg_class WHERE oid = to_regclass(?)", quoted(table))
			.map(Long::valueOf).orElse(-1L);
	}

	/**
	 * The one value {@code sql} reads about the name {@code parameter}, if any. Under a savepoint inside the
	 * migration's transaction: a name {@code to_regclass} refuses ({@code a.b.c.d}) is no existing table, and must not
	 * abort the transaction and the statements after it, which say themselves what is wrong with it.
	 */
	private static Optional<String> single(Connection connection, String sql, String parameter) {
		try {
			Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
			try (PreparedStatement query = connection.prepareStatement(sql)) {
				query.setString(1, parameter);
				try (ResultSet rows = query.executeQuery()) {
					Optional<String> value = rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
					if (savepoint != null) {
						connection.releaseSavepoint(savepoint);
					}
					return value;
				}
			}
			catch (SQLException e) {
				if (savepoint != null) {
					connection.rollback(savepoint);
				}
				return Optional.empty();
			}
		}
		catch (SQLException e) {
			// The connection itself failed: the statement that follows reports it.
			return Optional.empty();
		}
	}

	private static Optional<String> strongestLock(Connection connection, String table) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT mode FROM pg_locks WHERE pid = "
				+ "pg_backend_pid() AND granted AND locktype = 'relation' AND relation = to_regclass(?)")) {
			query.setString(1, quoted(table));
			Optional<String> strongest = Optional.empty();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					String mode = rows.getString(1);
					if (strongest.isEmpty() || MODES.indexOf(mode) > MODES.indexOf(strongest.get())) {
						strongest = Optional.of(mode);
					}
				}
			}
			return strongest;
		}
	}

	private static String quoted(String table) {
		int dot = table.indexOf('.');
		return "\"" + table.substring(0, dot).replace("\"", "\"\"") + "\".\"" + table.substring(dot + 1)
			.replace("\"", "\"\"") + "\"";
	}

	/**
	 * {@code VACUUM ANALYZE}: besides the planner's statistics, freshly loaded rows get the hint bits and visibility map
	 * that production's vacuumed tables have, without which the first statement to read every row would also write it.
	 */
	@Override
	public void analyze(Connection connection, List<String> tables) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("VACUUM ANALYZE");
		}
	}

	@Override
	public long rows(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quoted(table))) {
			rows.next();
			return rows.getLong(1);
		}
	}

	@Override
	public QueryPlan explain(Connection connection, CompatQueries.Query query) throws SQLException {
		Parameters.Numbered numbered = Parameters.numbered(query.sql());
		String sql = numbered.sql();
		int parameters = numbered.count();
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			String json;
			if (parameters == 0) {
				json = single(statement, "EXPLAIN (FORMAT JSON) " + sql);
			}
			else {
				// A generic plan leaves the parameters unknown, as the application's prepared statements do; bound
				// values (even NULLs) would be folded into the plan. The driver cannot send $1 unbound, so the query is
				// prepared in SQL, and explained as executed under force_generic_plan.
				statement.execute("PREPARE dbparity_compat_plan AS " + sql);
				try {
					statement.execute("SET plan_cache_mode = force_generic_plan");
					json = single(statement, "EXPLAIN (FORMAT JSON) EXECUTE dbparity_compat_plan("
							+ String.join(", ", Collections.nCopies(parameters, "NULL")) + ")");
				}
				finally {
					statement.execute("RESET plan_cache_mode");
					statement.execute("DEALLOCATE dbparity_compat_plan");
				}
			}
			JsonNode plan = CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8), query.location()).path(0)
				.path("Plan");
			Map<String, String> access = new HashMap<>();
			collect(plan, access);
			return new QueryPlan(json, plan.path("Total Cost").asDouble(), access);
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	/** How each relation of the plan is read: an index wins over a scan of the same relation elsewhere in the plan. */
	private static void collect(JsonNode node, Map<String, String> access) {
		String relation = node.path("Relation Name").asText("");
		if (!relation.isEmpty()) {
			String type = node.path("Node Type").asText();
			String how = type.equals("Seq Scan") ? QueryPlan.FULL_SCAN : type.contains("Index") || type.startsWith(
					"Bitmap") ? QueryPlan.INDEX : null;
			if (how != null) {
				access.merge(relation, how, (a, b) -> a.equals(QueryPlan.INDEX) ? a : b);
			}
		}
		node.path("Plans").forEach(child -> collect(child, access));
	}
}
