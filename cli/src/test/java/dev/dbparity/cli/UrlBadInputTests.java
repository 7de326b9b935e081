package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertRevealsNone;
import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.cli.DbParityTests.Result;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.snapshots.Engine;

/**
 * The catalogue's URL and credential mistakes, each through the real command line against a real PostgreSQL (or a
 * closed port, or a host under {@code .invalid}, which never resolves): every message says what, where and how to fix
 * it, shows no password, and nothing is written.
 */
class UrlBadInputTests {

	/** The password every bad URL carries: it must appear nowhere in what the command line prints. */
	private static final String PASSWORD = "Tr0ub4dor-3x";
	/** {@code Tr0ub4dor&3}, URL-encoded as it must be in a query parameter. */
	private static final String ENCODED_PASSWORD = "Tr0ub4dor%263";
	/** A user whose password the server checks (the embedded server trusts everyone else). */
	private static final String SECURED = "secured";

	private static RunningEngine server;

	@TempDir
	Path temporary;

	@BeforeAll
	static void startServerWithAPasswordCheckingUser() throws Exception {
		server = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
		server.createDatabase("shop");
		try (Connection connection = server.dataSource("shop").getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + SECURED + " LOGIN PASSWORD 'right-pw'");
			var hba = statement.executeQuery("SHOW hba_file");
			hba.next();
			Path file = Path.of(hba.getString(1));
			Files.writeString(file, "host all " + SECURED + " 0.0.0.0/0 scram-sha-256\nhost all " + SECURED
					+ " ::/0 scram-sha-256\n" + Files.readString(file));
			statement.execute("SELECT pg_reload_conf()");
		}
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private static String hostAndPort() {
		return server.jdbcUrl("shop").replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
	}

	/** Runs {@code args} and asserts exit code 2, no password anywhere, and an unchanged {@code --out} directory. */
	private Result refused(String... args) {
		Path out = temporary.resolve("baseline");
		FileTree before = FileTree.of(temporary);
		Result result = run(args);
		assertThat(result.exitCode()).as(result.err()).isEqualTo(DbParity.ERROR);
		assertRevealsNone(result.out() + result.err(), PASSWORD, ENCODED_PASSWORD, "Tr0ub4dor&3", "Tr0ub4dor",
				"right-pw", "wrong-pw");
		assertThat(FileTree.of(temporary)).isEqualTo(before);
		assertThat(out).doesNotExist();
		return result;
	}

	private String out() {
		return temporary.resolve("baseline").toString();
	}

	@Test
	@BadInputEntry("URL-001")
	void aUrlWithoutTheJdbcPrefixAndAPasswordInIt() {
		Result result = refused("capture", "--url", "postgres://postgres:" + PASSWORD + "@127.0.0.1:5432/shop", "--out",
				out());

		assertSays(result.err(), "lacks the jdbc: prefix", "--url postgres://postgres:***@127.0.0.1:5432/shop",
				"Write jdbc:postgresql://127.0.0.1:5432/shop");
		assertThat(result.err()).contains("--password-env VAR");
	}

	@Test
	@BadInputEntry("URL-002")
	void aMySqlUrlWithoutTheJdbcPrefix() {
		Path rules = temporary.resolve("seed.yaml");
		Result result = refused("seed", "--rules", rules.toString(), "--url",
				"mysql://root:" + PASSWORD + "@db.example.org:3306/shop");

		assertSays(result.err(), "lacks the jdbc: prefix", "--url mysql://root:***@db.example.org:3306/shop",
				"Write jdbc:mysql://db.example.org:3306/shop");
	}

	@Test
	@BadInputEntry("URL-003")
	void anEngineDbparityDoesNotConnectTo() {
		Result result = refused("verify", "--baseline", temporary.toString(), "--url",
				"jdbc:oracle:thin:@//db:1521/ORCL?password=" + PASSWORD);

		assertSays(result.err(), "jdbc:oracle: is not a URL scheme dbparity connects with", "--url jdbc:oracle:…",
				"Write jdbc:postgresql://host:5432/database, jdbc:mariadb://host:3306/database or jdbc:mysql:");
	}

	@Test
	@BadInputEntry("URL-004")
	void aMisspeltSubprotocol() {
		Result result = refused("diff", temporary.toString(),
				"jdbc:postgres://" + hostAndPort() + "/shop?user=ci&password=" + PASSWORD);

		assertSays(result.err(), "jdbc:postgres: is not a URL scheme", "RIGHT jdbc:postgres:…",
				"Did you mean jdbc:postgresql:?");
	}

	@Test
	@BadInputEntry("URL-005")
	void userAndPasswordBeforeTheHostOfAPostgresUrl() {
		Result result = refused("capture", "--url", "jdbc:postgresql://postgres:" + PASSWORD + "@" + hostAndPort()
				+ "/shop", "--out", out());

		assertSays(result.err(), "PostgreSQL's JDBC driver does not read user:password@", "--url jdbc:postgresql://",
				"Write jdbc:postgresql://" + hostAndPort() + "/shop and pass the user with --user NAME");
	}

	@Test
	@BadInputEntry("URL-006")
	void anUnknownHost() {
		Result result = refused("capture", "--url", "jdbc:postgresql://db.invalid:5432/shop?user=ci&password="
				+ PASSWORD, "--out", out());

		assertSays(result.err(), "unknown host db.invalid", "jdbc:postgresql://db.invalid:5432/shop",
				"Check the host name in the URL");
	}

