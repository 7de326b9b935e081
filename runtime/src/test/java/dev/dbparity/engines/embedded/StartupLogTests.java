package dev.dbparity.engines.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start ends early only on what its own pg_ctl writes while it starts: not on lines written before (another start's,
 * whose pg_ctl outlived its server), and then at once, with the interrupt that ended zonky's wait cleared.
 */
class StartupLogTests {

	@TempDir
	Path directory;

	@Test
	void aStopWrittenWhileStartingEndsTheStartAndIsQuoted() throws Exception {
		Path file = Files.writeString(directory.resolve("postgres-1.log"), "an earlier line\n");
		StartupLog log = StartupLog.watch(file);
		Files.writeString(file, "waiting for server to start.... FATAL:  invalid value\nstopped waiting\n"
				+ "pg_ctl: could not start server\n", StandardOpenOption.APPEND);
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}

		assertThat(log.stoppedWhileStarting()).isTrue();
		assertThat(Thread.currentThread().isInterrupted()).as("the watch's interrupt is cleared").isFalse();
		assertThat(log.tail()).contains("FATAL:  invalid value", "pg_ctl: could not start server")
			.doesNotContain("an earlier line");
	}

	@Test
	void aStopWrittenBeforeTheWatchBeganIsNotThisStarts() throws IOException, InterruptedException {
		Path file = Files.writeString(directory.resolve("postgres-1.log"), "pg_ctl: could not start server\n");
		StartupLog log = StartupLog.watch(file);
		Thread.sleep(300);

		assertThat(log.stoppedWhileStarting()).isFalse();
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		assertThat(log.tail()).isEqualTo("(PostgreSQL wrote nothing)");
	}
}
