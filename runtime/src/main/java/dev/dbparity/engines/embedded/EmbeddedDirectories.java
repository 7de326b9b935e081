package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.dbparity.runtime.ParityException;

/**
 * {@code EmbeddedDirectories} decides where embedded servers keep their binaries (a cache); {@link DataDirectory} keeps
 * their data.
 */
final class EmbeddedDirectories {

	private EmbeddedDirectories() {
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
			throw new ParityException("Could not create the cache for embedded database binaries " + directory + ": " + e
					+ ". Make it a writable directory, or set XDG_CACHE_HOME to one (the cache is then "
					+ "$XDG_CACHE_HOME/dbparity).", e);
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
