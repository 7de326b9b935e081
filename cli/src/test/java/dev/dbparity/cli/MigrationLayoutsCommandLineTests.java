package dev.dbparity.cli;

import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.cli.DbParityTests.Result;

/** The command line passes its engine to the migrations, so that a pop folder runs the files of that engine. */
class MigrationLayoutsCommandLineTests {

	@TempDir
	Path temporary;

	@Test
	void roundtripRunsThePopFilesOfItsEngine() throws IOException {
		Path folder = Files.createDirectories(temporary.resolve("migrations"));
		Files.writeString(folder.resolve("20230101120000_users.up.sql"), "CREATE TABLE users (id INT PRIMARY KEY, name TEXT);\n");
		Files.writeString(folder.resolve("20230101120000_users.down.sql"), "DROP TABLE users;\n");
		// MySQL's AFTER fails on PostgreSQL: the round trip passes only if the postgres file is the one that runs.
		Files.writeString(folder.resolve("20230102120000_email.mysql.up.sql"),
				"ALTER TABLE users ADD COLUMN email VARCHAR(255) AFTER id;\n");
		Files.writeString(folder.resolve("20230102120000_email.postgres.up.sql"), "ALTER TABLE users ADD COLUMN email TEXT;\n");
		Files.writeString(folder.resolve("20230102120000_email.down.sql"), "ALTER TABLE users DROP COLUMN email;\n");

		Result result = run("roundtrip", "--migrations", folder.toString(), "--engine", "postgres");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.err()).contains("dbparity: V20230101120000 users: passed",
				"dbparity: V20230102120000 email: passed");
	}
}
