package dev.dbparity.junit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityException;
import dev.dbparity.junit.engine.RunningEngine;
import dev.dbparity.junit.migration.Migration;
import dev.dbparity.junit.migration.MigrationDirectives;
import dev.dbparity.junit.migration.MigrationException;
import dev.dbparity.junit.migration.MigrationSet;
import dev.dbparity.junit.migration.MigrationVersion;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.diff.report.TextReport;

/**
 * {@code MigrationRoundTrip} checks that each migration's undo script really restores what was there before it.
 *
 * <p>For version n, on a fresh database of its own: migrate to n-1, give every table {@value #ROWS} rows
 * ({@link RowFiller}), read the schema S(n-1) and the tables' contents; up → S(n); undo → the schema must equal
 * S(n-1), tables the migration did not touch must keep their content (hash), the others their row counts, and no
 * foreign key may have orphaned rows; up again → the schema must equal S(n). Every finding of one version is reported
 * together in one {@link AssertionError}.
 *
 * <p>A migration without an undo script fails as irreversible, unless its header declares
 * {@code -- dbparity:irreversible <reason>}: then the test is aborted (reported as skipped) with the reason. Lost rows
 * are accepted when the header declares {@code -- dbparity:allow DESTRUCTIVE <reason>}; they are still listed.
 *
 * <p>Internal: may change in any minor release.
 */
public final class MigrationRoundTrip {

	static final int ROWS = 3;
	private static final int MESSAGE_DIFFERENCES = 20;

	private final RunningEngine engine;
	private final DatabaseContext context;
	private final MigrationSet migrations;
	/** The database each version's scratch database is cloned from; dropped with the engine at the end of the run. */
	private String chain;
	private MigrationVersion chainVersion = MigrationVersion.ZERO;

	private MigrationRoundTrip(RunningEngine engine, DatabaseContext context, MigrationSet migrations) {
		this.engine = engine;
		this.context = context;
		this.migrations = migrations;
	}

	/** One dynamic test per migration, in version order, named like {@code V3 indexes and checks}. */
	public static Stream<DynamicTest> dynamicTests(RunningEngine engine, DatabaseContext context) {
		MigrationSet migrations = context.migrations().orElseThrow(() -> new IllegalStateException("migrationRoundTrips() "
				+ "needs migrations: set @ParityDatabase(migrations = \"db/migration\")."));
		MigrationRoundTrip roundTrip = new MigrationRoundTrip(engine, context, migrations);
		return migrations.migrations().stream().map(migration -> DynamicTest.dynamicTest(
				"V" + migration.version() + " " + migration.description(), () -> roundTrip.check(migration)));
	}

	void check(Migration migration) {
		MigrationDirectives directives = MigrationDirectives.parse(migration.up());
		if (migration.undo().isEmpty()) {
			String declared = directives.irreversible().orElseThrow(() -> new AssertionError("V" + migration.version()
					+ " (" + migration.up().location() + ") is irreversible: it has no undo script. "
					+ migrations.format().addUndo(migration) + ", or declare in its header "
					+ "'-- dbparity:irreversible <reason>'."));
			throw new TestAbortedException("V" + migration.version() + " is irreversible (declared in "
					+ migration.up().location() + "): " + declared);
		}
		try {
			inScratchDatabase(migration, dataSource -> check(migration, directives, dataSource, ROWS, new ArrayList<>()));
		}
		catch (RowsRejected rejected) {
			// The filler's rows are not production's: a migration may rightly refuse them (a new check, a cast).
			// Its schema round trip still counts, so it runs again on empty tables.
			List<String> notes = new ArrayList<>();
			notes.add("V" + migration.version() + " rejects the filler's rows, so it was checked on empty tables: "
					+ rejected.getCause().getMessage().lines().filter(line -> line.contains("error:")).findFirst()
						.orElse("").strip());
			inScratchDatabase(migration, dataSource -> check(migration, directives, dataSource, 0, notes));
		}
	}

	/**
	 * Runs {@code action} on a scratch database already at the version before {@code migration}: a clone of a chain
	 * database that moves forward one migration per test. Migrating every scratch database from empty made a chain of n
	 * migrations cost n² of them.
	 */
	private synchronized void inScratchDatabase(Migration migration, Consumer<DataSource> action) {
		MigrationVersion previous = previous(migration);
		String source = chainAt(previous);
		String scratch = "dbparity_r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		engine.cloneDatabase(source, scratch);
		try {
			action.accept(engine.dataSource(scratch));
		}
		finally {
			engine.dropDatabase(scratch);
		}
	}

	/** The chain database at {@code version}, moved forward from where it is, or built again when it is past it. */
	private String chainAt(MigrationVersion version) {
		if (chain != null && chainVersion.compareTo(version) > 0) {
			engine.dropDatabase(chain);
			chain = null;
		}
		if (chain == null) {
			chain = "dbparity_c_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
			engine.createDatabase(chain);
			chainVersion = MigrationVersion.ZERO;
		}
		if (chainVersion.compareTo(version) < 0) {
			migrate(engine.dataSource(chain), version);
			chainVersion = version;
		}
		return chain;
	}

