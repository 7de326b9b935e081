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
