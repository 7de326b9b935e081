package dev.dbparity.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDatabases;

/**
 * The bookstore with its seed data ({@code parity/seed.yaml}): deterministic, masked, and the same on both engines.
 * Tests read realistic data without writing any fixtures of their own.
 */
@ParityDatabases({
		@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/migration/{engine}", seed = "parity/seed.yaml"),
		@ParityDatabase(engine = Engine.MARIADB, migrations = "db/migration/{engine}", seed = "parity/seed.yaml") })
class SeededBookstoreTests {

	@Test
	void everyOrderHasALineAndBelongsToACustomer(DSLContext db) {
		int orders = db.fetchCount(table("customer_order"));
		assertThat(orders).as("about three orders per customer").isBetween(900, 1500);
		assertThat(db.fetchCount(table("order_item"))).isEqualTo(orders);
		assertThat(db.fetchCount(db.selectFrom(table("customer_order"))
			.whereNotExists(db.selectOne().from(table("customer")).where(field("customer.id")
				.eq(field("customer_order.customer_id")))))).isZero();
	}

	@Test
	void ratingsLeanHigh(DSLContext db) {
		BigDecimal average = db.select(avg(field("rating", Integer.class))).from(table("review")).fetchOne().value1();
		assertThat(average).isBetween(new BigDecimal("3.6"), new BigDecimal("4.5"));
	}

	@Test
	void fewBooksSellMost(DSLContext db) {
		List<Integer> perBook = db.select(count()).from(table("order_item")).groupBy(field("book_id"))
			.orderBy(count().desc()).fetch(0, Integer.class);
		int total = perBook.stream().mapToInt(Integer::intValue).sum();
		int topTen = perBook.stream().limit(10).mapToInt(Integer::intValue).sum();
		assertThat(topTen).as("zipf: the ten most popular books take a large share").isGreaterThan(total / 4);
	}

	@Test
	void supportCustomersAreThereMasked(DSLContext db) {
		List<String> emails = db.select(field("email", String.class)).from(table("customer"))
			.where(field("id").in(1, 2, 3)).fetch(0, String.class);
		assertThat(emails).hasSize(3).allSatisfy(email -> assertThat(email).endsWith("@example.org")
			.doesNotContain("lovelace", "turing", "hopper"));
		assertThat(db.select(field("full_name", String.class)).from(table("customer")).where(field("id").eq(1))
			.fetchOne(0, String.class)).isNotEqualTo("Ada Lovelace");
	}

	@Test
	void newRowsGetKeysPastTheSeededOnes(DSLContext db) {
		db.insertInto(table("author"), field("name")).values("A New Author").execute();
		assertThat(db.fetchCount(table("author"))).isEqualTo(61);
	}
}
