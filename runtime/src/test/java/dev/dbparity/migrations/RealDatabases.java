package dev.dbparity.migrations;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;

/**
 * {@code RealDatabases} is test support for the runner's own tests, which run below the JUnit extension: one embedded
 * PostgreSQL and one MariaDB per JVM, started on first use by dbparity's own provider, and a fresh database per call.
 *
 * <p>The engines stop in a shutdown hook because a JVM runs many test classes against them; stopping deletes their
 * data directories.
 */
public final class RealDatabases {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private RealDatabases() {
	}

	/** {@code freshDatabase} creates an empty database on the engine's shared server and returns its data source. */
	public static DataSource freshDatabase(Engine engine) {
		RunningEngine server = server(engine);
		String name = "dbparity_mig_" + COUNTER.incrementAndGet();
		server.createDatabase(name);
		return server.dataSource(name);
	}

	/** {@code server} is the engine's shared embedded server, started on first use and stopped when the JVM ends. */
	public static RunningEngine server(Engine engine) {
		return switch (engine) {
			case POSTGRES -> Postgres.INSTANCE;
			case MARIADB -> MariaDb.INSTANCE;
			default -> throw new IllegalArgumentException("no embedded server for " + engine);
		};
	}

	private static RunningEngine start(Engine engine, String version) {
		RunningEngine server = new EmbeddedProvider().start(new EngineSpec(engine, version, Map.of()));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (ParityException e) {
				// The JVM is ending and the embedded server's own shutdown hook may have stopped it first: the databases
				// that could not be dropped go with its data directory (.ci/run checks that none outlives the run).
			}
		}));
		return server;
	}

	/** The holder idiom starts the server on first use, thread-safely, without a lock of our own. */
	private static final class Postgres {

		static final RunningEngine INSTANCE = start(Engine.POSTGRES, "17.6");
	}

	private static final class MariaDb {

		static final RunningEngine INSTANCE = start(Engine.MARIADB, "10.11");
	}
}
