package dev.dbparity.cli;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.cli.DbParityTests.Result;

/**
 * An engine the command line cannot run here is advised in the command line's own options, never with the JUnit
 * annotation's attributes.
 */
class EngineChoiceBadInputTests {

	@TempDir
	Path temporary;

	private Path folder() throws IOException {
		Path folder = Files.createDirectories(temporary.resolve("advice"));
		Files.writeString(folder.resolve("V1__shelves.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY);\n");
		return folder;
	}

	@Test
	@BadInputEntry("CLI-033")
	void mySqlWithoutAServer() throws IOException {
		Result mysql = run("roundtrip", "--migrations", folder().toString(), "--engine", "mysql");

		assertThat(mysql.exitCode()).as(mysql.err()).isEqualTo(2);
		assertSays(mysql.err(), "Cannot run mysql 8.4 with provider 'embedded'", "embedded: does not run MySQL",
				"Choose a provider that can run here with --url JDBC, a server of your own.");
		assertThat(mysql.err()).doesNotContain("@ParityDatabase");
	}

	@Test
	@BadInputEntry("CLI-034")
	void aVersionWithoutEmbeddedBinaries() throws IOException {
		Result version = run("roundtrip", "--migrations", folder().toString(), "--engine", "postgres", "--version",
				"9.1");

		assertThat(version.exitCode()).as(version.err()).isEqualTo(2);
		assertSays(version.err(), "is not available as embedded binaries", "PostgreSQL 9.1",
				"Pin one of them with --version PIN.");
		assertThat(version.err()).doesNotContain("@ParityDatabase");
	}
}
