package dev.dbparity.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.MigrationDirectives;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlScriptSplitter;
import dev.dbparity.migrations.SqlStatement;
import dev.dbparity.roundtrips.RetrySafety;
import dev.dbparity.roundtrips.VersionResult;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.runtime.ProjectPaths;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.KnownRenames;
import dev.dbparity.snapshots.diff.SchemaDiff;

/**
 * {@code PendingMigrationLint} checks the migrations production has not run yet: those above the baseline's migration
 * version ({@code Baseline.read(dir).migrationVersion()}).
 *
 * <p>In a scratch database of its own, migrated to that version, each pending migration is first dry-run (PostgreSQL:
 * in a transaction that is rolled back, reporting locks on existing tables, rewrites, non-concurrent index builds and
 * timeouts; MariaDB/MySQL: on a clone, reporting implicit commits and {@code ALTER}s that cannot run online), then
 * applied, and classified by the schema diff between before and after it. The policy fails a migration whose
 * differences have a category of {@link LintOptions#failing()} that its header does not allow
 * ({@code -- dbparity:allow DESTRUCTIVE <reason>}), or with a finding that fails the policy
 * ({@link LintFinding.Kind#violation()}: a timeout, a failed statement, a broken compat query) whose rule code its
 * header does not allow ({@code -- dbparity:allow DP302 <reason>}).
 *
 * <p>It uses no JUnit, so that a command line can call it.
 *
 * @since 0.1
 */
public final class PendingMigrationLint {

	private PendingMigrationLint() {
	}

	/**
	 * Lints the migrations of {@code migrations} above {@code baselineVersion} on {@code engine}.
	 *
	 * @throws MigrationException when a header directive is malformed or the migrations up to the baseline fail
	 */
	public static LintReport lint(RunningEngine engine, MigrationRunner runner, MigrationSet migrations,
			MigrationVersion baselineVersion, LintOptions options) {
		if (options.rehearsal().isPresent()) {
			throw new IllegalArgumentException("A rehearsal needs production's row counts: call lint(…, options, "
					+ "baseline) with the baseline whose statistics.json has them");
		}
		return lint(engine, runner, migrations, baselineVersion, options, Optional.empty());
	}

	/**
	 * Lints the migrations of {@code migrations} above {@code baselineVersion} on {@code engine}, rehearsing them on
	 * data shaped like production when {@link LintOptions#rehearsal()} asks: {@code baseline}'s statistics give
	 * production's row counts and columns' shapes.
	 *
	 * @throws MigrationException when a header directive is malformed or the migrations up to the baseline fail
	 * @throws ParityException when a rehearsal is asked and the baseline has no statistics, naming what is missing
	 */
	public static LintReport lint(RunningEngine engine, MigrationRunner runner, MigrationSet migrations,
			MigrationVersion baselineVersion, LintOptions options, Baseline baseline) {
		return lint(engine, runner, migrations, baselineVersion, options, Optional.of(baseline));
	}

