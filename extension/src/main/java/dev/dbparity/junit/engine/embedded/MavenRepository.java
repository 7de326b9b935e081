package dev.dbparity.junit.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.dbparity.junit.engine.VersionPin;

/**
 * {@code MavenRepository} is where embedded engines' binaries jars are found outside the classpath: the local Maven
 * repository, with Maven Central (or a mirror) behind it, downloaded into the local repository as Maven would.
 */
final class MavenRepository {

	private static final String CENTRAL = "https://repo.maven.apache.org/maven2";

	private final String remoteUrl;
	private final Path local;

	/** The repository in {@code local}, backed by {@code remoteUrl}. */
	MavenRepository(String remoteUrl, Path local) {
		this.remoteUrl = remoteUrl;
		this.local = local;
	}

	/** The local repository ({@code maven.repo.local}, else {@code ~/.m2/repository}) and {@code remoteUrl}. */
	static MavenRepository of(Optional<String> remoteUrl) {
		String localRepository = System.getProperty("maven.repo.local");
		return new MavenRepository(remoteUrl.orElse(CENTRAL), localRepository != null ? Paths.get(localRepository)
				: Paths.get(System.getProperty("user.home"), ".m2", "repository"));
	}

	String remoteUrl() {
		return remoteUrl;
	}

	/** The versions of {@code groupPath/artifactId} in the local repository, with their jars. */
	Map<String, Path> localJars(String groupPath, String artifactId) {
		Map<String, Path> jars = new TreeMap<>(VersionPin.versionOrder());
		Path directory = local.resolve(groupPath).resolve(artifactId);
		if (Files.isDirectory(directory)) {
			try (Stream<Path> versions = Files.list(directory)) {
				versions.forEach(version -> {
					Path jar = version.resolve(artifactId + "-" + version.getFileName() + ".jar");
					if (Files.isRegularFile(jar)) {
						jars.put(version.getFileName().toString(), jar);
					}
				});
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return jars;
	}

	/** The versions the remote repository lists; empty when it cannot be reached. */
	List<String> remoteVersions(String groupPath, String artifactId) {
		try {
			String metadata = fetch(URI.create(remoteUrl + "/" + groupPath + "/" + artifactId + "/maven-metadata.xml"))
				.map(bytes -> new String(bytes, StandardCharsets.UTF_8))
				.orElse("");
			List<String> versions = new ArrayList<>();
			Matcher matcher = Pattern.compile("<version>([^<]+)</version>").matcher(metadata);
			while (matcher.find()) {
				versions.add(matcher.group(1));
			}
			return versions;
		}
		catch (IOException e) {
			return List.of();
		}
	}

	/** Downloads the jar of {@code version} into the local repository and returns it. */
	Path download(String groupPath, String artifactId, String version) throws IOException {
		Path target = local.resolve(groupPath).resolve(artifactId).resolve(version)
			.resolve(artifactId + "-" + version + ".jar");
		URI uri = URI.create(remoteUrl + "/" + groupPath + "/" + artifactId + "/" + version + "/" + target.getFileName());
		byte[] jar = fetch(uri).orElseThrow(() -> new IOException("HTTP error for " + uri));
		Files.createDirectories(target.getParent());
		// Written beside the target and moved, so that a concurrent run never reads half a jar.
		Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
		Files.write(partial, jar);
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	private static Optional<byte[]> fetch(URI uri) throws IOException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}
}
