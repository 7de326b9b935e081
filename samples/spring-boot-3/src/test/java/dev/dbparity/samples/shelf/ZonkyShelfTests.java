package dev.dbparity.samples.shelf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import io.zonky.test.db.AutoConfigureEmbeddedDatabase;

/** The project's existing zonky test, untouched: it must keep passing with dbparity on the classpath. */
@DataJpaTest
@AutoConfigureEmbeddedDatabase(provider = AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY)
class ZonkyShelfTests {

	@Autowired
	ShelfRepository shelves;

	@Test
	void storesAShelf() {
		shelves.save(new Shelf("B2"));
		assertThat(shelves.count()).isEqualTo(1);
	}
}
