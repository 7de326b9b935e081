package dev.dbparity.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.lint.CompatQueries;
import dev.dbparity.lint.LintOptions;
import dev.dbparity.lint.LintReport;
import dev.dbparity.lint.PendingMigrationLint;
import dev.dbparity.lint.Rehearsal;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.names.ClosestNames;

/**
 * {@code dbparity lint}: classifies the migrations a baseline has not run yet and dry-runs them, outside JUnit: on an
 * embedded engine by default, or on a server given by {@code --url}, where it works in a scratch database of its own.
 */
@Command(name = "lint",
		description = "Lint the migrations pending against a baseline: categories, locks, rewrites, online DDL, compat "
				+ "queries; with --rehearse, lock times and query plans on data shaped like production. Exit 0: passes; "
				+ "1: findings the policy fails.")
final class LintCommand implements Callable<Integer> {

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

	enum Format {
		markdown, json, html
	}

	@Spec
	CommandSpec spec;
	@Option(names = "--migrations", required = true, paramLabel = "DIR",
			description = "The migrations folder: Flyway V/U, golang-migrate, goose, dbmate, sql-migrate, diesel, pop or "
					+ "Prisma files.")
	Path migrations;

	@Option(names = "--baseline", required = true, paramLabel = "DIR",
			description = "The baseline; its migration version says which migrations are pending.")
	Path baseline;

	@Mixin
	ScratchEngine engine;

	@Option(names = "--compat", paramLabel = "DIR", description = "Queries of the previous application version.")
	Optional<Path> compat = Optional.empty();

	@Option(names = "--fail-on", paramLabel = "CATEGORY", split = ",",
			description = "Categories that fail a migration whose header does not allow them, comma-separated, or "
					+ "none (default: DESTRUCTIVE,INCOMPATIBLE).")
	List<String> failOn;

	@Option(names = "--lock-timeout", paramLabel = "DURATION",
			description = "PostgreSQL lock_timeout of the dry run, e.g. 500ms, 2s (default: 2s).")
	Optional<String> lockTimeout = Optional.empty();

	@Option(names = "--rehearse",
			description = "Rehearse the pending migrations on data shaped like production (the baseline's statistics): "
					+ "each statement's lock, rewrite and time, estimated at production's rows, and the compat queries' "
					+ "plans before and after each migration.")
	boolean rehearse;

	@Option(names = "--scale", paramLabel = "F",
			description = "With --rehearse: every table at F times production's rows, above 0 and at most 10, e.g. "
					+ "0.01 (default: production's own counts, cut to 100000 rows in its largest table).")
	Optional<String> scale = Optional.empty();

	@Option(names = "--rows", paramLabel = "N",
			description = "With --rehearse: production's largest table at N rows (1 to 5000000), the others in "
					+ "proportion; instead of --scale.")
	Optional<String> rows = Optional.empty();

	@Option(names = "--max-lock", paramLabel = "DURATION",
			description = "With --rehearse: fail when a statement is estimated to block an existing table longer than "
					+ "DURATION at production's rows, e.g. 2s (default: report only).")
	Optional<String> maxLock = Optional.empty();

	@Option(names = "--format", defaultValue = "markdown",
			description = "markdown, json or html (default: ${DEFAULT-VALUE}).")
	Format format;

	@Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
	Optional<Path> output = Optional.empty();

	@Override
	public Integer call() {
		engine.check();
		Output.check("--output", output);
		// The options first: a typo in one must not wait for the baseline and migrations to be read.
		LintOptions options = LintOptions.defaults();
		if (failOn != null) {
			options = options.withFailing(categories(failOn));
		}
		if (lockTimeout.isPresent()) {
			options = options.withLockTimeout(duration("--lock-timeout", lockTimeout.get()));
		}
		Optional<Rehearsal> rehearsal = rehearsal();
		compat.filter(folder -> !Files.isDirectory(folder)).ifPresent(folder -> {
			throw new CliException("--compat " + folder + ": no such directory. Give the folder of the previous "
					+ "application version's queries (*.sql files, each query ending with ';'), or leave the option "
					+ "out.");
		});
		Engine parsedEngine = engine.engine();
		Baseline recorded = readBaseline();
		MigrationSet set = MigrationSet.load("file:" + migrations, getClass().getClassLoader(), parsedEngine);
		MigrationVersion pendingAfter = recorded.migrationVersion().map(set::versionOf)
			.orElseThrow(() -> new CliException(baseline + " records no migration version, so no migration is known to "
					+ "be pending. Capture it again from a database with a history table, or with --migration-version."));
		if (rehearsal.isPresent()) {
			if (recorded.statistics().isEmpty()) {
				throw new CliException("--rehearse needs production's row counts, and --baseline " + baseline + " has no "
						+ Baseline.STATISTICS + " (it has " + String.join(", ", recorded.manifest().files().keySet())
						+ "). Capture the baseline again with its statistics, e.g. 'dbparity capture --url … "
						+ "--statistics catalog --out " + baseline + "', or lint without --rehearse.");
			}
			options = options.withRehearsal(rehearsal.get());
		}
		if (compat.isPresent()) {
			options = options.withCompat(CompatQueries.load(compat.get(), parsedEngine));
		}
		// --statement-timeout (of the credentials) bounds the dry run's statements as it bounds catalog queries.
		options = options.withStatementTimeout(Duration.ofSeconds(engine.credentials.statementTimeoutSeconds));
		try (RunningEngine running = engine.start("linting", spec.commandLine().getErr())) {
			LintReport report = PendingMigrationLint.lint(running, new SqlMigrationRunner(), set, pendingAfter, options,
					recorded);
			print(switch (format) {
				case json -> report.toJson();
				case html -> report.toHtml();
				case markdown -> report.toMarkdown();
			});
			return report.passes() ? DbParity.SAME : DbParity.DIFFERENT;
		}
	}

