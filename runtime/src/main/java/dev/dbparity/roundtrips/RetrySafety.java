package dev.dbparity.roundtrips;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.lint.LintFinding;
import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.MigrationDirectives;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.ScriptExecution;
import dev.dbparity.migrations.SqlScriptSplitter;
import dev.dbparity.migrations.SqlStatement;
import dev.dbparity.roundtrips.RoundTripTimings.Phase;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.diff.report.TextReport;
import dev.dbparity.templates.DatabaseContext;

/**
 * {@code RetrySafety} checks that a migration interrupted halfway can simply be run again. A script whose statements do
 * not run in one transaction (every script on MariaDB and MySQL, which commit DDL implicitly; on PostgreSQL a script
 * that asks to run outside a transaction or holds a statement such as {@code CREATE INDEX CONCURRENTLY}) leaves its
 * first statements applied and no history row when it fails, and every migration tool then runs the whole script again.
 *
 * <p>For a forward script of k statements, and likewise for its undo script: for every i &lt; k, a copy of the database
 * before the script gets statements 1…i, then the runner runs the whole script; the retry must succeed and reach the
 * schema and table contents of an uninterrupted run. A script that runs in one transaction, or has one statement,
 * passes with a note and costs no copy. A header line {@code -- dbparity:allow DP307 <reason>} accepts a script that is
 * not retry-safe, with its findings as notes.
 *
 * <p>Cost: one database per version is the template "before version v"; each interruption point of the forward script
 * is a clone of it, as cloning is the cheapest way to a database at that version on both engines, and then the template
 * itself takes the uninterrupted run. Retried copies that reached the same state are databases at version v too: the
 * undo's checks start from them, and one is the next version's template, so a retry-safe version of k statements
 * costs k - 1 clones.
 *
 * <p>Results are {@link VersionResult}s, one per migration in version order, as the round trips' are, so that front
 * ends show them the same way. Closing drops the databases; checking the last version drops them too.
 *
 * <p>Internal: may change in any minor release.
 */
public final class RetrySafety implements AutoCloseable {

	private static final int MESSAGE_DIFFERENCES = 20;
	private static final int STATEMENT_PREVIEW_LENGTH = 60;
	/**
	 * One statement that runs several, each committing on its own where DDL commits implicitly: a MariaDB compound
	 * statement, or a call of a procedure. An interruption inside it cannot be tried from outside.
	 */
	private static final Pattern COMPOUND = Pattern.compile("(?is)(?:BEGIN\\s+NOT\\s+ATOMIC|CALL)\\b");

	private final RunningEngine engine;
	private final MigrationRunner runner;
	private final MigrationSet migrations;
	private final MigrationVersion from;
	private final RoundTripTimings timings;
	/** The database at the version before the next one to check; never written to once it was copied. */
	private String before;
	private MigrationVersion beforeVersion = MigrationVersion.ZERO;
	/** Every database this check created and has not dropped yet. */
	private final Set<String> databases = new HashSet<>();
	/** The databases that were copied, which must not change any more. */
	private final Set<String> copied = new HashSet<>();
	/** Whether a retried copy of the last version with interruption points reached the uninterrupted run's state. */
	private boolean lastRetriesReached = true;
	/** The version whose forward script fails uninterrupted, after which no later version can be reached. */
	private String unreachable;

	private RetrySafety(RunningEngine engine, MigrationRunner runner, MigrationSet migrations, MigrationVersion from,
			RoundTripTimings timings) {
		this.engine = engine;
		this.runner = runner;
		this.migrations = migrations;
		this.from = from;
		this.timings = timings;
	}

	/**
	 * The retry safety of every one of {@code context}'s migrations on {@code engine}, in databases of their own.
	 *
	 * @throws IllegalArgumentException when the context has no migrations: each front end says first how to give them
	 */
	public static RetrySafety of(RunningEngine engine, DatabaseContext context, RoundTripTimings timings) {
		MigrationSet migrations = context.migrations().orElseThrow(() -> new IllegalArgumentException("Retry safety "
				+ "needs migrations, and the database context has none."));
		return new RetrySafety(engine, context.runner(), migrations, MigrationVersion.ZERO, timings);
	}

	/**
	 * The retry safety of the migrations above {@code from} (the pending ones, for the lint), starting from a database
	 * migrated to {@code from}.
	 */
	public static RetrySafety above(RunningEngine engine, MigrationRunner runner, MigrationSet migrations,
			MigrationVersion from) {
		return new RetrySafety(engine, runner, migrations, from, new RoundTripTimings());
	}

