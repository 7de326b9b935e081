package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertRevealsNone;
import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dbparity.cli.DbParityTests.Result;

/**
 * Every command that connects, given a URL that holds a password and cannot be used (wrong form, unknown host, closed
 * port), fails without printing the password, whatever path the message takes (ours, picocli's, the driver's).
 */
class PasswordsNeverShownTests {

	private static final String PASSWORD = "Pw-S3cret!x";
	private static final String ENCODED = "Pw-S3cret%21x";

	@TempDir
	static Path temporary;

	static Stream<Arguments> commandsAndUrls() {
		List<String> urls = List.of(
				"postgres://postgres:" + PASSWORD + "@127.0.0.1:5432/shop",
				"postgresql://ci@127.0.0.1/shop?sslmode=disable&password=" + ENCODED,
				"jdbc:postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/shop",
				"jdbc:postgresql://127.0.0.1:1/shop?user=ci&password=" + PASSWORD + "&ssl=false",
				"jdbc:postgresql://127.0.0.1:1/shop?user=ci&sslpassword=" + PASSWORD,
				"jdbc:postgresql://db.invalid:5432/shop?user=ci&password=" + ENCODED,
				"jdbc:postgres://127.0.0.1:1/shop?user=ci&password=" + PASSWORD,
				"jdbc:mysql://root:" + PASSWORD + "@127.0.0.1:1/shop",
				"jdbc:mariadb://127.0.0.1:1/shop?user=root&PASSWORD=" + PASSWORD,
				"jdbc:mysql://address=(host=127.0.0.1)(port=1)(user=root)(password=" + PASSWORD + ")/shop",
				"jdbc:mysql://(host=127.0.0.1,port=1,user=root,password=" + PASSWORD + ")/shop",
				"jdbc:mysql://127.0.0.1:1/shop?user=root&password1=" + PASSWORD + "&trustCertificateKeyStorePassword="
						+ PASSWORD,
				"jdbc:oracle:thin:scott/" + PASSWORD + "@//db:1521/ORCL",
				"scott/" + PASSWORD + "@db:1521/ORCL");
		return urls.stream().flatMap(url -> Stream.of(
				Arguments.of("capture", List.of("capture", "--url", url, "--out", temporary.resolve("out").toString())),
				Arguments.of("diff", List.of("diff", url, temporary.toString())),
				Arguments.of("verify", List.of("verify", "--baseline", temporary.toString(), "--url", url)),
				Arguments.of("seed", List.of("seed", "--rules", temporary.resolve("seed.yaml").toString(), "--url", url)),
				Arguments.of("roundtrip", List.of("roundtrip", "--migrations", temporary.resolve("migrations").toString(),
						"--engine", url.contains("postgres") ? "postgres" : "mariadb", "--url", url))));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("commandsAndUrls")
	void failsWithoutShowingThePassword(String command, List<String> args) throws IOException {
		Files.writeString(temporary.resolve("seed.yaml"), "version: 1\nseed: 42\ntables:\n  customer: {rows: 1, columns: {id: {sequence: {start: 1}}}}\n");
		Files.createDirectories(temporary.resolve("migrations"));
		Files.writeString(temporary.resolve("migrations/V1__customer.sql"), "CREATE TABLE customer (id int);\n");

		Result result = run(args.toArray(String[]::new));

		assertThat(result.exitCode()).as(result.err()).isEqualTo(DbParity.ERROR);
		assertRevealsNone(result.out() + result.err(), PASSWORD, ENCODED, "S3cret");
		assertThat(temporary.resolve("out")).doesNotExist();
	}
}
