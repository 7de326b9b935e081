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
				+ "queries. Exit 0: passes; 1: findings the policy fails.")
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
		if (compat.isPresent()) {
			options = options.withCompat(CompatQueries.load(compat.get(), parsedEngine));
		}
		// --statement-timeout (of the credentials) bounds the dry run's statements as it bounds catalog queries.
		options = options.withStatementTimeout(Duration.ofSeconds(engine.credentials.statementTimeoutSeconds));
		try (RunningEngine running = engine.start("linting", spec.commandLine().getErr())) {
			LintReport report = PendingMigrationLint.lint(running, new SqlMigrationRunner(), set, pendingAfter, options);
			print(switch (format) {
				case json -> report.toJson();
				case html -> report.toHtml();
				case markdown -> report.toMarkdown();
			});
			return report.passes() ? DbParity.SAME : DbParity.DIFFERENT;
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