	/** One pending check per migration above the starting version, in version order; run them in that order. */
	public Stream<Pending> versions() {
		return migrations.migrations().stream().filter(migration -> migration.version().compareTo(from) > 0)
			.map(Pending::new);
	}

	/** The versions' results, in version order, each checked when the stream reaches it. */
	public Stream<VersionResult> run() {
		return versions().map(Pending::run);
	}

	/** {@code Pending} is one migration's retry-safety check, named before it runs. */
	public final class Pending {

		private final Migration migration;

		private Pending(Migration migration) {
			this.migration = migration;
		}

		/** The version's name: {@code V3 indexes and checks}. */
		public String name() {
			return VersionResult.name(migration.version(), migration.description());
		}

		/** The migration's version. */
		public MigrationVersion version() {
			return migration.version();
		}

		/**
		 * Checks the version, accepting what its header allows ({@code -- dbparity:allow DP307 <reason>}) with notes;
		 * after the last one, drops the databases.
		 */
		public VersionResult run() {
			VersionResult result = check();
			if (result.verdict() != Verdict.FAILED || result.cause().isPresent()) {
				return result;
			}
			// A failure without a cause comes from findings, after check() parsed the header: it parses here too.
			Optional<String> allowed = Optional.ofNullable(MigrationDirectives.parse(migration.up()).allowedRules()
				.get(LintFinding.Kind.NOT_RETRY_SAFE));
			if (allowed.isEmpty()) {
				return result;
			}
			List<String> notes = new ArrayList<>(result.notes());
			notes.add("accepted, declared " + LintFinding.Kind.NOT_RETRY_SAFE.code() + " (" + allowed.get() + "): "
					+ result.message());
			return new VersionResult(result.version(), result.description(), Verdict.PASSED, "", notes,
					Optional.empty(), result.elapsed());
		}

		/** Checks the version as it is, whatever its header allows: the lint applies the header itself. */
		public VersionResult check() {
			List<Migration> all = migrations.migrations();
			try {
				return RetrySafety.this.check(migration);
			}
			finally {
				if (migration == all.get(all.size() - 1)) {
					close();
				}
			}
		}
	}

	private synchronized VersionResult check(Migration migration) {
		long start = System.nanoTime();
		List<String> notes = new ArrayList<>();
		Verdict verdict = Verdict.PASSED;
		String message = "";
		Optional<Throwable> cause = Optional.empty();
		try {
			MigrationDirectives.parse(migration.up());
			if (unreachable != null) {
				verdict = Verdict.SKIPPED;
				message = "V" + migration.version() + " was not checked: " + unreachable + " before it fails forward, "
						+ "so no database reaches V" + migration.version() + ". Fix " + unreachable + ", and V"
						+ migration.version() + " will be checked.";
			}
			else {
				List<String> findings = verdictOf(migration, notes);
				if (!findings.isEmpty()) {
					verdict = Verdict.FAILED;
					message = failure(migration, findings, notes);
				}
			}
		}
		catch (ForwardFails e) {
			verdict = Verdict.FAILED;
			message = e.getMessage();
			cause = Optional.of(e.getCause());
		}
		catch (RuntimeException e) {
			// Whatever stops one version's check is that version's failure, as a test runner would report it.
			verdict = Verdict.FAILED;
			message = String.valueOf(e.getMessage());
			cause = Optional.of(e);
		}
		return new VersionResult(migration.version(), migration.description(), verdict, message, notes, cause,
				Duration.ofNanos(System.nanoTime() - start));
	}

	private String failure(Migration migration, List<String> findings, List<String> notes) {
		String noteText = notes.stream().map(note -> "\n  note: " + note).collect(Collectors.joining());
		String why = engine.engine().hasTransactionalDdl()
				? "Its statements do not run in one transaction, so"
				: engine.engine().displayName() + " commits DDL implicitly, so";
		return "V" + migration.version() + " (" + migration.up().location() + ") is not retry-safe: " + findings.size()
				+ (findings.size() == 1 ? " interruption point fails" : " interruption points fail") + "\n"
				+ findings.stream().map(finding -> "‣ " + finding).collect(Collectors.joining("\n")) + "\n" + why
				+ " a migration that fails halfway leaves its first statements applied and no history row, and every "
				+ "migration tool retries the whole script. Fix: make each statement safe to run again (ADD COLUMN IF "
				+ "NOT EXISTS, CREATE TABLE/INDEX IF NOT EXISTS, DROP … IF EXISTS, INSERT … that skips existing rows), "
				+ "or give each statement that cannot run in a transaction a migration of its own." + noteText;
	}

