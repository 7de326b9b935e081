package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.dbparity.engines.VersionPin;
import dev.dbparity.runtime.ParityException;

/**
 * {@code MavenRepository} is where embedded engines' binaries jars are found outside the classpath: the local Maven
 * repository, with Maven Central (or a mirror) behind it, downloaded into the local repository as Maven would.
 *
 * <p>These jars hold programs that dbparity runs, so none is used unverified: a download must match the strongest
 * checksum the repository publishes beside it (SHA-512, SHA-256, then SHA-1; MD5 is not enough), and a jar of the local
 * repository must match the checksum file Maven left beside it, when there is one. A jar there without one was put
 * there by hand ({@code mvn install:install-file}) or by a tool that keeps none; it is trusted as Maven itself trusts
 * the local repository when it builds the test classpath from it.
 */
final class MavenRepository {

	private static final String CENTRAL = "https://repo.maven.apache.org/maven2";
	private static final Set<String> SCHEMES = Set.of("http", "https", "file");

	private final String remoteUrl;
	private final Path local;
	private final String setting;

	/**
	 * The repository in {@code local}, backed by {@code remoteUrl}.
	 *
	 * @param setting the configuration key that names {@code remoteUrl}, for messages
	 */
	MavenRepository(String remoteUrl, Path local, String setting) {
		this.remoteUrl = remoteUrl.endsWith("/") ? remoteUrl.substring(0, remoteUrl.length() - 1) : remoteUrl;
		this.local = local;
		this.setting = setting;
	}

	/**
	 * The local repository ({@code maven.repo.local}, else {@code ~/.m2/repository}) and {@code remoteUrl}, configured
	 * with {@code setting}.
	 *
	 * @throws ParityException when {@code remoteUrl} is not an http(s) or file URL
	 */
	static MavenRepository of(Optional<String> remoteUrl, String setting) {
		remoteUrl.ifPresent(url -> checkUrl(url, setting));
		String localRepository = System.getProperty("maven.repo.local");
		return new MavenRepository(remoteUrl.map(String::trim).orElse(CENTRAL), localRepository != null
				? Paths.get(localRepository) : Paths.get(System.getProperty("user.home"), ".m2", "repository"), setting);
	}

