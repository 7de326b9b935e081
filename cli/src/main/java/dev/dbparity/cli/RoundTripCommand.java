package dev.dbparity.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.RetrySafety;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.roundtrips.RoundTrips;
import dev.dbparity.roundtrips.VersionResult;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.templates.DatabaseContext;
import dev.dbparity.templates.TemplateSeed;

/**
 * {@code dbparity roundtrip}: the migration round trips of {@code ParityDb.migrationRoundTrips()} outside JUnit, for a
 * folder of migrations in any format dbparity reads: on an embedded engine by default, or on a server given by
 * {@code --url}, in databases of its own. Each version's outcome is printed as soon as it is known.
 */
@Command(name = "roundtrip",
		description = "Check that every migration's undo restores the schema and keeps the data (up, undo, up per "
				+ "version), and with --retry-safety that an interrupted migration can be run again. Exit 0: every "
				+ "version round-trips (and is retry-safe); 1: one does not.")
final class RoundTripCommand implements Callable<Integer> {

	enum Format {
		text, json
	}

	/** One version's outcome; {@code label} is how its messages name it ({@code V115}). */
	private record Outcome(String label, String name, String result, String message) {

		/** The message with this version's label as {@code V#}: the same for versions skipped for one reason. */
		String reason() {
			// Not within a longer version: V1 is not the start of V12, nor of V1.2 (a sentence's full stop may follow).
			return message.replaceAll("(?<![\\w.])" + Pattern.quote(label) + "(?!\\w|\\.\\d)", "V#");
		}
	}

	@Spec
	CommandSpec spec;
	@Option(names = "--migrations", required = true, paramLabel = "DIR",
			description = "The migrations folder: Flyway V/U, golang-migrate, goose, dbmate, sql-migrate, diesel, pop or "
					+ "Prisma files.")
	Path migrations;

	@Mixin
	ScratchEngine engine;

	@Option(names = "--seed", paramLabel = "FILE",
			description = "Seed rules whose rows, restricted to each version, fill the tables (default: generated rows).")
	Optional<Path> seed = Optional.empty();

	@Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
	Format format;

	@Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
	Optional<Path> output = Optional.empty();

	@Option(names = "--retry-safety",
			description = "Also interrupt each migration (and undo) that does not run in one transaction after each of "
					+ "its statements and run it again whole: the retry must succeed and reach what an uninterrupted run "
					+ "reaches.")
	boolean retrySafety;