	private static LintReport lint(RunningEngine engine, MigrationRunner runner, MigrationSet migrations,
			MigrationVersion baselineVersion, LintOptions options, Optional<Baseline> baseline) {
		Objects.requireNonNull(options, "options");
		if (options.rehearsal().isPresent()) {
			requireStatistics(baseline.orElseThrow());
		}
		// Every pending header first: a misspelt directive must not wait for a database to be built and migrated.
		Map<MigrationVersion, MigrationDirectives> directives = new HashMap<>();
		for (Migration migration : migrations.migrations()) {
			if (migration.version().compareTo(baselineVersion) > 0) {
				directives.put(migration.version(), MigrationDirectives.parse(migration.up()));
			}
		}
		Scratch scratch = new Scratch(engine);
		engine.createDatabase(scratch.name);
		RetrySafety retrySafety = RetrySafety.above(engine, runner, migrations, baselineVersion);
		Map<MigrationVersion, RetrySafety.Pending> retries = new HashMap<>();
		retrySafety.versions().forEach(pending -> retries.put(pending.version(), pending));
		try {
			DataSource dataSource = engine.dataSource(scratch.name);
			if (migrations.migrations().get(0).version().compareTo(baselineVersion) <= 0) {
				runner.migrateTo(dataSource, engine.engine(), migrations, baselineVersion);
			}
			Map<MigrationVersion, Rehearsals.Outcome> rehearsed = options.rehearsal().map(rehearsal -> Rehearsals
				.rehearse(engine, runner, migrations, baselineVersion, rehearsal, options.compat(), baseline.orElseThrow()
					.statistics().orElseThrow(), ProjectPaths.display(baseline.get().directory()
						.resolve(Baseline.STATISTICS))))
				.orElse(Map.of());
			List<MigrationLintResult> results = new ArrayList<>();
			// Each compat query is reported once, after the first migration that breaks it.
			List<CompatQueries.Query> stillRunning = new ArrayList<>(options.compat().queries());
			for (Migration migration : migrations.migrations()) {
				if (migration.version().compareTo(baselineVersion) > 0) {
					List<LintFinding> notRetrySafe = notRetrySafe(retries.get(migration.version()), migration);
					MigrationLintResult result = lint(engine, runner, migrations, scratch, migration,
							directives.get(migration.version()), options, stillRunning, notRetrySafe,
							Optional.ofNullable(rehearsed.get(migration.version())));
					results.add(result);
					if (result.findings().stream().anyMatch(finding -> finding.kind() == LintFinding.Kind.STATEMENT_FAILED)) {
						// The later migrations build on this one, which could not be applied.
						break;
					}
				}
			}
			return new LintReport(engine.engine().id(), baselineVersion.toString(), results);
		}
		finally {
			try {
				retrySafety.close();
			}
			finally {
				engine.dropDatabase(scratch.name);
			}
		}
	}

	/**
	 * The {@link LintFinding.Kind#NOT_RETRY_SAFE} finding of {@code migration}, if an interrupted run of it cannot simply
	 * be run again; a script that fails uninterrupted is the dry run's {@code STATEMENT_FAILED}, not this.
	 */
	private static List<LintFinding> notRetrySafe(RetrySafety.Pending retry, Migration migration) {
		VersionResult result = retry.check();
		if (result.verdict() != VersionResult.Verdict.FAILED || result.cause().isPresent()) {
			return List.of();
		}
		String message = result.message();
		String marker = " is not retry-safe: ";
		return List.of(new LintFinding(LintFinding.Kind.NOT_RETRY_SAFE, migration.up().location(),
				message.contains(marker) ? message.substring(message.indexOf(marker) + marker.length()) : message));
	}

	/** The scratch database: its name changes when it moves forward as a copy of itself. */
	private static final class Scratch {

		private final RunningEngine engine;
		private String name = newName();

		Scratch(RunningEngine engine) {
			this.engine = engine;
		}

		/** Replaces the database with a copy of itself, one that was never copied and so may change. */
		void moveForward() {
			String next = newName();
			engine.cloneDatabase(name, next);
			String previous = name;
			name = next;
			engine.dropDatabase(previous);
		}

		private static String newName() {
			return "dbparity_l_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		}
	}

