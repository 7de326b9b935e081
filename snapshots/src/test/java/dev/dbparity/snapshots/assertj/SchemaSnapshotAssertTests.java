package dev.dbparity.snapshots.assertj;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.json.CanonicalJson;

class SchemaSnapshotAssertTests {

	private static SchemaSnapshot schema(String totalType, String comment) {
		ObjectNode tree = CanonicalJson.object().put("format", 1);
		tree.putObject("engine").put("name", "postgres").put("version", "17.6").put("major", "17");
		ObjectNode table = tree.putObject("schemas").putObject("public").putObject("tables").putObject("orders");
		table.put("comment", comment).put("owner", "app_" + comment.length());
		table.putObject("columns").putObject("total").put("position", 1).put("type", totalType).put("nullable", false);
		return new SchemaSnapshot(tree);
	}

	@Test
	void equalSchemasMatchAndOwnersAreIgnored() {
		assertThatCode(() -> ParityAssertions.assertThat(schema("numeric(12,2)", "orders"))
			.matches(schema("numeric(12,2)", "orders"))).doesNotThrowAnyException();
		assertThatCode(() -> ParityAssertions.assertThat(schema("numeric(12,2)", "x")).ignoring("**.comment")
			.matches(schema("numeric(12,2)", "orders"))).doesNotThrowAnyException();
	}

	@Test
	void mismatchFailsWithTheReport() {
		assertThatThrownBy(() -> ParityAssertions.assertThat(schema("numeric(10,2)", "orders"))
			.matches(schema("numeric(12,2)", "orders")))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("DESTRUCTIVE")
			.hasMessageContaining("public.orders.columns.total.type");
	}

	@Test
	void ignoringComesBeforeMatches() {
		assertThatThrownBy(() -> ParityAssertions.assertThat(schema("numeric(12,2)", "changed"))
			.matches(schema("numeric(12,2)", "orders")))
			.hasMessageContaining("public.orders.comment");
	}

	@Test
	void softAssertionsCollectEveryMismatch() {
		ParitySoftAssertions softly = new ParitySoftAssertions();
		softly.assertThat(schema("numeric(10,2)", "orders")).matches(schema("numeric(12,2)", "orders"));
		softly.assertThat(schema("numeric(12,2)", "other")).matches(schema("numeric(12,2)", "orders"));

		assertThatThrownBy(softly::assertAll)
			.hasMessageContaining("public.orders.columns.total.type")
			.hasMessageContaining("public.orders.comment");
	}
}
