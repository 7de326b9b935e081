package dev.dbparity.seeding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgressTests {

	@Test
	@DisplayName("a long table says how many rows it loads, then each tenth with the rate and the time left")
	void reportsEachTenth() {
		List<String> lines = new ArrayList<>();
		Progress progress = new Progress("orders", 2_000_000, lines::add);
		for (long row = 1; row <= 2_000_000; row++) {
			progress.row(row);
		}
		assertThat(lines.get(0)).isEqualTo("orders: loading 2,000,000 rows");
		assertThat(lines).filteredOn(line -> line.matches("orders: [0-9,]+ of 2,000,000 rows \\(\\d+ %\\), [0-9,]+ rows/s, "
				+ "about \\d+ (s|min) left")).hasSizeGreaterThanOrEqualTo(9);
		assertThat(lines).anyMatch(line -> line.startsWith("orders: 200,000 of 2,000,000 rows (10 %)"))
			.anyMatch(line -> line.startsWith("orders: 1,800,000 of 2,000,000 rows (90 %)"))
			.noneMatch(line -> line.contains("2,000,000 of 2,000,000"));
	}

	@Test
	@DisplayName("a table of fewer rows than one step says nothing while loading")
	void smallTablesAreQuiet() {
		List<String> lines = new ArrayList<>();
		Progress progress = new Progress("customers", 50_000, lines::add);
		for (long row = 1; row <= 50_000; row++) {
			progress.row(row);
		}
		assertThat(lines).isEmpty();
	}
}