	/** The first up failed on tables the filler had filled. */
	private static final class RowsRejected extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RowsRejected(MigrationException cause) {
			super(cause.getMessage(), cause);
		}
	}

	private void check(Migration migration, MigrationDirectives directives, DataSource dataSource, int rows,
			List<String> notes) {
		MigrationVersion previous = previous(migration);
		Engine engineId = engine.engine();
		migrate(dataSource, previous);
		List<String> findings = new ArrayList<>();
		SchemaSnapshot before;
		Map<TableRef, TableData.Content> contentBefore;
		boolean filledAny;
		try (Connection connection = dataSource.getConnection()) {
			before = SchemaBaselineCheck.snapshot(dataSource);
			RowFiller.Result filled = RowFiller.fill(connection, before, rows);
			filledAny = rows > 0 && !filled.filled().isEmpty();
			filled.skipped().forEach((table, why) -> notes.add("rows not filled in " + table + ": " + why));
			contentBefore = TableData.contents(connection, before);
		}
		catch (SQLException e) {
			throw new ParityException("Round trip of V" + migration.version() + " on " + engine.jdbcUrl("")
					+ ": could not fill or read the tables (phase seed): " + e.getMessage(), e);
		}
		String label = "V" + migration.version();
		try {
			migrate(dataSource, migration.version());
		}
		catch (MigrationException e) {
			if (filledAny) {
				throw new RowsRejected(e);
			}
			throw e;
		}
		SchemaSnapshot after = SchemaBaselineCheck.snapshot(dataSource);
		Set<TableRef> touched = touched(SchemaDiff.compare(before, after, IgnoreRules.defaults()));
		try {
			context.runner().migrateTo(dataSource, engineId, migrations, previous);
		}
		catch (MigrationException e) {
			String state = engineId == Engine.POSTGRES
					? SchemaDiff.compare(after, SchemaBaselineCheck.snapshot(dataSource), IgnoreRules.defaults()).isEmpty()
							? "\nThe database is as it was after " + label + " (the undo ran in one transaction)."
							: "\nThe database is not as it was after " + label + "."
					: "";
			throw new AssertionError(label + " round trip: its undo script failed.\n" + e.getMessage() + state, e);
		}
		SchemaDiffResult down = SchemaDiff.compare(before, SchemaBaselineCheck.snapshot(dataSource),
				IgnoreRules.defaults());
		if (!down.isEmpty()) {
			findings.add("after up and undo, " + TextReport.render(down, "the schema before " + label,
					"the database", Optional.empty(), MESSAGE_DIFFERENCES));
		}
		List<String> dataFindings = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			Map<TableRef, TableData.Content> contentAfter = TableData.contents(connection, before);
			contentBefore.forEach((table, content) -> {
				TableData.Content now = contentAfter.get(table);
				if (touched.contains(table)) {
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
			TableData.orphans(connection, before).forEach(orphans -> findings.add("after the undo, " + orphans
					+ " reference no row of " + orphans.parent()));
		}
		catch (SQLException e) {
			throw new ParityException("Round trip of " + label + " on " + engine.jdbcUrl("")
					+ ": could not read the tables after the undo (phase snapshot): " + e.getMessage(), e);
		}
		if (directives.allows(Category.DESTRUCTIVE)) {
			dataFindings.forEach(finding -> notes.add("accepted, declared DESTRUCTIVE ("
					+ directives.allowed().get(Category.DESTRUCTIVE) + "): " + finding));
		}
		else {
			findings.addAll(dataFindings);
		}
		try {
			migrate(dataSource, migration.version());
			SchemaDiffResult again = SchemaDiff.compare(after, SchemaBaselineCheck.snapshot(dataSource),
					IgnoreRules.defaults());
			if (!again.isEmpty()) {
				findings.add("after up, undo and up again, " + TextReport.render(again, "the schema after the first up",
						"the database", Optional.empty(), MESSAGE_DIFFERENCES));
			}
		}
		catch (MigrationException e) {
			// What the undo left behind often breaks the second up; the findings above say what it was.
			findings.add("up again after the undo failed: " + e.getMessage());
		}
		String noteText = notes.stream().map(note -> "\n  note: " + note).collect(Collectors.joining());
		if (!findings.isEmpty()) {
			throw new AssertionError(label + " (" + migration.up().location() + ") does not round-trip: "
					+ findings.size() + (findings.size() == 1 ? " finding" : " findings") + "\n"
					+ findings.stream().map(finding -> "‣ " + finding).collect(Collectors.joining("\n")) + noteText);
		}
		if (!notes.isEmpty()) {
			System.out.println("dbparity: " + label + " round trip passed" + noteText);
		}
	}

	private void migrate(DataSource dataSource, MigrationVersion target) {
		context.runner().migrateTo(dataSource, engine.engine(), migrations, target);
	}

	private MigrationVersion previous(Migration migration) {
		List<Migration> all = migrations.migrations();
		int index = all.indexOf(migration);
		return index == 0 ? MigrationVersion.ZERO : all.get(index - 1).version();
	}

	/** The tables a migration changes, from the differences of its schema diff. */
	static Set<TableRef> touched(SchemaDiffResult result) {
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
