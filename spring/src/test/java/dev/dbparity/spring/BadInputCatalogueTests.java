package dev.dbparity.spring;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.dbparity.badinput.BadInputCatalogue;

/** This module's {@code BAD-INPUTS.md} and its {@code @BadInputEntry} tests name the same entries, each with its marks. */
class BadInputCatalogueTests {

	@Test
	void everyDocumentedEntryHasOneTestAndEveryTestIsDocumented() {
		BadInputCatalogue.assertDocumentMatchesTests(Path.of("BAD-INPUTS.md"), "dev.dbparity");
	}
}
