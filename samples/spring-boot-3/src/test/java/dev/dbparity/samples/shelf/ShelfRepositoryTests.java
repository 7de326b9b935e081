package dev.dbparity.samples.shelf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import dev.dbparity.junit.ParityDatabase;

/** The one line dbparity needs on a Spring Boot 3.5 test. */
@DataJpaTest
@ParityDatabase
class ShelfRepositoryTests {

	@Autowired
	ShelfRepository shelves;

	@Test
	void storesAShelf() {
		shelves.save(new Shelf("A1"));
		assertThat(shelves.findAll()).extracting(Shelf::getLabel).containsExactly("A1");
	}
}
