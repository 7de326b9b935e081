package dev.dbparity.lint;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlScriptSplitter;
import dev.dbparity.migrations.SqlStatement;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.seeding.LockMode;
import dev.dbparity.seeding.RowLimits;
import dev.dbparity.seeding.SeedOptions;
import dev.dbparity.seeding.SeedRules;
import dev.dbparity.seeding.SeedRulesException;
import dev.dbparity.seeding.Seeder;
import dev.dbparity.seeding.mask.MaskingKey;
import dev.dbparity.seeding.suggest.RuleSuggester;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code Rehearsals} rehearses the pending migrations on data shaped like production, in a database of its own: migrated
 * to production's version, its tables filled by rules {@link RuleSuggester} drafts from the baseline's statistics (row
 * counts times the scale, the columns' shapes), then each pending migration run statement by statement and timed by the
 * engine's {@link RehearsalEngine}, with the compat queries explained before and after it.
 *
 * <p>Times at production's row counts are estimates, linear in the rows of the statement's table: index builds grow a
 * little faster, changes that only touch the catalog do not grow at all.
 */
final class Rehearsals {

	/** What the rehearsal of one migration gives the lint. */
	record Outcome(RehearsalResult result, List<LintFinding> findings) {
	}

	private final RunningEngine engine;
	private final Rehearsal options;
	private final StatisticsSnapshot production;
	private final String statisticsSource;
	private final RehearsalEngine rehearsalEngine;
	private final Map<String, Long> rehearsalRows = new HashMap<>();
	private String scale = "";

	private Rehearsals(RunningEngine engine, Rehearsal options, StatisticsSnapshot production,
			String statisticsSource) {
		this.engine = engine;
		this.options = options;
		this.production = production;
		this.statisticsSource = statisticsSource;
		this.rehearsalEngine = RehearsalEngine.of(engine.engine());
	}

	/**
	 * Rehearses the migrations of {@code migrations} above {@code baselineVersion}; the outcomes by version.
	 *
	 * @param statisticsSource where {@code production} was read, for messages, e.g.
	 *     {@code parity/baseline/production/statistics.json}
	 */
	static Map<MigrationVersion, Outcome> rehearse(RunningEngine engine, MigrationRunner runner, MigrationSet migrations,
			MigrationVersion baselineVersion, Rehearsal options, CompatQueries compat, StatisticsSnapshot production,
			String statisticsSource) {
		return new Rehearsals(engine, options, production, statisticsSource).run(runner, migrations, baselineVersion,
				compat);
	}

	private Map<MigrationVersion, Outcome> run(MigrationRunner runner, MigrationSet migrations,
			MigrationVersion baselineVersion, CompatQueries compat) {
		String name = "dbparity_r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		engine.createDatabase(name);
		try {
			DataSource dataSource = engine.dataSource(name);
			if (migrations.migrations().get(0).version().compareTo(baselineVersion) <= 0) {
				runner.migrateTo(dataSource, engine.engine(), migrations, baselineVersion);
			}
			try (Connection connection = dataSource.getConnection()) {
				fill(connection);
				rehearsalEngine.analyze(connection, productionTables());
				return migrate(connection, runner, migrations, baselineVersion, compat);
			}
			catch (SQLException e) {
				throw new ParityException("The rehearsal on " + engine.jdbcUrl(name) + " could not use the database "
						+ "(phase lint): " + e.getMessage(), e);
			}
		}
		finally {
			engine.dropDatabase(name);
		}
	}

	/** Fills every table production has rows in, by rules drafted from the statistics, at the rehearsal's scale. */
	private void fill(Connection connection) throws SQLException {
		SchemaSnapshot schema = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
		long largestInProduction = productionTables().stream().mapToLong(this::productionRows).max().orElse(0);
		// Without a size, a small production is rehearsed at its own size and a large one cut to DEFAULT_ROWS.
		Optional<Double> factor = options.scale().or(() -> options.rows().isPresent() ? Optional.empty()
				: Optional.of(largestInProduction <= Rehearsal.DEFAULT_ROWS ? 1.0
						: (double) Rehearsal.DEFAULT_ROWS / largestInProduction));
		RuleSuggester.Options suggestion = new RuleSuggester.Options(factor, options.rows().orElse(1L), 1);
		String yaml = RuleSuggester.suggest(schema, Optional.of(production), suggestion);
		String source = "rules suggested from " + statisticsSource;
		try {
			Seeder.seed(connection, SeedRules.parse(yaml.getBytes(StandardCharsets.UTF_8), source),
					// Drafted rules generate every value and mask none: no key is needed, nor the warning about one.
					new SeedOptions("default", MaskingKey.developmentKey(), LockMode.IGNORE, Optional.empty(), line -> {
					}, Optional.empty(), Optional.of(new RowLimits(Rehearsal.MAX_ROWS, Rehearsal.MAX_ROWS * 10))));
		}
		catch (SeedRulesException e) {
			throw new ParityException("The rehearsal could not fill the tables with the " + source + ": "
					+ e.getMessage() + "\nFix the baseline's statistics or lower the rehearsal's size (--scale or "
					+ "--rows on the command line, Rehearsal.withScale or withRows).", e);
		}
		String largest = productionTables().stream().max((a, b) -> Long.compare(productionRows(a), productionRows(b)))
			.orElse("");
		long rows = largest.isEmpty() ? 0 : rehearsalRows(connection, largest);
		scale = options.rows().isPresent() ? String.format(Locale.ROOT, "%,d rows in %s, production's largest table "
				+ "(%,d rows)", rows, largest, largestInProduction)
				: "scale " + number(factor.orElseThrow()) + " of production's rows"
						+ (options.scale().isPresent() ? "" : String.format(Locale.ROOT, ", by default at most %,d rows "
								+ "per table", Rehearsal.DEFAULT_ROWS));
	}

	private Map<MigrationVersion, Outcome> migrate(Connection connection, MigrationRunner runner,
			MigrationSet migrations, MigrationVersion baselineVersion, CompatQueries compat) throws SQLException {
		Map<MigrationVersion, Outcome> outcomes = new LinkedHashMap<>();
		Set<CompatQueries.Query> unexplained = new HashSet<>();
		for (Migration migration : migrations.migrations()) {
			if (migration.version().compareTo(baselineVersion) <= 0) {
				continue;
			}
			List<LintFinding> findings = new ArrayList<>();
			Map<CompatQueries.Query, QueryPlan> before = plans(connection, compat, unexplained, findings);
			String sql = runner.sql(migration.up(), engine.engine());
			List<SqlStatement> statements = SqlScriptSplitter.split(sql, engine.engine());
			List<RehearsalEngine.Measured> measured;
			try {
				measured = rehearsalEngine.run(connection, migration.up(), statements);
			}
			catch (SQLException e) {
				// The lint's own dry run reports the failing statement; the later migrations cannot be rehearsed.
				outcomes.put(migration.version(), new Outcome(new RehearsalResult(scale, List.of(), 0, List.of(
						"the rehearsal stopped at a statement that failed: " + e.getMessage())), findings));
				break;
			}
			List<RehearsedStatement> rehearsed = estimate(connection, migration, measured);
			findings.addAll(lockHolds(rehearsed));
			rehearsalEngine.analyze(connection, productionTables());
			Map<CompatQueries.Query, QueryPlan> after = plans(connection, compat, unexplained, findings);
			int compared = 0;
			for (Map.Entry<CompatQueries.Query, QueryPlan> plan : before.entrySet()) {
				QueryPlan next = after.get(plan.getKey());
				if (next != null) {
					compared++;
					regression(plan.getKey(), plan.getValue(), next, migration).ifPresent(findings::add);
				}
			}
			outcomes.put(migration.version(), new Outcome(new RehearsalResult(scale, rehearsed, compared, List.of()),
					findings));
		}
		return outcomes;
	}

	private Map<CompatQueries.Query, QueryPlan> plans(Connection connection, CompatQueries compat,
			Set<CompatQueries.Query> unexplained, List<LintFinding> findings) {
		Map<CompatQueries.Query, QueryPlan> plans = new LinkedHashMap<>();
		for (CompatQueries.Query query : compat.queries()) {
			if (unexplained.contains(query)) {
				continue;
			}
			try {
				plans.put(query, rehearsalEngine.explain(connection, query));
			}
			catch (SQLException e) {
				unexplained.add(query);
				findings.add(new LintFinding(LintFinding.Kind.PLAN_UNAVAILABLE, query.location(), engine.engine()
					.displayName() + " cannot EXPLAIN this compat query (" + Optional.ofNullable(e.getMessage())
						.orElse(e.toString()).strip() + "), so the rehearsal does not compare its plans. Fix: keep one "
						+ "SELECT, INSERT, UPDATE or DELETE per query with '?' for parameters, or move what is no "
						+ "query (a SET, a call) out of " + compat.location()));
			}
		}
		return plans;
	}

	private Optional<LintFinding> regression(CompatQueries.Query query, QueryPlan before, QueryPlan after,
			Migration migration) {
		List<String> reasons = new ArrayList<>();
		for (Map.Entry<String, String> access : before.access().entrySet()) {
			long rows = productionRows(access.getKey());
			if (access.getValue().equals(QueryPlan.INDEX) && QueryPlan.FULL_SCAN.equals(after.access().get(access.getKey()))
					&& rows >= options.planMinRows()) {
				reasons.add(String.format(Locale.ROOT, "%s is read by an index before and by a full scan after "
						+ "(%,d rows in production, threshold %,d)", access.getKey(), rows, options.planMinRows()));
			}
		}
		if (before.cost() > 0 && after.cost() > before.cost() * options.planCostFactor()) {
			reasons.add(String.format(Locale.ROOT, "its estimated cost grows from %.2f to %.2f (more than %sx)",
					before.cost(), after.cost(), number(options.planCostFactor())));
		}
		if (reasons.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new LintFinding(LintFinding.Kind.PLAN_REGRESSION, query.location(), "after V"
				+ migration.version() + " (" + migration.up().location() + ") the previous application version's query "
				+ "plans worse on the rehearsal's data: " + String.join("; ", reasons) + ". Fix: keep or re-create the "
				+ "index it uses. Plan before: " + compact(
						before.json(), query) + " Plan after: " + compact(after.json(), query)));
	}

	private static String compact(String json, CompatQueries.Query query) {
		JsonNode tree = CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8), query.location());
		return tree.toString();
	}

	private List<RehearsedStatement> estimate(Connection connection, Migration migration,
			List<RehearsalEngine.Measured> measured) {
		List<Long> estimates = new ArrayList<>();
		List<Long> rehearsed = new ArrayList<>();
		for (RehearsalEngine.Measured each : measured) {
			long rows = each.table().map(table -> rehearsalRows(connection, table)).orElse(0L);
			long inProduction = each.table().map(this::productionRows).orElse(0L);
			double factor = each.scalesWithRows() && rows > 0 && inProduction > 0 ? (double) inProduction / rows : 1;
			rehearsed.add(rows);
			estimates.add(Math.round(millis(each.nanos()) * factor));
		}
		List<RehearsedStatement> statements = new ArrayList<>();
		Set<String> held = new HashSet<>();
		for (int i = 0; i < measured.size(); i++) {
			RehearsalEngine.Measured each = measured.get(i);
			boolean blocks = each.table().isPresent() && !"nothing".equals(each.blocks());
			long hold = 0;
			if (blocks && each.heldToCommit()) {
				// In one transaction a lock is held from the statement that takes it until the migration commits.
				if (held.add(each.table().get())) {
					hold = estimates.subList(i, estimates.size()).stream().mapToLong(Long::longValue).sum();
				}
			}
			else if (blocks) {
				hold = estimates.get(i);
			}
			statements.add(new RehearsedStatement(migration.up().location() + ":" + each.sql().line(),
					each.sql().abbreviated(60), each.table(), each.lock(), each.lockSource(), each.blocks(),
					each.rewrote(), Math.round(millis(each.nanos())), rehearsed.get(i),
					each.table().map(this::productionRows).orElse(0L), estimates.get(i), hold));
		}
		return statements;
	}

	private List<LintFinding> lockHolds(List<RehearsedStatement> statements) {
		if (options.maxLock().isEmpty()) {
			return List.of();
		}
		Duration limit = options.maxLock().get();
		List<LintFinding> findings = new ArrayList<>();
		Set<String> reported = new HashSet<>();
		for (RehearsedStatement statement : statements) {
			String table = statement.table().orElse("");
			if (statement.productionRows() > 0 && statement.holdMillis() > limit.toMillis() && reported.add(table)) {
				findings.add(new LintFinding(LintFinding.Kind.LOCK_HOLD, table, String.format(Locale.ROOT,
						"%s (%s) holds %s, which blocks %s, for an estimated %s at production's %,d rows, over the "
								+ "maximum lock hold %s (measured %s at %,d rows, %s; an estimate linear in the rows). "
								+ "Fix: change the table without a long lock (CREATE INDEX CONCURRENTLY; ADD COLUMN "
								+ "without a volatile default and backfill in batches; ADD CONSTRAINT … NOT VALID, then "
								+ "VALIDATE)",
						statement.statement(), statement.location(), statement.lock().orElse("a lock"),
						statement.blocks(), duration(statement.holdMillis()), statement.productionRows(),
						duration(limit.toMillis()), duration(statement.measuredMillis()), statement.rehearsalRows(),
						scale)));
			}
		}
		return findings;
	}

	static String duration(long millis) {
		return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

	private static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value)
				: new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

	private long rehearsalRows(Connection connection, String table) {
		return rehearsalRows.computeIfAbsent(table, key -> {
			try {
				return rehearsalEngine.rows(connection, key);
			}
			catch (SQLException e) {
				// A table the migration dropped has no rows to count.
				return 0L;
			}
		});
	}

	/** Every table production's statistics count rows of, as {@code schema.table}, in order. */
	private List<String> productionTables() {
		List<String> tables = new ArrayList<>();
		production.tree().path("schemas").properties().forEach(schema -> schema.getValue().path("tables")
			.fieldNames().forEachRemaining(table -> tables.add(schema.getKey() + "." + table)));
		return tables;
	}

	/** Production's rows of {@code table} ({@code schema.table}, or a plan's bare name); 0 when unknown. */
	private long productionRows(String table) {
		int dot = table.indexOf('.');
		if (dot > 0) {
			return production.table(table.substring(0, dot), table.substring(dot + 1))
				.map(node -> node.path("rows").asLong(0)).orElse(0L);
		}
		return productionTables().stream().filter(qualified -> qualified.endsWith("." + table)).findFirst()
			.map(this::productionRows).orElse(0L);
	}
}
