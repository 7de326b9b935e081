package dev.dbparity.samples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;

/**
 * A production database someone hotfixed by hand: an index added on {@code customer_order.status} and the collation of
 * {@code customer.email} changed. Its baseline ({@code parity/baseline/drifted}) no longer matches what the migrations
 * give, and the report says what drifted, where, and how much it matters.
 */
@ParityDatabase(engine = Engine.POSTGRES, version = "17.6", migrations = "db/migration/postgres",
		baseline = "parity/baseline/drifted")
class DriftedProductionTests {

	@Test
	void aHandHotfixIsReportedByCategory(ParityDb db) {
		assertThatThrownBy(db::assertSchemaMatchesBaseline)
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("(migration version 4)")
			.hasMessageContaining("found 2 differences")
			.hasMessageContaining("PERFORMANCE")
			.hasMessageContaining("public.customer_order.indexes.btree (status)")
			.hasMessageContaining("CONFIGURATION")
			.hasMessageContaining("public.customer.columns.email.collation")
			.hasMessageContaining("schema.actual.json");
	}
}
