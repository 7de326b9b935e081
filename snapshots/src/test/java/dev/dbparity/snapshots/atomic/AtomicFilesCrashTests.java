package dev.dbparity.snapshots.atomic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.FileTree;
import dev.dbparity.snapshots.baseline.Baseline;

/**
 * Deterministic fault injection: a forked JVM writes new content over old and halts at step k of the writer, for every
 * k the writer has; then the normal reader must find the complete old or the complete new content, byte for byte, and
 * no stray file beside or inside it.
 */
class AtomicFilesCrashTests {

	@TempDir
	Path temporary;

	private final TestReporter reporter;

	AtomicFilesCrashTests(TestReporter reporter) {
		this.reporter = reporter;
	}

	/** The writer's steps for one write, recorded in this thread only (other tests may write at the same time). */
	private static List<String> steps(IoAction write) throws Exception {
		List<String> steps = new ArrayList<>();
		Thread recording = Thread.currentThread();
		Consumer<String> previous = AtomicFiles.beforeStep;
		AtomicFiles.beforeStep = step -> {
			if (Thread.currentThread() == recording) {
				steps.add(step);
			}
		};
		try {
			write.run();
		}
		finally {
			AtomicFiles.beforeStep = previous;
		}
		assertThat(steps).as("the writer announces its steps").isNotEmpty();
		return steps;
	}

	@FunctionalInterface
	interface IoAction {
		void run() throws Exception;
	}

