package dev.dbparity.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.catalog.CatalogReader;
import dev.dbparity.snapshots.catalog.CatalogReaders;

/**
 * {@code ScriptExecution} runs one script's statements on a connection and then what records them (a history row):
 * in one transaction where the engine and the script allow, else statement by statement, with an error that names
 * {@code file:line}, the statement, the database's message and what state the database was left in. The built-in
 * runner applies and undoes migrations with it, the Flyway adapter its undo scripts.
 *
 * @since 0.1
 */
public final class ScriptExecution {

	private static final int STATEMENT_PREVIEW_LENGTH = 80;

	/**
	 * Statements PostgreSQL refuses inside a transaction block. A script with one runs statement by statement, as on
	 * MariaDB, rather than failing; Flyway does the same.
	 */
	private static final Pattern NOT_IN_TRANSACTION = Pattern.compile("(?is)(?:"
			+ "(?:CREATE|DROP)\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b"
			+ "|REINDEX\\b[^;]*\\b(?:CONCURRENTLY|DATABASE|SYSTEM)\\b"
			+ "|ALTER\\s+TABLE\\b[^;]*\\bDETACH\\s+PARTITION\\b[^;]*\\bCONCURRENTLY\\b"
			+ "|VACUUM\\b|(?:CREATE|DROP)\\s+(?:DATABASE|TABLESPACE)\\b|ALTER\\s+SYSTEM\\b)");

	/**
	 * No one to tell the statements to: nor is what a catalog reader would be told read on the session
	 * ({@link CatalogReader#statementTold}).
	 */
	static final Consumer<String> NOT_TOLD = statement -> {
	};

	/** {@code Record} is what to do once the statements have run, inside their transaction when there is one. */
	@FunctionalInterface
	public interface Record {

		void record(Duration elapsed) throws SQLException;
	}

	private ScriptExecution() {
	}

	/**
	 * {@code refusedInPostgresTransaction} is whether PostgreSQL refuses {@code statement} inside a transaction block,
	 * as it does {@code CREATE INDEX CONCURRENTLY} or {@code VACUUM}.
	 */
	public static boolean refusedInPostgresTransaction(SqlStatement statement) {
		return NOT_IN_TRANSACTION.matcher(statement.code()).lookingAt();
	}

	/**
	 * Runs {@code sql}, the text of {@code script} as it is to be executed, then {@code record}.
	 *
	 * @param header the start of every message: phase, engine and URL
	 * @param what what runs, for messages, e.g. {@code undo of migration 3}
	 * @param description the migration's description, for messages
	 * @throws MigrationException when the script cannot be split or a statement fails
	 * @throws SQLException when the connection itself fails
	 */
	public static void run(Connection connection, Engine engine, String header, Script script, String sql, String what,
			String description, Record record) throws SQLException {
		run(connection, engine, header, script, sql, what, description, record, NOT_TOLD);
	}

	/**
	 * {@link #run(Connection, Engine, String, Script, String, String, String, Record)}, telling {@code statementsRun}
	 * each statement right before it runs.
	 */
	public static void run(Connection connection, Engine engine, String header, Script script, String sql, String what,
			String description, Record record, Consumer<String> statementsRun) throws SQLException {
		List<SqlStatement> statements;
		try {
			statements = SqlScriptSplitter.split(sql, engine);
		}
		catch (IllegalArgumentException e) {
			// The splitter counts lines in the script; a section of a single-file migration keeps the file's lines.
			String problem = e.getMessage().replaceFirst("^line (\\d+): ", script.location() + ":$1: ");
			throw new MigrationException(header + ": " + what + " (" + description + ") cannot be split into "
					+ "statements: " + problem, e);
		}
		boolean transactionalDdl = engine.hasTransactionalDdl();
		Optional<SqlStatement> outsideTransaction = statements.stream()
			.filter(ScriptExecution::refusedInPostgresTransaction)
			.findFirst();
		boolean inTransaction = transactionalDdl && script.transactional() && outsideTransaction.isEmpty();
		long startNanos = System.nanoTime();
		// Only a change is sent: a driver may send every call as a statement of its own, a round trip per script.
		if (connection.getAutoCommit() == inTransaction) {
			connection.setAutoCommit(!inTransaction);
		}
		CatalogReader reader = CatalogReaders.forEngine(engine);
		try (Statement statement = connection.createStatement()) {
			// Scripts are plain SQL: JDBC escapes such as {fn ...} must reach the database untouched.
			statement.setEscapeProcessing(false);
			for (SqlStatement each : statements) {
				try {
					if (statementsRun != NOT_TOLD) {
						statementsRun.accept(reader.statementTold(connection, each.sql()));
					}
					statement.execute(each.sql());
				}
				catch (SQLException e) {
					rollback(connection, inTransaction);
					String where = script.location() + ":" + each.line();
					throw new MigrationException(header + ": " + what + " (" + description + ") failed at " + where
							+ "\n  statement: " + each.abbreviated(STATEMENT_PREVIEW_LENGTH) + "\n  error: "
							+ e.getMessage() + " (SQLState " + e.getSQLState() + ")\n"
							+ consequence(engine, script, what, where, inTransaction, outsideTransaction), e);
				}
			}
			record.record(Duration.ofNanos(System.nanoTime() - startNanos));
			if (inTransaction) {
				connection.commit();
			}
		}
		catch (SQLException e) {
			rollback(connection, inTransaction);
			throw e;
		}
		finally {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
		}
	}

	private static void rollback(Connection connection, boolean inTransaction) throws SQLException {
		if (inTransaction) {
			connection.rollback();
		}
	}

	private static String consequence(Engine engine, Script script, String what, String where, boolean inTransaction,
			Optional<SqlStatement> outsideTransaction) {
		if (inTransaction) {
			return "The " + what + " was rolled back, so the database is as it was before it. Fix the statement and "
					+ "migrate again.";
		}
		String partially = " may be partially applied: statements before " + where + " may have taken effect. "
				+ "Start from a fresh database, or reverse them by hand, then fix the statement and migrate again.";
		if (!engine.hasTransactionalDdl()) {
			return engine.displayName() + " commits DDL implicitly, so the " + what + partially;
		}
		if (!script.transactional()) {
			return script.location() + " asks to run outside a transaction, so the " + what + partially;
		}
		return "The " + what + " ran outside a transaction, as " + engine.displayName() + " cannot run "
				+ outsideTransaction.orElseThrow().abbreviated(STATEMENT_PREVIEW_LENGTH) + " (" + script.location() + ":"
				+ outsideTransaction.orElseThrow().line() + ") inside one, so it" + partially;
	}
}
