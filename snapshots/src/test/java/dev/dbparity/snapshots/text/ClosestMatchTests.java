package dev.dbparity.snapshots.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClosestMatchTests {

	@Test
	void aSwappedPairOfLettersIsOneEdit() {
		assertThat(ClosestMatch.distance("pubilc", "public")).isEqualTo(1);
		assertThat(ClosestMatch.of("pubilc", List.of("audit", "public"))).contains("public");
	}

	@Test
	void caseIsIgnoredAndTiesGoToTheAlphabeticallyFirst() {
		assertThat(ClosestMatch.of("SCHEMAS", List.of("statistics", "schema"))).contains("schema");
		assertThat(ClosestMatch.ranked("ab", List.of("ac", "aa", "zz"))).containsExactly("aa", "ac", "zz");
	}

	@Test
	void aNameFarFromEveryCandidateHasNoMatch() {
		assertThat(ClosestMatch.of("rowCounts", List.of("schema", "statistics"))).isEmpty();
		assertThat(ClosestMatch.didYouMean("rowCounts", List.of("schema"))).isEmpty();
		assertThat(ClosestMatch.didYouMean("ignor", List.of("ignore"))).isEqualTo(" Did you mean \"ignore\"?");
	}

	@Test
	void aNameContainingTheCandidateIsLikely() {
		assertThat(ClosestMatch.of("orders.status_code", List.of("orders.status", "customer.name")))
			.contains("orders.status");
	}
}