	@Override
	public Integer call() {
		engine.check();
		Output.check("--output", output);
		seed.filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
			throw new CliException("--seed " + file + ": no such file. Give the seed rules YAML (e.g. --seed "
					+ "parity/seed.yaml), or leave the option out for generated rows.");
		});
		MigrationSet set = MigrationSet.load("file:" + migrations, getClass().getClassLoader(), engine.engine());
		Optional<TemplateSeed> rules = seed.map(file -> TemplateSeed.load("file:" + file, "default", false,
				Optional.empty(), System.getenv(), new OptionNames()));
		DatabaseContext context = new DatabaseContext(Optional.of(set), new SqlMigrationRunner(), rules);
		PrintWriter err = spec.commandLine().getErr();
		RoundTripTimings timings = new RoundTripTimings();
		List<Outcome> outcomes = new ArrayList<>();
		List<Outcome> retries = new ArrayList<>();
		RoundTripTimings retryTimings = new RoundTripTimings();
		try (RunningEngine running = engine.start("round trips of " + set.migrations().size() + " versions", err);
				RoundTrips roundTrips = RoundTrips.of(running, context, timings);
				Stream<VersionResult> results = roundTrips.run()) {
			results.forEach(result -> {
				Outcome outcome = outcome(result);
				outcomes.add(outcome);
				err.println("dbparity: " + outcome.name() + ": " + outcome.result());
				err.flush();
			});
			if (retrySafety) {
				try (RetrySafety retry = RetrySafety.of(running, context, retryTimings);
						Stream<VersionResult> checked = retry.run()) {
					checked.forEach(result -> {
						Outcome outcome = outcome(result);
						retries.add(outcome);
						err.println("dbparity: retry safety of " + outcome.name() + ": " + outcome.result());
						err.flush();
					});
				}
			}
		}
		String report;
		if (format == Format.json) {
			ObjectNode root = json(set, outcomes, timings);
			if (retrySafety) {
				root.put("passes", Stream.concat(outcomes.stream(), retries.stream())
					.noneMatch(outcome -> outcome.result().equals("failed")));
				addVersions(root.putArray("retrySafety"), retries);
			}
			report = CanonicalJson.writeString((JsonNode) root);
		}
		else {
			report = text("Round trips of ", set, outcomes, timings)
					+ (retrySafety ? "\n" + text("Retry safety of ", set, retries, retryTimings) : "");
		}
		print(report);
		return Stream.concat(outcomes.stream(), retries.stream())
			.anyMatch(outcome -> outcome.result().equals("failed")) ? DbParity.DIFFERENT : DbParity.SAME;
	}

	/** A passed version's message is its notes, such as an accepted column order; a skipped one's notes are left out. */
	private static Outcome outcome(VersionResult result) {
		String message = result.verdict() == VersionResult.Verdict.PASSED
				? result.notes().stream().map(note -> "note: " + note).collect(Collectors.joining("\n"))
				: result.message();
		return new Outcome("V" + result.version(), result.name(), result.verdict().name().toLowerCase(Locale.ROOT),
				message);
	}

	private static String text(String title, MigrationSet set, List<Outcome> outcomes, RoundTripTimings timings) {
		StringBuilder text = new StringBuilder(title).append(set.location()).append(": ");
		Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(Outcome::result,
				java.util.TreeMap::new, Collectors.counting()));
		text.append(counts.entrySet().stream().map(count -> count.getValue() + " " + count.getKey())
			.collect(Collectors.joining(", "))).append(" (").append(seconds(total(timings))).append(" s)\n\n");
		int index = 0;
		while (index < outcomes.size()) {
			Outcome outcome = outcomes.get(index);
			int end = index + 1;
			// Versions skipped one after another for one reason (an earlier version fails forward, so that no database
			// reaches them) are one entry: a history that stops early would otherwise bury its failure under a line
			// per later version. The JSON report keeps an entry per version.
			String reason = outcome.result().equals("skipped") ? outcome.reason() : null;
			while (reason != null && end < outcomes.size() && outcomes.get(end).result().equals("skipped")
					&& outcomes.get(end).reason().equals(reason)) {
				end++;
			}
			text.append(outcome.name());
			if (end - index > 1) {
				text.append(" … ").append(outcomes.get(end - 1).name()).append(" (").append(end - index)
					.append(" versions)");
			}
			text.append(": ").append(outcome.result()).append('\n');
			// A passed version's message is its notes, such as an accepted column order.
			outcome.message().lines().forEach(line -> text.append("  ").append(line).append('\n'));
			if (end - index > 1) {
				text.append("  (the same for each of them, shown for ").append(outcome.label()).append(")\n");
			}
			index = end;
		}
		return text.toString();
	}

	private static ObjectNode json(MigrationSet set, List<Outcome> outcomes, RoundTripTimings timings) {
		ObjectNode root = CanonicalJson.object();
		root.put("migrations", set.location());
		root.put("passes", outcomes.stream().noneMatch(outcome -> outcome.result().equals("failed")));
		addVersions(root.putArray("versions"), outcomes);
		ObjectNode milliseconds = root.putObject("milliseconds");
		timings.nanos().forEach((phase, nanos) -> milliseconds.put(phase.name().toLowerCase(Locale.ROOT),
				nanos / 1_000_000));
		// A run whose reads are all full tells that the engine or the runner gives no marks, which costs most time.
		root.putObject("schemaReads").put("partial", timings.readsPartial()).put("spared", timings.readsSpared())
			.put("full", timings.readsFull());
		return root;
	}

	private static void addVersions(ArrayNode versions, List<Outcome> outcomes) {
		outcomes.forEach(outcome -> versions.addObject().put("name", outcome.name()).put("result", outcome.result())
			.put("message", outcome.message()));
	}

	private static long total(RoundTripTimings timings) {
		return timings.nanos().values().stream().mapToLong(Long::longValue).sum();
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000_000.0);
	}

	private void print(String report) {
		Output.write(output, report, spec.commandLine().getOut());
	}
}
