package dev.dbparity.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;

/**
 * Orders on PostgreSQL only, with one database for the class (the default isolation): {@code @BeforeAll} places the
 * orders once and every test reads them. It also shows the migration handle: a test can step the schema back with
 * the undo scripts.
 */
@ParityDatabase(engine = Engine.POSTGRES, version = "17.6", migrations = "db/migration/postgres")
class OrderHistoryTests {

	@BeforeAll
	static void placeOrders(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.createStatement().execute("""
					INSERT INTO author (id, name) VALUES (1, 'Stanisław Lem');
					INSERT INTO book (id, author_id, title, isbn, price) VALUES (1, 1, 'Solaris', '978-0-15-602760-1', 11.00);
					INSERT INTO customer (id, email, full_name) VALUES (1, 'reader@example.org', 'A. Reader');
					INSERT INTO customer_order (id, customer_id, status, ordered_at, total)
					    VALUES (1, 1, 'paid', TIMESTAMP '2026-03-01 10:00:00', 33.00);
					INSERT INTO order_item (order_id, book_id, quantity, unit_price) VALUES (1, 1, 3, 11.00);
					""");
		}
	}

	@Test
	void orderTotalMatchesItsItems(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT order_total(id), total FROM customer_order");
				ResultSet rows = query.executeQuery()) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getBigDecimal(1)).isEqualByComparingTo(rows.getBigDecimal(2));
		}
	}

	@Test
	void unknownStatusIsRejected(Connection connection) {
		assertThatThrownBy(() -> connection.createStatement()
			.execute("UPDATE customer_order SET status = 'lost' WHERE id = 1"))
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("customer_order_status_known");
	}

	@Test
	void runsOnThePinnedEngine(ParityDb db) {
		assertThat(db.serverVersion()).startsWith("17.6");
		assertThat(db.migrationVersion()).hasValue("5");
		assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://").doesNotContain("password");
	}

	@Test
	void reviewsCanBeRolledBackAndReapplied(ParityDb db) {
		db.migrateTo("4");
		assertThat(db.dsl().meta().getTables("review")).isEmpty();
		db.migrateTo("5");
		assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("review"))).isZero();
		assertThat((BigDecimal) db.dsl().fetchValue("SELECT total FROM customer_order WHERE id = 1"))
			.as("orders survive the round trip: V5 never touched them")
			.isEqualByComparingTo("33.00");
	}
}
