package dev.dbparity.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.mysql.cj.jdbc.MysqlDataSource;

import dev.dbparity.snapshots.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlMigrationRunnerTests {

	private static final String CHECKS = "-- constraints and seed rows\n"
			+ "INSERT INTO users (id, email) VALUES (1, 'a@example.com');\n"
			+ "\n"
			+ "INSERT INTO users (id, email)\n"
			+ "  VALUES (1, 'duplicate@example.com');\n";

	private final MigrationRunner runner = new SqlMigrationRunner();

	@TempDir
	Path dir;

	@Test
	void identity() {
		assertThat(runner.id()).isEqualTo("sql");
		assertThat(runner.supports(MigrationSet.load("db/migration", getClass().getClassLoader()))).isTrue();
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void freshDatabaseHasNoHistory(Engine engine) {
		DataSource db = RealDatabases.freshDatabase(engine);

		assertThat(runner.history(db, engine)).isEmpty();
		assertThat(runner.currentVersion(db, engine)).isEmpty();
	}

	/**
	 * Autocommit is switched only where a script runs in a transaction (PostgreSQL), and switched back once: a driver
	 * may send each call as a statement of its own, and MariaDB, whose DDL commits implicitly, needs none.
	 */
	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void switchesAutocommitOnlyAroundTransactionalScripts(Engine engine) {
		DataSource real = RealDatabases.freshDatabase(engine);
		List<Boolean> switches = new ArrayList<>();
		DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = method.invoke(real, args);
					if (!(result instanceof Connection connection)) {
						return result;
					}
					return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
							(connectionProxy, call, callArgs) -> {
								if (call.getName().equals("setAutoCommit")) {
									switches.add((Boolean) callArgs[0]);
								}
								try {
									return call.invoke(connection, callArgs);
								}
								catch (InvocationTargetException e) {
									throw e.getCause();
								}
							});
				});

		runner.migrate(counting, engine, MigrationSet.load("db/migration", getClass().getClassLoader()));

		assertThat(switches).isEqualTo(engine == Engine.POSTGRES ? List.of(false, true, false, true, false, true)
				: List.of());
	}

	/**
	 * A {@code PREPARE … FROM @variable} is told with the variable's text, read on the migration's session, so that a
	 * catalog reader knows what the {@code EXECUTE} runs; a run that tells no one reads no variable, and sends the
	 * database nothing but the scripts and the runner's bookkeeping.
	 */
	@Test
	void aPrepareFromAVariableIsToldWithItsTextAndReadOnlyWhenTold() {
		List<String> sent = new ArrayList<>();
		DataSource recording = sentBy(RealDatabases.freshDatabase(Engine.MARIADB), sent);
		MigrationSet set = MigrationSet.load("roundtrip/history/prepared-statements/mariadb",
				getClass().getClassLoader());

		runner.migrateTo(recording, Engine.MARIADB, set, MigrationVersion.parse("2"));
		assertThat(sent).contains("PREPARE addLocale FROM @change").noneMatch(sql -> sql.startsWith("SELECT @"));
		runner.migrateTo(recording, Engine.MARIADB, set, MigrationVersion.parse("1"));
		sent.clear();
		List<String> told = new ArrayList<>();
		runner.migrateTo(recording, Engine.MARIADB, set, MigrationVersion.parse("2"), told::add);

		assertThat(told).contains("PREPARE addLocale FROM 'ALTER TABLE accounts ADD COLUMN locale VARCHAR(10) NOT NULL "
				+ "DEFAULT ''en'';'", "EXECUTE addLocale").doesNotContain("PREPARE addLocale FROM @change");
		assertThat(sent).containsOnlyOnce("SELECT @change");
	}

	/** {@code real}, whose connections' plain statements note in {@code sent} the SQL they run. */
	private static DataSource sentBy(DataSource real, List<String> sent) {
		return proxy(DataSource.class, (method, args) -> {
			Object result = invoke(real, method, args);
			return result instanceof Connection connection ? proxy(Connection.class, (call, callArgs) -> {
				Object made = invoke(connection, call, callArgs);
				return call.getName().equals("createStatement") ? proxy(Statement.class, (run, runArgs) -> {
					if (run.getName().startsWith("execute") && runArgs != null && runArgs[0] instanceof String sql) {
						sent.add(sql);
					}
					return invoke(made, run, runArgs);
				}) : made;
			}) : result;
		});
	}

	@FunctionalInterface
	private interface Handler {
		Object handle(Method method, Object[] args) throws Throwable;
	}

	private static <T> T proxy(Class<T> type, Handler handler) {
		return type.cast(Proxy.newProxyInstance(SqlMigrationRunnerTests.class.getClassLoader(), new Class<?>[] { type },
				(self, method, args) -> handler.handle(method, args)));
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void migratesForwardAndRecordsHistory(Engine engine) throws SQLException {
		DataSource db = RealDatabases.freshDatabase(engine);
		MigrationSet set = MigrationSet.load("db/migration", getClass().getClassLoader());

		runner.migrate(db, engine, set);

		assertThat(runner.currentVersion(db, engine)).map(MigrationVersion::toString).contains("10");
		List<AppliedMigration> history = runner.history(db, engine);
		assertThat(history).extracting(AppliedMigration::installedRank).containsExactly(1, 2, 3);
		assertThat(history).extracting(row -> row.version().toString()).containsExactly("1", "2", "10");
		assertThat(history).extracting(AppliedMigration::description)
			.containsExactly("create users", "add email", "create orders");
		assertThat(history).extracting(AppliedMigration::checksum)
			.containsExactlyElementsOf(set.migrations().stream().map(migration -> migration.up().checksum()).toList());
		assertThat(columns(db, "users")).contains("id", "name", "email");
		assertThat(columns(db, "orders")).contains("id", "user_id");

		// Migrating again is a no-op.
		runner.migrate(db, engine, set);
		assertThat(runner.history(db, engine)).hasSize(3);
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void migratesBackwardWithUndoScriptsAndUpAgain(Engine engine) throws IOException, SQLException {
		DataSource db = RealDatabases.freshDatabase(engine);
		MigrationSet set = undoableSet();

		runner.migrateTo(db, engine, set, MigrationVersion.parse("2"));
		assertThat(runner.currentVersion(db, engine)).map(MigrationVersion::toString).contains("2");
		assertThat(columns(db, "users")).containsExactlyInAnyOrder("id", "email");

		runner.migrateTo(db, engine, set, MigrationVersion.parse("1"));
		assertThat(columns(db, "users")).containsExactly("id");
		assertThat(runner.history(db, engine)).extracting(row -> row.version().toString()).containsExactly("1");

		runner.migrateTo(db, engine, set, MigrationVersion.ZERO);
		assertThat(columns(db, "users")).isEmpty();
		assertThat(runner.currentVersion(db, engine)).isEmpty();

		runner.migrate(db, engine, set);
		assertThat(runner.currentVersion(db, engine)).map(MigrationVersion::toString).contains("3");
		assertThat(runner.history(db, engine)).extracting(AppliedMigration::installedRank).containsExactly(1, 2, 3);
	}

	/**
	 * What a round trip attributes schema changes to: every statement of the scripts, the history table's creation
	 * the first time and the bookkeeping on it, in order, and a failing statement too (it may have counted).
	 */
	@Test
	void tellsEveryStatementItRunsAlsoTheOneThatFails() throws IOException {
		DataSource db = RealDatabases.freshDatabase(Engine.MARIADB);
		MigrationSet set = undoableSet();
		write("V4__broken.sql", "CREATE TABLE broken (id INT);\nALTER TABLE nowhere ADD COLUMN x INT;\n");
		write("U4__broken.sql", "DROP TABLE broken;\n");
		MigrationSet withBroken = load();
		List<String> told = new ArrayList<>();

		runner.migrateTo(db, Engine.MARIADB, set, MigrationVersion.parse("2"), told::add);

		assertThat(runner.tellsStatementsRun()).isTrue();
		assertThat(told).filteredOn(sql -> !sql.startsWith("SELECT") && !sql.startsWith("INSERT INTO "
				+ SqlMigrationRunner.HISTORY_TABLE)).containsExactly(
						"CREATE TABLE IF NOT EXISTS " + SqlMigrationRunner.HISTORY_TABLE + " (installed_rank INTEGER NOT "
								+ "NULL PRIMARY KEY, version VARCHAR(100) NOT NULL, description VARCHAR(200) NOT NULL, "
								+ "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL, execution_time_ms BIGINT "
								+ "NOT NULL)",
						"CREATE TABLE users (id INT PRIMARY KEY)", "ALTER TABLE users ADD COLUMN email VARCHAR(100)");
		told.clear();
		runner.migrateTo(db, Engine.MARIADB, set, MigrationVersion.parse("1"), told::add);
		assertThat(told).filteredOn(sql -> !sql.startsWith("SELECT")).containsExactly(
				"ALTER TABLE users DROP COLUMN email", "DELETE FROM " + SqlMigrationRunner.HISTORY_TABLE + " WHERE version = ?");
		told.clear();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.migrateTo(db, Engine.MARIADB,
				withBroken, MigrationVersion.parse("4"), told::add));
		assertThat(told).filteredOn(sql -> !sql.startsWith("SELECT") && !sql.startsWith("INSERT"))
			.containsExactly("ALTER TABLE users ADD COLUMN email VARCHAR(100)", "CREATE TABLE checks (id INT)",
					"CREATE TABLE broken (id INT)", "ALTER TABLE nowhere ADD COLUMN x INT");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void missingUndoScriptFailsBeforeUndoingAnything(Engine engine) {
		DataSource db = RealDatabases.freshDatabase(engine);
		MigrationSet set = MigrationSet.load("db/migration", getClass().getClassLoader());
		runner.migrate(db, engine, set);

		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.migrateTo(db, engine, set, MigrationVersion.parse("1")))
			.withMessageStartingWith("dbparity migrate on " + engine.displayName() + " (jdbc:")
			.withMessageEndingWith(": cannot migrate 'db/migration' down to 1: migration 10 "
					+ "(db/migration/V10__create_orders.sql) has no undo script. Add U10__create_orders.sql beside "
					+ "it with the statements that reverse it.");
		assertThat(runner.currentVersion(db, engine)).map(MigrationVersion::toString).contains("10");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void migrationEditedAfterItWasApplied(Engine engine) throws IOException {
		DataSource db = RealDatabases.freshDatabase(engine);
		MigrationSet original = undoableSet();
		runner.migrateTo(db, engine, original, MigrationVersion.parse("2"));

		// Line endings are not an edit.
		write("V2__add_email.sql", "ALTER TABLE users ADD COLUMN email VARCHAR(100);\r\n\r\n");
		runner.migrateTo(db, engine, load(), MigrationVersion.parse("2"));

		write("V2__add_email.sql", "ALTER TABLE users ADD COLUMN email VARCHAR(200);\n");
		MigrationSet edited = load();
		String stored = original.find(MigrationVersion.parse("2")).orElseThrow().up().checksum();
		String current = edited.find(MigrationVersion.parse("2")).orElseThrow().up().checksum();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.migrate(db, engine, edited))
			.withMessageEndingWith(": migration 2 (file:" + dir + "/V2__add_email.sql) was edited after it was "
					+ "applied: stored checksum " + stored + ", current checksum " + current + ". Revert the edit, or "
					+ "add a new migration V4__<description>.sql; never edit an applied migration.");
		assertThat(runner.currentVersion(db, engine)).map(MigrationVersion::toString).contains("2");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void failingStatementNamesFileAndLine(Engine engine) throws IOException {
		DataSource db = RealDatabases.freshDatabase(engine);
		MigrationSet set = undoableSet();
		write("V3__checks.sql", CHECKS);

		MigrationException failure = catchMigrationException(() -> runner.migrate(db, engine, load()));

		assertThat(failure.getMessage()).startsWith("dbparity migrate on " + engine.displayName() + " (jdbc:")
			.contains(": migration 3 (checks) failed at file:" + dir + "/V3__checks.sql:4\n"
					+ "  statement: INSERT INTO users (id, email) VALUES (1, 'duplicate@example.com')\n  error: ")
			.contains(engine == Engine.POSTGRES ? "(SQLState 23505)" : "(SQLState 23000)");
		assertThat(failure).hasCauseInstanceOf(SQLException.class);
		assertThat(failure.getMessage()).contains(failure.getCause().getMessage());
		assertThat(runner.currentVersion(db, engine)).map(MigrationVersion::toString).contains("2");
		assertThat(set.latest()).hasToString("3");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void failedMigrationIsRolledBackOnlyWhereDdlIsTransactional(Engine engine) throws IOException, SQLException {
		DataSource db = RealDatabases.freshDatabase(engine);
		undoableSet();
		write("V3__checks.sql", "CREATE TABLE partial (id INT);\nSELECT * FROM no_such_table;\n");

		MigrationException failure = catchMigrationException(() -> runner.migrate(db, engine, load()));

		assertThat(failure.getMessage()).contains("/V3__checks.sql:2\n  statement: SELECT * FROM no_such_table\n");
		assertThat(runner.currentVersion(db, engine)).map(MigrationVersion::toString).contains("2");
		if (engine == Engine.POSTGRES) {
			assertThat(failure.getMessage()).endsWith("The migration 3 was rolled back, so the database is as it was "
					+ "before it. Fix the statement and migrate again.");
			assertThat(columns(db, "partial")).isEmpty();
		}
		else {
			assertThat(failure.getMessage()).endsWith("MariaDB commits DDL implicitly, so the migration 3 may be "
					+ "partially applied: statements before file:" + dir + "/V3__checks.sql:2 may have taken effect. "
					+ "Start from a fresh database, or reverse them by hand, then fix the statement and migrate again.");
			assertThat(columns(db, "partial")).containsExactly("id");
		}
	}

	@Test
	void postgresMigrationsWithStatementsRefusedInATransactionRunStatementByStatement() throws IOException,
			SQLException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);
		write("V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY, email TEXT);\n");
		write("V2__email_index.sql", "-- Built without blocking writes.\nCREATE INDEX CONCURRENTLY users_email_idx ON users "
				+ "(email);\n");
		write("U2__email_index.sql", "DROP INDEX CONCURRENTLY users_email_idx;\n");
		write("V3__broken.sql", "CREATE UNIQUE INDEX CONCURRENTLY users_id_idx ON users (id);\nSELECT * FROM missing;\n");

		MigrationException failure = catchMigrationException(() -> runner.migrate(db, Engine.POSTGRES, load()));

		assertThat(runner.currentVersion(db, Engine.POSTGRES)).map(MigrationVersion::toString).contains("2");
		assertThat(failure.getMessage()).endsWith("The migration 3 ran outside a transaction, as PostgreSQL cannot run "
				+ "CREATE UNIQUE INDEX CONCURRENTLY users_id_idx ON users (id) (file:" + dir + "/V3__broken.sql:1) inside "
				+ "one, so it may be partially applied: statements before file:" + dir + "/V3__broken.sql:2 may have "
				+ "taken effect. Start from a fresh database, or reverse them by hand, then fix the statement and migrate "
				+ "again.");
		Files.delete(dir.resolve("V3__broken.sql"));
		runner.migrateTo(db, Engine.POSTGRES, load(), MigrationVersion.parse("1"));
		assertThat(runner.currentVersion(db, Engine.POSTGRES)).map(MigrationVersion::toString).contains("1");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void routineBodiesRun(Engine engine) throws IOException, SQLException {
		DataSource db = RealDatabases.freshDatabase(engine);
		String routine = engine == Engine.POSTGRES
				? "CREATE FUNCTION twice(x INT) RETURNS INT AS $$\nBEGIN\n  RETURN x * 2;\nEND;\n$$ LANGUAGE plpgsql;\n"
				: "CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC\nBEGIN\n  DECLARE y INT;\n"
						+ "  IF x > 0 THEN SET y = x * 2; ELSE SET y = 0; END IF;\n  RETURN y;\nEND;\n";
		write("V1__twice.sql", routine + "CREATE TABLE t (id INT);\n");

		runner.migrate(db, engine, load());

		try (Connection connection = db.getConnection();
				ResultSet result = connection.createStatement().executeQuery("SELECT twice(21)")) {
			result.next();
			assertThat(result.getInt(1)).isEqualTo(42);
		}
	}

	/** Real histories guard DDL with an anonymous block, written without {@code DELIMITER}. */
	@Test
	void mariaDbAnonymousBlockRunsAsOneStatement() throws IOException, SQLException {
		DataSource db = RealDatabases.freshDatabase(Engine.MARIADB);
		write("V1__guarded.sql", "CREATE TABLE t (id INT);\nBEGIN NOT ATOMIC\n"
				+ "  IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()\n"
				+ "                 AND TABLE_NAME = 't' AND COLUMN_NAME = 'name') THEN\n"
				+ "    ALTER TABLE t ADD COLUMN name VARCHAR(20);\n  END IF;\nEND;\nINSERT INTO t VALUES (1, 'a');\n");

		runner.migrate(db, Engine.MARIADB, load());

		assertThat(columns(db, "t")).containsExactly("id", "name");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void appliedMigrationMissingFromSet(Engine engine) throws IOException {
		DataSource db = RealDatabases.freshDatabase(engine);
		runner.migrate(db, engine, undoableSet());
		Files.delete(dir.resolve("V3__checks.sql"));
		Files.delete(dir.resolve("U3__checks.sql"));

		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.migrate(db, engine, load()))
			.withMessageEndingWith(": migration 3 (checks) was applied to this database but is not in 'file:" + dir
					+ "'. Restore its V3__ script, or start from a fresh database.");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void pendingMigrationBelowCurrentVersion(Engine engine) throws IOException {
		DataSource db = RealDatabases.freshDatabase(engine);
		runner.migrate(db, engine, undoableSet());
		write("V2_5__late.sql", "SELECT 1;");

		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.migrate(db, engine, load()))
			.withMessageEndingWith(": migration 2.5 (file:" + dir + "/V2_5__late.sql) is pending but lower than the "
					+ "current version 3; migrations are applied in order only. Renumber it to V4__<description>.sql.");
	}

	@Test
	void targetMustBeAVersionOfTheSet() throws IOException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);
		MigrationSet set = undoableSet();

		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.migrateTo(db, Engine.POSTGRES, set, MigrationVersion.parse("2.1")))
			.withMessageEndingWith(": target version 2.1 is not in 'file:" + dir + "', whose versions are 1, 2, 3. "
					+ "Migrate to one of them, or to MigrationVersion.ZERO to undo everything.");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void failingStatementInADownSectionNamesTheLineOfTheFile(Engine engine) throws IOException {
		DataSource db = RealDatabases.freshDatabase(engine);
		write("20230101_users.sql", "-- +goose Up\nCREATE TABLE users (id INT PRIMARY KEY);\n\n-- +goose Down\n"
				+ "DROP TABLE users;\n-- the next statement fails\nDROP TABLE\n  no_such_table;\n");
		MigrationSet set = load();
		runner.migrate(db, engine, set);

		MigrationException failure = catchMigrationException(
				() -> runner.migrateTo(db, engine, set, MigrationVersion.ZERO));

		assertThat(failure.getMessage()).contains(": undo of migration 20230101 (users) failed at file:" + dir
				+ "/20230101_users.sql:7\n  statement: DROP TABLE no_such_table\n  error: ");
	}

	@Test
	void gooseStatementBlocksAndNoTransactionRunOnPostgres() throws SQLException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);
		MigrationSet set = MigrationSet.load("formats/goose", getClass().getClassLoader());

		// Version 2 builds an index CONCURRENTLY, which PostgreSQL refuses inside a transaction.
		runner.migrate(db, Engine.POSTGRES, set);

		assertThat(runner.currentVersion(db, Engine.POSTGRES)).map(MigrationVersion::toString).contains("20230101120000");
		assertThat(columns(db, "users")).containsExactly("id", "name", "updated_at", "email");
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO users (id, name) VALUES (1, 'Ada')");
			statement.execute("UPDATE users SET name = 'Ada L.'");
			try (ResultSet touched = statement.executeQuery("SELECT updated_at IS NOT NULL FROM users");
					ResultSet index = connection.getMetaData().getIndexInfo(null, "public", "users", false, false)) {
				touched.next();
				assertThat(touched.getBoolean(1)).as("the trigger function from the statement block ran").isTrue();
				List<String> indexes = new ArrayList<>();
				while (index.next()) {
					indexes.add(index.getString("INDEX_NAME"));
				}
				assertThat(indexes).contains("users_name_idx");
			}
		}
	}

	@Test
	void aScriptOutsideATransactionSaysItMayBePartiallyApplied() throws IOException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);
		write("1_a.sql", "-- migrate:up transaction:false\nCREATE TABLE partial (id INT);\nSELECT * FROM no_such_table;\n");

		MigrationException failure = catchMigrationException(() -> runner.migrate(db, Engine.POSTGRES, load()));

		assertThat(failure.getMessage()).endsWith("file:" + dir + "/1_a.sql asks to run outside a transaction, so the "
				+ "migration 1 may be partially applied: statements before file:" + dir + "/1_a.sql:3 may have taken "
				+ "effect. Start from a fresh database, or reverse them by hand, then fix the statement and migrate "
				+ "again.");
		assertThat(runner.currentVersion(db, Engine.POSTGRES)).isEmpty();
	}

	@Test
	void missingUndoSaysHowToAddOneInTheFormatOfTheFolder() throws IOException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);
		write("000001_a.up.sql", "CREATE TABLE a (id INT);\n");
		MigrationSet golangMigrate = load();
		runner.migrate(db, Engine.POSTGRES, golangMigrate);

		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.migrateTo(db, Engine.POSTGRES, golangMigrate, MigrationVersion.ZERO))
			.withMessageEndingWith(": migration 1 (file:" + dir + "/000001_a.up.sql) has no undo script. Add "
					+ "000001_a.down.sql beside it with the statements that reverse it.");

		Files.delete(dir.resolve("000001_a.up.sql"));
		write("1_a.sql", "-- +goose Up\nCREATE TABLE b (id INT);\n-- +goose Down\n-- nothing\n");
		DataSource other = RealDatabases.freshDatabase(Engine.POSTGRES);
		MigrationSet goose = load();
		runner.migrate(other, Engine.POSTGRES, goose);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.migrateTo(other, Engine.POSTGRES, goose, MigrationVersion.ZERO))
			.withMessageEndingWith(": migration 1 (file:" + dir + "/1_a.sql) has no undo script. Write the statements "
					+ "that reverse it below a '-- +goose Down' line at the end of 1_a.sql.");
	}

	@Test
	void historyErrorsNameFilesOfTheFolder() throws IOException {
		DataSource db = RealDatabases.freshDatabase(Engine.POSTGRES);
		write("20230101_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n-- migrate:down\nDROP TABLE a;\n");
		write("20230102_b.sql", "-- migrate:up\nCREATE TABLE b (id INT);\n-- migrate:down\nDROP TABLE b;\n");
		runner.migrate(db, Engine.POSTGRES, load());

		write("20230102_b.sql", "-- migrate:up\nCREATE TABLE b (id BIGINT);\n-- migrate:down\nDROP TABLE b;\n");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.migrate(db, Engine.POSTGRES, load()))
			.withMessageContaining("Revert the edit, or add a new migration <version>_<name>.sql with a version above "
					+ "20230102; never edit an applied migration.");

		Files.delete(dir.resolve("20230102_b.sql"));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.migrate(db, Engine.POSTGRES, load()))
			.withMessageEndingWith(": migration 20230102 (b) was applied to this database but is not in 'file:" + dir
					+ "'. Restore its 20230102_<name>.sql file, or start from a fresh database.");
	}

	private MigrationSet undoableSet() throws IOException {
		write("V1__create_users.sql", "CREATE TABLE users (id INT PRIMARY KEY);\n");
		write("U1__create_users.sql", "DROP TABLE users;\n");
		write("V2__add_email.sql", "ALTER TABLE users ADD COLUMN email VARCHAR(100);\n");
		write("U2__add_email.sql", "ALTER TABLE users DROP COLUMN email;\n");
		write("V3__checks.sql", "CREATE TABLE checks (id INT);\n");
		write("U3__checks.sql", "DROP TABLE checks;\n");
		return load();
	}

	@Test
	void aFailingMigrationsMessageMasksThePasswordOfTheUrl() throws Exception {
		DataSource server = RealDatabases.freshDatabase(Engine.MARIADB);
		String url;
		// A user whose password the server checks, so that the URL's user-info is what really connects.
		try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
			url = connection.getMetaData().getURL();
			statement.execute("CREATE USER IF NOT EXISTS 'parity_pw'@'127.0.0.1' IDENTIFIED BY 'S3cret-pw'");
			statement.execute("GRANT ALL ON `" + connection.getCatalog() + "`.* TO 'parity_pw'@'127.0.0.1'");
		}
		MysqlDataSource withPassword = new MysqlDataSource();
		withPassword.setUrl(url.replace("jdbc:mysql://", "jdbc:mysql://parity_pw:S3cret-pw@"));
		write("V1__broken.sql", "CREATE TABLE broken (id INT PRIMARY KEY,);\n");

		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> runner.migrate(withPassword, Engine.MARIADB, load()))
			.withMessageStartingWith("dbparity migrate on MariaDB (jdbc:mysql://parity_pw:***@")
			.withMessageNotContaining("S3cret-pw");
	}

	private MigrationSet load() {
		return MigrationSet.load("file:" + dir, getClass().getClassLoader());
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

	private static MigrationException catchMigrationException(Runnable action) {
		try {
			action.run();
		}
		catch (MigrationException e) {
			return e;
		}
		throw new AssertionError("expected a MigrationException");
	}

	/** The table's column names, lower-case; empty if the table does not exist. */
	private static List<String> columns(DataSource db, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = db.getConnection();
				ResultSet rows = connection.getMetaData()
					.getColumns(connection.getCatalog(), connection.getSchema(), table, null)) {
			while (rows.next()) {
				columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}
}
