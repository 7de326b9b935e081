package dev.dbparity.snapshots.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownRenamesTests {

	@Test
	void readsPostgresRenames() {
		KnownRenames renames = KnownRenames.in("""
				-- RENAME COLUMN not_this TO that
				ALTER TABLE IF EXISTS ONLY shop."Customer" RENAME COLUMN mail TO email;
				ALTER TABLE orders RENAME total TO amount;
				ALTER TABLE orders RENAME CONSTRAINT orders_pkey TO pk;
				ALTER TABLE invoice RENAME TO bill;
				""");

		assertThat(renames.renamesColumn("customer", "mail", "email")).isTrue();
		assertThat(renames.renamesColumn("orders", "total", "amount")).isTrue();
		assertThat(renames.renamesColumn("orders", "orders_pkey", "pk")).isFalse();
		assertThat(renames.renamesColumn("customer", "not_this", "that")).isFalse();
		assertThat(renames.renamesTable("invoice", "bill")).isTrue();
		assertThat(renames.renamesTable("bill", "invoice")).isFalse();
	}

	@Test
	void readsMariaDbRenames() {
		KnownRenames renames = KnownRenames.in("""
				RENAME TABLE shop.a TO b, `c` TO `d`;
				ALTER TABLE t ADD COLUMN x int, CHANGE COLUMN `old` `new` int NOT NULL, RENAME INDEX i TO j;
				ALTER TABLE u CHANGE same same bigint;
				ALTER TABLE v RENAME AS w, RENAME COLUMN p TO q;
				""");

		assertThat(renames.renamesTable("a", "b")).isTrue();
		assertThat(renames.renamesTable("c", "d")).isTrue();
		assertThat(renames.renamesColumn("t", "old", "new")).isTrue();
		assertThat(renames.renamesColumn("t", "i", "j")).isFalse();
		assertThat(renames.renamesColumn("u", "same", "same")).isFalse();
		assertThat(renames.renamesTable("v", "w")).isTrue();
		assertThat(renames.renamesColumn("w", "p", "q")).as("on the table's new name").isTrue();
	}

	@Test
	void stringsAndDroppedColumnsAreNoRenames() {
		KnownRenames renames = KnownRenames.in("""
				INSERT INTO log VALUES ('ALTER TABLE t RENAME COLUMN a TO b');
				ALTER TABLE t DROP COLUMN a, ADD COLUMN b int;
				""");

		assertThat(renames.isEmpty()).isTrue();
	}
}
