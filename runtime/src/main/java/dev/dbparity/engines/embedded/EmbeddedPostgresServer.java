package dev.dbparity.engines.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.dbparity.cache.CacheKey;
import dev.dbparity.cache.FileChecksums;
import dev.dbparity.cache.TemplateCache;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.PreparedTemplate;
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

	/** How the message of a start that ended because the server stopped begins. */
	private static final String STOPPED = "PostgreSQL stopped while starting.";
	/** How long a start may take before the server counts as not started (see {@link Launcher}). */
	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
	/** Files of a data directory that belong to one running server, never to a cache entry. */
	private static final Set<String> RUNTIME_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
			DataDirectory.OWNER_MARKER);

	static RunningEngine start(EngineSpec spec) {
		return start(spec, Optional.empty(), TemplateCache.disabled());
	}

	/**
	 * Starts PostgreSQL; with a template and a cache, restores the template's data directory from the cache, or builds
	 * it (on an empty cluster, itself restored from the cache when it can be) and keeps it there.
	 */
	static RunningEngine start(EngineSpec spec, Optional<PreparedTemplate> template, TemplateCache cache) {
		return start(spec, template, cache, FreePorts::next);
	}

	/** As {@link #start(EngineSpec, Optional, TemplateCache)}, each start on a port of {@code ports}. */
	static RunningEngine start(EngineSpec spec, Optional<PreparedTemplate> template, TemplateCache cache,
			IntSupplier ports) {
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
		Path binariesCache = EmbeddedDirectories.cacheDirectory("postgres");
		DataDirectory dataDirectory = DataDirectory.create("dbparity-postgres-");
		// A subdirectory: initdb wants an empty directory, and the owner marker sits beside it.
		Path data = dataDirectory.path().resolve("data");
		Launcher launcher = new Launcher(spec, binaries, jar, binariesCache, data, dataDirectory.path(), ports);
		EmbeddedPostgres postgres;
		boolean prepared = false;
		try {
			if (template.isPresent() && cache.enabled()) {
				CacheKey cluster = clusterKey(spec, jar, cache);
				CacheKey templateKey = templateKey(cluster, template.get());
				long start = System.nanoTime();
				try {
					TemplateCache.Outcome outcome = cache.restoreOrBuild(templateKey, data, EmbeddedPostgresServer::kept,
							target -> build(launcher, cache, cluster, template.get()));
					template.get().prepared(outcome, (System.nanoTime() - start) / 1_000_000);
					prepared = true;
				}
				catch (TemplateNotBuilt e) {
					// The template keeps its failure; the cluster it failed on (the template dropped) serves the rest.
				}
			}
			postgres = launcher.launch(directory -> {
			});
		}
		catch (IOException | RuntimeException e) {
			closeQuietly(dataDirectory, e);
			if (e instanceof ParityException parity) {
				throw parity;
			}
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
			ServerEngine engine = engine(postgres, stop);
			if (prepared) {
				engine.adopt(template.orElseThrow().database());
			}
			return engine;
		}
		catch (RuntimeException e) {
			closeQuietly(stop, e);
			throw e;
		}
	}

	/**
	 * Builds the template's data directory: an empty cluster (from the cache, else initdb, then kept), a server on it,
	 * the template migrated and seeded, the server stopped so that the directory can be copied whole.
	 */
	private static void build(Launcher launcher, TemplateCache cache, CacheKey cluster, PreparedTemplate template)
			throws IOException {
		boolean restored = cache.restore(cluster, launcher.data);
		EmbeddedPostgres building = launcher.launch(restored ? directory -> {
		} : directory -> cache.store(cluster, directory.toPath(), EmbeddedPostgresServer::kept));
		try {
			ServerEngine engine = engine(building, () -> {
			});
			boolean built = template.build(engine);
			engine.release();
			if (!built) {
				throw new TemplateNotBuilt();
			}
		}
		finally {
			building.close();
		}
	}

	/** Leaves the cache unwritten when a template's migrations or seed rules fail. */
	private static final class TemplateNotBuilt extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TemplateNotBuilt() {
			super("the template's migrations or seed rules failed", null, false, false);
		}
	}

	private static ServerEngine engine(EmbeddedPostgres postgres, AutoCloseable stop) {
		return new ServerEngine(EmbeddedProvider.ID, Engine.POSTGRES,
				new ServerEndpoint("localhost", postgres.getPort(), "postgres", ""), new Properties(), stop);
	}

	/**
	 * An initialised empty cluster is the same for the same binaries (by checksum: a jar rebuilt under the same version
	 * is another key), locale, encoding and time zone.
	 */
	static CacheKey clusterKey(EngineSpec spec, Path jar, TemplateCache cache) {
		String sha = FileChecksums.sha256(jar, cache.directory().orElseThrow().resolve("checksums"));
		return CacheKey.of("postgres-cluster", Map.of("engine", "postgres", "binaries", jar.getFileName().toString(),
				"binaries.sha256", sha, "locale", spec.setting("locale").orElse("C"), "encoding", "UTF8", "timezone",
				spec.setting("timezone").orElse("UTC")));
	}

	private static CacheKey templateKey(CacheKey cluster, PreparedTemplate template) {
		CacheKey key = cluster.as("postgres-template").with("template.database", template.database());
		for (Map.Entry<String, String> part : template.cacheKey().entrySet()) {
			key = key.with("template." + part.getKey(), part.getValue());
		}
		return key;
	}

	/** Whether a file of a stopped server's data directory belongs in a cache entry. */
	private static boolean kept(Path relative) {
		return !RUNTIME_FILES.contains(relative.toString());
	}

	/**
	 * Starts zonky's PostgreSQL on the data directory; initdb runs only if the directory holds no cluster yet. What
	 * initdb, pg_ctl and the server write goes to a file of each start's own in {@code logs} (beside the data
	 * directory), whose last lines a failed start reports: zonky does not wait for {@code pg_ctl start} to end, and the
	 * pg_ctl of a server stopped soon after it started (a template's) reports that it could not start it, later.
	 */
	private record Launcher(EngineSpec spec, PostgresBinaries binaries, Path jar, Path binariesCache, Path data,
			Path logs, IntSupplier ports) {

		/**
		 * Starts the server on a port of {@link #ports}, and on another one when it found that port taken
		 * ({@link FreePorts}). A start that failed after initdb leaves the cluster, which the next start uses as it
		 * is, without {@code afterInit}, which has run.
		 */
		EmbeddedPostgres launch(Consumer<File> afterInit) throws IOException {
			for (int attempt = 1;; attempt++) {
				try {
					return launchOnce(afterInit, ports.getAsInt());
				}
				catch (PortTaken e) {
					if (attempt == FreePorts.ATTEMPTS) {
						throw new IOException(e.getMessage() + FreePorts.everyPortTaken(), e.getCause());
					}
				}
			}
		}

		private EmbeddedPostgres launchOnce(Consumer<File> afterInit, int port) throws IOException {
			Path log = Files.createTempFile(logs, "postgres-", ".log");
			StartupLog startup = StartupLog.watch(log);
			EmbeddedPostgres postgres;
			try {
				postgres = start(afterInit, port, ProcessBuilder.Redirect.appendTo(log.toFile()));
			}
			catch (IOException | RuntimeException e) {
				boolean stopped = startup.stoppedWhileStarting();
				throw failure((stopped ? STOPPED : e.getMessage() + ".") + " Its output ends with:\n" + startup.tail()
						+ fix(), e);
			}
			if (startup.stoppedWhileStarting()) {
				IOException failure = failure(STOPPED + " Its output ends with:\n" + startup.tail() + fix(), null);
				closeQuietly(postgres, failure);
				throw failure;
			}
			return postgres;
		}

		/** The failure of a start, a {@link PortTaken} when the log it quotes says that the port was taken. */
		private static IOException failure(String message, Exception cause) {
			IOException failure = new IOException(message, cause);
			return FreePorts.taken(message) ? new PortTaken(failure) : failure;
		}

		/** The settings of {@code spec} that reach initdb and the server, with their values. */
		private String fix() {
			return "\nFix what it names. Of dbparity's settings, these reach initdb and the server: "
					+ "dbparity.postgres.locale=" + spec.setting("locale").orElse("C") + ", dbparity.postgres.timezone="
					+ spec.setting("timezone").orElse("UTC") + " (a zone name such as UTC or Europe/Berlin).";
		}

		private EmbeddedPostgres start(Consumer<File> afterInit, int port, ProcessBuilder.Redirect output)
				throws IOException {
			return EmbeddedPostgres.builder()
				.setPort(port)
				.setOutputRedirector(output)
				.setErrorRedirector(output)
				.setPgBinaryResolver((system, hardware) -> binaries.open(jar))
				.setOverrideWorkingDirectory(binariesCache.toFile())
				.setDataDirectory(data)
				// The data directory is ours to delete (DataDirectory): zonky must not delete it when a server built for
				// the cache stops.
				.setCleanDataDirectory(false)
				// Pinned like the version: otherwise the cluster takes the machine's locale and time zone, and a schema
				// snapshot's settings would differ between a laptop and CI.
				.setLocaleConfig("locale", spec.setting("locale").orElse("C"))
				.setLocaleConfig("encoding", "UTF8")
				.setDataDirectoryCustomizer(directory -> {
					pinTimeZone(directory.toPath(), spec.setting("timezone").orElse("UTC"));
					afterInit.accept(directory);
				})
				// zonky passes timezone=UTC on the server's command line, which outranks postgresql.conf: the pinned zone
				// goes there too, so that a session that sends none (psql, pg_dump) gets it as well.
				.setServerConfig("timezone", spec.setting("timezone").orElse("UTC"))
				// Durability buys nothing for a test database; these make DDL, COPY and clones faster.
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "300")
				// Segments inside the data directory, not /dev/shm/PostgreSQL.*, which a killed server leaves for good.
				.setServerConfig("dynamic_shared_memory_type", "mmap")
				// zonky waits 10 s for the first connection; on two busy cores (a CI runner's tests starting engines
				// side by side) a healthy start has taken longer. pg_ctl's own wait is 60 s.
				.setPGStartupWait(STARTUP_WAIT)
				.start();
		}
	}

	/** A start whose server found its port taken: its message and cause are the start's failure. */
	private static final class PortTaken extends IOException {

		private static final long serialVersionUID = 1L;

		PortTaken(IOException failure) {
			super(failure.getMessage(), failure);
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
