package dev.dbparity.samples.bookshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;

import dev.dbparity.junit.ParityDatabase;

/** A JPA slice on the class's fresh PostgreSQL database, migrated by the application's Flyway configuration. */
@DataJpaTest
@ParityDatabase
class BookRepositoryTests {

	@Autowired
	BookRepository books;

	@Test
	void listsBargainsCheapestFirst() {
		books.save(new Book("978-0-14-143951-8", "Pride and Prejudice", new BigDecimal("7.99")));
		books.save(new Book("978-0-14-118776-1", "Middlemarch", new BigDecimal("12.50")));
		books.save(new Book("978-0-14-043940-2", "Persuasion", new BigDecimal("5.99")));

		assertThat(books.findByPriceLessThanOrderByPriceAsc(new BigDecimal("10")))
			.extracting(Book::getTitle).containsExactly("Persuasion", "Pride and Prejudice");
	}

	@Test
	void theDatabaseRefusesANegativePrice() {
		// The CHECK constraint lives in the migration: an in-memory database built from the entities would miss it.
		assertThatThrownBy(() -> books.saveAndFlush(new Book("978-0-00-000000-0", "Free Lunch", new BigDecimal("-1"))))
			.isInstanceOf(DataIntegrityViolationException.class);
	}
}