	/**
	 * Checks {@code migration}'s forward and undo scripts; the database "before the next version" is then a database
	 * where it ran (uninterrupted, or retried to the same state).
	 *
	 * @return the findings, one per interruption point whose retry fails or differs
	 */
	private List<String> verdictOf(Migration migration, List<String> notes) {
		String template = beforeAt(previous(migration));
		Optional<List<SqlStatement>> up = interruptible(migration.up(), "forward", notes);
		Optional<Script> undo = migration.undo();
		Optional<List<SqlStatement>> down = undo.flatMap(script -> interruptible(script, "undo", notes));
		if (up.isEmpty() && down.isEmpty() && !copied.contains(template)) {
			// Nothing will be cloned from the database before it: move it forward in place, no copy needed.
			forward(template, migration);
			beforeVersion = migration.version();
			return List.of();
		}
		List<String> local = new ArrayList<>();
		if (up.isPresent()) {
			for (int i = 1; i < up.get().size(); i++) {
				local.add(copyOf(template));
			}
		}
		List<String> pointCopies = List.copyOf(local);
		// Once every copy of the template is made, the uninterrupted run moves it forward in place. A database that was
		// copied cannot be copied right once it changed (an engine may keep how to copy it), so then it serves the
		// undo's checks, and a retried copy that reached the same state is the next version's template. That takes a
		// version whose retries succeed: after one whose did not, the next runs on a copy and the template stays, as a
		// history that is not retry-safe rarely becomes so, and migrating a template from empty each time costs n².
		boolean inPlace = (up.isPresent() && lastRetriesReached) || !copied.contains(template);
		String reference = inPlace ? template : copyOf(template);
		if (inPlace) {
			before = null;
		}
		local.add(reference);
		String next = null;
		try {
			forward(reference, migration);
			List<String> findings = new ArrayList<>();
			Deque<String> spares = new ArrayDeque<>();
			if (up.isPresent()) {
				State expected = state(reference);
				for (int i = 1; i < up.get().size(); i++) {
					String copy = pointCopies.get(i - 1);
					Optional<String> finding = interrupt(copy, migration.up(), up.get(), i, migration.version(),
							expected);
					if (finding.isPresent()) {
						findings.add(finding.get());
						drop(copy);
					}
					else {
						spares.add(copy);
					}
				}
			}
			if (up.isPresent()) {
				lastRetriesReached = !spares.isEmpty();
			}
			if (copied.contains(reference)) {
				next = spares.isEmpty() ? migratedFromEmpty(migration.version()) : spares.poll();
				local.add(next);
				spares.add(reference);
			}
			else {
				next = reference;
			}
			if (down.isPresent()) {
				findings.addAll(checkUndo(migration, next, undo.get(), down.get(), spares, notes));
			}
			dropBefore();
			before = next;
			beforeVersion = migration.version();
			return findings;
		}
		finally {
			for (String database : local) {
				if (!database.equals(next) && databases.contains(database)) {
					drop(database);
				}
			}
		}
	}

	/**
	 * Checks the undo script, each run on one of {@code spares} (databases at the migration's version, which it drops)
	 * while there are any, else on a new copy of {@code reference}.
	 */
	private List<String> checkUndo(Migration migration, String reference, Script undo, List<SqlStatement> statements,
			Deque<String> spares, List<String> notes) {
		MigrationVersion previous = previous(migration);
		String undone = spares.isEmpty() ? copyOf(reference) : spares.poll();
		State expected;
		try {
			migrate(undone, previous);
			expected = state(undone);
		}
		catch (MigrationException e) {
			notes.add("the undo was not interrupted, as it fails uninterrupted too (the round trips report it): "
					+ errorLine(e));
			return List.of();
		}
		finally {
			drop(undone);
		}
		List<String> findings = new ArrayList<>();
		for (int i = 1; i < statements.size(); i++) {
			String at = spares.isEmpty() ? copyOf(reference) : spares.poll();
			try {
				interrupt(at, undo, statements, i, previous, expected).ifPresent(findings::add);
			}
			finally {
				drop(at);
			}
		}
		return findings;
	}

	/** A new database migrated from empty to {@code version}, when no database at that version may be copied. */
	private String migratedFromEmpty(MigrationVersion version) {
		String name = newName();
		timings.time(Phase.DATABASES, () -> {
			engine.createDatabase(name);
			return null;
		});
		databases.add(name);
		migrate(name, version);
		return name;
	}

