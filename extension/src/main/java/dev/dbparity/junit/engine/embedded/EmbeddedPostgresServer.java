package dev.dbparity.junit.engine.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityException;
import dev.dbparity.junit.engine.EngineSpec;
import dev.dbparity.junit.engine.RunningEngine;
import dev.dbparity.junit.engine.ServerEndpoint;
import dev.dbparity.junit.engine.ServerEngine;
import dev.dbparity.junit.engine.VersionPin;

/** {@code EmbeddedPostgresServer} starts zonky's embedded PostgreSQL on the binaries the version pin selects. */
final class EmbeddedPostgresServer {

	private EmbeddedPostgresServer() {
	}

	static RunningEngine start(EngineSpec spec) {
		VersionPin pin = VersionPin.parse(spec.version());
		PostgresBinaries binaries = PostgresBinaries.forThisMachine(spec.setting("binaries.repository"));
		Path jar = binaries.resolve(pin);
		Path dataDirectory = EmbeddedDirectories.newDataDirectory("dbparity-postgres-");
		EmbeddedPostgres postgres;
		try {
			postgres = EmbeddedPostgres.builder()
				.setPgBinaryResolver((system, hardware) -> binaries.open(jar))
				.setOverrideWorkingDirectory(EmbeddedDirectories.cacheDirectory("postgres").toFile())
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(true)
				// Durability buys nothing for a test database; these make DDL, COPY and clones faster.
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "300")
				.start();
		}
		catch (IOException | RuntimeException e) {
			deleteQuietly(dataDirectory, e);
			throw new ParityException("Could not start embedded PostgreSQL " + pin + " from " + jar + " (phase start): "
					+ e.getMessage(), e);
		}
		AutoCloseable stop = () -> {
			try {
				postgres.close();
			}
			finally {
				EmbeddedDirectories.deleteRecursively(dataDirectory);
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

	private static void deleteQuietly(Path directory, Exception failure) {
		try {
			EmbeddedDirectories.deleteRecursively(directory);
		}
		catch (IOException e) {
			failure.addSuppressed(e);
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
