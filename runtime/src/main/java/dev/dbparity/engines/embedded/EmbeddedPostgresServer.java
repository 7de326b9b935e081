package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.ServerEndpoint;
import dev.dbparity.engines.ServerEngine;
import dev.dbparity.engines.VersionPin;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;

/** {@code EmbeddedPostgresServer} starts zonky's embedded PostgreSQL on the binaries the version pin selects. */
final class EmbeddedPostgresServer {

	private EmbeddedPostgresServer() {
	}

	static RunningEngine start(EngineSpec spec) {
		VersionPin pin = VersionPin.parse(spec.version());
		Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
		if (!Files.isDirectory(temporary)) {
			// zonky would create it (as root, anywhere) or fail with "could not create"; neither says what to do.
			throw new ParityException("java.io.tmpdir is " + temporary + ", which is not an existing directory, and "
					+ "embedded PostgreSQL (zonky) keeps working files there. Fix: create it, or point -Djava.io.tmpdir at "
					+ "an existing directory (for Maven Surefire, in its argLine).");
		}
		PostgresBinaries binaries = PostgresBinaries.forThisMachine(MavenRepository.of(spec.setting("binaries.repository"),
				"dbparity.postgres.binaries.repository"));
		Path jar = binaries.resolve(pin);
		Path cache = EmbeddedDirectories.cacheDirectory("postgres");
		DataDirectory dataDirectory = DataDirectory.create("dbparity-postgres-");
		EmbeddedPostgres postgres;
		try {
			postgres = EmbeddedPostgres.builder()
				.setPgBinaryResolver((system, hardware) -> binaries.open(jar))
				.setOverrideWorkingDirectory(cache.toFile())
				// A subdirectory: initdb wants an empty directory, and the owner marker sits beside it.
				.setDataDirectory(dataDirectory.path().resolve("data"))
				.setCleanDataDirectory(true)
				// Pinned like the version: otherwise the cluster takes the machine's locale and time zone, and a schema
				// snapshot's settings would differ between a laptop and CI.
				.setLocaleConfig("locale", spec.setting("locale").orElse("C"))
				.setLocaleConfig("encoding", "UTF8")
				.setDataDirectoryCustomizer(directory -> pinTimeZone(directory.toPath(), spec.setting("timezone").orElse("UTC")))
				// Durability buys nothing for a test database; these make DDL, COPY and clones faster.
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "300")
				// Segments inside the data directory, not /dev/shm/PostgreSQL.*, which a killed server leaves for good.
				.setServerConfig("dynamic_shared_memory_type", "mmap")
				.start();
		}
		catch (IOException | RuntimeException e) {
			closeQuietly(dataDirectory, e);
			throw new ParityException("Could not start embedded PostgreSQL " + pin + " from " + jar + " (phase start): "
					+ e.getMessage(), e);
		}
		AutoCloseable stop = () -> {
			try {
				postgres.close();
			}
			finally {
				dataDirectory.close();
			}
		};
		try {
			return new ServerEngine(EmbeddedProvider.ID, Engine.POSTGRES,
					new ServerEndpoint("localhost", postgres.getPort(), "postgres", ""), new Properties(), stop);
		}
		catch (RuntimeException e) {
			closeQuietly(stop, e);
			throw e;
		}
	}

	/**
	 * initdb writes the machine's zone into postgresql.conf, where catalog readers find the server's zone (a JDBC session
	 * always carries the client's): replace it with the pinned one.
	 */
	private static void pinTimeZone(Path dataDirectory, String zone) {
		Path configuration = dataDirectory.resolve("postgresql.conf");
		try {
			String pinned = Files.readAllLines(configuration).stream()
				.map(line -> line.matches("^(log_)?timezone\\s*=.*") ? line.replaceFirst("=.*", "= '" + zone + "'") : line)
				.collect(Collectors.joining("\n", "", "\n"));
			Files.writeString(configuration, pinned);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not pin the time zone in " + configuration, e);
		}
	}

	private static void closeQuietly(AutoCloseable closeable, Exception failure) {
		try {
			closeable.close();
		}
		catch (Exception e) {
			failure.addSuppressed(e);
		}
	}
}
