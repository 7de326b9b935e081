package dev.dbparity.migrations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code SqlMigrationRunner} is the built-in {@link MigrationRunner} (id {@value #ID}): it runs the scripts of a
 * {@link MigrationSet} over JDBC, split by {@link SqlScriptSplitter}, and records them in the table
 * {@value #HISTORY_TABLE}, which it creates when absent.
 *
 * <p>On PostgreSQL each migration (its statements and its history row) is one transaction, so a failing migration
 * leaves nothing behind. MariaDB and MySQL commit DDL implicitly, so statements run with autocommit, the history row
 * is written after the last one, and a failing migration may be partially applied; the error says so. So may a
 * PostgreSQL script that is not {@linkplain Script#transactional() transactional}, or that has a statement PostgreSQL
 * refuses inside a transaction block, such as {@code CREATE INDEX CONCURRENTLY} (as Flyway does, it then runs with
 * autocommit).
 *
 * <p>Before changing anything it validates the history: every applied version must still be in the set with the
 * same checksum, and no pending version may be lower than the current one.
 *
 * @since 0.1
 */
public final class SqlMigrationRunner implements MigrationRunner {

	/** {@code ID} is the runner's id, {@value}. */
	public static final String ID = "sql";

	/** {@code HISTORY_TABLE} is the name of the table recording applied migrations, {@value}. */
	public static final String HISTORY_TABLE = "dbparity_schema_history";

	private static final String READ_HISTORY = "SELECT installed_rank, version, description, checksum, applied_at, "
			+ "execution_time_ms FROM " + HISTORY_TABLE + " ORDER BY installed_rank";
	private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
			+ "installed_rank INTEGER NOT NULL PRIMARY KEY, "
			+ "version VARCHAR(100) NOT NULL, "
			+ "description VARCHAR(200) NOT NULL, "
			+ "checksum VARCHAR(64) NOT NULL, "
			+ "applied_at TIMESTAMP NOT NULL, "
			+ "execution_time_ms BIGINT NOT NULL)";
	private static final String MAX_RANK = "SELECT MAX(installed_rank) FROM " + HISTORY_TABLE;
	private static final String INSERT_HISTORY = "INSERT INTO " + HISTORY_TABLE + " (installed_rank, version, "
			+ "description, checksum, applied_at, execution_time_ms) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, ?)";
	private static final String DELETE_HISTORY = "DELETE FROM " + HISTORY_TABLE + " WHERE version = ?";

	@Override
	public String id() {
		return ID;
	}

	/** Any set of plain SQL scripts can be run. */
	@Override
	public boolean supports(MigrationSet migrations) {
		return true;
	}

	@Override
	public MigrationSet load(String location, ClassLoader classLoader, Engine engine) {
		return MigrationSet.load(location, classLoader, engine);
	}

	@Override
	public Optional<MigrationVersion> currentVersion(DataSource dataSource, Engine engine) {
		return history(dataSource, engine).stream().map(AppliedMigration::version).max(Comparator.naturalOrder());
	}

	@Override
	public List<AppliedMigration> history(DataSource dataSource, Engine engine) {
		checkEngine(engine);
		try (Connection connection = dataSource.getConnection()) {
			return historyTableExists(connection) ? readHistory(connection) : List.of();
		}
		catch (SQLException e) {
			throw new MigrationException("Cannot read " + HISTORY_TABLE + " on " + engine.displayName() + ": "
					+ e.getMessage(), e);
		}
	}

	@Override
	public void migrateTo(DataSource dataSource, Engine engine, MigrationSet migrations, MigrationVersion target) {
		migrateTo(dataSource, engine, migrations, target, ScriptExecution.NOT_TOLD);
	}

	/**
	 * {@inheritDoc}
	 *
	 * <p>Told are the scripts' statements and the runner's own: the history table's creation, the first time, and the
	 * queries and row writes on it. Not told are the driver's metadata queries, which only read.
	 */
	@Override
	public void migrateTo(DataSource dataSource, Engine engine, MigrationSet migrations, MigrationVersion target,
			Consumer<String> statementsRun) {
		checkEngine(engine);
		Objects.requireNonNull(migrations, "migrations");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(statementsRun, "statementsRun");
		try (Connection connection = dataSource.getConnection()) {
			Run run = new Run(connection, engine, migrations, header(connection, engine), statementsRun);
			run.migrateTo(target);
		}
		catch (SQLException e) {
			throw new MigrationException("dbparity migrate on " + engine.displayName() + ": cannot use the database: "
					+ e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
		}
	}

	@Override
	public boolean tellsStatementsRun() {
		return true;
	}

	private static void checkEngine(Engine engine) {
		Objects.requireNonNull(engine, "engine");
	}

	/**
	 * The start of every message: phase, engine and URL. The query string is dropped and a user-info password masked:
	 * either may hold one.
	 */
	private static String header(Connection connection, Engine engine) throws SQLException {
		String url = connection.getMetaData().getURL();
		return "dbparity migrate on " + engine.displayName() + " (" + Redaction.url(url.replaceFirst("\\?.*$", ""))
				+ ")";
	}

	private static boolean historyTableExists(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String pattern = HISTORY_TABLE.replace("_", metaData.getSearchStringEscape() + "_");
		try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), pattern, null)) {
			return tables.next();
		}
	}

	private static List<AppliedMigration> readHistory(Connection connection) throws SQLException {
		List<AppliedMigration> history = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(READ_HISTORY)) {
			while (rows.next()) {
				history.add(new AppliedMigration(rows.getInt(1), MigrationVersion.parse(rows.getString(2)),
						rows.getString(3), rows.getString(4), rows.getTimestamp(5).toInstant(),
						Duration.ofMillis(rows.getLong(6))));
			}
		}
		return history;
	}

	/** One call of {@link #migrateTo}: one connection, one engine, one set. */
	private static final class Run {

		private final Connection connection;
		private final Engine engine;
		private final MigrationSet migrations;
		private final String header;
		private final Consumer<String> statementsRun;

		Run(Connection connection, Engine engine, MigrationSet migrations, String header,
				Consumer<String> statementsRun) {
			this.connection = connection;
			this.engine = engine;
			this.migrations = migrations;
			this.header = header;
			this.statementsRun = statementsRun;
		}

		void migrateTo(MigrationVersion target) throws SQLException {
			checkTarget(target);
			List<AppliedMigration> applied = historyCreatedIfMissing();
			Optional<MigrationVersion> current = applied.stream()
				.map(AppliedMigration::version)
				.max(Comparator.naturalOrder());
			validate(applied, current);
			if (current.isPresent() && target.compareTo(current.get()) < 0) {
				undoAbove(target, applied);
			}
			else {
				Set<MigrationVersion> done = versions(applied);
				for (Migration migration : migrations.migrations()) {
					if (migration.version().compareTo(target) <= 0 && !done.contains(migration.version())) {
						apply(migration);
					}
				}
			}
		}

		private void checkTarget(MigrationVersion target) {
			boolean belowAll = target.compareTo(migrations.migrations().get(0).version()) < 0;
			if (!belowAll && migrations.find(target).isEmpty()) {
				throw new MigrationException(header + ": target version " + target + " is not in '"
						+ migrations.location() + "', whose versions are " + migrations.migrations()
							.stream()
							.map(migration -> migration.version().toString())
							.collect(Collectors.joining(", "))
						+ ". Migrate to one of them, or to MigrationVersion.ZERO to undo everything.");
			}
		}

		private void validate(List<AppliedMigration> applied, Optional<MigrationVersion> current) {
			for (AppliedMigration row : applied) {
				Optional<Migration> migration = migrations.find(row.version());
				if (migration.isEmpty()) {
					throw new MigrationException(header + ": migration " + row.version() + " (" + row.description()
							+ ") was applied to this database but is not in '" + migrations.location()
							+ "'. Restore its " + migrations.format().script(row.version()) + ", or start from a fresh "
							+ "database.");
				}
				Script up = migration.get().up();
				if (!up.checksum().equals(row.checksum())) {
					throw new MigrationException(header + ": migration " + row.version() + " (" + up.location()
							+ ") was edited after it was applied: stored checksum " + row.checksum()
							+ ", current checksum " + up.checksum() + ". Revert the edit, or add a new migration "
							+ migrations.format().newMigration(migrations.latest()) + "; never edit an applied migration.");
				}
			}
			Set<MigrationVersion> done = versions(applied);
			for (Migration migration : migrations.migrations()) {
				if (current.isPresent() && migration.version().compareTo(current.get()) < 0
						&& !done.contains(migration.version())) {
					throw new MigrationException(header + ": migration " + migration.version() + " ("
							+ migration.up().location() + ") is pending but lower than the current version "
							+ current.get() + "; migrations are applied in order only. Renumber it to "
							+ migrations.format().newMigration(migrations.latest()) + ".");
				}
			}
		}

		/** The versions of {@code applied}, as a set: looked up once per migration of the set. */
		private static Set<MigrationVersion> versions(List<AppliedMigration> applied) {
			return applied.stream().map(AppliedMigration::version).collect(Collectors.toCollection(HashSet::new));
		}

		private void undoAbove(MigrationVersion target, List<AppliedMigration> applied) throws SQLException {
			List<Migration> toUndo = applied.stream()
				.map(AppliedMigration::version)
				.filter(version -> version.compareTo(target) > 0)
				.sorted(Comparator.reverseOrder())
				.map(version -> migrations.find(version).orElseThrow())
				.toList();
			// All undo scripts are checked before the first runs, so a missing one changes nothing.
			for (Migration migration : toUndo) {
				if (migration.undo().isEmpty()) {
					throw new MigrationException(header + ": cannot migrate '" + migrations.location()
							+ "' down to " + target + ": migration " + migration.version() + " ("
							+ migration.up().location() + ") has no undo script. "
							+ migrations.format().addUndo(migration) + ".");
				}
			}
			for (Migration migration : toUndo) {
				run(migration, migration.undo().orElseThrow(), "undo of migration " + migration.version(),
						elapsed -> deleteHistory(migration));
			}
		}

		private void apply(Migration migration) throws SQLException {
			run(migration, migration.up(), "migration " + migration.version(),
					elapsed -> insertHistory(migration, elapsed));
		}

		private void run(Migration migration, Script script, String what, ScriptExecution.Record record)
				throws SQLException {
			ScriptExecution.run(connection, engine, header, script, script.content(), what, migration.description(),
					record, statementsRun);
		}

		/**
		 * The applied migrations, after creating the history table when it is missing. Only then: a
		 * {@code CREATE TABLE IF NOT EXISTS} that finds the table changes nothing, but it is a statement that could have,
		 * which breaks a catalog mark that counts them (MariaDB's) on every run. The history is read first and the
		 * table looked up only when that fails, so that a run costs no more statements than before; inside a
		 * transaction, which a failed statement would abort on PostgreSQL, the table is looked up first.
		 */
		private List<AppliedMigration> historyCreatedIfMissing() throws SQLException {
			if (connection.getAutoCommit()) {
				try {
					statementsRun.accept(READ_HISTORY);
					return readHistory(connection);
				}
				catch (SQLException unreadable) {
					if (historyTableExists(connection)) {
						throw unreadable;
					}
				}
			}
			else if (historyTableExists(connection)) {
				statementsRun.accept(READ_HISTORY);
				return readHistory(connection);
			}
			try (Statement statement = connection.createStatement()) {
				statementsRun.accept(CREATE_HISTORY);
				statement.execute(CREATE_HISTORY);
			}
			return List.of();
		}

		private void insertHistory(Migration migration, Duration elapsed) throws SQLException {
			int rank;
			statementsRun.accept(MAX_RANK);
			try (Statement statement = connection.createStatement();
					ResultSet max = statement.executeQuery(MAX_RANK)) {
				max.next();
				rank = max.getInt(1) + 1;
			}
			statementsRun.accept(INSERT_HISTORY);
			try (PreparedStatement insert = connection.prepareStatement(INSERT_HISTORY)) {
				insert.setInt(1, rank);
				insert.setString(2, migration.version().toString());
				String description = migration.description();
				insert.setString(3, description.length() <= 200 ? description : description.substring(0, 200));
				insert.setString(4, migration.up().checksum());
				insert.setLong(5, elapsed.toMillis());
				insert.executeUpdate();
			}
		}

		private void deleteHistory(Migration migration) throws SQLException {
			statementsRun.accept(DELETE_HISTORY);
			try (PreparedStatement delete = connection.prepareStatement(DELETE_HISTORY)) {
				delete.setString(1, migration.version().toString());
				delete.executeUpdate();
			}
		}
	}
}
