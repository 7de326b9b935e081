package dev.dbparity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.seeding.suggest.RuleSuggester;
import dev.dbparity.snapshots.baseline.Baseline;

/** {@code dbparity rules}: works on seed rules; {@code rules suggest} drafts them from a baseline. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work on seed rules.",
		subcommands = RulesCommand.Suggest.class)
final class RulesCommand {

	/** {@code dbparity rules suggest}: seed rules whose data has the baseline's shapes, to review and commit. */
	@Command(name = "suggest", mixinStandardHelpOptions = true,
			description = "Draft seed rules from a baseline's schema.json and, when it has one, statistics.json: keys, "
					+ "references and row counts per parent, value sets, ranges, null fractions, Datafaker for "
					+ "sensitive columns.")
	static final class Suggest implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--baseline", required = true, paramLabel = "DIR", description = "The baseline directory.")
		Path baseline;

		@Option(names = "--out", paramLabel = "FILE", description = "Write the rules to FILE instead of stdout.")
		Optional<Path> out = Optional.empty();

		@Option(names = "--rows-scale", paramLabel = "FACTOR",
				description = "Generated rows per baseline row, e.g. 0.01 (default: the largest table that is not "
						+ "generated per parent gets about 1,000 rows).")
		Optional<Double> rowsScale = Optional.empty();

		@Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "The rules' seed (default: ${DEFAULT-VALUE}).")
		long seed;

		@Override
		public Integer call() {
			Output.check("--out", out);
			Baseline read;
			RuleSuggester.Options options;
			try {
				read = Baseline.read(baseline);
				RuleSuggester.Options defaults = RuleSuggester.Options.defaults();
				options = new RuleSuggester.Options(rowsScale, defaults.targetRows(), seed);
			}
			catch (RuntimeException e) {
				throw new CliException((rowsScale.isPresent() ? "--rows-scale " + rowsScale.get() + ": " : "")
						+ e.getMessage(), e);
			}
			if (read.statistics().isEmpty()) {
				spec.commandLine().getErr().println("dbparity: " + baseline + " has no statistics.json, so row counts and "
						+ "values follow the types only (capture with --statistics to shape them)");
			}
			String rules = RuleSuggester.suggest(read.schema(), read.statistics(), options);
			if (out.isEmpty()) {
				spec.commandLine().getOut().print(rules);
				spec.commandLine().getOut().flush();
				return DbParity.SAME;
			}
			try {
				Files.writeString(out.get(), rules, StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new CliException("Could not write " + out.get() + ": " + e.getMessage(), e);
			}
			spec.commandLine().getErr().println("dbparity: wrote " + out.get() + " (a draft: review it before use)");
			return DbParity.SAME;
		}
	}
}
