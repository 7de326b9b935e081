package dev.dbparity.roundtrips;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.engines.EngineDialect;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.MigrationDirectives;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.roundtrips.RoundTripTimings.Phase;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogMark;
import dev.dbparity.snapshots.catalog.CatalogReader;
import dev.dbparity.snapshots.catalog.CatalogReader.ChangedRead;
import dev.dbparity.snapshots.catalog.CatalogReader.Marked;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.diff.report.TextReport;
import dev.dbparity.templates.DatabaseContext;

/**
 * {@code RoundTrips} checks that each migration's undo script really restores what was there before it, and gives one
 * {@link VersionResult} per version, in version order, each checked when its result is asked for: a front end shows
 * each version's outcome as soon as it is known, and a version that fails does not stop the later ones.
 *
 * <p>The round trips run in version order on one <em>chain</em> database, which stays at the version before the next
 * migration: for version n, every table that has no rows gets rows — from the seed rules restricted to what exists at
 * n-1 ({@link RoundTripSeed}) when the database has seed rules, else {@value #ROWS} generic ones ({@link RowFiller}) —,
 * the schema S(n-1) and the tables' contents are read; up → S(n); undo → the schema must equal S(n-1), then, on the
 * tables and columns both have, tables the migration did not touch must keep their content (hash), the others their
 * row counts, and no foreign key may have gained orphaned rows ({@link TableData#newOrphans}); up again → the schema
 * must equal S(n), and the chain is at n
 * for the next version. A column order that an undo cannot avoid (a column added back at the end) is accepted with a
 * note in both comparisons, and so are views whose definitions list such a table's columns in the new order (a
 * {@code SELECT *} is expanded when the view is created), and views and defaults that differ only by the time a
 * written {@code 'now'} or {@code 'today'} froze when they were created ({@link FrozenTimes}). Every finding of one version is reported together in one failed result. A version that fails
 * leaves the chain in a state no later version should inherit, so the next one gets a new chain: a copy of a
 * <em>shadow</em> database that is only ever migrated forward.
 *
 * <p>Working on the chain itself, rather than on a copy per version, keeps the cost beyond the migrations' own SQL
 * small: no database is copied or dropped per version, rows are inserted once per table, and the snapshot after the
 * second up is the next version's S(n-1). Where the engine marks its catalog ({@link CatalogReader#readMarked}), a schema
 * is read again only when the mark does not verify that the catalog is unchanged since a snapshot: a version that only
 * writes rows is read no more, nor the undo of a version that only created objects; and of a changed catalog only the
 * objects that changed, and those naming them, are read again ({@link CatalogReader#readChanged}). The tables'
 * contents are read on a second session while the schema of the same state is read, which the server runs side by
 * side.
 *
 * <p>A forward script that fails on the generated rows runs again on tables without them (a copy of the shadow
 * database), with a note; one that fails without them fails its version at its {@code file:line}, and the later
 * versions, which no database can reach, are skipped saying so; so are the versions that the shadow database cannot
 * reach, when a migration that passed on the generated rows fails without them.
 *
 * <p>A migration without an undo script fails as irreversible, unless its header declares
 * {@code -- dbparity:irreversible <reason>}, or its format has no undo scripts (Prisma), (then it runs forward only, and
 * its result is skipped, with the reason) or
 * it changes neither the schema nor a row (then it passes with a note). Lost rows are accepted when the header declares
 * {@code -- dbparity:allow DESTRUCTIVE <reason>}; they are still listed.
 *
 * <p>Closing drops the chain and shadow databases; checking the last version drops them too.
 *
 * <p>Internal: may change in any minor release.
 */
public final class RoundTrips implements AutoCloseable {

	static final int ROWS = 3;
	private static final int MESSAGE_DIFFERENCES = 20;
	/** Orders the keys of tables and types (schemas, schema, tables or types, name) by their segments. */
	private static final Comparator<List<String>> KEYS = (a, b) -> String.join("\u0000", a)
		.compareTo(String.join("\u0000", b));
	/** Splits a view's definition into the words and names that a reordered column list permutes. */
	private static final Pattern VIEW_TOKENS = Pattern.compile("[\\s,()]+");

	private final RunningEngine engine;
	private final DatabaseContext context;
	private final MigrationSet migrations;
	/** Each version's predecessor ({@link MigrationVersion#ZERO} for the first): looked up per version, not searched. */
	private final Map<MigrationVersion, MigrationVersion> previousVersions = new HashMap<>();
	private final RoundTripTimings timings;
	/** The notes of the version being checked, such as an accepted column order. */
	private final List<String> notes = new ArrayList<>();
	private Chain chain;
	/**
	 * A database that only moves forward, created at the first failed version, from which the chain is copied again
	 * after each failure: migrating a new chain from empty after every failure would cost a long history with many
	 * broken undo scripts n² migrations.
	 */
	private String shadow;
	private MigrationVersion shadowVersion = MigrationVersion.ZERO;
	/** Whether a chain was given up, after which chains are copies of the shadow database. */
	private boolean chainGivenUp;
	/** Whether a chain was copied from the shadow database since it last moved forward. */
	private boolean shadowCopied;
	/** The version whose forward script failed, after which no later version can be reached. */
	private String unreachable;
	/** Reads tables' contents on a chain's second session ({@link Chain#readAhead}), started at the first use. */
	private ExecutorService rowReader;

	private RoundTrips(RunningEngine engine, DatabaseContext context, MigrationSet migrations,
			RoundTripTimings timings) {
		this.engine = engine;
		this.context = context;
		this.migrations = migrations;
		this.timings = timings;
		MigrationVersion previous = MigrationVersion.ZERO;
		for (Migration migration : migrations.migrations()) {
			previousVersions.put(migration.version(), previous);
			previous = migration.version();
		}
	}

	/**
	 * The round trips of {@code context}'s migrations on {@code engine}, in databases of their own, adding the time
	 * spent to {@code timings}.
	 *
	 * @throws IllegalArgumentException when the context has no migrations: each front end says first how to give them
	 */
	public static RoundTrips of(RunningEngine engine, DatabaseContext context, RoundTripTimings timings) {
		MigrationSet migrations = context.migrations().orElseThrow(() -> new IllegalArgumentException("Round trips "
				+ "need migrations, and the database context has none."));
		return new RoundTrips(engine, context, migrations, timings);
	}

