package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertRevealsNone;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.cli.DbParityTests.Result;

/**
 * A capture of a database holding personal data in neutral columns, then every report of a comparison with it: no
 * file written and no line printed holds a raw value of a sensitive column.
 */
class CapturePrivacyTests {

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

	@Test
	void noFileOrReportOfACaptureHoldsARawPersonalValue() throws Exception {
		String url = server.database();
		Path key = Files.writeString(temporary.resolve("masking.key"), "a production secret\n");
		Path sensitive = Files.writeString(temporary.resolve("sensitive.yaml"), "- payment.note\n");
		Path baseline = temporary.resolve("baseline");
		List<String> printed = new ArrayList<>();

		Result capture = DbParityTests.run("capture", "--url", url, "--out", baseline.toString(), "--statistics", "full",
				"--migration-version", "1", "--masking-key-file", key.toString(), "--sensitive-columns",
				sensitive.toString());
		assertThat(capture.exitCode()).as(capture.err()).isZero();
		printed.add(capture.out() + capture.err());
		String statistics = Files.readString(baseline.resolve("statistics.json"));
		assertThat(statistics).contains("\"detected\"", "hmac-sha256:");

		server.execute(url, "UPDATE contact_book SET contact = 'other' || id || '@hidden.example' WHERE id % 2 = 0;"
				+ "UPDATE payment SET note = 'Leakname-changed', ref = '4111111111111111'");
		for (String format : List.of("text", "markdown", "html", "json")) {
			Result diff = DbParityTests.run("diff", baseline.toString(), url, "--statistics", "full", "--statistics-mode",
					"exact", "--masking-key-file", key.toString(), "--sensitive-columns", sensitive.toString(),
					"--format", format, "--output", temporary.resolve("report." + format).toString());
			assertThat(diff.exitCode()).as(format + diff.err()).isEqualTo(1);
			printed.add(diff.out() + diff.err());
		}
		Result verify = DbParityTests.run("verify", "--baseline", baseline.toString(), "--url", url, "--statistics",
				"full", "--masking-key-file", key.toString(), "--sensitive", "payment.note");
		assertThat(verify.exitCode()).as(verify.err()).isEqualTo(1);
		printed.add(verify.out() + verify.err());

		List<Path> written;
		try (Stream<Path> files = Files.walk(temporary)) {
			written = files.filter(Files::isRegularFile).filter(file -> !file.equals(key) && !file.equals(sensitive))
				.toList();
		}
		assertThat(written).extracting(file -> temporary.relativize(file).toString().replace('\\', '/'))
			.contains("baseline/statistics.json", "baseline/schema.json", "report.text", "report.markdown",
					"report.html", "report.json");
		for (Path file : written) {
			assertRevealsNone(file + ":\n" + read(file), PersonalDataServer.RAW.toArray(String[]::new));
		}
		for (String output : printed) {
			assertRevealsNone(output, PersonalDataServer.RAW.toArray(String[]::new));
		}
		assertThat(Files.readString(temporary.resolve("report.json"))).contains("public.contact_book.contact");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void withoutAKeyTheSameCaptureIsRefused() throws SQLException {
		String url = server.database();

		Result capture = DbParityTests.run("capture", "--url", url, "--out", temporary.resolve("b").toString(),
				"--statistics", "sample:50", "--migration-version", "1");

		assertThat(capture.exitCode()).isEqualTo(2);
		assertThat(capture.err()).contains("Refusing to capture statistics",
				"public.contact_book.contact (e-mail addresses in its values)", "DBPARITY_MASKING_KEY",
				"--masking-key-file", "dbparity.statistics.masking-key", "--allow-development-masking-key");
		assertThat(temporary.resolve("b")).doesNotExist();
	}
}
