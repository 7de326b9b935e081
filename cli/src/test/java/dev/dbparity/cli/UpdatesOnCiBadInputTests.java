package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;

/**
 * The command line refuses update modes on CI by the same rule as the JUnit extension. {@code CI} is read from the
 * process environment, so the command runs in a JVM of its own with {@code CI=true}.
 */
class UpdatesOnCiBadInputTests {

	@TempDir
	Path dir;

	@Test
	@BadInputEntry("CLI-032")
	void updatingTheSeedLockOnCi() throws IOException, InterruptedException {
		Path rules = Files.writeString(dir.resolve("seed.yaml"), "version: 1\nseed: 1\ntables: {}\n");
		FileTree before = FileTree.of(dir);
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder command = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				DbParity.class.getName(), "seed", "--rules", rules.toString(),
				"--url", "jdbc:postgresql://127.0.0.1:9/shop", "--lock", "update")
			.redirectErrorStream(true);
		command.environment().put("CI", "true");
		Process process = command.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

		assertThat(process.exitValue()).as(output).isEqualTo(2);
		assertSays(output, "--lock update is refused because CI=true", "seed.lock.json",
				"on your machine with --lock update, review the change, and commit it");
		assertThat(FileTree.of(dir)).as("no lock written").isEqualTo(before);
	}
}
