package dev.dbparity.engines;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.jooq.SQLDialect;

import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code ServerEngine} is the {@link RunningEngine} every provider returns: a server endpoint, the engine's
 * {@link EngineDialect}, and what stops the server when the engine closes.
 *
 * <p>For implementors of {@link DatabaseEngineProvider}. It keeps the set of databases it created: only those can be
 * dropped, and those still present are dropped on {@link #close()} before the server is stopped.
 *
 * @since 0.1
 */
public final class ServerEngine implements RunningEngine {

	private final String providerId;
	private final ServerEndpoint endpoint;
	private final EngineDialect dialect;
	private final Properties connectionProperties;
	private final AutoCloseable server;
	private final String serverVersion;
	private final Set<String> createdDatabases = ConcurrentHashMap.newKeySet();
	/** Idle administration connections: opening one costs ~3 ms, a fifth of a PostgreSQL clone. */
	private final ConcurrentLinkedQueue<Connection> idleAdminConnections = new ConcurrentLinkedQueue<>();

	/**
	 * @param server stops what the provider started, or does nothing for a server that was already running
	 * @throws ParityException when the server does not accept connections
	 */
	public ServerEngine(String providerId, Engine engine, ServerEndpoint endpoint, Properties connectionProperties,
			AutoCloseable server) {
		this.providerId = providerId;
		this.endpoint = endpoint;
		this.dialect = EngineDialect.of(engine);
		this.connectionProperties = connectionProperties;
		this.server = server;
		try (Connection admin = adminConnection()) {
			this.serverVersion = dialect.serverVersion(admin);
		}
		catch (SQLException e) {
			throw new ParityException(engine.displayName() + " at " + jdbcUrl("") + " (provider " + providerId
					+ ", phase start) does not accept connections as user '" + endpoint.user() + "': " + driverMessage(e), e);
		}
	}

	@Override
	public Engine engine() {
		return dialect.engine();
	}

	@Override
	public String providerId() {
		return providerId;
	}

	@Override
	public String serverVersion() {
		return serverVersion;
	}

	@Override
	public SQLDialect sqlDialect() {
		return dialect.sqlDialect();
	}

	@Override
	public String jdbcUrl(String database) {
		return dialect.jdbcUrl(endpoint.host(), endpoint.port(), database);
	}

	@Override
	public String user() {
		return endpoint.user();
	}

	@Override
	public String password() {
		return endpoint.password();
	}

	@Override
	public DataSource dataSource(String database) {
		return new SimpleDataSource(jdbcUrl(database), endpoint.user(), endpoint.password(), connectionProperties);
	}

	@Override
	public void createDatabase(String name) {
		adminOperation("create database " + name, admin -> dialect.createDatabase(admin, name));
		createdDatabases.add(name);
	}

	@Override
	public void cloneDatabase(String template, String name) {
		createdDatabases.add(name);
		try {
			adminOperation("clone database " + template + " as " + name, admin -> dialect.cloneDatabase(admin, template, name));
		}
		catch (RuntimeException e) {
			// A clone that failed half-way (MariaDB copies table by table) must not be left behind.
			dropDatabase(name);
			throw e;
		}
	}

	/**
	 * Takes {@code name} as one of its own databases (dropped when the engine closes): a template the provider restored
	 * with the data directory it created.
	 */
	public void adopt(String name) {
		createdDatabases.add(name);
	}

	/**
	 * Closes its idle connections and forgets its databases without dropping them, for a provider that is about to
	 * stop the server and keep its data directory (a template it built for the cache). The engine is not used again.
	 */
	public void release() {
		createdDatabases.clear();
		for (Connection admin = idleAdminConnections.poll(); admin != null; admin = idleAdminConnections.poll()) {
			try {
				admin.close();
			}
			catch (SQLException e) {
				// The server is about to stop: a connection that cannot close cleanly no longer matters.
			}
		}
	}

	@Override
	public void dropDatabase(String name) {
		if (!createdDatabases.contains(name)) {
			throw new ParityException("Refusing to drop database '" + name + "' on " + jdbcUrl("")
					+ ": dbparity did not create it in this run, and it never drops a database it did not create.");
		}
		adminOperation("drop database " + name, admin -> dialect.dropDatabase(admin, name));
		createdDatabases.remove(name);
	}

	@Override
	public void close() {
		ParityException failure = null;
		for (String database : Set.copyOf(createdDatabases)) {
			try {
				dropDatabase(database);
			}
			catch (ParityException e) {
				failure = failure == null ? e : addSuppressed(failure, e);
			}
		}
		for (Connection admin = idleAdminConnections.poll(); admin != null; admin = idleAdminConnections.poll()) {
			try {
				admin.close();
			}
			catch (SQLException e) {
				// The server is about to stop: a connection that cannot close cleanly no longer matters.
			}
		}
		try {
			server.close();
		}
		catch (Exception e) {
			ParityException stop = new ParityException("Could not stop " + this + ": " + e.getMessage(), e);
			failure = failure == null ? stop : addSuppressed(failure, stop);
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public String toString() {
		return engine().displayName() + " " + serverVersion + " at " + jdbcUrl("") + " (provider " + providerId + ")";
	}

	private static ParityException addSuppressed(ParityException first, ParityException next) {
		first.addSuppressed(next);
		return first;
	}

	private Connection adminConnection() throws SQLException {
		return dataSource(dialect.adminDatabase()).getConnection();
	}

	private void adminOperation(String description, SqlAction action) {
		Connection admin = null;
		try {
			admin = idleAdminConnections.poll();
			if (admin == null) {
				admin = adminConnection();
			}
			action.run(admin);
			idleAdminConnections.add(admin);
		}
		catch (SQLException e) {
			// A connection that failed may be in any state: it is not reused.
			closeQuietly(admin, e);
			throw new ParityException("Could not " + description + " on " + this + ": " + driverMessage(e), e);
		}
	}

	/** The driver's message without the administrator's password, which some drivers echo. */
	private String driverMessage(SQLException e) {
		return Redaction.text(e.getMessage(), Set.of(endpoint.password()));
	}

	private static void closeQuietly(Connection connection, Exception failure) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException e) {
				failure.addSuppressed(e);
			}
		}
	}

	@FunctionalInterface
	private interface SqlAction {
		void run(Connection admin) throws SQLException;
	}
}
