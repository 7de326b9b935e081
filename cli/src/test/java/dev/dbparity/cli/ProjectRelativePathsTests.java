package dev.dbparity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.dbparity.cli.DbParityTests.Result;

/**
 * {@code --migrations} given as an absolute path inside the project, as a build script or CI step writes it: the round
 * trip's report names the folder and its scripts relative to the project, never by the machine's own path.
 */
class ProjectRelativePathsTests {

	private Path folder;

	@BeforeEach
	void migrationsInsideTheProject() throws IOException {
		folder = Files.createDirectories(Path.of("target", "relative-paths-" + UUID.randomUUID()).toAbsolutePath());
		Files.writeString(folder.resolve("000001_shelves.up.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY);\n");
		Files.writeString(folder.resolve("000001_shelves.down.sql"), "DROP TABLE shelf;\n");
		Files.writeString(folder.resolve("000002_label.up.sql"), "ALTER TABLE shelf ADD COLUMN label TEXT;\n");
		Files.writeString(folder.resolve("000002_label.down.sql"), "-- Forgets the column.\nSELECT 1;\n");
	}

	@AfterEach
	void removeThem() throws IOException {
		try (var files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(folder);
	}

	@Test
	void theRoundTripReportNamesScriptsRelativeToTheProjectOnPostgresAndMariaDb() {
		String relative = "file:target/" + folder.getFileName();

		for (String engine : new String[] { "postgres", "mariadb" }) {
			Result result = DbParityTests.run("roundtrip", "--migrations", folder.toString(), "--engine", engine);

			assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
			assertThat(result.out()).as(engine).startsWith("Round trips of " + relative + ": ")
				.contains("V2 (" + relative + "/000002_label.up.sql) does not round-trip")
				.doesNotContain(Path.of("").toAbsolutePath().toString());
		}
	}
}
