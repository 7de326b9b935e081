package dev.dbparity.junit.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code EmbeddedDirectories} decides where embedded servers keep binaries (a cache) and data (deleted after use). */
final class EmbeddedDirectories {

	private static final Path SHARED_MEMORY = Paths.get("/dev/shm");

	private EmbeddedDirectories() {
	}

	/** A new, empty data directory: in memory where the machine has {@code /dev/shm}, else in the temp directory. */
	static Path newDataDirectory(String prefix) {
		try {
			Path parent = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY) ? SHARED_MEMORY
					: Paths.get(System.getProperty("java.io.tmpdir"));
			Files.createDirectories(parent);
			return Files.createTempDirectory(parent, prefix);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not create a data directory for an embedded database", e);
		}
	}

	/** The persistent cache for unpacked binaries: {@code $XDG_CACHE_HOME/dbparity} or {@code ~/.cache/dbparity}. */
	static Path cacheDirectory(String name) {
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path root = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
		Path directory = root.resolve("dbparity").resolve(name);
		try {
			return Files.createDirectories(directory);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not create the binaries cache " + directory, e);
		}
	}

	static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
