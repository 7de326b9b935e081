package dev.dbparity.lint;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.baseline.Baseline;

/**
 * The catalogue's entries for rehearsals ({@code MIG-70x}), through {@link PendingMigrationLint} on a real PostgreSQL.
 */
class RehearsalBadInputTests {

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
	@BadInputEntry("MIG-700")
	void aRehearsalOfABaselineWithoutStatistics() throws Exception {
		Baseline withStatistics = RehearsalTests.production(postgres, dir.resolve("captured"), 100);
		Path baseline = dir.resolve("production");
		Baseline withoutStatistics = Baseline.write(baseline, withStatistics.manifest()
			.withStatistics(Optional.empty(), Optional.empty()), withStatistics.schema());
		FileTree before = FileTree.of(dir);
		List<String> databases = databases();

		ParityException thrown = catchThrowableOfType(ParityException.class, () -> PendingMigrationLint.lint(postgres,
				new SqlMigrationRunner(), RehearsalTests.migrations(Engine.POSTGRES), MigrationVersion.parse("1"),
				LintOptions.defaults().withRehearsal(Rehearsal.defaults()), withoutStatistics));

		assertSays(thrown, "needs production's row counts, and the baseline", baseline.toString(),
				"--statistics catalog --out " + baseline);
		assertThat(thrown.getMessage()).contains("has no statistics.json (its manifest lists only schema.json)",
				"or lint without the rehearsal");
		assertThat(FileTree.of(dir)).isEqualTo(before);
		assertThat(databases()).as("no database was made before the check").isEqualTo(databases);
	}

	@Test
	@BadInputEntry("MIG-701")
	void aCompatQueryThatExplainCannotExplain() throws Exception {
		Path compat = Files.createDirectories(dir.resolve("compat"));
		Files.writeString(compat.resolve("session.sql"), "SET TIME ZONE 'UTC';\nSELECT id FROM orders WHERE customer = ?;\n");
		Baseline baseline = RehearsalTests.production(postgres, dir.resolve("production"), 2000);

		LintReport report = PendingMigrationLint.lint(postgres, new SqlMigrationRunner(),
				RehearsalTests.migrations(Engine.POSTGRES), MigrationVersion.parse("1"), LintOptions.defaults()
					.withCompat(CompatQueries.load(compat, Engine.POSTGRES)).withRehearsal(Rehearsal.defaults()),
				baseline);

		LintFinding unavailable = report.migration("2").orElseThrow().findings().stream()
			.filter(finding -> finding.kind() == LintFinding.Kind.PLAN_UNAVAILABLE).findFirst().orElseThrow();
		assertSays(unavailable.toString(), "cannot EXPLAIN this compat query", "session.sql:1",
				"keep one SELECT, INSERT, UPDATE or DELETE per query");
		assertThat(report.migration("2").orElseThrow().rehearsal().orElseThrow().plansCompared())
			.as("the other query's plans are still compared").isEqualTo(1);
		assertThat(report.migrations()).flatExtracting(MigrationLintResult::findings)
			.filteredOn(finding -> finding.kind() == LintFinding.Kind.PLAN_UNAVAILABLE).as("reported once").hasSize(1);
	}
}