	/** The rehearsal {@code --rehearse}, {@code --scale}, {@code --rows} and {@code --max-lock} ask for, if any. */
	private Optional<Rehearsal> rehearsal() {
		if (!rehearse) {
			Optional<String> stray = scale.map(value -> "--scale " + value).or(() -> rows.map(value -> "--rows " + value))
				.or(() -> maxLock.map(value -> "--max-lock " + value));
			stray.ifPresent(option -> {
				throw new CliException(option + ": sizes a rehearsal, and none was asked for. Add --rehearse, e.g. "
						+ "'dbparity lint --rehearse " + option + " …', or leave the option out.");
			});
			return Optional.empty();
		}
		if (scale.isPresent() && rows.isPresent()) {
			throw new CliException("--scale " + scale.get() + " --rows " + rows.get() + ": both size the rehearsal; give "
					+ "one, --scale for a fraction of every table's production rows (e.g. --scale 0.01) or --rows for the "
					+ "largest table's rows (e.g. --rows 1000000).");
		}
		Rehearsal rehearsal = Rehearsal.defaults();
		try {
			if (scale.isPresent()) {
				rehearsal = rehearsal.withScale(number("--scale", scale.get(), Double::parseDouble));
			}
			if (rows.isPresent()) {
				rehearsal = rehearsal.withRows(number("--rows", rows.get(), Long::parseLong));
			}
		}
		catch (IllegalArgumentException e) {
			throw new CliException(scale.map(value -> "--scale " + value).orElseGet(() -> "--rows " + rows.get()) + ": "
					+ e.getMessage() + ".", e);
		}
		if (maxLock.isPresent()) {
			Duration limit = duration("--max-lock", maxLock.get());
			if (limit.isZero() || limit.isNegative()) {
				throw new CliException("--max-lock " + maxLock.get() + ": the longest lock hold allowed must be positive; "
						+ "write it like 500ms, 2s or 5m");
			}
			rehearsal = rehearsal.withMaxLock(limit);
		}
		return Optional.of(rehearsal);
	}

	private static <T> T number(String option, String text, Function<String, T> parse) {
		try {
			return parse.apply(text.trim());
		}
		catch (NumberFormatException e) {
			throw new CliException(option + " " + text + ": not a number; write e.g. " + (option.equals("--scale")
					? "--scale 0.01" : "--rows 1000000"), e);
		}
	}

	private static Set<Category> categories(List<String> names) {
		if (names.size() == 1 && names.get(0).trim().equalsIgnoreCase("none")) {
			return Set.of();
		}
		Set<Category> categories = EnumSet.noneOf(Category.class);
		for (String name : names) {
			try {
				categories.add(Category.valueOf(name.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				List<String> known = Arrays.stream(Category.values()).map(Enum::name).toList();
				throw new CliException("--fail-on " + name + ": not a category; allowed: none or "
						+ String.join(", ", known) + ". " + ClosestNames.closest(name.trim(), known)
							.map(category -> "Did you mean " + category + "? ").orElse("")
						+ "Write e.g. --fail-on DESTRUCTIVE,INCOMPATIBLE.", e);
			}
		}
		return categories;
	}

	/** {@code 500ms}, {@code 2s}, {@code 5m}, or ISO-8601 such as {@code PT2S}. */
	private static Duration duration(String option, String text) {
		Matcher simple = DURATION.matcher(text.trim());
		try {
			if (simple.matches()) {
				long amount = Long.parseLong(simple.group(1));
				return switch (simple.group(2)) {
					case "ms" -> Duration.ofMillis(amount);
					case "s" -> Duration.ofSeconds(amount);
					default -> Duration.ofMinutes(amount);
				};
			}
			return Duration.parse(text.trim());
		}
		catch (ArithmeticException | DateTimeParseException | NumberFormatException e) {
			throw new CliException(option + " " + text + ": not a duration; write it like 500ms, 2s or 5m", e);
		}
	}

	private Baseline readBaseline() {
		try {
			return Baseline.read(baseline);
		}
		catch (RuntimeException e) {
			throw new CliException(e.getMessage(), e);
		}
	}

	private void print(String report) {
		Output.write(output, report, spec.commandLine().getOut());
	}
}
