package dev.dbparity.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;
import dev.dbparity.lint.CompatQueries;
import dev.dbparity.lint.LintFinding;
import dev.dbparity.lint.LintOptions;
import dev.dbparity.lint.LintReport;
import dev.dbparity.lint.MigrationLintResult;
import dev.dbparity.lint.Rehearsal;
import dev.dbparity.lint.RehearsedStatement;

/**
 * A deployment rehearsed before it happens. {@code db/rehearsal/postgres} is the bookstore with a pending V5 that gives
 * every order a public id with a volatile default, which rewrites {@code customer_order} (23,963 rows in production's
 * statistics) under an {@code AccessExclusiveLock}. The rehearsal fills the tables from rules drafted from production's
 * statistics, times the statement, and fails it against the order table's lock budget; the order history query of the
 * version production runs now keeps its plan.
 */
@ParityDatabase(engine = Engine.POSTGRES, version = "17.6", migrations = "db/rehearsal/postgres",
		baseline = "parity/baseline/production")
class RehearsedDeploymentTests {

	/** Checkout writes orders every second: no statement may hold them longer than this in production. */
	private static final Duration ORDER_LOCK_BUDGET = Duration.ofMillis(1);

	@Test
	void theRehearsalTimesTheRewriteAtProductionsVolumeAndFailsItsLockHold(ParityDb db) {
		LintReport lint = db.lintPendingMigrations(LintOptions.defaults()
			.withCompat(CompatQueries.load(Path.of("src/test/resources/parity/rehearsal-compat"),
					dev.dbparity.snapshots.Engine.POSTGRES))
			.withRehearsal(Rehearsal.defaults().withMaxLock(ORDER_LOCK_BUDGET)));

		MigrationLintResult v5 = lint.migration("5").orElseThrow();
		RehearsedStatement publicId = v5.rehearsal().orElseThrow().statements().get(0);
		assertThat(publicId.location()).isEqualTo("db/rehearsal/postgres/V5__order_public_id.sql:3");
		assertThat(publicId.table()).hasValue("public.customer_order");
		assertThat(publicId.lock()).hasValue("AccessExclusiveLock");
		assertThat(publicId.rewrote()).hasValue(true);
		assertThat(publicId.productionRows()).isEqualTo(23_963);
		assertThat(publicId.rehearsalRows()).as("filled from rules drafted from the statistics").isPositive();
		assertThat(v5.rehearsal().orElseThrow().plansCompared()).isEqualTo(1);
		assertThat(v5.findings()).extracting(LintFinding::kind).contains(LintFinding.Kind.TABLE_REWRITE,
				LintFinding.Kind.LOCK_HOLD).doesNotContain(LintFinding.Kind.PLAN_REGRESSION);
		assertThat(v5.violations()).singleElement().asString().startsWith("DP304 LOCK_HOLD public.customer_order: "
				+ "ALTER TABLE customer_order ADD COLUMN public_id UUID NOT NUL… "
				+ "(db/rehearsal/postgres/V5__order_public_id.sql:3) holds AccessExclusiveLock, which blocks reads and "
				+ "writes, for an estimated");
		assertThat(lint.toMarkdown()).contains("| ~", "| in the hold above |");
		assertThat(lint.passes()).isFalse();
	}
}
