package dev.dbparity.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.dbparity.badinput.BadInputCatalogue;

/** This module's {@code BAD-INPUTS.md} and its {@code @BadInputEntry} tests name the same entries, each with its marks. */
class BadInputCatalogueTests {

	@Test
	void everyDocumentedEntryHasOneTestAndEveryTestIsDocumented() {
		BadInputCatalogue.assertDocumentMatchesTests(Path.of("BAD-INPUTS.md"), "dev.dbparity");
	}

	/** The command line is the last module to build: it checks the whole catalogue, whose areas span modules. */
	@Test
	void anIdNamesOneMistakeAcrossTheWholeCatalogue() {
		BadInputCatalogue.assertIdsUniqueAcross(Path.of("../snapshots/BAD-INPUTS.md"), Path.of("../seeding/BAD-INPUTS.md"),
				Path.of("../extension/BAD-INPUTS.md"), Path.of("BAD-INPUTS.md"));
	}
}