	/**
	 * The statements of {@code script} to interrupt between, when it does not run in one transaction and has more than
	 * one; otherwise empty, with a note saying why it needs no check.
	 */
	private Optional<List<SqlStatement>> interruptible(Script script, String which, List<String> notes) {
		String sql = runner.sql(script, engine.engine());
		if (sql.isBlank()) {
			notes.add("the " + which + " script " + script.location() + " was not interrupted: the " + runner.id()
					+ " runner does not tell the SQL it runs");
			return Optional.empty();
		}
		List<SqlStatement> statements;
		try {
			statements = SqlScriptSplitter.split(sql, engine.engine());
		}
		catch (IllegalArgumentException e) {
			String problem = e.getMessage().replaceFirst("^line (\\d+): ", script.location() + ":$1: ");
			notes.add("the " + which + " script was not interrupted, as it cannot be split into statements: " + problem
					+ " (fix the script so that it splits, e.g. close the quote or comment, to have it checked)");
			return Optional.empty();
		}
		boolean inOneTransaction = engine.engine().hasTransactionalDdl() && script.transactional()
				&& statements.stream().noneMatch(ScriptExecution::refusedInPostgresTransaction);
		if (inOneTransaction) {
			notes.add("the " + which + " script runs in one transaction on " + engine.engine().displayName()
					+ ": an interruption leaves nothing of it applied, so it is retry-safe without a check");
			return Optional.empty();
		}
		if (!engine.engine().hasTransactionalDdl()) {
			statements.stream().filter(statement -> COMPOUND.matcher(statement.code()).lookingAt())
				.forEach(statement -> notes.add("the " + which + " script's statement at " + script.location() + ":"
						+ statement.line() + " (" + statement.abbreviated(STATEMENT_PREVIEW_LENGTH) + ") runs statements "
						+ "of its own, each committed on its own, which cannot be split into statements for "
						+ "interruption: an interruption inside it was not tried, only before and after it. Fix: write "
						+ "its statements as statements of the script, to have each interruption checked"));
		}
		if (statements.size() < 2) {
			notes.add("the " + which + " script has one statement, so an interruption leaves nothing of it applied");
			return Optional.empty();
		}
		return Optional.of(statements);
	}

	/**
	 * Applies the first {@code i} statements to {@code copy}, a database of its own before the script, then runs the
	 * whole script through the runner (migrating to {@code target}) and compares with the uninterrupted run.
	 *
	 * @return the finding, if the retry fails or reaches another schema or other rows
	 */
	private Optional<String> interrupt(String copy, Script script, List<SqlStatement> statements, int i,
			MigrationVersion target, State expected) {
		SqlStatement last = statements.get(i - 1);
		String point = "interrupted after statement " + i + " of " + statements.size() + " (" + script.location() + ":"
				+ last.line() + ")";
		Optional<String> partial = applyFirst(copy, script, statements, i);
		if (partial.isPresent()) {
			return Optional.of(point + ": the statements before it fail when run alone: " + partial.get());
		}
		try {
			migrate(copy, target);
		}
		catch (MigrationException e) {
			return Optional.of(point + ", the retry fails: " + errorLine(e));
		}
		State actual = state(copy);
		SchemaDiffResult diff = SchemaDiff.compare(expected.schema, actual.schema, IgnoreRules.defaults());
		if (!diff.isEmpty()) {
			return Optional.of(point + ", the retry reaches another schema than an uninterrupted run: "
					+ TextReport.render(diff, "the schema of an uninterrupted run", "the retried database",
							Optional.empty(), MESSAGE_DIFFERENCES));
		}
		List<String> rows = new ArrayList<>();
		expected.contents.forEach((table, content) -> {
			TableData.Content now = actual.contents.get(table);
			if (now != null && !now.equals(content)) {
				rows.add(table + " has " + now.rows() + " rows after the retry and " + content.rows()
						+ " after an uninterrupted run" + (now.rows() == content.rows() ? " (content differs)" : ""));
			}
		});
		return rows.isEmpty() ? Optional.empty()
				: Optional.of(point + ", the retry leaves other rows than an uninterrupted run: "
						+ String.join("; ", rows));
	}

	/** Runs the first {@code count} statements with autocommit, as an interrupted run left them; the error if any. */
	private Optional<String> applyFirst(String database, Script script, List<SqlStatement> statements, int count) {
		return timings.time(Phase.MIGRATIONS, () -> {
			try (Connection connection = engine.dataSource(database).getConnection();
					Statement statement = connection.createStatement()) {
				connection.setAutoCommit(true);
				// Scripts are plain SQL: JDBC escapes such as {fn ...} must reach the database untouched.
				statement.setEscapeProcessing(false);
				for (SqlStatement each : statements.subList(0, count)) {
					try {
						statement.execute(each.sql());
					}
					catch (SQLException e) {
						return Optional.of(script.location() + ":" + each.line() + ": " + e.getMessage());
					}
				}
				return Optional.empty();
			}
			catch (SQLException e) {
				throw new ParityException("Retry safety on " + engine.jdbcUrl(database) + ": cannot connect: "
						+ e.getMessage(), e);
			}
		});
	}

