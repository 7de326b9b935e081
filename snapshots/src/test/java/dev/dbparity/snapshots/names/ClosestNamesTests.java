package dev.dbparity.snapshots.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClosestNamesTests {

	@Test
	void listsTheKnownNamesClosestFirstWithTiesInAlphabeticalOrder() {
		assertThat(ClosestNames.byCloseness("pubilc", List.of("audit", "public", "pg_temp", "publish")))
			.containsExactly("public", "publish", "audit", "pg_temp");
		assertThat(ClosestNames.byCloseness("b", List.of("c", "a", "a"))).containsExactly("a", "c");
	}

	@Test
	void aSwappedPairOfLettersIsOneEditAndCaseIsIgnored() {
		assertThat(ClosestNames.distance("pubilc", "public")).isEqualTo(1);
		assertThat(ClosestNames.distance("Customer", "customer")).isZero();
		assertThat(ClosestNames.distance("", "abc")).isEqualTo(3);
		assertThat(ClosestNames.distance("orders", "order_items")).isEqualTo(5);
	}

	@Test
	void theClosestNameIsOnlyOfferedWhenItLooksLikeATypo() {
		assertThat(ClosestNames.closest("custmer", List.of("orders", "customer"))).contains("customer");
		assertThat(ClosestNames.closest("invoices", List.of("orders", "customer"))).isEmpty();
		assertThat(ClosestNames.closest("x", List.of())).isEmpty();
	}

	@Test
	void aNameFarFromEveryCandidateHasNoSuggestion() {
		assertThat(ClosestNames.closest("rowCounts", List.of("schema", "statistics"))).isEmpty();
		assertThat(ClosestNames.didYouMean("rowCounts", List.of("schema"))).isEmpty();
		assertThat(ClosestNames.didYouMean("ignor", List.of("ignore"))).isEqualTo(" Did you mean \"ignore\"?");
	}

	@Test
	void aNameContainingTheCandidateIsLikely() {
		assertThat(ClosestNames.closest("orders.status_code", List.of("orders.status", "customer.name")))
			.contains("orders.status");
		assertThat(ClosestNames.closest("SCHEMAS", List.of("statistics", "schema"))).contains("schema");
	}
}
