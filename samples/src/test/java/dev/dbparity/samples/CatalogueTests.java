package dev.dbparity.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The catalogue as the shop's code uses it, on PostgreSQL and on MariaDB. Every test gets a fresh database (a clone of
 * the migrated template), stocked by {@code @BeforeEach}, so that no test sees another's writes.
 */
@BookstoreDatabase
class CatalogueTests {

	@BeforeEach
	void stockTheShelves(DSLContext db) {
		db.insertInto(table("author"), field("id"), field("name"), field("born"), field("country"))
			.values(1L, "Ursula K. Le Guin", LocalDate.of(1929, 10, 21), "US")
			.execute();
		db.insertInto(table("book"), field("author_id"), field("title"), field("isbn"), field("published"), field("price"))
			.values(1L, "The Dispossessed", "978-0-06-051275-0", LocalDate.of(1974, 5, 1), new BigDecimal("14.99"))
			.values(1L, "The Left Hand of Darkness", "978-0-441-47812-5", LocalDate.of(1969, 3, 1), new BigDecimal("12.50"))
			.execute();
	}

	@Test
	void findsBooksByAuthor(DSLContext db) {
		var titles = db.select(field(name("b", "title"), String.class))
			.from(table("book").as("b"))
			.join(table("author").as("a")).on(field(name("a", "id")).eq(field(name("b", "author_id"))))
			.where(field(name("a", "name")).eq("Ursula K. Le Guin"))
			.orderBy(field(name("b", "title")))
			.fetch(field(name("b", "title"), String.class));
		assertThat(titles).containsExactly("The Dispossessed", "The Left Hand of Darkness");
	}

	@Test
	void rejectsANonPositivePrice(DSLContext db) {
		assertThatThrownBy(() -> db.update(table("book")).set(field("price"), BigDecimal.ZERO)
			.where(field("isbn").eq("978-0-06-051275-0")).execute())
			.as("V3 adds CHECK (price > 0)")
			.isInstanceOf(DataAccessException.class);
	}

	@Test
	void isbnIsUnique(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO book (author_id, title, isbn, price) SELECT id, 'Duplicate', '978-0-06-051275-0', 1 FROM author")) {
			assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class);
		}
	}

	@Test
	void ratesBooksThroughTheView(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT title, reviews FROM book_rating ORDER BY title");
				ResultSet rows = query.executeQuery()) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString("title")).isEqualTo("The Dispossessed");
			assertThat(rows.getLong("reviews")).isZero();
		}
	}

	@Nested
	class DigitalDownloads {

		@Test
		void storesOneFilePerFormat(DSLContext db) {
			Record book = db.select(field("id")).from(table("book")).where(field("isbn").eq("978-0-441-47812-5")).fetchOne();
			db.insertInto(table("digital_download"), field("book_id"), field("format"), field("download_url"),
					field("file_size_bytes"))
				.values(book.get(0), "epub", "https://downloads.example/left-hand.epub", 1_482_113L)
				.execute();
			assertThatThrownBy(() -> db.insertInto(table("digital_download"), field("book_id"), field("format"),
					field("download_url"), field("file_size_bytes"))
				.values(book.get(0), "epub", "https://downloads.example/copy.epub", 10L)
				.execute())
				.as("UNIQUE (book_id, format)")
				.isInstanceOf(DataAccessException.class);
		}
	}
}
