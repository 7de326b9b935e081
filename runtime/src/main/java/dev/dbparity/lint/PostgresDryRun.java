package dev.dbparity.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

	/** A relation's name as written: identifiers, quoted ones with any characters, dotted. */
	private static final String NAME = "((?:\"[^\"]*\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]*\"|[\\w$]+))*)";

	private static final Pattern CREATE_INDEX = Pattern
		.compile("(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?!CONCURRENTLY\\b).*?\\bON\\s+(?:ONLY\\s+)?" + NAME);

	/** {@code CREATE INDEX CONCURRENTLY [name] ON table}: group 1 the index (if named), group 2 the table. */
	private static final Pattern CREATE_INDEX_CONCURRENTLY = Pattern.compile("(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
			+ "CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + NAME + "\\s+)?ON\\s+(?:ONLY\\s+)?" + NAME);

	/** {@code DROP INDEX CONCURRENTLY} and {@code REINDEX INDEX CONCURRENTLY}: group 1 the index. */
	private static final Pattern INDEX_CONCURRENTLY = Pattern.compile("(?is)^\\s*(?:DROP\\s+INDEX\\s+CONCURRENTLY\\s+"
			+ "(?:IF\\s+EXISTS\\s+)?|REINDEX\\s+(?:\\([^)]*\\)\\s*)?INDEX\\s+CONCURRENTLY\\s+)" + NAME);

	/** {@code REINDEX TABLE CONCURRENTLY}: group 1 the table. */
	private static final Pattern REINDEX_TABLE_CONCURRENTLY = Pattern
		.compile("(?is)^\\s*REINDEX\\s+(?:\\([^)]*\\)\\s*)?TABLE\\s+CONCURRENTLY\\s+" + NAME);

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
		FindingGroups findings = new FindingGroups();
		try (Connection connection = engine.dataSource(database).getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.setEscapeProcessing(false);
				statement.execute("SET LOCAL lock_timeout = " + options.lockTimeout().toMillis());
				statement.execute("SET LOCAL statement_timeout = " + options.statementTimeout().toMillis());
				Map<Long, Table> existing = tables(connection);
				Set<String> seenLocks = new HashSet<>();
				Set<Long> rewritten = new HashSet<>();
				// Indexes the dry run skipped building, by name as written, with their tables: a later DROP INDEX
				// CONCURRENTLY of one of them finds no index in the catalog.
				Map<String, String> skippedIndexes = new HashMap<>();
				for (SqlStatement sql : statements) {
					String where = script.location() + ":" + sql.line();
					if (ScriptExecution.refusedInPostgresTransaction(sql)) {
						findings.add(LintFinding.Kind.OUTSIDE_TRANSACTION,
								outsideTransactionSubject(connection, sql, skippedIndexes).orElse(script.location()), where,
								sql.abbreviated(60), statementsOf -> statementsOf + (statementsOf.one() ? " cannot" : " that "
										+ "cannot") + " run inside a transaction, so the migration runs statement by "
										+ "statement and a failure leaves it partially applied; the dry run skips "
										+ (statementsOf.one() ? "it" : "them"));
						continue;
					}
					try {
						statement.execute(sql.sql());
					}
					catch (SQLException e) {
						findings.add(failure(where, sql, e, options));
						break;
					}
					Matcher index = CREATE_INDEX.matcher(sql.code());
					Table indexed = index.find() ? oid(connection, index.group(1)).map(existing::get).orElse(null) : null;
					if (indexed != null) {
						findings.add(LintFinding.Kind.INDEX_NOT_CONCURRENT, indexed.name(), where, sql.abbreviated(60),
								statementsOf -> statementsOf + (statementsOf.one() ? " builds an index" : " build indexes")
										+ " on this existing table without CONCURRENTLY, holding a ShareLock (blocks writes) "
										+ "until " + (statementsOf.one() ? "it is" : "each is") + " built; use CREATE "
										+ "INDEX CONCURRENTLY outside a transaction");
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
		return findings.findings();
	}

	/**
	 * The table a statement that cannot run in a transaction works on, when it is an index's: so that a migration
	 * rebuilding its indexes concurrently gives one finding per table.
	 */
	private static Optional<String> outsideTransactionSubject(Connection connection, SqlStatement sql,
			Map<String, String> skippedIndexes) throws SQLException {
		Matcher create = CREATE_INDEX_CONCURRENTLY.matcher(sql.code());
		if (create.find()) {
			String table = qualified(connection, create.group(2)).orElse(create.group(2).replace("\"", ""));
			if (create.group(1) != null) {
				skippedIndexes.put(create.group(1), table);
			}
			return Optional.of(table);
		}
		Matcher index = INDEX_CONCURRENTLY.matcher(sql.code());
		if (index.find()) {
			return indexTable(connection, index.group(1)).or(() -> Optional.ofNullable(skippedIndexes.get(index.group(1))));
		}
		Matcher reindex = REINDEX_TABLE_CONCURRENTLY.matcher(sql.code());
		return reindex.find() ? qualified(connection, reindex.group(1)) : Optional.empty();
	}

	/** The oid of the relation {@code written} names, as the search path resolves it. */
	private static Optional<Long> oid(Connection connection, String written) throws SQLException {
		return single(connection, "SELECT to_regclass(?)::oid::bigint::text", written).map(Long::valueOf);
	}

	/** {@code schema.name} of the relation {@code written} names. */
	private static Optional<String> qualified(Connection connection, String written) throws SQLException {
		return single(connection, "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
				+ "ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)", written);
	}

	/** {@code schema.name} of the table of the index {@code written} names. */
	private static Optional<String> indexTable(Connection connection, String written) throws SQLException {
		return single(connection, "SELECT n.nspname || '.' || t.relname FROM pg_index i JOIN pg_class t "
				+ "ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE i.indexrelid = to_regclass(?)",
				written);
	}

	/**
	 * The one value {@code sql} reads about the name {@code parameter}, if any. Under a savepoint: a name
	 * {@code to_regclass} refuses ({@code a.b.c.d}) must not abort the dry run's transaction and fail the statements
	 * after it.
	 */
	private static Optional<String> single(Connection connection, String sql, String parameter) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, parameter);
			try (ResultSet rows = query.executeQuery()) {
				Optional<String> value = rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
				connection.releaseSavepoint(savepoint);
				return value;
			}
		}
		catch (SQLException e) {
			connection.rollback(savepoint);
			return Optional.empty();
		}
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
			FindingGroups findings) throws SQLException {
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
