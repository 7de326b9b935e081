package dev.dbparity.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.Engine;

/**
 * An embedded PostgreSQL with databases holding personal data in columns whose names say nothing, as production's
 * would: what {@code dbparity capture} must never write raw.
 */
final class PersonalDataServer implements AutoCloseable {

	/** Raw values the databases hold, none of which may appear in a file, report or message. */
	static final List<String> RAW = List.of("hidden.example", "+49 30 70000", "4111111111111111", "5555 5555 5555 4444",
			"DE89370400440532013000", "Leakname");

	private final RunningEngine server = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	private int counter;

	/** A new database with the personal data; returns its JDBC URL. */
	String database() throws SQLException {
		String name = "dbparity_personal_" + ++counter;
		server.createDatabase(name);
		try (Connection connection = server.dataSource(name).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE contact_book (id integer PRIMARY KEY, contact text NOT NULL, line text NOT NULL);
					INSERT INTO contact_book SELECT i, 'someone' || (i % 40) || '@hidden.example', '+49 30 ' || (7000000 + i % 30)
					FROM generate_series(1, 200) i;
					CREATE TABLE payment (id integer PRIMARY KEY, ref text NOT NULL, account text NOT NULL, note text);
					INSERT INTO payment SELECT i, (ARRAY['4111111111111111', '5555 5555 5555 4444'])[1 + i % 2],
					       'DE89370400440532013000', 'Leakname' || (i % 3)
					FROM generate_series(1, 50) i;
					""");
		}
		return server.jdbcUrl(name) + "?user=postgres";
	}

	/** Runs {@code sql} in the database of {@code url}. */
	void execute(String url, String sql) throws SQLException {
		String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
		try (Connection connection = server.dataSource(name).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public void close() {
		server.close();
	}
}