	/** Runs {@link CrashingWrite} in a JVM of its own with this test's class path; returns its exit code. */
	private int crash(String what, Path target, int step) throws IOException, InterruptedException {
		Path log = temporary.resolve("fork-" + what + "-" + step + ".log");
		// C1 only: the fork lives for a fraction of a second.
		Process fork = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), CrashingWrite.class.getName(), what, target.toString(),
				Integer.toString(step))
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		int exitCode = fork.waitFor();
		assertThat(exitCode).as("the fork halts at step %d; its output: %s", step, Files.readString(log))
			.isEqualTo(CrashingWrite.CRASH_EXIT_CODE);
		return exitCode;
	}

	private static List<String> names(Path directory) throws IOException {
		try (Stream<Path> children = Files.list(directory)) {
			return children.map(path -> path.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	@DisplayName("0 broken baselines: a baseline killed at any step of its replacement reads as the complete old or new one")
	void aBaselineKilledAtAnyStepOfItsReplacementReadsAsTheCompleteOldOrNewOne() throws Exception {
		Path oldReference = temporary.resolve("old/production");
		CrashFixtures.writeOldBaseline(oldReference);
		Path newReference = temporary.resolve("new/production");
		CrashFixtures.writeOldBaseline(newReference);
		List<String> steps = steps(() -> CrashFixtures.writeNewBaseline(newReference));
		FileTree old = FileTree.of(oldReference);
		FileTree replaced = FileTree.of(newReference);
		assertThat(old).isNotEqualTo(replaced);

		List<String> broken = new ArrayList<>();
		List<String> outcomes = new ArrayList<>();
		for (int k = 1; k <= steps.size(); k++) {
			Path parent = temporary.resolve("crash-" + k);
			Path directory = parent.resolve("production");
			CrashFixtures.writeOldBaseline(directory);

			crash("baseline", directory, k);

			List<String> repairs = new ArrayList<>();
			String at = "step " + k + " (" + steps.get(k - 1) + ")";
			try {
				Baseline.read(directory, repairs::add);
				FileTree after = FileTree.of(directory);
				outcomes.add(after.equals(old) ? "old" : after.equals(replaced) ? "new" : "neither");
				if (!after.equals(old) && !after.equals(replaced)) {
					broken.add(at + ": neither the old nor the new baseline: " + after);
				}
				if (!names(parent).equals(List.of("production"))) {
					broken.add(at + ": stray files beside the baseline: " + names(parent) + " after " + repairs);
				}
			}
			catch (RuntimeException e) {
				broken.add(at + ": unreadable: " + e.getMessage());
			}
		}
		assertThat(broken).as("%d broken baselines over %d steps", broken.size(), steps.size()).isEmpty();
		reporter.publishEntry("crash injection", "0 broken baselines over " + steps.size() + " steps");
		assertThat(outcomes).as("crashes before the switch keep the old baseline, after it the new one")
			.contains("old", "new");
	}

	@Test
	@DisplayName("0 broken baselines: a first baseline killed at any step of its write is absent or complete")
	void aNewBaselineKilledAtAnyStepIsAbsentOrComplete() throws Exception {
		Path newReference = temporary.resolve("new/production");
		List<String> steps = steps(() -> CrashFixtures.writeNewBaseline(newReference));
		FileTree replaced = FileTree.of(newReference);

		List<String> broken = new ArrayList<>();
		for (int k = 1; k <= steps.size(); k++) {
			Path parent = Files.createDirectories(temporary.resolve("crash-" + k));
			Path directory = parent.resolve("production");

			crash("baseline", directory, k);

			String at = "step " + k + " (" + steps.get(k - 1) + ")";
			try {
				Baseline.read(directory, repair -> { });
				if (!FileTree.of(directory).equals(replaced)) {
					broken.add(at + ": not the new baseline: " + FileTree.of(directory));
				}
			}
			catch (RuntimeException e) {
				if (Files.exists(directory) || !e.getMessage().contains("does not exist")) {
					broken.add(at + ": neither absent nor complete: " + e.getMessage());
				}
			}
			if (!names(parent).equals(Files.exists(directory) ? List.of("production") : List.of())) {
				broken.add(at + ": stray files: " + names(parent));
			}
		}
		assertThat(broken).as("%d broken baselines over %d steps", broken.size(), steps.size()).isEmpty();
		reporter.publishEntry("crash injection", "0 broken baselines over " + steps.size() + " steps");
	}

	@Test
	@DisplayName("0 broken seed locks: a lock file killed at any step of its replacement reads as the complete old or new one")
	void aSeedLockKilledAtAnyStepOfItsReplacementReadsAsTheCompleteOldOrNewOne() throws Exception {
		Path reference = Files.createDirectories(temporary.resolve("reference")).resolve("seed.lock.json");
		Files.write(reference, CrashFixtures.OLD_LOCK);
		List<String> steps = steps(() -> AtomicFiles.writeFile(reference, CrashFixtures.NEW_LOCK));

		List<String> broken = new ArrayList<>();
		for (int k = 1; k <= steps.size(); k++) {
			Path parent = Files.createDirectories(temporary.resolve("crash-" + k));
			Path lock = parent.resolve("seed.lock.json");
			Files.write(lock, CrashFixtures.OLD_LOCK);

			crash("file", lock, k);

			String at = "step " + k + " (" + steps.get(k - 1) + ")";
			byte[] read = AtomicFiles.readFile(lock).orElse(null);
			if (!Arrays.equals(read, CrashFixtures.OLD_LOCK)
					&& !Arrays.equals(read, CrashFixtures.NEW_LOCK)) {
				broken.add(at + ": neither the old nor the new lock: " + (read == null ? "absent" : new String(read)));
			}
			if (!names(parent).equals(List.of("seed.lock.json"))) {
				broken.add(at + ": stray files: " + names(parent));
			}
		}
		assertThat(broken).as("%d broken seed locks over %d steps", broken.size(), steps.size()).isEmpty();
		reporter.publishEntry("crash injection", "0 broken seed locks over " + steps.size() + " steps");
	}

	@Test
	@DisplayName("0 broken baselines: a mismatch's schema.actual.json killed at any step leaves the baseline readable and clean")
	void anActualFileKilledAtAnyStepLeavesTheBaselineAsItWas() throws Exception {
		Path oldReference = temporary.resolve("old/production");
		CrashFixtures.writeOldBaseline(oldReference);
		Path newReference = temporary.resolve("new/production");
		CrashFixtures.writeOldBaseline(newReference);
		List<String> steps = steps(() -> CrashFixtures.writeActual(newReference));
		FileTree old = FileTree.of(oldReference);
		FileTree written = FileTree.of(newReference);

		List<String> broken = new ArrayList<>();
		for (int k = 1; k <= steps.size(); k++) {
			Path parent = temporary.resolve("crash-" + k);
			Path directory = parent.resolve("production");
			CrashFixtures.writeOldBaseline(directory);

			crash("actual", directory, k);

			String at = "step " + k + " (" + steps.get(k - 1) + ")";
			try {
				Baseline.read(directory, repair -> { });
				FileTree after = FileTree.of(directory);
				if (!after.equals(old) && !after.equals(written)) {
					broken.add(at + ": neither the old nor the new actual file: " + after);
				}
				if (!names(parent).equals(List.of("production"))) {
					broken.add(at + ": stray files beside the baseline: " + names(parent));
				}
			}
			catch (RuntimeException e) {
				broken.add(at + ": unreadable: " + e.getMessage());
			}
		}
		assertThat(broken).as("%d broken baselines over %d steps", broken.size(), steps.size()).isEmpty();
		reporter.publishEntry("crash injection", "0 broken baselines over " + steps.size() + " steps of *.actual.json");
	}
}
