package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertRevealsNone;
import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.cli.DbParityTests.Result;

/**
 * The catalogue's entries for capturing statistics from the command line: sensitive columns named wrongly, masking
 * keys missing or unreadable, and tolerance names checked when statistics are compared. Each runs {@code dbparity}
 * as a user would, against a real PostgreSQL holding personal data, and shows that nothing was written.
 */
class StatisticsCaptureBadInputTests {

	private static final String[] RAW = PersonalDataServer.RAW.toArray(String[]::new);

	private static PersonalDataServer server;

	@TempDir
	Path temporary;

	@BeforeAll
	static void start() {
		server = new PersonalDataServer();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	/** An earlier baseline in {@code out}, which a refused capture must leave as it was. */
	private Path existingBaseline(String url) throws IOException {
		Path out = temporary.resolve("baseline");
		Path key = Files.writeString(temporary.resolve("old.key"), "old secret");
		Result capture = DbParityTests.run("capture", "--url", url, "--out", out.toString(), "--statistics", "full",
				"--migration-version", "1", "--masking-key-file", key.toString());
		assertThat(capture.exitCode()).as(capture.err()).isZero();
		return out;
	}

	/** Runs a capture of {@code url} into {@code out} with {@code options}; asserts it failed and wrote nothing. */
	private String refusedCapture(String url, Path out, String... options) {
		FileTree before = FileTree.of(temporary);
		List<String> args = new ArrayList<>(List.of("capture", "--url", url, "--out", out.toString(), "--statistics",
				"full", "--migration-version", "1"));
		args.addAll(List.of(options));
		Result capture = DbParityTests.run(args.toArray(String[]::new));
		assertThat(capture.exitCode()).as(capture.err()).isEqualTo(2);
		assertThat(FileTree.of(temporary)).as("nothing written").isEqualTo(before);
		assertRevealsNone(capture.out() + capture.err(), RAW);
		return capture.err();
	}

	@Test
	@BadInputEntry("STAT-006")
	void sensitiveColumnThatDoesNotExist() throws Exception {
		String url = server.database();

		assertSays(refusedCapture(url, temporary.resolve("out"), "--masking-key-file",
				Files.writeString(temporary.resolve("k"), "secret").toString(), "--sensitive", "payment.notes"),
				"the sensitive column \"payment.notes\" matches no column", "--sensitive payment.notes",
				"(\"payment.note\"?)");
	}

	@Test
	@BadInputEntry("STAT-007")
	void sensitiveColumnsFileNamingAColumnThatDoesNotExist() throws Exception {
		String url = server.database();
		Path file = Files.writeString(temporary.resolve("sensitive.yaml"), "- payment.note\n- contact_bok.line\n");

		assertSays(refusedCapture(url, temporary.resolve("out"), "--allow-development-masking-key",
				"--sensitive-columns", file.toString()), "\"contact_bok.line\" matches no column",
				"sensitive.yaml:2:3", "(\"contact_book.line\"?)");
	}

	@Test
	@BadInputEntry("STAT-008")
	void productionCaptureWithoutAMaskingKey() throws Exception {
		String url = server.database();
		Path out = existingBaseline(url);

		assertSays(refusedCapture(url, out), "hashes under a public key are a dictionary away from the raw values",
				"public.contact_book.contact (e-mail addresses in its values)",
				"set a secret masking key with the environment variable DBPARITY_MASKING_KEY or --masking-key-file FILE");
	}

	@Test
	@BadInputEntry("STAT-009")
	void maskingKeyFileThatDoesNotExist() throws Exception {
		String url = server.database();
		Path out = existingBaseline(url);

		assertSays(refusedCapture(url, out, "--masking-key-file", temporary.resolve("prod.key").toString()),
				"no such file", "--masking-key-file " + temporary.resolve("prod.key"),
				"write the secret key into it (readable by you only: chmod 600)");
	}

	@Test
	@BadInputEntry("STAT-010")
	void emptyMaskingKeyFile() throws Exception {
		String url = server.database();
		Path key = Files.writeString(temporary.resolve("prod.key"), "\n");

		assertSays(refusedCapture(url, temporary.resolve("out"), "--masking-key-file", key.toString()),
				"the file is empty, and an empty key hides nothing", "--masking-key-file " + key,
				"openssl rand -base64 32 > " + key);
	}

	@Test
	@BadInputEntry("STAT-011")
	void sensitiveColumnWithoutItsTable() throws SQLException {
		String url = server.database();

		assertSays(refusedCapture(url, temporary.resolve("out"), "--allow-development-masking-key", "--sensitive",
				"note"), "\"note\" is not a column name", "--sensitive note", "\"*.note\" for the column in every table");
	}

	@Test
	@BadInputEntry("TOL-019")
	void toleranceOverrideOfAColumnThatDoesNotExistWritesNoReport() throws Exception {
		Path production = Path.of("../samples/src/test/resources/parity/baseline/production");
		Path tolerances = Files.writeString(temporary.resolve("tolerances.yaml"),
				"statistics:\n  overrides:\n    customer_order.stauts:\n      topValues: 0.3\n");
		Path report = temporary.resolve("report.html");
		FileTree before = FileTree.of(temporary);

		Result diff = DbParityTests.run("diff", production.toString(), production.toString(), "--tolerances",
				tolerances.toString(), "--format", "html", "--output", report.toString());

		assertThat(diff.exitCode()).isEqualTo(2);
		assertSays(diff.err(), "statistics.overrides names \"customer_order.stauts\"", tolerances + ":3:5",
				"(\"customer_order.status\"?)");
		assertThat(FileTree.of(temporary)).isEqualTo(before);
	}
}