	private static void checkUrl(String url, String setting) {
		String scheme;
		try {
			scheme = new URI(url.trim()).getScheme();
		}
		catch (URISyntaxException e) {
			scheme = null;
		}
		if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
			throw new ParityException(setting + " = '" + redacted(url) + "' is not a Maven repository URL: dbparity fetches "
					+ "engine binaries over http(s) or from a file: URL. Fix: write the whole URL, e.g. " + setting + "="
					+ CENTRAL + ", or remove the setting to use Maven Central.");
		}
	}

	/** The remote repository's URL as messages show it, without credentials. */
	String remoteUrl() {
		return redacted(remoteUrl);
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

	/**
	 * The versions the remote repository lists, or why it could not tell (unreachable, or no such artifact there).
	 *
	 * @param versions empty when {@code problem} is present
	 */
	record RemoteVersions(List<String> versions, Optional<String> problem) {

		RemoteVersions {
			versions = List.copyOf(versions);
		}
	}

	/** The versions the remote repository lists for {@code groupPath/artifactId}. */
	RemoteVersions remoteVersions(String groupPath, String artifactId) {
		URI uri = URI.create(remoteUrl + "/" + groupPath + "/" + artifactId + "/maven-metadata.xml");
		Response response;
		try {
			response = fetch(uri);
		}
		catch (IOException e) {
			return new RemoteVersions(List.of(), Optional.of(redacted(remoteUrl) + " could not be reached (" + e
					+ "); check " + setting + " and the network"));
		}
		if (response.status() != 200) {
			return new RemoteVersions(List.of(), Optional.of(redacted(uri.toString()) + " answered HTTP "
					+ response.status() + "; check that " + setting + " names a Maven repository"));
		}
		List<String> versions = new ArrayList<>();
		Matcher matcher = Pattern.compile("<version>([^<]+)</version>")
			.matcher(new String(response.body(), StandardCharsets.UTF_8));
		while (matcher.find()) {
			versions.add(matcher.group(1));
		}
		return new RemoteVersions(versions, Optional.empty());
	}

	/**
	 * Downloads the jar of {@code version} into the local repository, with the checksum it was verified against, and
	 * returns it.
	 *
	 * @throws ParityException when the repository publishes no usable checksum for the jar or the jar does not match
	 *         it; nothing is written then
	 * @throws IOException when the repository cannot be reached or has no such jar
	 */
	Path download(String groupPath, String artifactId, String version) throws IOException {
		Path target = local.resolve(groupPath).resolve(artifactId).resolve(version)
			.resolve(artifactId + "-" + version + ".jar");
		String coordinates = coordinates(groupPath, artifactId, version);
		URI uri = URI.create(remoteUrl + "/" + groupPath + "/" + artifactId + "/" + version + "/" + target.getFileName());
		Response response = fetch(uri);
		if (response.status() != 200) {
			throw new IOException(redacted(uri.toString()) + " answered HTTP " + response.status());
		}
		byte[] jar = response.body();
		Published published = published(coordinates, uri);
		String actual = published.digest().of(jar);
		if (!actual.equals(published.value())) {
			throw new ParityException("Refusing " + coordinates + " from " + redacted(uri.toString()) + ": its "
					+ published.digest().algorithm + " is " + actual + ", but " + redacted(published.uri().toString())
					+ " says " + published.value() + ". The jar was changed on its way (a broken mirror or proxy, or "
					+ "tampering), and dbparity runs no binaries it cannot verify; nothing was saved or unpacked. Fix: "
					+ "check the repository that " + setting + " names (a mirror must serve Maven Central's files "
					+ "unchanged), or remove the setting to use Maven Central, then run again.");
		}
		Files.createDirectories(target.getParent());
		// The checksum first: a jar without one beside it would later be trusted as one installed by hand.
		writeAtomically(published.digest().fileBeside(target), (published.value() + "\n")
			.getBytes(StandardCharsets.US_ASCII));
		writeAtomically(target, jar);
		return target;
	}

	/**
	 * {@code jar}, a jar of the local repository, after checking it against the strongest checksum file beside it.
	 *
	 * @throws ParityException when it does not match
	 */
	Path verified(Path jar, String coordinates) {
		for (Digest digest : Digest.values()) {
			Path checksum = digest.fileBeside(jar);
			if (!Files.isRegularFile(checksum)) {
				continue;
			}
			try {
				String expected = digest.parse(Files.readString(checksum, StandardCharsets.US_ASCII)).orElse("");
				String actual = digest.of(jar);
				if (!actual.equals(expected)) {
					throw new ParityException("Refusing " + coordinates + " in the local Maven repository: " + jar + " has "
							+ digest.algorithm + " " + actual + ", but " + checksum.getFileName() + " beside it says "
							+ (expected.isEmpty() ? "no " + digest.algorithm + " at all" : expected) + ". The file changed "
							+ "after it was downloaded (an interrupted copy, a disk error, or tampering), and dbparity runs "
							+ "no binaries it cannot verify; nothing was unpacked. Fix: delete " + jar.getParent()
							+ " so that it is downloaded again, and check the repository it came from.");
				}
				return jar;
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not verify " + jar + " against " + checksum, e);
			}
		}
		return jar;
	}

	static String coordinates(String groupPath, String artifactId, String version) {
		return groupPath.replace('/', '.') + ":" + artifactId + ":" + version;
	}

	/** The strongest checksum the remote repository publishes beside {@code jar}; MD5 does not count. */
	private Published published(String coordinates, URI jar) throws IOException {
		for (Digest digest : Digest.values()) {
			URI uri = URI.create(jar + "." + digest.extension);
			Response response = fetch(uri);
			if (response.status() == 200) {
				String text = new String(response.body(), StandardCharsets.US_ASCII);
				String value = digest.parse(text)
					.orElseThrow(() -> new ParityException("Refusing " + coordinates + " from " + redacted(jar.toString())
							+ ": " + redacted(uri.toString()) + " is not a " + digest.algorithm + " checksum (it begins \""
							+ printable(text) + "\"), so the jar cannot be verified; nothing was saved or unpacked. Fix: "
							+ "check the repository that " + setting + " names: it answers requests for checksums with "
							+ "something else, such as a login or error page."));
				return new Published(digest, uri, value);
			}
		}
		throw new ParityException("Refusing " + coordinates + " from " + redacted(jar.toString()) + ": the repository "
				+ "publishes no checksum for it (no .sha512, .sha256 or .sha1 beside it; an .md5 is too weak to trust), "
				+ "and dbparity runs no binaries it cannot verify; nothing was saved or unpacked. Fix: point " + setting
				+ " at a repository that publishes checksums beside its jars, as Maven Central does, or remove the "
				+ "setting to use Maven Central.");
	}

	/** A checksum the remote repository publishes, from {@code uri}. */
	private record Published(Digest digest, URI uri, String value) {
	}

	/** The checksums Maven repositories publish beside artifacts, strongest first. */
	private enum Digest {

		SHA512("sha512", "SHA-512"), SHA256("sha256", "SHA-256"), SHA1("sha1", "SHA-1");

		final String extension;
		final String algorithm;

		Digest(String extension, String algorithm) {
			this.extension = extension;
			this.algorithm = algorithm;
		}

		Path fileBeside(Path file) {
			return file.resolveSibling(file.getFileName() + "." + extension);
		}

		/** The hex digest a checksum file holds: its first word (some add the file name after it), when it is one. */
		Optional<String> parse(String text) {
			String[] words = text.trim().split("\\s+", 2);
			String value = words[0].toLowerCase(Locale.ROOT);
			return value.matches("[0-9a-f]{" + newDigest().getDigestLength() * 2 + "}") ? Optional.of(value)
					: Optional.empty();
		}

		String of(byte[] bytes) {
			return HexFormat.of().formatHex(newDigest().digest(bytes));
		}

		String of(Path file) throws IOException {
			MessageDigest digest = newDigest();
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}

		private MessageDigest newDigest() {
			try {
				return MessageDigest.getInstance(algorithm);
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException("every JDK has " + algorithm, e);
			}
		}
	}

	private static void writeAtomically(Path target, byte[] content) throws IOException {
		// Written beside the target and moved, so that a concurrent run never reads half a file.
		Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
		try {
			Files.write(partial, content);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/** A status and body, from HTTP or from a {@code file:} repository (200 when the file exists, else 404). */
	private record Response(int status, byte[] body) {
	}

	private static Response fetch(URI uri) throws IOException {
		if ("file".equalsIgnoreCase(uri.getScheme())) {
			try {
				return new Response(200, Files.readAllBytes(Paths.get(uri)));
			}
			catch (NoSuchFileException e) {
				return new Response(404, new byte[0]);
			}
		}
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.body());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	/** {@code url} without the user and password a mirror's URL may carry. */
	static String redacted(String url) {
		return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)?[^/@]*@", "$1***@");
	}

	/** The start of a text that should have been a checksum, safe to print. */
	private static String printable(String text) {
		String start = text.strip().replaceAll("[^\\x20-\\x7e]", "?");
		return start.length() > 40 ? start.substring(0, 40) + "…" : start;
	}
}
