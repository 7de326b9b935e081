package dev.dbparity.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;

/** The backward-compatibility window: the previous version's queries after each pending migration, on PostgreSQL. */
class CompatQueriesTests {

	private static RunningEngine postgres;

	@BeforeAll
	static void startEngine() {
		postgres = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopEngine() {
		postgres.close();
	}

	@Test
	void aQueryBrokenByAPendingMigrationNamesTheMigrationTheQueryAndTheDatabasesMessage() {
		CompatQueries compat = CompatQueries.load(Path.of("src/test/resources/compat/postgres"), Engine.POSTGRES);
		assertThat(compat.queries()).extracting(CompatQueries.Query::location).containsExactly(
				"src/test/resources/compat/postgres/orders.sql:2", "src/test/resources/compat/postgres/orders.sql:4",
				"src/test/resources/compat/postgres/writes.sql:1");

		// Production is at V2, where orders has a token; V5 drops it.
		LintReport report = PendingMigrationLint.lint(postgres, new SqlMigrationRunner(),
				MigrationSet.load("roundtrip/postgres/lint", getClass().getClassLoader()), MigrationVersion.parse("2"),
				LintOptions.defaults().withCompat(compat));

		assertThat(report.migration("3").orElseThrow().findings()).noneMatch(f -> f.kind() == LintFinding.Kind.COMPAT_BROKEN);
		assertThat(report.migration("4").orElseThrow().findings()).noneMatch(f -> f.kind() == LintFinding.Kind.COMPAT_BROKEN);
		MigrationLintResult v5 = report.migration("5").orElseThrow();
		assertThat(v5.findings()).filteredOn(f -> f.kind() == LintFinding.Kind.COMPAT_BROKEN)
			.extracting(LintFinding::toString)
			.containsExactly("DP302 COMPAT_BROKEN src/test/resources/compat/postgres/orders.sql:4: the previous "
					+ "application version's query no longer runs after V5 (roundtrip/postgres/lint/V5__drop_token.sql): "
					+ "ERROR: column \"token\" does not exist\n  Position: 27",
					"DP302 COMPAT_BROKEN src/test/resources/compat/postgres/writes.sql:1: the previous application "
							+ "version's query no longer runs after V5 (roundtrip/postgres/lint/V5__drop_token.sql): ERROR: "
							+ "column \"token\" of relation \"orders\" does not exist\n  Position: 19");
		assertThat(v5.passes()).isFalse();
	}

	@Test
	void aFileThatDoesNotParseNamesFileAndLine() {
		assertThatThrownBy(() -> CompatQueries.load(Path.of("src/test/resources/compat/broken"), Engine.POSTGRES))
			.isInstanceOf(ParityException.class)
			.hasMessage("Compat query file src/test/resources/compat/broken/bad.sql does not parse: "
					+ "src/test/resources/compat/broken/bad.sql:2: the ' opened here is never closed; close it, or "
					+ "double it inside the text (''). Fix the file; each query ends with ';'.");
	}

	@Test
	void aFileThatIsNotUtf8NamesFileLineColumnAndByteOffset(@org.junit.jupiter.api.io.TempDir Path dir)
			throws java.io.IOException {
		java.nio.file.Files.write(dir.resolve("q.sql"), "SELECT 'caf\u00e9';".getBytes(
				java.nio.charset.StandardCharsets.ISO_8859_1));

		assertThatThrownBy(() -> CompatQueries.load(dir, Engine.POSTGRES))
			.isInstanceOf(ParityException.class)
			.hasMessageStartingWith("Compat query file " + dir.resolve("q.sql") + ":1:12: invalid UTF-8 at byte offset 11")
			.hasMessageContaining("re-save the file as UTF-8");
	}

	@Test
	void aMissingFolderSaysWhereToPutTheQueries() {
		assertThatThrownBy(() -> CompatQueries.load(Path.of("no/such/compat"), Engine.POSTGRES))
			.isInstanceOf(ParityException.class)
			.hasMessageContaining("Compat query folder ")
			.hasMessageEndingWith("no/such/compat was not found. Create it with the previous application version's "
					+ "queries as *.sql files, or point dbparity.compat (--compat on the command line) at the right folder.");
	}
}