	@Test
	@BadInputEntry("URL-007")
	void aPortNoServerListensOn() {
		Result result = refused("capture", "--url", "jdbc:postgresql://127.0.0.1:1/shop?user=ci&password=" + PASSWORD,
				"--out", out());

		assertSays(result.err(), "connection refused at 127.0.0.1:1", "jdbc:postgresql://127.0.0.1:1/shop",
				"Check the host and port in the URL");
	}

	@Test
	@BadInputEntry("URL-008")
	void aWrongPassword() {
		Result result = refused("capture", "--url", server.jdbcUrl("shop") + "?user=" + SECURED
				+ "&password=wrong-pw", "--out", out());

		assertSays(result.err(), "refused the user or password (authentication failed)", server.jdbcUrl("shop"),
				"Check the user and the password: pass the user with --user NAME and the password through an "
						+ "environment variable named with --password-env VAR");
	}

	@Test
	@BadInputEntry("URL-009")
	void aWrongPasswordFromTheEnvironment() {
		// Tests cannot set a variable: PATH stands for one that holds a wrong password.
		Result result = refused("capture", "--url", server.jdbcUrl("shop"), "--user", SECURED, "--password-env",
				"PATH", "--out", out());

		assertSays(result.err(), "authentication failed", server.jdbcUrl("shop"), "the password in PATH");
		assertRevealsNone(result.err(), System.getenv("PATH"));
	}

	@Test
	@BadInputEntry("URL-010")
	void noPasswordForAUserThatNeedsOne() {
		Result result = refused("capture", "--url", server.jdbcUrl("shop"), "--user", SECURED, "--out", out());

		assertSays(result.err(), "the server asks for a password and none was given", server.jdbcUrl("shop"),
				"--password-env VAR");
	}

	@Test
	@BadInputEntry("URL-011")
	void aDatabaseThatDoesNotExist() {
		Result result = refused("capture", "--url", server.jdbcUrl("shpo") + "?user=postgres&password=" + PASSWORD,
				"--out", out());

		assertSays(result.err(), "the database the URL names does not exist", server.jdbcUrl("shpo"),
				"Check the name after the host and port");
	}

	@Test
	@BadInputEntry("URL-012")
	void aPasswordVariableThatIsNotSet() {
		Result result = refused("capture", "--url", server.jdbcUrl("shop"), "--user", SECURED, "--password-env",
				"DBPARITY_NO_SUCH_VARIABLE", "--out", out());

		assertSays(result.err(), "the environment variable DBPARITY_NO_SUCH_VARIABLE is not set",
				"--password-env DBPARITY_NO_SUCH_VARIABLE", "export DBPARITY_NO_SUCH_VARIABLE=");
	}

	@Test
	@BadInputEntry("URL-013")
	void aPasswordGivenAsAnArgument() {
		Result result = refused("capture", "--url", server.jdbcUrl("shop"), "--user", SECURED, "--password", PASSWORD,
				"--out", out());

		assertSays(result.err(), "Unknown options: '--password'", "--password",
				"give its name with --password-env VAR");
	}

	@Test
	@BadInputEntry("URL-014")
	void aMariaDbUrlWithItsPasswordBeforeTheHostToAClosedPort() {
		Result result = refused("capture", "--url", "jdbc:mariadb://root:" + PASSWORD + "@127.0.0.1:1/shop", "--out",
				out());

		assertSays(result.err(), "connection refused at 127.0.0.1:1", "jdbc:mariadb://root:***@127.0.0.1:1/shop",
				"Check the host and port in the URL");
	}

	@Test
	@BadInputEntry("URL-015")
	void aScratchServerThatDoesNotResolve() throws Exception {
		Path migrations = Files.createDirectories(temporary.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__customer.sql"), "CREATE TABLE customer (id int PRIMARY KEY);\n");
		Result result = refused("roundtrip", "--migrations", migrations.toString(), "--engine", "postgres", "--url",
				"jdbc:postgresql://db.invalid:5432/postgres?user=ci&password=" + PASSWORD);

		assertSays(result.err(), "unknown host db.invalid", "jdbc:postgresql://db.invalid:5432/postgres",
				"Check the host name in the URL");
	}

	@Test
	@BadInputEntry("URL-016")
	void anUrlEncodedPasswordInAnUnparsableUrl() {
		Result result = refused("capture", "--url", "postgresql://ci@db/shop?password=" + ENCODED_PASSWORD, "--out",
				out());

		assertSays(result.err(), "lacks the jdbc: prefix", "--url postgresql://ci@db/shop?password=***",
				"Write jdbc:postgresql://db/shop?password=***");
	}

	@Test
	@BadInputEntry("URL-017")
	void aServerThatNeverAnswers() throws Exception {
		// The kernel accepts the connection into the backlog; nothing ever answers the driver's first packet.
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/shop?user=ci&password=" + PASSWORD
					+ "&socketTimeout=1";

			Result result = refused("capture", "--url", url, "--out", out());

			assertSays(result.err(), "no answer from 127.0.0.1:" + silent.getLocalPort() + " in time (timeout)",
					"jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/shop",
					"Check the host, the port and the network path");
		}
	}
}
