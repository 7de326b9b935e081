package dev.dbparity.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.SqlStatement;
import dev.dbparity.snapshots.Engine;

/**
 * {@code RehearsalEngine} is what a rehearsal asks of one engine family: run a migration's statements timed and tell
 * the lock each holds and whether it rewrote its table, refresh the planner's statistics, count a table's rows and
 * explain a compat query.
 */
interface RehearsalEngine {

	/** The table a statement works on, as written: {@code ALTER TABLE}, {@code CREATE INDEX … ON}, DML, … */
	Pattern TARGET = Pattern.compile("(?is)^\\s*(?:ALTER\\s+(?:ONLINE\\s+)?(?:IGNORE\\s+)?TABLE\\s+(?:IF\\s+EXISTS\\s+)?"
			+ "(?:ONLY\\s+)?|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:UNIQUE\\s+)?INDEX\\s+.*?\\bON\\s+(?:ONLY\\s+)?"
			+ "|UPDATE\\s+(?:ONLY\\s+)?|DELETE\\s+FROM\\s+(?:ONLY\\s+)?|INSERT\\s+INTO\\s+|TRUNCATE\\s+(?:TABLE\\s+)?"
			+ "(?:ONLY\\s+)?|CLUSTER\\s+|VACUUM\\s+(?:\\([^)]*\\)\\s*)?(?:FULL\\s+)?)((?:\"[^\"]*\"|`[^`]*`|[\\w$]+)"
			+ "(?:\\s*\\.\\s*(?:\"[^\"]*\"|`[^`]*`|[\\w$]+))?)");

	static RehearsalEngine of(Engine engine) {
		return switch (engine) {
			case POSTGRES -> new PostgresRehearsal();
			case MARIADB, MYSQL -> new MySqlFamilyRehearsal();
		};
	}

	/** The table {@code sql} works on as written, quotes removed, if the statement names one. */
	static Optional<String> target(SqlStatement sql) {
		Matcher matcher = TARGET.matcher(sql.code());
		return matcher.find() ? Optional.of(matcher.group(1).replaceAll("[\"`\\s]", "")) : Optional.empty();
	}

	/**
	 * {@code Measured} is one statement as it ran: the table it works on, named as the schema snapshot names it, the
	 * lock it holds there and what that blocks, whether it rewrote the table, its time, and whether the lock is held
	 * until the end of the migration's transaction.
	 */
	record Measured(SqlStatement sql, Optional<String> table, Optional<String> lock, String lockSource, String blocks,
			Optional<Boolean> rewrote, long nanos, boolean heldToCommit, boolean scalesWithRows) {
	}

	/**
	 * Runs {@code statements} of {@code script} as the migration runner would, committing them.
	 *
	 * @throws SQLException when a statement fails; the rehearsal stops there
	 */
	List<Measured> run(Connection connection, Script script, List<SqlStatement> statements) throws SQLException;

	/** Refreshes the planner's statistics of {@code tables} (named {@code schema.table}), so that plans see the rows. */
	void analyze(Connection connection, List<String> tables) throws SQLException;

	/** The rows of {@code table}, named {@code schema.table} as the schema snapshot names it. */
	long rows(Connection connection, String table) throws SQLException;

	/**
	 * The plan of {@code query}, with its parameters left unknown where the engine can, else bound to {@code '1'}.
	 *
	 * @throws SQLException when the engine cannot explain it
	 */
	QueryPlan explain(Connection connection, CompatQueries.Query query) throws SQLException;
}
