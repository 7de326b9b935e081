package dev.dbparity.snapshots.atomic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a JVM of its own by {@link AtomicFilesCrashTests}: writes the new content over the old and halts the JVM (a
 * real crash: no {@code finally} block runs, nothing is flushed) just before the writer's step {@code k}.
 *
 * <p>Arguments: {@code baseline|file|actual}, the target path, {@code k} (1-based).
 */
final class CrashingWrite {

	static final int CRASH_EXIT_CODE = 137;

	private CrashingWrite() {
	}

	public static void main(String[] args) throws IOException {
		Path target = Path.of(args[1]);
		int crashAt = Integer.parseInt(args[2]);
		AtomicInteger step = new AtomicInteger();
		AtomicFiles.beforeStep = name -> {
			if (step.incrementAndGet() == crashAt) {
				Runtime.getRuntime().halt(CRASH_EXIT_CODE);
			}
		};
		switch (args[0]) {
			case "baseline" -> CrashFixtures.writeNewBaseline(target);
			case "file" -> AtomicFiles.writeFile(target, CrashFixtures.NEW_LOCK);
			case "actual" -> CrashFixtures.writeActual(target);
			default -> throw new IllegalArgumentException("baseline, file or actual, not " + args[0]);
		}
	}
}
