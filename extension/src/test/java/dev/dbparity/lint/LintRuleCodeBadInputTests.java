package dev.dbparity.lint;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.snapshots.Engine;

/**
 * The catalogue's entries for lint rule codes in a migration's header ({@code MIG-95x}): each lints a real folder on
 * PostgreSQL and checks the message's marks, that the folder is as it was and that no scratch database was created,
 * since headers are read before any database work.
 */
class LintRuleCodeBadInputTests {

	private static RunningEngine postgres;

	@TempDir
	Path dir;

	@BeforeAll
	static void startEngine() {
		postgres = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopEngine() {
		postgres.close();
	}

	/** The message of linting a folder whose V2 has {@code header}, production at V1. */
	private String lintError(String header) throws IOException, SQLException {
		Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id INT PRIMARY KEY, note TEXT);\n");
		Files.writeString(dir.resolve("V2__drop_note.sql"), header + "\nALTER TABLE orders DROP COLUMN note;\n");
		FileTree before = FileTree.of(dir);
		List<String> databases = databases();

		MigrationException thrown = catchThrowableOfType(MigrationException.class, () -> PendingMigrationLint.lint(
				postgres, new SqlMigrationRunner(), MigrationSet.load("file:" + dir, getClass().getClassLoader()),
				MigrationVersion.parse("1"), LintOptions.defaults()));

		assertThat(thrown).as("the lint refuses the header").isNotNull();
		assertThat(FileTree.of(dir)).isEqualTo(before);
		assertThat(databases()).as("no scratch database was created").isEqualTo(databases);
		return thrown.getMessage();
	}

	private static List<String> databases() throws SQLException {
		try (Connection connection = postgres.dataSource("postgres").getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database ORDER BY datname")) {
			List<String> names = new ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString(1));
			}
			return names;
		}
	}

	@Test
	@BadInputEntry("MIG-950")
	void anAllowDirectiveWithAnUnknownRuleCode() throws Exception {
		String message = lintError("-- dbparity:allow DP320 the old order page is retired");

		assertSays(message, "names the rule code 'DP320', which does not exist", "V2__drop_note.sql:1",
				"did you mean DP302, COMPAT_BROKEN?");
		assertThat(message).contains("the lint's rule codes are DP101 LOCK, ", "DP302 COMPAT_BROKEN",
				"e.g. '-- dbparity:allow DP302 <reason>', or allow a category instead");
	}

	@Test
	@BadInputEntry("MIG-951")
	void anAllowDirectiveForAFailedStatement() throws Exception {
		String message = lintError("-- dbparity:allow DP301 pg_partman is not installed in the test engine");

		assertSays(message, "cannot be allowed: DP301 STATEMENT_FAILED means a statement of the migration fails",
				"V2__drop_note.sql:1", "Fix the failing statement");
	}
}
