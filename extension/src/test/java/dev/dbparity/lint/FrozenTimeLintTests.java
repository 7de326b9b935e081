package dev.dbparity.lint;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.migrations.SqlScriptSplitter;
import dev.dbparity.snapshots.Engine;

/**
 * {@code DP303}: {@code 'now'}, {@code 'today'}, {@code 'tomorrow'} and {@code 'yesterday'} where PostgreSQL stores the
 * time the statement ran, found in the migrations' text at {@code file:line}, and nowhere on MariaDB.
 */
class FrozenTimeLintTests {

	private static RunningEngine postgres;
	private static RunningEngine mariadb;

	@BeforeAll
	static void startEngines() {
		postgres = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
		mariadb = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()));
	}

	@AfterAll
	static void stopEngines() {
		postgres.close();
		mariadb.close();
	}

	private static List<LintFinding> frozen(RunningEngine engine, String folder) {
		LintReport report = PendingMigrationLint.lint(engine, new SqlMigrationRunner(),
				MigrationSet.load(folder, FrozenTimeLintTests.class.getClassLoader()), MigrationVersion.ZERO,
				LintOptions.defaults());
		return report.migrations().stream().flatMap(result -> result.findings().stream())
			.filter(finding -> finding.kind() == LintFinding.Kind.FROZEN_TIME).toList();
	}

	private static List<String> subjects(String sql) {
		Script script = new Script("V1__x.sql", sql);
		return FrozenTimeLiterals.in(script, SqlScriptSplitter.split(sql, Engine.POSTGRES)).stream()
			.map(finding -> finding.subject() + " " + finding.detail().substring(0, finding.detail().indexOf(" is ")))
			.toList();
	}

	@Test
	void aHistoryOnPostgresReportsEachFrozenViewAndDefaultAtItsLineButNotFunctionBodiesCommentsOrTextDefaults() {
		String folder = "roundtrip/history/frozen-time/postgres/";

		assertThat(frozen(postgres, "roundtrip/history/frozen-time/postgres"))
			.extracting(LintFinding::subject)
			.containsExactly(folder + "V1__orders.sql:5", folder + "V2__recent_orders.sql:3",
					folder + "V3__order_note.sql:2",
					folder + "V3__order_note.sql:5", folder + "V4__order_due.sql:5");
	}

	@Test
	void currentTimestampOnMariaDbIsNotReported() {
		assertThat(frozen(mariadb, "roundtrip/history/frozen-time/mariadb")).isEmpty();
	}

	@Test
	void everyWayOfWritingTheStringsIsFoundAndDataIsNot() {
		assertThat(subjects("""
				CREATE VIEW a AS SELECT 1 WHERE now() > 'today'::date
					OR now() > date 'yesterday' OR now() < CAST('tomorrow' AS timestamp with time zone);
				ALTER TABLE t ALTER COLUMN c SET DEFAULT 'NOW'::timestamptz(3);
				CREATE TABLE u (c timestamp(0) without time zone NOT NULL DEFAULT 'now', d text DEFAULT 'today');
				INSERT INTO t (c) VALUES ('now'::timestamp);
				CREATE VIEW b AS SELECT 'now' AS word, 'today'::text AS other;
				""")).containsExactly("V1__x.sql:1 'today' in 'today'::date", "V1__x.sql:2 'yesterday' in date 'yesterday'",
						"V1__x.sql:2 'tomorrow' in CAST('tomorrow' AS timestamp with time zone",
						"V1__x.sql:3 'now' in 'NOW'::timestamptz(3)",
						"V1__x.sql:4 'now' in timestamp(0) without time zone NOT NULL DEFAULT 'now'");
	}

	@Test
	@BadInputEntry("MIG-920")
	void aViewOrDefaultThatFreezesNowOrToday() {
		LintFinding finding = frozen(postgres, "roundtrip/history/frozen-time/postgres").get(1);

		assertThat(finding.kind().code()).isEqualTo("DP303");
		assertThat(finding.kind().violation()).as("a warning: the policy does not fail on it").isFalse();
		assertSays(finding.toString(), "'now' in 'now'::timestamp is turned into a constant when the statement runs",
				"roundtrip/history/frozen-time/postgres/V2__recent_orders.sql:3",
				"Fix: write now() (CURRENT_TIMESTAMP) instead");
	}
}
