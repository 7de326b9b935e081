package dev.dbparity.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;
import dev.dbparity.lint.LintOptions;
import dev.dbparity.lint.LintReport;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.SchemaDiffResult;

/**
 * Production runs the bookstore at V4; its schema was captured with
 * {@code dbparity capture --url … --out src/test/resources/parity/baseline/production}. The migrations, run from
 * empty to V4, must give exactly that schema; V5 is pending.
 */
@ParityDatabase(engine = Engine.POSTGRES, version = "17.6", migrations = "db/migration/postgres",
		baseline = "parity/baseline/production")
class ProductionParityTests {

	@Test
	void schemaMatchesProduction(ParityDb db) {
		db.assertSchemaMatchesBaseline();
	}

	@Test
	void thePendingMigrationOnlyAddsToProduction(ParityDb db) {
		Baseline production = Baseline.read(Path.of("src/test/resources/parity/baseline/production"));
		assertThat(production.migrationVersion()).hasValue("4");

		SchemaDiffResult pending = SchemaDiff.compare(production.schema(), db.schemaSnapshot(), IgnoreRules.defaults());

		assertThat(pending.countsByCategory()).as("V5 adds reviews and a view; nothing the V4 application uses changes")
			.containsOnlyKeys(Category.ADDITIVE);
		assertThat(pending.differences()).extracting(difference -> difference.path())
			.containsExactlyInAnyOrder("public.review", "public.views.book_rating");
	}

	@Test
	void thePendingMigrationPassesTheLint(ParityDb db) {
		LintReport lint = db.lintPendingMigrations();

		assertThat(lint.migrations()).singleElement().satisfies(v5 -> {
			assertThat(v5.version()).isEqualTo("5");
			assertThat(v5.classification()).hasValue(Category.ADDITIVE);
		});
		lint.assertPasses();
	}

	@Test
	void aStricterPolicyFailsEveryChangeItDoesNotAllow(ParityDb db) {
		LintReport strict = db.lintPendingMigrations(LintOptions.defaults().withFailing(EnumSet.allOf(Category.class)));

		assertThat(strict.passes()).isFalse();
		assertThat(strict.migration("5").orElseThrow().violations()).singleElement().asString()
			.startsWith("ADDITIVE public.review, public.views.book_rating (not allowed by a '-- dbparity:allow ADDITIVE");
	}
}
