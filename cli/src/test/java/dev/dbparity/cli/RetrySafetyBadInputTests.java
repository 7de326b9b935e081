package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.cli.DbParityTests.Result;

/** {@code dbparity roundtrip --retry-safety} on migrations that cannot simply be run again after an interruption. */
class RetrySafetyBadInputTests {

	@TempDir
	Path temporary;

	@Test
	@BadInputEntry("CLI-080")
	void aMariaDbMigrationThatStopsItsOwnRetry() throws Exception {
		Path folder = Files.createDirectories(temporary.resolve("migrations"));
		Files.writeString(folder.resolve("V1__shelves.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY);\n");
		Files.writeString(folder.resolve("U1__shelves.sql"), "DROP TABLE shelf;\n");
		Files.writeString(folder.resolve("V2__label.sql"), "ALTER TABLE shelf ADD COLUMN label VARCHAR(20);\n"
				+ "CREATE INDEX shelf_label ON shelf (label);\n");
		Files.writeString(folder.resolve("U2__label.sql"), "ALTER TABLE shelf DROP COLUMN IF EXISTS label;\n");
		FileTree before = FileTree.of(temporary);

		Result result = run("roundtrip", "--migrations", folder.toString(), "--engine", "mariadb", "--retry-safety");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
		assertSays(result.out(), "Duplicate column name 'label'", "file:" + folder + "/V2__label.sql:1",
				"ADD COLUMN IF NOT EXISTS");
		assertThat(result.out()).contains("is not retry-safe: 1 interruption point fails",
				"interrupted after statement 1 of 2");
		assertThat(FileTree.of(temporary)).isEqualTo(before);
	}

	@Test
	@BadInputEntry("CLI-081")
	void aPostgresScriptTheGooseMarkerTakesOutOfItsTransaction() throws Exception {
		Path folder = Files.createDirectories(temporary.resolve("goose"));
		Files.writeString(folder.resolve("00001_shelves.sql"), "-- +goose Up\nCREATE TABLE shelf (id INT PRIMARY KEY);\n"
				+ "-- +goose Down\nDROP TABLE shelf;\n");
		Files.writeString(folder.resolve("00002_position.sql"), "-- +goose NO TRANSACTION\n-- +goose Up\n"
				+ "ALTER TABLE shelf ADD COLUMN position INT;\nUPDATE shelf SET position = id;\n-- +goose Down\n"
				+ "ALTER TABLE shelf DROP COLUMN IF EXISTS position;\n");
		FileTree before = FileTree.of(temporary);

		Result result = run("roundtrip", "--migrations", folder.toString(), "--engine", "postgres", "--retry-safety");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
		assertSays(result.out(), "column \"position\" of relation \"shelf\" already exists",
				"file:" + folder + "/00002_position.sql:3", "IF NOT EXISTS");
		assertThat(result.out()).contains("Its statements do not run in one transaction");
		assertThat(FileTree.of(temporary)).isEqualTo(before);
	}
}