	/** One pending check per migration, in version order; run them in that order, each once. */
	public Stream<Pending> versions() {
		return migrations.migrations().stream().map(Pending::new);
	}

	/** The versions' results, in version order, each checked when the stream reaches it. */
	public Stream<VersionResult> run() {
		return versions().map(Pending::run);
	}

	/** {@code Pending} is one migration's round trip, named before it runs. */
	public final class Pending {

		private final Migration migration;

		private Pending(Migration migration) {
			this.migration = migration;
		}

		/** The version's name: {@code V3 indexes and checks}. */
		public String name() {
			return VersionResult.name(migration.version(), migration.description());
		}

		/**
		 * Checks the version; after the last one, drops the databases.
		 *
		 * @return its result; whatever stops the check (a script or header that fails, a database that cannot be read)
		 *         is a failed result, as it would be a failed test
		 */
		public VersionResult run() {
			List<Migration> all = migrations.migrations();
			try {
				return check(migration);
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
		notes.clear();
		Verdict verdict;
		String message = "";
		Optional<Throwable> cause = Optional.empty();
		try {
			Optional<String> skipped = verdictOf(migration);
			verdict = skipped.isPresent() ? Verdict.SKIPPED : Verdict.PASSED;
			message = skipped.orElse("");
		}
		catch (Failure e) {
			verdict = Verdict.FAILED;
			message = e.getMessage();
			cause = Optional.ofNullable(e.getCause());
		}
		catch (NotReached e) {
			verdict = Verdict.SKIPPED;
			message = "V" + migration.version() + " was not checked: " + unreachable + " fails forward on a database "
					+ "without the rows dbparity generated, which the versions after a failed one start from, so no "
					+ "database reaches V" + migration.version() + " (" + e.getMessage() + "). Fix " + unreachable
					+ ", and V" + migration.version() + " will be checked.";
		}
		catch (RuntimeException e) {
			// Whatever stops one version's check is that version's failure, as a test runner would report it: the
			// later versions still run, on a new chain.
			verdict = Verdict.FAILED;
			message = String.valueOf(e.getMessage());
			cause = Optional.of(e);
		}
		return new VersionResult(migration.version(), migration.description(), verdict, message, notes, cause,
				Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Checks {@code migration}.
	 *
	 * @return why it was skipped, if it was
	 * @throws Failure with every finding
	 */
	private Optional<String> verdictOf(Migration migration) {
		MigrationDirectives directives = MigrationDirectives.parse(migration.up());
		if (unreachable != null) {
			return Optional.of("V" + migration.version() + " was not checked: " + unreachable
					+ " before it fails forward, so no database reaches V" + migration.version() + ". Fix " + unreachable
					+ ", and V" + migration.version() + " will be checked.");
		}
		Optional<String> irreversibleBecause = irreversibleBecause(migration, directives);
		boolean irreversible = irreversibleBecause.isPresent();
		boolean passed = false;
		try {
			if (irreversible) {
				forwardOnly(migration);
			}
			else if (migration.undo().isEmpty()) {
				checkWithoutUndo(migration);
			}
			else {
				roundTrip(migration, directives);
			}
			passed = true;
		}
		finally {
			if (!passed) {
				closeChain();
			}
		}
		return irreversibleBecause.map(reason -> "V" + migration.version() + " is irreversible " + reason
				+ "; it ran forward, and there is no undo to test");
	}

	/**
	 * Why {@code migration} has no undo by intent, if it has none: its header declares it irreversible, or its format
	 * (Prisma) has no place for an undo.
	 */
	private Optional<String> irreversibleBecause(Migration migration, MigrationDirectives directives) {
		if (!migration.undo().isEmpty()) {
			return Optional.empty();
		}
		if (directives.irreversible().isPresent()) {
			return Optional.of("(declared in " + migration.up().location() + "): " + directives.irreversible().get());
		}
		return migrations.format().isForwardOnly() ? Optional.of("(" + migration.up().location() + "): "
				+ migrations.format().displayName() + " migrations are forward only, so the round trips need a history "
				+ "with down scripts to test undos") : Optional.empty();
	}

	/**
	 * Runs a declared irreversible migration forward: "irreversible" means there is no undo to test, not that the
	 * migration need not run, and every later version's schema depends on it.
	 */
	private void forwardOnly(Migration migration) {
		onChain(migration, (chain, fill) -> {
			chain.forward(migration);
			return null;
		}, "it rejects the rows it was given, so it ran forward on empty tables: ");
	}

	/** A migration that changes nothing (a placeholder, a script that only reads) needs no undo; any other does. */
	private void checkWithoutUndo(Migration migration) {
		boolean unchanged = onChain(migration, (chain, fill) -> chain.changesNothing(migration, fill),
				"V" + migration.version() + " rejects the rows it was given, so it was checked on empty tables: ");
		if (!unchanged) {
			throw new Failure("V" + migration.version() + " (" + migration.up().location() + ") is "
					+ "irreversible: it has no undo script. " + migrations.format().addUndo(migration)
					+ ", or declare in its header '-- dbparity:irreversible <reason>'.");
		}
	}

	private void roundTrip(Migration migration, MigrationDirectives directives) {
		onChain(migration, (chain, fill) -> {
			chain.roundTrip(migration, directives, fill);
			return null;
		}, "V" + migration.version() + " rejects the rows it was given, so it was checked on empty tables: ");
	}

	/** What a version's check does on the chain at the version before it, filling its empty tables or not. */
	@FunctionalInterface
	private interface Check<T> {
		T run(Chain chain, boolean fill);
	}

	/**
	 * Runs {@code check} on the chain at the version before {@code migration}; when the migration's forward script
	 * fails on rows that dbparity generated, again on a chain without them, noting why.
	 *
	 * @return what the check answers
	 * @throws Failure when the forward script fails on a database without generated rows: no database reaches the later
	 *         versions, which are skipped saying so
	 */
	private <T> T onChain(Migration migration, Check<T> check, String rejectedNote) {
		try {
			return check.run(chainAt(previous(migration)), true);
		}
		catch (FailsForward first) {
			if (!first.onGeneratedRows) {
				throw failsForward(migration, first.getCause(), false);
			}
			// The rows given are not production's: a migration may rightly refuse them (a new check, a cast, an
			// INSERT … SELECT into a NOT NULL column). What it does to the schema still counts, so it runs again on
			// tables without generated rows, copied from the forward-only shadow.
			notes.clear();
			notes.add(rejectedNote + errorLine(first.getCause()));
			closeChain();
			try {
				return check.run(chainAt(previous(migration)), false);
			}
			catch (FailsForward again) {
				throw failsForward(migration, again.getCause(), true);
			}
		}
	}

	/** Where a migration failed ({@code failed at file:line}) and the engine's error, on one line for a note. */
	private static String errorLine(MigrationException e) {
		List<String> lines = e.getMessage().lines().toList();
		String where = lines.stream().filter(line -> line.contains(" failed at ")).findFirst()
			.map(line -> line.substring(line.indexOf(" failed at ") + 1))
			.orElse(lines.isEmpty() ? "" : lines.get(0));
		String error = lines.stream().map(String::strip).filter(line -> line.startsWith("error:")).findFirst()
			.map(line -> ", " + line).orElse("");
		return where.strip() + error;
	}

	/**
	 * The failure of a version whose forward script fails on a database without generated rows; the later versions,
	 * which no database reaches, are skipped naming it.
	 */
	private Failure failsForward(Migration migration, MigrationException e, boolean retried) {
		String where = "V" + migration.version() + " (" + migration.up().location() + ")";
		unreachable = where;
		String fix = "\nFix the script: every later version runs after it, on a database where it ran.";
		if (irreversibleBecause(migration, MigrationDirectives.parse(migration.up())).isPresent()) {
			String why = MigrationDirectives.parse(migration.up()).irreversible().isPresent() ? "declared irreversible"
					: "forward only, as every " + migrations.format().displayName() + " migration";
			return new Failure(where + " is " + why + ", so it has no undo to test, but its forward script "
					+ "fails:\n" + e.getMessage() + fix, e);
		}
		return new Failure(where + " fails forward" + (retried ? ", also without the rows dbparity generated" : "")
				+ ", so there is nothing to undo, and the later versions cannot be checked:\n" + e.getMessage() + fix, e);
	}

	/**
	 * The chain database at {@code version}: moved forward from where it is; built from empty the first time; after a
	 * failure, copied from the shadow database moved forward to {@code version}.
	 */
	private Chain chainAt(MigrationVersion version) {
		if (chain != null && chain.version.compareTo(version) > 0) {
			closeChain();
		}
		if (chain == null) {
			String name = uniqueName("dbparity_c_");
			if (!chainGivenUp) {
				chain = new Chain(name, Optional.empty());
			}
			else {
				chain = copyOfShadow(name, version);
			}
		}
		if (chain.version.compareTo(version) < 0) {
			chain.migrate(version);
			chain.version = version;
			chain.leaveSnapshotBehind();
		}
		return chain;
	}

	/**
	 * A new chain copied from the shadow database at {@code version}; migrated from empty when the engine cannot copy
	 * it, as MariaDB cannot copy a view whose columns a later migration dropped.
	 */
	private Chain copyOfShadow(String name, MigrationVersion version) {
		String source = shadowAt(version);
		try {
			Chain copy = new Chain(name, Optional.of(source));
			copy.version = shadowVersion;
			shadowCopied = true;
			return copy;
		}
		catch (ParityException e) {
			return new Chain(name, Optional.empty());
		}
	}

	/** The shadow database at {@code version}, created at first use. */
	private String shadowAt(MigrationVersion version) {
		if (shadow != null && shadowVersion.compareTo(version) > 0) {
			dropShadow();
		}
		if (shadow != null && shadowCopied && shadowVersion.compareTo(version) < 0) {
			// A database that was copied must not change: an engine may keep how to copy it (MariaDB replays its
			// DDL), so the shadow moves forward as a new copy of itself.
			String next = uniqueName("dbparity_s_");
			try {
				timings.time(Phase.DATABASES, () -> {
					engine.cloneDatabase(shadow, next);
					return null;
				});
				dropShadow();
				shadow = next;
			}
			catch (ParityException e) {
				dropShadow();
				shadowVersion = MigrationVersion.ZERO;
			}
			shadowCopied = false;
		}
		if (shadow == null) {
			String name = uniqueName("dbparity_s_");
			timings.time(Phase.DATABASES, () -> {
				engine.createDatabase(name);
				return null;
			});
			shadow = name;
			shadowVersion = MigrationVersion.ZERO;
			shadowCopied = false;
		}
		if (shadowVersion.compareTo(version) < 0) {
			try {
				migrateShadow(version);
			}
			catch (MigrationException e) {
				throw notReached(e);
			}
			shadowVersion = version;
		}
		return shadow;
	}

	private void migrateShadow(MigrationVersion version) {
		timings.time(Phase.MIGRATIONS, () -> {
			context.runner().migrateTo(engine.dataSource(shadow), engine.engine(), migrations, version);
			return null;
		});
	}

	/**
	 * A migration that passed on the chain, with the rows dbparity generated, fails on the shadow database, which has
	 * none (a script that needs rows, such as a NOT NULL column filled with an aggregate): no database reaches the
	 * later versions. Finds which one, migrating one version at a time, and makes it the version that stops them.
	 */
	private NotReached notReached(MigrationException e) {
		String stoppedBy = "a migration";
		for (Migration each : migrations.migrations()) {
			if (each.version().compareTo(shadowVersion) > 0) {
				try {
					migrateShadow(each.version());
				}
				catch (MigrationException again) {
					stoppedBy = "V" + each.version() + " (" + each.up().location() + ")";
					break;
				}
			}
		}
		dropShadow();
		shadowVersion = MigrationVersion.ZERO;
		unreachable = stoppedBy;
		return new NotReached(errorLine(e), e);
	}

	/** Closes {@code connection}, if any, before its database is dropped, which ends its session anyway. */
	private static void closeQuietly(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException e) {
			// The database's drop ends the session.
		}
	}

	private static String uniqueName(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private synchronized void closeChain() {
		if (chain != null) {
			Chain closing = chain;
			chain = null;
			chainGivenUp = true;
			closing.close();
		}
	}

	private void dropShadow() {
		String dropping = shadow;
		shadow = null;
		timings.time(Phase.DATABASES, () -> {
			engine.dropDatabase(dropping);
			return null;
		});
	}

	/** Drops the chain and the shadow database. */
	@Override
	public synchronized void close() {
		closeChain();
		if (shadow != null) {
			dropShadow();
		}
		if (rowReader != null) {
			rowReader.shutdown();
			rowReader = null;
		}
	}

	private ExecutorService rowReader() {
		if (rowReader == null) {
			rowReader = Executors.newSingleThreadExecutor(task -> {
				Thread thread = new Thread(task, "dbparity-round-trip-rows");
				thread.setDaemon(true);
				return thread;
			});
		}
		return rowReader;
	}

	/** A version's findings, all in one message: it does not round-trip. */
	private static final class Failure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Failure(String message) {
			super(message);
		}

		/** @param cause the exception of the script that failed */
		Failure(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/** The shadow database cannot reach the version a check needs; the message is the failure's {@code file:line}. */
	private static final class NotReached extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotReached(String message, MigrationException cause) {
			super(message, cause);
		}
	}

	/** A migration's forward script failed on the chain. */
	private static final class FailsForward extends RuntimeException {

		private static final long serialVersionUID = 1L;
		/** Whether the chain held rows that dbparity generated, which the script may rightly refuse. */
		private final boolean onGeneratedRows;

		FailsForward(MigrationException cause, boolean onGeneratedRows) {
			super(cause.getMessage(), cause);
			this.onGeneratedRows = onGeneratedRows;
		}

		@Override
		public synchronized MigrationException getCause() {
			return (MigrationException) super.getCause();
		}
	}

	/** The database the round trips run on, with one connection kept open for snapshots and rows. */
	private final class Chain implements AutoCloseable {

		private final String database;
		private final DataSource dataSource;
		private final Connection connection;
		private MigrationVersion version = MigrationVersion.ZERO;
		/** The schema at {@link #version}, when it is known. */
		private SchemaSnapshot snapshot;
		/** The mark of the catalog state {@link #snapshot} was read from, when the engine gives one. */
		private Optional<CatalogMark> snapshotMark = Optional.empty();
		/**
		 * The last schema read, with its mark, while {@link #snapshot} is unknown because migrations ran forward since
		 * (a version without an undo to test, a move to a later version): the next read starts from it, reading again
		 * only what those migrations changed, instead of reading everything.
		 */
		private Optional<Marked> behind = Optional.empty();
		/** The contents last read of the chain's tables, which are not read again while their checksum is the same. */
		private final ContentMemo contentMemo = new ContentMemo(timings);
		/** Tables the filler could not fill, and why, so that it does not try again before a migration changes them. */
		private final Map<TableRef, String> unfillable = new TreeMap<>();
		/** Whether rows were given to its tables, which a migration may rightly refuse. */
		private boolean holdsGeneratedRows;
		/** Whether tables' contents are read ahead on a second session ({@link #readAhead}). */
		private boolean readsAhead = true;
		/**
		 * Whether a read ahead may start before the schema read it goes beside has taken its mark; else it starts when
		 * that read reports its first kind of object, which a reader does after marking.
		 */
		private final boolean readsAheadBeforeMarks;
		/** Whether the reader reads changes by the statements that ran, which are then recorded where not told. */
		private final boolean readsByStatements;
		/** The tables whose contents the next schema read starts reading ahead, once it has taken its mark. */
		private TableData.Tables aheadOfMark;
		/** The second session, opened at the first read ahead. */
		private Connection rowConnection;
		/** Contents being read ahead, of the state the chain is in, until {@link #contents} takes them. */
		private ReadAhead ahead;
		/** The tables of the last two snapshots {@link #tables} took, the newest first. */
		private final Deque<Map.Entry<SchemaSnapshot, TableData.Tables>> recentTables = new ArrayDeque<>();
		/**
		 * The statements each migration run on the chain ran, in order, as its runner told them or, when it cannot,
		 * as its connections sent them ({@link StatementRecorder}), where the reader uses them; else empty.
		 */
		private final List<Optional<List<String>>> ran = new ArrayList<>();
		/** How many runs had happened when each mark of a snapshot read on the chain was taken. */
		private final Map<CatalogMark, Integer> runsAtMark = new IdentityHashMap<>();
		/** How many of the first runs {@link #ran} no longer holds: no read compares with a mark taken before them. */
		private int runsForgotten;

		/** A new chain database: empty, or a copy of {@code source}. */
		Chain(String database, Optional<String> source) {
			this.database = database;
			timings.time(Phase.DATABASES, () -> {
				if (source.isPresent()) {
					engine.cloneDatabase(source.get(), database);
				}
				else {
					engine.createDatabase(database);
				}
				return null;
			});
			this.dataSource = engine.dataSource(database);
			Connection opened = null;
			try {
				opened = dataSource.getConnection();
				EngineDialect.of(engine.engine()).forManySmallReads(opened);
			}
			catch (SQLException e) {
				closeQuietly(opened);
				engine.dropDatabase(database);
				throw new ParityException("Round trips on " + engine.jdbcUrl(database) + ": cannot connect: "
						+ e.getMessage(), e);
			}
			this.connection = opened;
			this.readsAheadBeforeMarks = CatalogReaders.forEngine(engine.engine()).marksBesideOtherReads();
			this.readsByStatements = CatalogReaders.forEngine(engine.engine()).readsChangesByStatements();
		}

		/**
		 * Up, undo and up again, with the findings in one {@link Failure}; the notes go to the version's.
		 */
		void roundTrip(Migration migration, MigrationDirectives directives, boolean fill) {
			MigrationVersion previous = previous(migration);
			String label = "V" + migration.version();
			Engine engineId = engine.engine();
			List<String> findings = new ArrayList<>();
			Marked markedBefore = snapshotMarked();
			SchemaSnapshot before = markedBefore.snapshot();
			TableData.Tables tablesBefore = tables(before);
			Map<TableRef, TableData.Content> contentBefore = fill ? filledContents(before, tablesBefore, notes)
					: contents(tablesBefore, tablesBefore);
			try {
				migrate(migration.version());
			}
			catch (MigrationException e) {
				throw new FailsForward(e, holdsGeneratedRows);
			}
			Marked markedAfter = readSince(markedBefore);
			SchemaSnapshot after = markedAfter.snapshot();
			Set<TableRef> touched = touched(SchemaDiff.compare(before, after, IgnoreRules.defaults()));
			try {
				migrate(previous);
			}
			catch (MigrationException e) {
				String state = engineId == Engine.POSTGRES
						? SchemaDiff.compare(after, read(), IgnoreRules.defaults()).isEmpty()
								? "\nThe database is as it was after " + label + " (the undo ran in one transaction)."
								: "\nThe database is not as it was after " + label + "."
						: "";
				throw new Failure(label + " round trip: its undo script failed.\n" + e.getMessage() + state, e);
			}
			// The schemas first: what the undo did not re-create is in their diff, and the rows are compared only
			// where both sides have the table and its columns; the rows are read meanwhile, as if it re-created all.
			readAhead(tablesBefore);
			SchemaSnapshot undone = readSince(markedBefore).snapshot();
			Set<List<String>> reordered = new TreeSet<>(KEYS);
			SchemaDiffResult down = acceptColumnOrder(SchemaDiff.compare(before, undone, IgnoreRules.defaults()),
					Optional.empty(), before, undone, reordered, "after the undo the column order differs, as an undo "
							+ "can only add a column back at the end: ");
			down = acceptFrozenTimes(down, "after the undo, ");
			if (!down.isEmpty()) {
				findings.add("after up and undo, " + TextReport.render(down, "the schema before " + label,
						"the database", Optional.empty(), MESSAGE_DIFFERENCES));
			}
			List<String> dataFindings = new ArrayList<>();
			TableData.Tables tablesUndone = undone == before ? tablesBefore : tables(undone);
			Map<TableRef, TableData.Content> contentAfter = contents(tablesBefore, tablesUndone);
			contentBefore.forEach((table, content) -> {
				TableData.Content now = contentAfter.get(table);
				if (now == null) {
					return;
				}
				boolean sameColumns = columnNames(tablesBefore.byName().get(table))
					.equals(columnNames(tablesUndone.byName().get(table)));
				if (touched.contains(table) || !sameColumns) {
					if (now.rows() != content.rows()) {
						dataFindings.add(table + " had " + content.rows() + " rows before " + label + " and "
								+ now.rows() + " after its undo (the migration changes this table: row count compared)");
					}
				}
				else if (!now.equals(content)) {
					dataFindings.add(table + " changed content (" + content.rows() + " rows before " + label + ", "
							+ now.rows() + " after its undo; content hash differs), although the migration does not "
							+ "change its schema");
				}
			});
			// Only the keys whose tables the undo left otherwise than it found them can have new orphans; the others
			// are not read, nor reported for the orphans they held before the up, which are not this undo's.
			newOrphans(tablesBefore, contentBefore, tablesUndone, contentAfter).forEach(orphans -> findings.add(
					"after the undo, " + orphans + " reference no row of " + orphans.parent()));
			if (directives.allows(Category.DESTRUCTIVE)) {
				dataFindings.forEach(finding -> notes.add("accepted, declared DESTRUCTIVE ("
						+ directives.allowed().get(Category.DESTRUCTIVE) + "): " + finding));
			}
			else {
				findings.addAll(dataFindings);
			}
			try {
				migrate(migration.version());
				// The next version's check starts with the contents of this state, over the tables of the first up,
				// which the second must match to pass.
				readAhead(tables(after));
				Marked markedAgain = readSince(markedBefore);
				SchemaSnapshot again = markedAgain.snapshot();
				// The column order the undo could not avoid carries over to the second up: the same rule holds.
				SchemaDiffResult twice = acceptColumnOrder(SchemaDiff.compare(after, again, IgnoreRules.defaults()),
						Optional.of(reordered), after, again, new TreeSet<>(KEYS), "after up again the column order "
								+ "differs from the first up's, as it follows the order the undo left: ");
				twice = acceptFrozenTimes(twice, "after up again, ");
				if (!twice.isEmpty()) {
					findings.add("after up, undo and up again, " + TextReport.render(twice,
							"the schema after the first up", "the database", Optional.empty(), MESSAGE_DIFFERENCES));
				}
				version = migration.version();
				snapshot = again;
				snapshotMark = markedAgain.mark();
				touched.forEach(unfillable::remove);
			}
			catch (MigrationException e) {
				// What the undo left behind often breaks the second up; the findings above say what it was.
				findings.add("up again after the undo failed: " + e.getMessage());
			}
			String noteText = notes.stream().map(note -> "\n  note: " + note).collect(Collectors.joining());
			if (!findings.isEmpty()) {
				throw new Failure(label + " (" + migration.up().location() + ") does not round-trip: "
						+ findings.size() + (findings.size() == 1 ? " finding" : " findings") + "\n"
						+ findings.stream().map(finding -> "‣ " + finding).collect(Collectors.joining("\n"))
						+ noteText);
			}
		}

		/**
		 * Applies {@code migration}, which has no undo script, and answers whether it left the schema and every row as
		 * they were. Either way the chain is at its version afterwards, as far as it goes forward.
		 */
		boolean changesNothing(Migration migration, boolean fill) {
			Marked markedBefore = snapshotMarked();
			SchemaSnapshot before = markedBefore.snapshot();
			TableData.Tables tablesBefore = tables(before);
			Map<TableRef, TableData.Content> contentBefore = fill ? filledContents(before, tablesBefore,
					new ArrayList<>()) : contents(tablesBefore, tablesBefore);
			try {
				migrate(migration.version());
			}
			catch (MigrationException e) {
				throw new FailsForward(e, holdsGeneratedRows);
			}
			Marked markedAfter = readSince(markedBefore);
			SchemaSnapshot after = markedAfter.snapshot();
			boolean unchanged = SchemaDiff.compare(before, after, IgnoreRules.defaults()).isEmpty()
					&& contents(tablesBefore, tablesBefore).equals(contentBefore);
			version = migration.version();
			snapshot = after;
			snapshotMark = markedAfter.mark();
			if (unchanged) {
				notes.add("it changes neither the schema nor a row, so it needs "
						+ "no undo script");
			}
			return unchanged;
		}

		/**
		 * The contents of the tables of {@code schema} ({@code tables}) after rows were given to those that had none.
		 */
		private Map<TableRef, TableData.Content> filledContents(SchemaSnapshot schema, TableData.Tables tables,
				List<String> notes) {
			Map<TableRef, TableData.Content> contents = contents(tables, tables);
			Set<TableRef> empty = new TreeSet<>();
			contents.forEach((table, content) -> {
				if (content.rows() == 0 && !unfillable.containsKey(table)) {
					empty.add(table);
				}
				else if (content.rows() == 0) {
					// Every version whose data check leaves such a table out says so, not only the first.
					notes.add("data check partial: no rows in " + table + ": " + unfillable.get(table));
				}
			});
			if (empty.isEmpty()) {
				return contents;
			}
			settleReadAhead();
			Map<TableRef, String> skipped = timings.time(Phase.ROWS, () -> {
				try {
					if (context.seed().isPresent()) {
						RoundTripSeed.Result seeded = RoundTripSeed.fill(connection, schema, version.toString(),
								context.seed().get(), empty);
						notes.addAll(seeded.notes());
						return seeded.skipped();
					}
					return RowFiller.fill(connection, schema, ROWS, empty).skipped();
				}
				catch (SQLException e) {
					throw failure("could not fill the tables (phase seed)", e);
				}
			});
			unfillable.putAll(skipped);
			skipped.forEach((table, why) -> notes.add("data check partial: no rows in " + table + ": " + why));
			if (skipped.size() == empty.size()) {
				return contents;
			}
			holdsGeneratedRows = true;
			return contents(tables, tables);
		}

		/**
		 * The tables of {@code schema} that the content hashes and orphan checks read, taken once per snapshot: the
		 * schema after an undo and after up again mostly equals one of the last two, which share most of their nodes
		 * with it, so that the comparison costs little.
		 */
		private TableData.Tables tables(SchemaSnapshot schema) {
			return timings.time(Phase.HASHES, () -> {
				for (Map.Entry<SchemaSnapshot, TableData.Tables> recent : recentTables) {
					if (recent.getKey().equals(schema)) {
						return recent.getValue();
					}
				}
				TableData.Tables tables = TableData.Tables.of(schema);
				recentTables.addFirst(Map.entry(schema, tables));
				if (recentTables.size() > 2) {
					recentTables.removeLast();
				}
				return tables;
			});
		}

		/**
		 * The contents of {@code schema}'s tables that {@code present} has too, over the columns both have: those read
		 * ahead when they are these.
		 */
		private Map<TableRef, TableData.Content> contents(TableData.Tables schema, TableData.Tables present) {
			return timings.time(Phase.HASHES, () -> {
				aheadOfMark = null;
				ReadAhead read = ahead;
				ahead = null;
				if (read != null) {
					Optional<Map<TableRef, TableData.Content>> contents = read.contents();
					if (contents.isPresent() && read.tables().byName().equals(schema.byName())
							&& hasAll(schema, present)) {
						return contents.get();
					}
				}
				try {
					return TableData.contents(connection, schema, present, contentMemo);
				}
				catch (SQLException e) {
					throw failure("could not read the tables' contents (phase snapshot)", e);
				}
			});
		}

		private List<TableData.Orphans> newOrphans(TableData.Tables before,
				Map<TableRef, TableData.Content> contentBefore, TableData.Tables undone,
				Map<TableRef, TableData.Content> contentNow) {
			return timings.time(Phase.HASHES, () -> {
				try {
					return TableData.newOrphans(connection, before, contentBefore, undone, contentNow);
				}
				catch (SQLException e) {
					throw failure("could not check the foreign keys for orphaned rows (phase snapshot)", e);
				}
			});
		}

		/** The schema at {@link #version}, with its mark where the engine gives one. */
		private Marked snapshotMarked() {
			if (snapshot == null) {
				Marked read = behind.isPresent() ? readSince(behind.get()) : timings.time(Phase.SNAPSHOTS, () -> {
					try {
						Marked full = CatalogReaders.forConnection(connection).readMarked(connection, CaptureOptions.all());
						timings.fullRead();
						return full;
					}
					catch (SQLException e) {
						throw failure("could not read the schema (phase snapshot)", e);
					}
				});
				behind = Optional.empty();
				snapshot = read.snapshot();
				snapshotMark = read.mark();
				snapshotMark.ifPresent(mark -> runsAtMark.putIfAbsent(mark, runsForgotten + ran.size()));
			}
			forgetRunsBefore(snapshotMark);
			return new Marked(snapshot, snapshotMark);
		}

		/**
		 * Forgets the runs, and the marks, before {@code mark}, the newest, with which every later read compares: a
		 * history's statements are not all kept in memory.
		 */
		private void forgetRunsBefore(Optional<CatalogMark> mark) {
			Integer runs = mark.map(runsAtMark::get).orElse(runsForgotten + ran.size());
			ran.subList(0, runs - runsForgotten).clear();
			runsForgotten = runs;
			runsAtMark.keySet().removeIf(other -> mark.filter(kept -> kept == other).isEmpty());
		}

		/**
		 * The schema now, given {@code known}, read earlier on the chain: {@code known} itself when its mark verifies
		 * that the catalog is unchanged (a version that only writes rows, an undo that only dropped what its up
		 * created), only the objects that changed when the engine can tell them ({@link CatalogReader#readChanged}),
		 * else all of it.
		 */
		private Marked readSince(Marked known) {
			return timings.time(Phase.SNAPSHOTS, () -> {
				try {
					CatalogReader reader = CatalogReaders.forConnection(connection);
					Optional<List<String>> statements = statementsSince(known);
					// A reader reports its first kind of object after marking: the rows are read from then on.
					CaptureOptions options = new CaptureOptions(List.of(), kind -> startReadAhead());
					ChangedRead read = statements.isPresent()
							? reader.readChanged(connection, known, options, statements.get())
							: reader.readChanged(connection, known, options);
					// A mark found unchanged keeps the place it was taken at.
					read.marked().mark().ifPresent(mark -> runsAtMark.putIfAbsent(mark, runsForgotten + ran.size()));
					switch (read.extent()) {
						case NONE -> timings.spareRead();
						case PARTIAL -> timings.partialRead(read.objects(), read.recognised());
						default -> timings.fullRead();
					}
					return read.marked();
				}
				catch (SQLException e) {
					throw failure("could not read the schema (phase snapshot)", e);
				}
			});
		}

		/**
		 * The statements the migrations ran on the chain since {@code known}'s mark was taken, when every run since was
		 * told or recorded; the reader attributes changes to them ({@link CatalogReader#readChanged(Connection, Marked,
		 * CaptureOptions, List)}).
		 */
		private Optional<List<String>> statementsSince(Marked known) {
			Integer runs = known.mark().map(runsAtMark::get).orElse(null);
			if (runs == null || runs < runsForgotten) {
				return Optional.empty();
			}
			List<String> statements = new ArrayList<>();
			for (Optional<List<String>> run : ran.subList(runs - runsForgotten, ran.size())) {
				if (run.isEmpty()) {
					return Optional.empty();
				}
				statements.addAll(run.get());
			}
			return Optional.of(statements);
		}

		private SchemaSnapshot read() {
			return timings.time(Phase.SNAPSHOTS, () -> {
				try {
					SchemaSnapshot full = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
					timings.fullRead();
					return full;
				}
				catch (SQLException e) {
					throw failure("could not read the schema (phase snapshot)", e);
				}
			});
		}

		/** Applies {@code migration}, which the chain is just before, and moves the chain to its version. */
		void forward(Migration migration) {
			try {
				migrate(migration.version());
			}
			catch (MigrationException e) {
				throw new FailsForward(e, holdsGeneratedRows);
			}
			version = migration.version();
			leaveSnapshotBehind();
		}

		/** The chain moved forward without a read: its snapshot is now {@link #behind}, if it had one with a mark. */
		void leaveSnapshotBehind() {
			if (snapshot != null && snapshotMark.isPresent()) {
				behind = Optional.of(new Marked(snapshot, snapshotMark));
			}
			snapshot = null;
		}

		void migrate(MigrationVersion target) {
			settleReadAhead();
			timings.time(Phase.MIGRATIONS, () -> {
				MigrationRunner runner = context.runner();
				List<String> statements = new ArrayList<>();
				if (runner.tellsStatementsRun()) {
					ran.add(Optional.of(statements));
					runner.migrateTo(dataSource, engine.engine(), migrations, target, statements::add);
				}
				else if (readsByStatements) {
					// A tool that does not tell its statements (Flyway, Liquibase) runs them through connections that
					// do.
					ran.add(Optional.of(statements));
					runner.migrateTo(StatementRecorder.recording(dataSource, CatalogReaders.forEngine(engine.engine()),
							statements::add), engine.engine(), migrations, target);
				}
				else {
					ran.add(Optional.empty());
					runner.migrateTo(dataSource, engine.engine(), migrations, target);
				}
				return null;
			});
		}

		private ParityException failure(String what, SQLException e) {
			return new ParityException("Round trips on " + engine.jdbcUrl(database) + ": " + what + ": "
					+ e.getMessage(), e);
		}

		/**
		 * Starts reading the contents of {@code tables} on a second session, while this one reads the schema of the
		 * same state: both only read, so the server runs them side by side, and the row checks wait for what is left.
		 * {@link #contents} takes the result when it asks for the same contents, before the state changes. Where the
		 * engine's catalog marks need the server to themselves (MariaDB: no other statement running), they start once
		 * the next schema read has taken its mark, or not at all when that read needs no query.
		 */
		private void readAhead(TableData.Tables tables) {
			settleReadAhead();
			if (!readsAhead) {
				return;
			}
			aheadOfMark = tables;
			if (readsAheadBeforeMarks) {
				startReadAhead();
			}
		}

		/** Starts the read ahead that {@link #readAhead} asked for, if it has not started. */
		private void startReadAhead() {
			TableData.Tables tables = aheadOfMark;
			aheadOfMark = null;
			if (tables == null) {
				return;
			}
			try {
				if (rowConnection == null) {
					rowConnection = dataSource.getConnection();
					EngineDialect.of(engine.engine()).forManySmallReads(rowConnection);
				}
			}
			catch (SQLException e) {
				// Reading ahead only saves time: without a second session, the contents are read when needed.
				closeQuietly(rowConnection);
				rowConnection = null;
				readsAhead = false;
				return;
			}
			Connection rows = rowConnection;
			ahead = new ReadAhead(tables, rowReader().submit(() -> TableData.contents(rows, tables, tables,
					contentMemo)));
		}

		/** Waits for contents still being read ahead and drops them: the chain's state is about to change. */
		private void settleReadAhead() {
			aheadOfMark = null;
			if (ahead != null) {
				ahead.contents();
				ahead = null;
			}
		}

		@Override
		public void close() {
			settleReadAhead();
			closeQuietly(rowConnection);
			closeQuietly(connection);
			timings.time(Phase.DATABASES, () -> {
				engine.dropDatabase(database);
				return null;
			});
		}
	}

	/** Contents being read on a chain's second session, of {@code tables}. */
	private record ReadAhead(TableData.Tables tables, Future<Map<TableRef, TableData.Content>> result) {

		/** The contents, once read; empty when the read failed (then they are read again, where the failure tells). */
		Optional<Map<TableRef, TableData.Content>> contents() {
			try {
				return Optional.of(result.get());
			}
			catch (ExecutionException e) {
				return Optional.empty();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
	}

	/**
	 * Whether {@code present} has every table of {@code schema} with all its columns: then the contents of
	 * {@code schema}'s tables over the columns both have are those of all of them.
	 */
	private static boolean hasAll(TableData.Tables schema, TableData.Tables present) {
		for (Map.Entry<TableRef, JsonNode> table : schema.byName().entrySet()) {
			JsonNode now = present.byName().get(table.getKey());
			if (now == null) {
				return false;
			}
			for (Iterator<String> columns = table.getValue().path("columns").fieldNames(); columns.hasNext();) {
				if (!now.path("columns").has(columns.next())) {
					return false;
				}
			}
		}
		return true;
	}

	private MigrationVersion previous(Migration migration) {
		return previousVersions.get(migration.version());
	}

	/**
	 * {@code result} without the differences that a column order an undo cannot avoid explains, each noted: column
	 * positions (of the tables and types in {@code reorderable}, or of any), and views whose definitions differ only
	 * by listing such a table's columns in their new order, as a {@code SELECT *} expanded at creation does.
	 *
	 * @param reordered receives the keys of the tables and types whose column order was accepted
	 */
	private SchemaDiffResult acceptColumnOrder(SchemaDiffResult result, Optional<Set<List<String>>> reorderable,
			SchemaSnapshot expected, SchemaSnapshot actual, Set<List<String>> reordered, String note) {
		List<Difference> kept = new ArrayList<>();
		List<Difference> accepted = new ArrayList<>();
		for (Difference difference : result.differences()) {
			List<String> keys = difference.keys();
			if (difference.category() == Category.COLUMN_ORDER && keys.size() >= 4
					&& reorderable.map(owners -> owners.contains(keys.subList(0, 4))).orElse(true)) {
				reordered.add(List.copyOf(keys.subList(0, 4)));
				accepted.add(difference);
			}
			else {
				kept.add(difference);
			}
		}
		List<String> positions = accepted.stream()
			.map(difference -> difference.path() + " " + difference.expected().map(Object::toString).orElse("")
					+ " → " + difference.actual().map(Object::toString).orElse(""))
			.toList();
		List<String> views = new ArrayList<>();
		for (Difference difference : List.copyOf(kept)) {
			Optional<List<String>> source = reorderedSource(difference, reordered, expected, actual);
			if (source.isPresent()) {
				kept.remove(difference);
				accepted.add(difference);
				views.add("view " + difference.keys().get(1) + "." + difference.keys().get(3) + " lists the columns of "
						+ source.get().get(1) + "." + source.get().get(3) + " in their new order");
			}
		}
		if (!accepted.isEmpty()) {
			notes.add("accepted: " + note + String.join(", ", positions)
					+ (views.isEmpty() ? "" : "; " + String.join(", ", views) + ", as its definition was expanded "
							+ "over the table's columns when it was created"));
		}
		List<Difference> ignored = new ArrayList<>(result.ignored());
		ignored.addAll(accepted);
		return new SchemaDiffResult(kept, ignored);
	}

	/** {@code result} without what a time frozen by a written {@code 'now'} or {@code 'today'} explains, noted. */
	private SchemaDiffResult acceptFrozenTimes(SchemaDiffResult result, String when) {
		return result.isEmpty() ? result : FrozenTimes.accept(result, FrozenTimes.scriptsWriting(
				migrations.migrations()), Instant.now(), when, notes);
	}

	/**
	 * The table among {@code reordered} whose new column order explains {@code difference} alone, if it is a view's
	 * definition that lists the same words, except for that table's columns, which it lists in the table's order
	 * before and after.
	 */
	private static Optional<List<String>> reorderedSource(Difference difference, Set<List<String>> reordered,
			SchemaSnapshot expected, SchemaSnapshot actual) {
		List<String> keys = difference.keys();
		if (keys.size() != 5 || !keys.get(2).equals("views") || !keys.get(4).equals("definition")
				|| difference.expected().isEmpty() || difference.actual().isEmpty()) {
			return Optional.empty();
		}
		List<String> before = List.of(VIEW_TOKENS.split(difference.expected().get().asText().strip()));
		List<String> now = List.of(VIEW_TOKENS.split(difference.actual().get().asText().strip()));
		if (before.size() != now.size()) {
			return Optional.empty();
		}
		for (List<String> table : reordered) {
			List<String> orderBefore = columnOrder(expected, table);
			List<String> orderNow = columnOrder(actual, table);
			if (!orderBefore.isEmpty() && permutesOnly(before, now, orderBefore, orderNow)) {
				return Optional.of(table);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the words of two definitions differ only at columns of one table, which each lists in that table's
	 * order of its own side, the same columns as often.
	 */
	private static boolean permutesOnly(List<String> before, List<String> now, List<String> orderBefore,
			List<String> orderNow) {
		List<String> columnsBefore = new ArrayList<>();
		List<String> columnsNow = new ArrayList<>();
		for (int i = 0; i < before.size(); i++) {
			if (!before.get(i).equals(now.get(i))) {
				String columnBefore = columnOf(before.get(i));
				String columnNow = columnOf(now.get(i));
				if (!orderBefore.contains(columnBefore) || !orderNow.contains(columnNow)) {
					return false;
				}
				columnsBefore.add(columnBefore);
				columnsNow.add(columnNow);
			}
		}
		List<String> sortedBefore = new ArrayList<>(columnsBefore);
		List<String> sortedNow = new ArrayList<>(columnsNow);
		sortedBefore.sort(null);
		sortedNow.sort(null);
		return !columnsBefore.isEmpty() && sortedBefore.equals(sortedNow) && inOrder(columnsBefore, orderBefore)
				&& inOrder(columnsNow, orderNow);
	}

	/** A column named by a word of a definition: {@code shelf.note}, {@code `shelf`.`note`}, {@code "note"}. */
	private static String columnOf(String word) {
		String bare = word.replace("`", "").replace("\"", "");
		return bare.substring(bare.lastIndexOf('.') + 1);
	}

	/** Whether {@code columns}, repeats aside, come in the order of {@code order}. */
	private static boolean inOrder(List<String> columns, List<String> order) {
		int last = -1;
		for (String column : columns) {
			int position = order.indexOf(column);
			if (position < last) {
				return false;
			}
			last = position;
		}
		return true;
	}

	/** The columns (or a type's attributes) of the object at {@code keys}, by position; empty when it has none. */
	private static List<String> columnOrder(SchemaSnapshot snapshot, List<String> keys) {
		return snapshot.at(keys).map(TableData::columnsByPosition).orElse(List.of());
	}

	private static Set<String> columnNames(JsonNode table) {
		Set<String> names = new TreeSet<>();
		table.path("columns").fieldNames().forEachRemaining(names::add);
		return names;
	}

	/** The tables a migration changes, from the differences of its schema diff. */
	private static Set<TableRef> touched(SchemaDiffResult result) {
		Set<TableRef> tables = new TreeSet<>();
		for (Difference difference : result.differences()) {
			List<String> keys = difference.keys();
			if (keys.size() >= 4 && keys.get(0).equals("schemas") && keys.get(2).equals("tables")) {
				tables.add(new TableRef(keys.get(1), keys.get(3)));
			}
		}
		return tables;
	}
}
