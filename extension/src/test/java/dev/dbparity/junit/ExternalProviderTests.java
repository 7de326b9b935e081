package dev.dbparity.junit;

import static dev.dbparity.junit.ParityTestKit.executeTestClassWithConfigurationParameters;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.runtime.ParityException;

/** The external provider against a real server that this test starts and that dbparity must treat as someone else's. */
class ExternalProviderTests {

	private static RunningEngine server;
	private static String url;

	@BeforeAll
	static void startSomeoneElsesServer() throws SQLException {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES.resolved(), "17.6", Map.of()));
		url = server.jdbcUrl("postgres") + "?user=postgres";
		try (Connection admin = server.dataSource("postgres").getConnection(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE precious");
		}
	}

	@AfterAll
	static void stopServer() throws SQLException {
		try (Connection admin = server.dataSource("postgres").getConnection(); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE precious");
		}
		server.close();
	}

	@Test
	@DisplayName("creates its own databases on the server, drops only those, and leaves the others alone")
	void usesAndCleansUpItsOwnDatabases() throws SQLException {
		OnExternalServerTestCase.SEEN.clear();
		executeTestClassWithConfigurationParameters(OnExternalServerTestCase.class,
				Map.of("dbparity.provider", "external", "dbparity.postgres.url", url))
			.testEvents().assertStatistics(stats -> stats.succeeded(1));

		assertThat(OnExternalServerTestCase.SEEN).singleElement().asString().startsWith("dbparity_");
		assertThat(databases()).contains("precious").noneMatch(name -> name.startsWith("dbparity_"));
	}

	@Test
	@DisplayName("fails when the server's version does not match the pin, unless told to warn")
	void versionMismatch() {
		Map<String, String> mismatch = Map.of("dbparity.provider", "external", "dbparity.postgres.url", url,
				"dbparity.postgres.version", "16.4");
		Throwable failure = failureOf(executeTestClassWithConfigurationParameters(OnExternalServerTestCase.class, mismatch)
			.allEvents().failed().list());

		assertThat(failure).isInstanceOf(ParityException.class)
			.hasMessageStartingWith("PostgreSQL at " + server.jdbcUrl("") + " (provider external) runs version 17.6, but "
					+ "the pin is 16.4. Point dbparity.postgres.url at a server of the pinned version, change the pin, or "
					+ "set dbparity.version.check=warn to only warn.");

		Map<String, String> warnOnly = new java.util.HashMap<>(mismatch);
		warnOnly.put("dbparity.version.check", "warn");
		executeTestClassWithConfigurationParameters(OnExternalServerTestCase.class, warnOnly)
			.testEvents().assertStatistics(stats -> stats.succeeded(1));
	}

	@Test
	@DisplayName("an unreachable server fails with its address and never with the password")
	void unreachableServerHidesThePassword() {
		Throwable failure = failureOf(executeTestClassWithConfigurationParameters(OnExternalServerTestCase.class,
				Map.of("dbparity.provider", "external", "dbparity.postgres.url",
						"jdbc:postgresql://localhost:1/postgres?user=ci&password=s3cret-pw"))
			.allEvents().failed().list());

		assertThat(failure).isInstanceOf(ParityException.class)
			.hasMessageStartingWith("PostgreSQL at jdbc:postgresql://localhost:1/postgres (provider external, phase start) "
					+ "does not accept connections as user 'ci': ");
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(cause.getMessage()).doesNotContain("s3cret-pw");
		}
	}

	@Test
	@DisplayName("a URL that cannot be parsed fails with the reason, never with the password it holds")
	void malformedUrlHidesThePassword() {
		Throwable failure = failureOf(executeTestClassWithConfigurationParameters(OnExternalServerTestCase.class,
				Map.of("dbparity.provider", "external", "dbparity.postgres.url",
						"jdbc:postgresql://ci:s3cret pw@localhost:1/postgres"))
			.allEvents().failed().list());

		assertThat(failure).isInstanceOf(ParityException.class)
			.hasMessageContaining("The value of dbparity.postgres.url (a postgresql URL) is not a JDBC URL with a host: "
					+ "Illegal character in authority at index ");
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(cause.getMessage()).doesNotContain("s3cret");
		}
	}

	@Test
	@DisplayName("a password in the server's URL reaches password() and the connections, never jdbcUrl() or toString()")
	void passwordOfTheUrlStaysOutOfTheHandlesText() {
		// The embedded server trusts local connections, so any password connects: what is checked is where it goes.
		WithPasswordTestCase.SEEN.clear();
		executeTestClassWithConfigurationParameters(WithPasswordTestCase.class, Map.of("dbparity.provider", "external",
				"dbparity.postgres.url", server.jdbcUrl("postgres") + "?user=postgres&password=s3cret-pw"))
			.testEvents().assertStatistics(stats -> stats.succeeded(1));

		assertThat(WithPasswordTestCase.SEEN).containsExactly("s3cret-pw", "connected");
	}

	private static Throwable failureOf(List<Event> failed) {
		assertThat(failed).isNotEmpty();
		return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
	}

	private static List<String> databases() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection admin = server.dataSource("postgres").getConnection();
				ResultSet rows = admin.createStatement().executeQuery("SELECT datname FROM pg_database")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	@ParityDatabase
	static class OnExternalServerTestCase {

		static final List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Test
		void test(ParityDb db) {
			assertThat(db.providerId()).isEqualTo("external");
			SEEN.add(db.databaseName());
		}
	}

	@ParityDatabase
	static class WithPasswordTestCase {

		static final List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Test
		void test(ParityDb db) throws SQLException {
			assertThat(db.toString()).isNotBlank().doesNotContain("s3cret");
			assertThat(db.jdbcUrl()).doesNotContain("s3cret");
			SEEN.add(db.password());
			try (Connection connection = db.dataSource().getConnection()) {
				SEEN.add(connection.isValid(5) ? "connected" : "not connected");
			}
		}
	}
}
