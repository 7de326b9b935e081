package dev.dbparity.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.ScriptExecution;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.migrations.SqlStatement;

/**
 * {@code PostgresDryRun} runs a migration inside one transaction with {@code SET LOCAL lock_timeout} and
 * {@code statement_timeout}, and after each statement, still inside the transaction, reads from {@code pg_locks} the
 * locks it holds on tables that existed before and from {@code pg_class.relfilenode} which of them were rewritten.
 * The transaction is rolled back.
 */
final class PostgresDryRun implements DryRun {

	private static final Pattern CREATE_INDEX = Pattern
		.compile("(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY\\b).*?\\bON\\s+(?:ONLY\\s+)?([\\w.\"]+)");

	/** What each lock mode blocks, from the PostgreSQL manual's table of conflicting lock modes. */
	private static final Map<String, String> BLOCKS = Map.of(
			"AccessExclusiveLock", "blocks reads and writes",
			"ExclusiveLock", "blocks writes; reads continue",
			"ShareRowExclusiveLock", "blocks writes; reads continue",
			"ShareLock", "blocks writes; reads continue",
			"ShareUpdateExclusiveLock", "blocks other schema changes and VACUUM; reads and writes continue");

	private record Table(String name, long fileNode) {
	}

	@Override
	public List<LintFinding> run(RunningEngine engine, String database, Script script, List<SqlStatement> statements,
			LintOptions options) throws SQLException {
		List<LintFinding> findings = new ArrayList<>();
		try (Connection connection = engine.dataSource(database).getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.setEscapeProcessing(false);
				statement.execute("SET LOCAL lock_timeout = " + options.lockTimeout().toMillis());
				statement.execute("SET LOCAL statement_timeout = " + options.statementTimeout().toMillis());
				Map<Long, Table> existing = tables(connection);
				Set<String> seenLocks = new HashSet<>();
				Set<Long> rewritten = new HashSet<>();
				for (SqlStatement sql : statements) {
					String where = script.location() + ":" + sql.line();
					if (ScriptExecution.refusedInPostgresTransaction(sql)) {
						findings.add(new LintFinding(LintFinding.Kind.OUTSIDE_TRANSACTION, where, sql.abbreviated(60)
								+ " cannot run inside a transaction, so the migration runs statement by statement and "
								+ "a failure leaves it partially applied; the dry run skips it"));
						continue;
					}
					try {
						statement.execute(sql.sql());
					}
					catch (SQLException e) {
						findings.add(failure(where, sql, e, options));
						break;
					}
					Matcher index = CREATE_INDEX.matcher(sql.sql());
					if (index.find() && existing.values().stream().anyMatch(table -> names(table, index.group(1)))) {
						findings.add(new LintFinding(LintFinding.Kind.INDEX_NOT_CONCURRENT, where, "CREATE INDEX on the "
								+ "existing table " + index.group(1) + " without CONCURRENTLY holds a ShareLock (blocks "
								+ "writes) until the index is built; use CREATE INDEX CONCURRENTLY outside a transaction"));
					}
					locks(connection, existing, seenLocks, where, findings);
					for (Map.Entry<Long, Table> table : existing.entrySet()) {
						long node = fileNode(connection, table.getKey());
						if (node != -1 && node != table.getValue().fileNode() && rewritten.add(table.getKey())) {
							findings.add(new LintFinding(LintFinding.Kind.TABLE_REWRITE, table.getValue().name(),
									"rewritten by " + where + " (" + sql.abbreviated(60) + "): every row is copied "
											+ "while an AccessExclusiveLock blocks reads and writes"));
						}
					}
				}
			}
			finally {
				connection.rollback();
			}
		}
		return findings;
	}

	private static boolean names(Table table, String written) {
		String name = written.replace("\"", "");
		return table.name().equals(name) || table.name().endsWith("." + name);
	}

	private static LintFinding failure(String where, SqlStatement sql, SQLException e, LintOptions options) {
		return switch (String.valueOf(e.getSQLState())) {
			case "55P03" -> new LintFinding(LintFinding.Kind.LOCK_TIMEOUT, where, sql.abbreviated(60) + " waited longer "
					+ "than lock_timeout " + options.lockTimeout().toMillis() + " ms for a lock; in production it would "
					+ "queue every query behind it");
			case "57014" -> new LintFinding(LintFinding.Kind.STATEMENT_TIMEOUT, where, sql.abbreviated(60) + " ran "
					+ "longer than statement_timeout " + options.statementTimeout().toMillis() + " ms");
			default -> new LintFinding(LintFinding.Kind.STATEMENT_FAILED, where, sql.abbreviated(60) + ": "
					+ e.getMessage() + " (SQLState " + e.getSQLState() + ")");
		};
	}

	private static Map<Long, Table> tables(Connection connection) throws SQLException {
		Map<Long, Table> tables = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT c.oid, n.nspname, c.relname, c.relfilenode "
						+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
						+ "WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
						+ "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' "
						+ "AND c.relname <> '" + SqlMigrationRunner.HISTORY_TABLE + "' ORDER BY n.nspname, c.relname")) {
			while (rows.next()) {
				tables.put(rows.getLong(1), new Table(rows.getString(2) + "." + rows.getString(3), rows.getLong(4)));
			}
		}
		return tables;
	}

	private static long fileNode(Connection connection, long oid) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT relfilenode FROM pg_class WHERE oid = ?")) {
			query.setLong(1, oid);
			try (ResultSet rows = query.executeQuery()) {
				// A table the migration dropped has no row any more; the schema diff reports the drop.
				return rows.next() ? rows.getLong(1) : -1;
			}
		}
	}

	private static void locks(Connection connection, Map<Long, Table> existing, Set<String> seen, String where,
			List<LintFinding> findings) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT l.relation::bigint, l.mode FROM pg_locks l "
						+ "WHERE l.pid = pg_backend_pid() AND l.granted AND l.locktype = 'relation' "
						+ "ORDER BY l.relation, l.mode")) {
			while (rows.next()) {
				Table table = existing.get(rows.getLong(1));
				String mode = rows.getString(2);
				if (table != null && BLOCKS.containsKey(mode) && seen.add(table.name() + " " + mode)) {
					findings.add(new LintFinding(LintFinding.Kind.LOCK, table.name(), mode + " (" + BLOCKS.get(mode)
							+ "), taken by " + where));
				}
			}
		}
	}
}
