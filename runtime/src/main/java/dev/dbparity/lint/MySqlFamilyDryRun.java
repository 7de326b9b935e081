package dev.dbparity.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.SqlStatement;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;

/**
 * {@code MySqlFamilyDryRun} runs a migration on a clone of the database, because MariaDB and MySQL commit DDL
 * implicitly and nothing could be rolled back. Each {@code ALTER TABLE} is tried with {@code , ALGORITHM=INSTANT},
 * then with {@code , ALGORITHM=INPLACE, LOCK=NONE}, then as written; the engine refuses an algorithm it cannot use, so
 * what failed tells which {@code ALTER}s cannot run online. The clone is dropped afterwards.
 */
final class MySqlFamilyDryRun implements DryRun {

	/** An {@code ALTER TABLE}; group 1 the table as written. */
	private static final Pattern ALTER_TABLE = Pattern
		.compile("(?is)^\\s*ALTER\\s+(?:ONLINE\\s+)?(?:IGNORE\\s+)?TABLE\\s+(?:IF\\s+EXISTS\\s+)?([\\w.`]+).*");

	@Override
	public boolean copiesDatabase() {
		return true;
	}

	@Override
	public List<LintFinding> run(RunningEngine engine, String database, Script script, List<SqlStatement> statements,
			LintOptions options) throws SQLException {
		FindingGroups findings = new FindingGroups();
		if (statements.size() > 1) {
			findings.add(new LintFinding(LintFinding.Kind.IMPLICIT_COMMIT, script.location(), engine.engine()
				.displayName() + " commits each DDL statement implicitly: if one of its " + statements.size()
					+ " statements fails, those before it stay applied"));
		}
		String clone = "dbparity_l_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		engine.cloneDatabase(database, clone);
		try (Connection connection = engine.dataSource(clone).getConnection();
				Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (SqlStatement sql : statements) {
				String where = script.location() + ":" + sql.line();
				String text = sql.sql().strip();
				Matcher alter = ALTER_TABLE.matcher(sql.code());
				if (alter.matches()) {
					// Named as the schema diff names it: the migrated database is the snapshot's current schema.
					String written = alter.group(1).replace("`", "");
					String table = written.contains(".") ? written : MySqlCatalogReader.CURRENT_SCHEMA + "." + written;
					if (tryRun(statement, text + ", ALGORITHM=INSTANT")) {
						continue;
					}
					if (tryRun(statement, text + ", ALGORITHM=INPLACE, LOCK=NONE")) {
						findings.add(LintFinding.Kind.NOT_INSTANT, table, where, sql.abbreviated(60), statementsOf ->
								statementsOf + " cannot run with ALGORITHM=INSTANT; " + (statementsOf.one() ? "it runs"
										: "they run") + " online with ALGORITHM=INPLACE, LOCK=NONE (reads and writes "
										+ "continue while the table is rebuilt)");
						continue;
					}
					findings.add(LintFinding.Kind.NOT_ONLINE, table, where, sql.abbreviated(60), statementsOf ->
							statementsOf + " cannot run with ALGORITHM=INSTANT nor with ALGORITHM=INPLACE, LOCK=NONE: "
									+ (statementsOf.one() ? "it copies" : "each copies") + " the table and blocks "
									+ "writes while it runs");
				}
				try {
					statement.execute(text);
				}
				catch (SQLException e) {
					findings.add(new LintFinding(LintFinding.Kind.STATEMENT_FAILED, where, sql.abbreviated(60) + ": "
							+ e.getMessage() + " (SQLState " + e.getSQLState() + ")"));
					break;
				}
			}
		}
		finally {
			engine.dropDatabase(clone);
		}
		return findings.findings();
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
}
