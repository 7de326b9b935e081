package dev.dbparity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Option;

import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.diff.report.HtmlReport;
import dev.dbparity.snapshots.diff.report.JsonReport;
import dev.dbparity.snapshots.diff.report.MarkdownReport;
import dev.dbparity.snapshots.diff.report.TextReport;

/** {@code ReportOptions} are how {@code diff} and {@code verify} filter and print differences. */
final class ReportOptions {

	enum Format {
		text, markdown, json, html
	}

	@Option(names = "--format", defaultValue = "text", description = "text, markdown, json or html (default: ${DEFAULT-VALUE}).")
	Format format;

	@Option(names = "--ignore", paramLabel = "GLOB",
			description = "Ignore differences whose path matches GLOB (repeatable): * within a segment, ** across "
					+ "segments, e.g. 'public.audit_*' or '**.comment'. Owners are always ignored.")
	List<String> ignore = List.of();

	@Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
	Optional<Path> output = Optional.empty();

	IgnoreRules ignoreRules() {
		try {
			return IgnoreRules.defaults().withGlobs(ignore.toArray(String[]::new));
		}
		catch (IllegalArgumentException e) {
			throw new CliException("--ignore: " + e.getMessage(), e);
		}
	}

	/** Prints the report and returns the exit code: 0 without differences, 1 with. */
	int print(SchemaDiffResult result, String expectedLabel, String actualLabel, PrintWriter out) {
		String report = switch (format) {
			case text -> TextReport.render(result, expectedLabel, actualLabel, output.map(Path::toString), Integer.MAX_VALUE);
			case markdown -> MarkdownReport.render(result, expectedLabel, actualLabel);
			case json -> JsonReport.render(result);
			case html -> HtmlReport.render(result, expectedLabel, actualLabel);
		};
		if (output.isPresent()) {
			try {
				Files.writeString(output.get(), report, StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new CliException("Could not write " + output.get() + ": " + e.getMessage(), e);
			}
		}
		else {
			out.print(report);
			out.flush();
		}
		return result.isEmpty() ? DbParity.SAME : DbParity.DIFFERENT;
	}
}