	/** Runs {@code migration} forward on {@code database}, uninterrupted. */
	private void forward(String database, Migration migration) {
		try {
			migrate(database, migration.version());
		}
		catch (MigrationException e) {
			unreachable = "V" + migration.version() + " (" + migration.up().location() + ")";
			throw new ForwardFails("V" + migration.version() + " (" + migration.up().location() + ") fails forward "
					+ "even uninterrupted, so its retry cannot be checked, nor the later versions:\n" + e.getMessage(), e);
		}
	}

	private void migrate(String database, MigrationVersion target) {
		timings.time(Phase.MIGRATIONS, () -> {
			runner.migrateTo(engine.dataSource(database), engine.engine(), migrations, target);
			return null;
		});
	}

	/** The database before the version after {@code version}, created and moved forward as needed. */
	private String beforeAt(MigrationVersion version) {
		if (before == null) {
			before = newName();
			timings.time(Phase.DATABASES, () -> {
				engine.createDatabase(before);
				return null;
			});
			databases.add(before);
			beforeVersion = MigrationVersion.ZERO;
		}
		if (beforeVersion.compareTo(version) < 0) {
			// Versions at or below the starting one are not checked, only reached.
			if (copied.contains(before)) {
				String moved = copyOf(before);
				dropBefore();
				before = moved;
			}
			migrate(before, version);
			beforeVersion = version;
		}
		return before;
	}

	private String copyOf(String template) {
		String copy = newName();
		timings.time(Phase.DATABASES, () -> {
			engine.cloneDatabase(template, copy);
			return null;
		});
		databases.add(copy);
		copied.add(template);
		return copy;
	}

	private void drop(String database) {
		databases.remove(database);
		copied.remove(database);
		timings.time(Phase.DATABASES, () -> {
			engine.dropDatabase(database);
			return null;
		});
	}

	private void dropBefore() {
		if (before != null) {
			String dropping = before;
			before = null;
			drop(dropping);
		}
	}

	private State state(String database) {
		try (Connection connection = engine.dataSource(database).getConnection()) {
			SchemaSnapshot schema = timings.time(Phase.SNAPSHOTS,
					() -> CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all()));
			Map<TableRef, TableData.Content> contents = timings.time(Phase.HASHES,
					() -> TableData.contents(connection, schema));
			return new State(schema, contents);
		}
		catch (SQLException e) {
			throw new ParityException("Retry safety on " + engine.jdbcUrl(database) + ": could not read the schema "
					+ "and rows (phase snapshot): " + e.getMessage(), e);
		}
	}

	private MigrationVersion previous(Migration migration) {
		List<Migration> all = migrations.migrations();
		int index = all.indexOf(migration);
		return index == 0 ? MigrationVersion.ZERO : all.get(index - 1).version();
	}

	/** Where the retry failed ({@code file:line}), the statement and the engine's error, for one finding. */
	private static String errorLine(MigrationException e) {
		List<String> lines = e.getMessage().lines().map(String::strip).toList();
		String where = lines.stream().filter(line -> line.contains(" failed at ")).findFirst()
			.map(line -> "at " + line.substring(line.indexOf(" failed at ") + " failed at ".length()))
			.orElse(lines.isEmpty() ? "" : lines.get(0));
		String error = lines.stream().filter(line -> line.startsWith("error:")).findFirst()
			.map(line -> ": " + line.substring("error:".length()).strip()).orElse("");
		String statement = lines.stream().filter(line -> line.startsWith("statement:")).findFirst()
			.map(line -> " (" + line + ")").orElse("");
		return where + error + statement;
	}

	private static String newName() {
		return "dbparity_r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/** Drops the databases. */
	@Override
	public synchronized void close() {
		before = null;
		List.copyOf(databases).forEach(this::drop);
	}

	/** The schema and the tables' contents of a database. */
	private record State(SchemaSnapshot schema, Map<TableRef, TableData.Content> contents) {
	}

	/** A forward script that fails uninterrupted: no database reaches the later versions. */
	private static final class ForwardFails extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ForwardFails(String message, MigrationException cause) {
			super(message, cause);
		}
	}
}
