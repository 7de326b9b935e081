package dev.dbparity.samples.bookshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;

/** The whole application on the class's fresh database. */
@SpringBootTest
@ParityDatabase
class CatalogueTests {

	@Autowired
	Catalogue catalogue;

	@Test
	void listsABookOncePerIsbn(@Autowired DataSource dataSource, ParityDb db) {
		catalogue.list("978-0-14-143951-8", "Pride and Prejudice", new BigDecimal("7.99"));
		catalogue.list("978-0-14-143951-8", "Pride & Prejudice", new BigDecimal("6.99"));

		assertThat(catalogue.bargains(new BigDecimal("100"))).extracting(Book::getTitle)
			.containsExactly("Pride and Prejudice");
		// The application's DataSource is dbparity's database, whose URL and credentials ParityDb gives.
		assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT current_database()", String.class))
			.isEqualTo(db.databaseName());
		assertThat(db.user()).isEqualTo("postgres");
		assertThat(db.password()).isEmpty();
	}

	@Test
	void theMigrationsPlaceholderCameFromTheApplicationsProperties(@Autowired JdbcTemplate jdbc) {
		assertThat(jdbc.queryForObject("SELECT col_description('book'::regclass, 4)", String.class))
			.isEqualTo("in EUR");
	}
}
