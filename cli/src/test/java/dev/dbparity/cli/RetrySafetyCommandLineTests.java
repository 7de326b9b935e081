package dev.dbparity.cli;

import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.cli.DbParityTests.Result;

/** {@code dbparity roundtrip --retry-safety}: the round trips, then every migration interrupted and run again. */
class RetrySafetyCommandLineTests {

	@TempDir
	Path temporary;

	@Test
	void aMariaDbMigrationThatCannotRunAgainExitsOneNamingTheInterruptionAndTheFailingStatement() throws Exception {
		Path folder = Files.createDirectories(temporary.resolve("migrations"));
		Files.writeString(folder.resolve("V1__shelves.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY);\n");
		Files.writeString(folder.resolve("U1__shelves.sql"), "DROP TABLE shelf;\n");
		Files.writeString(folder.resolve("V2__label.sql"), "ALTER TABLE shelf ADD COLUMN label VARCHAR(20);\n"
				+ "CREATE INDEX shelf_label ON shelf (label);\n");
		Files.writeString(folder.resolve("U2__label.sql"), "ALTER TABLE shelf DROP COLUMN IF EXISTS label;\n");

		Result text = run("roundtrip", "--migrations", folder.toString(), "--engine", "mariadb", "--retry-safety");

		assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
		assertThat(text.err()).contains("dbparity: retry safety of V1 shelves: passed",
				"dbparity: retry safety of V2 label: failed");
		assertThat(text.out()).startsWith("Round trips of file:" + folder + ": 2 passed (")
			.contains("\nRetry safety of file:" + folder + ": 1 failed, 1 passed (",
					"\nV2 label: failed\n  V2 (file:" + folder + "/V2__label.sql) is not retry-safe: 1 interruption "
							+ "point fails\n  ‣ interrupted after statement 1 of 2 (file:" + folder + "/V2__label.sql:1), "
							+ "the retry fails: at file:" + folder + "/V2__label.sql:1: Duplicate column name 'label'",
					"Fix: make each statement safe to run again (ADD COLUMN IF NOT EXISTS");

		Files.writeString(folder.resolve("V2__label.sql"), "ALTER TABLE shelf ADD COLUMN IF NOT EXISTS label VARCHAR(20);\n"
				+ "CREATE INDEX IF NOT EXISTS shelf_label ON shelf (label);\n");
		Result json = run("roundtrip", "--migrations", folder.toString(), "--engine", "mariadb", "--retry-safety",
				"--format", "json");

		assertThat(json.exitCode()).as(json.err()).isZero();
		assertThat(json.out()).contains("\"passes\": true", "\"retrySafety\": [", "\"name\": \"V2 label\"");
	}

	@Test
	void withoutTheOptionOnlyTheRoundTripsRun() throws Exception {
		Path folder = Files.createDirectories(temporary.resolve("plain"));
		Files.writeString(folder.resolve("V1__shelves.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY);\n"
				+ "ALTER TABLE shelf ADD COLUMN label VARCHAR(20);\n");
		Files.writeString(folder.resolve("U1__shelves.sql"), "DROP TABLE shelf;\n");

		Result text = run("roundtrip", "--migrations", folder.toString(), "--engine", "mariadb");

		assertThat(text.exitCode()).as(text.err()).isZero();
		assertThat(text.out()).doesNotContain("Retry safety");
	}
}