	private static MigrationLintResult lint(RunningEngine engine, MigrationRunner runner, MigrationSet migrations,
			Scratch scratch, Migration migration, MigrationDirectives directives, LintOptions options,
			List<CompatQueries.Query> stillRunning, List<LintFinding> notRetrySafe,
			Optional<Rehearsals.Outcome> rehearsed) {
		String database = scratch.name;
		DataSource dataSource = engine.dataSource(database);
		SchemaSnapshot before = snapshot(dataSource);
		List<LintFinding> findings = new ArrayList<>();
		List<String> violations = new ArrayList<>();
		String sql = runner.sql(migration.up(), engine.engine());
		List<SqlStatement> statements = SqlScriptSplitter.split(sql, engine.engine());
		DryRun dryRun = DryRun.of(engine);
		if (engine.engine() == Engine.POSTGRES) {
			findings.addAll(FrozenTimeLiterals.in(migration.up(), statements));
		}
		try {
			findings.addAll(dryRun.run(engine, database, migration.up(), statements, options));
		}
		catch (SQLException e) {
			throw new ParityException("Lint of V" + migration.version() + " on " + engine.jdbcUrl(database)
					+ ": the dry run could not use the database: " + e.getMessage(), e);
		}
		List<Difference> differences = List.of();
		if (findings.stream().noneMatch(finding -> finding.kind() == LintFinding.Kind.STATEMENT_FAILED)) {
			try {
				if (dryRun.copiesDatabase()) {
					scratch.moveForward();
					dataSource = engine.dataSource(scratch.name);
				}
				runner.migrateTo(dataSource, engine.engine(), migrations, migration.version());
				// The migration's SQL tells a real rename (INCOMPATIBLE) from a drop and re-create (DESTRUCTIVE).
				differences = SchemaDiff.compare(before, snapshot(dataSource), IgnoreRules.defaults(),
						KnownRenames.in(sql)).differences();
				findings.addAll(checkCompat(dataSource, options.compat(), migration, stillRunning));
			}
			catch (MigrationException e) {
				findings.add(new LintFinding(LintFinding.Kind.STATEMENT_FAILED, migration.up().location(),
						e.getMessage()));
			}
		}
		rehearsed.ifPresent(outcome -> findings.addAll(outcome.findings()));
		findings.addAll(notRetrySafe);
		for (Category category : Category.values()) {
			List<Difference> matching = differences.stream().filter(d -> d.category() == category).toList();
			if (!matching.isEmpty() && options.failing().contains(category) && !directives.allows(category)) {
				violations.add(category + " " + String.join(", ", matching.stream().map(Difference::path).toList())
						+ " (not allowed by a '-- dbparity:allow " + category + " <reason>' header)");
			}
		}
		findings.stream().filter(finding -> finding.kind().violation() && !directives.allows(finding.kind()))
			.forEach(finding -> violations.add(finding + (finding.kind() == LintFinding.Kind.STATEMENT_FAILED ? ""
					: " (not allowed by a '-- dbparity:allow " + finding.kind().code() + " <reason>' header)")));
		return new MigrationLintResult(migration.version().toString(), migration.description(),
				migration.up().location(), differences, findings, directives.allowed(), directives.allowedRules(),
				violations, rehearsed.map(Rehearsals.Outcome::result));
	}

	/** A rehearsal's cheap precondition, checked before any database is made. */
	private static void requireStatistics(Baseline baseline) {
		if (baseline.statistics().isEmpty()) {
			throw new ParityException("The rehearsal needs production's row counts, and the baseline "
					+ ProjectPaths.display(baseline.directory()) + " has no " + Baseline.STATISTICS + " (its manifest "
					+ "lists only " + String.join(", ", baseline.manifest().files().keySet()) + "). Capture it from "
					+ "production with statistics, e.g. 'dbparity capture --url … --statistics catalog --out "
					+ ProjectPaths.display(baseline.directory()) + "', or lint without the rehearsal.");
		}
	}

	private static List<LintFinding> checkCompat(DataSource dataSource, CompatQueries compat, Migration migration,
			List<CompatQueries.Query> stillRunning) {
		if (stillRunning.isEmpty()) {
			return List.of();
		}
		try (Connection connection = dataSource.getConnection()) {
			List<LintFinding> findings = new ArrayList<>();
			for (CompatQueries.Broken broken : compat.check(connection, stillRunning)) {
				stillRunning.remove(broken.query());
				findings.add(new LintFinding(LintFinding.Kind.COMPAT_BROKEN, broken.query().location(),
						"the previous application version's query no longer runs after V" + migration.version() + " ("
								+ migration.up().location() + "): " + broken.message()));
			}
			return findings;
		}
		catch (SQLException e) {
			throw new ParityException("Could not check the compat queries after V" + migration.version()
					+ " (phase lint): " + e.getMessage(), e);
		}
	}

	private static SchemaSnapshot snapshot(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
		}
		catch (SQLException e) {
			throw new ParityException("Could not read the schema (phase snapshot): " + e.getMessage(), e);
		}
	}
}
