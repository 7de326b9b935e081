package dev.dbparity.roundtrips;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.SQLDialect;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.snapshots.Engine;

/** The shared server, recording which databases a check creates, clones and drops there; closing it leaves it running. */
final class RecordingEngine implements RunningEngine {

	private final RunningEngine server;
	final List<String> created = new ArrayList<>();
	final List<String> cloned = new ArrayList<>();
	final List<String> dropped = new ArrayList<>();

	RecordingEngine(RunningEngine server) {
		this.server = server;
	}

	@Override
	public Engine engine() {
		return server.engine();
	}

	@Override
	public String providerId() {
		return server.providerId();
	}

	@Override
	public String serverVersion() {
		return server.serverVersion();
	}

	@Override
	public String user() {
		return server.user();
	}

	@Override
	public String password() {
		return server.password();
	}

	@Override
	public String jdbcUrl(String database) {
		return server.jdbcUrl(database);
	}

	@Override
	public DataSource dataSource(String database) {
		return server.dataSource(database);
	}

	@Override
	public SQLDialect sqlDialect() {
		return server.sqlDialect();
	}

	@Override
	public void createDatabase(String name) {
		server.createDatabase(name);
		created.add(name);
	}

	@Override
	public void cloneDatabase(String template, String name) {
		server.cloneDatabase(template, name);
		created.add(name);
		cloned.add(name);
	}

	@Override
	public void dropDatabase(String name) {
		server.dropDatabase(name);
		dropped.add(name);
	}

	@Override
	public void close() {
		// The shared server stops when the JVM ends.
	}
}
