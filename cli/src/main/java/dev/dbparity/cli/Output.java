package dev.dbparity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code Output} is where a command's report goes: the {@code --output} file when given, else standard output. */
final class Output {

	private Output() {
	}

	/**
	 * Checks before any work that the report can be written to {@code file}, given as {@code option}: not a directory,
	 * in a directory that exists.
	 */
	static void check(String option, Optional<Path> file) {
		if (file.isEmpty()) {
			return;
		}
		Path path = file.get();
		if (Files.isDirectory(path)) {
			throw new CliException(option + " " + path + ": is a directory, but a report is one file. Give a file path, "
					+ "e.g. " + option + " " + path.resolve("report.txt") + ".");
		}
		Path parent = path.toAbsolutePath().getParent();
		if (parent != null && !Files.isDirectory(parent)) {
			throw new CliException(option + " " + path + ": the directory " + parent + " does not exist. Create it first "
					+ "(mkdir -p " + parent + ") or give a path in an existing directory.");
		}
	}

	static void write(Optional<Path> file, String report, PrintWriter out) {
		if (file.isPresent()) {
			try {
				Files.writeString(file.get(), report, StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new CliException("Could not write " + file.get() + ": " + e.getMessage(), e);
			}
		}
		else {
			out.print(report);
			out.flush();
		}
	}
}
