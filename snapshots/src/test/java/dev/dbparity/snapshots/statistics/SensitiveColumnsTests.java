package dev.dbparity.snapshots.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import dev.dbparity.snapshots.json.CanonicalJson;

class SensitiveColumnsTests {

	private static Map<String, String> read(String yaml) {
		return SensitiveColumns.read(yaml.getBytes(StandardCharsets.UTF_8), "parity/sensitive.yaml");
	}

	@Test
	void aFileListsNamesWithTheirPlaces() {
		assertThat(read("- customer.contact\n- public.orders.note\n- \"*.phone_*\"\n"))
			.containsExactly(Map.entry("customer.contact", "parity/sensitive.yaml:1:3"),
					Map.entry("public.orders.note", "parity/sensitive.yaml:2:3"),
					Map.entry("*.phone_*", "parity/sensitive.yaml:3:3"));
		assertThat(read("")).isEmpty();
	}

	@Test
	void namesAndGlobsMatchTableColumnOrSchemaTableColumnIgnoringCase() {
		assertThat(SensitiveColumns.matches("customer.contact", "public", "Customer", "contact")).isTrue();
		assertThat(SensitiveColumns.matches("public.customer.contact", "public", "customer", "contact")).isTrue();
		assertThat(SensitiveColumns.matches("*.phone_?", "public", "customer", "phone_1")).isTrue();
		assertThat(SensitiveColumns.matches("customer.*", "public", "orders", "contact")).isFalse();
		assertThat(SensitiveColumns.matches("contact", "public", "customer", "contact")).isFalse();
		assertThat(SensitiveColumns.matches("customer.con.tact", "public", "customer", "contact")).isFalse();
	}

	@Test
	void aNameMatchingNoColumnIsAnErrorWithTheClosestColumn() {
		StatisticsOptions options = StatisticsOptions.full()
			.withSensitiveColumns(Map.of("custmer.contact", "parity/sensitive.yaml:4:3"));

		assertThatThrownBy(() -> SensitiveColumns.checkNames(options, List.of("public.customer.contact",
				"public.orders.note")))
			.isInstanceOf(SensitiveColumnsException.class)
			.hasMessage("parity/sensitive.yaml:4:3: the sensitive column \"custmer.contact\" matches no column of the "
					+ "captured schema, so the column it meant would be captured unprotected. Closest existing: "
					+ "customer.contact, public.customer.contact, orders.note. Fix: name it as table.column or "
					+ "schema.table.column (\"customer.contact\"?), or remove it.");
	}

	@Test
	void theDevelopmentKeyIsRefusedForSensitiveColumnsUnlessAllowed() {
		List<String> sensitive = List.of("public.customer.contact (e-mail addresses in its values)");

		assertThatThrownBy(() -> SensitiveColumns.requireKey(StatisticsOptions.full(), sensitive))
			.isInstanceOf(SensitiveColumnsException.class)
			.hasMessageStartingWith("Refusing to capture statistics: 1 sensitive column (public.customer.contact "
					+ "(e-mail addresses in its values)) would have their top values hashed with dbparity's public "
					+ "development masking key, and hashes under a public key are a dictionary away from the raw values")
			.hasMessageContaining("DBPARITY_MASKING_KEY or --masking-key-file FILE (dbparity capture), or the "
					+ "configuration parameter dbparity.statistics.masking-key (tests)");
		SensitiveColumns.requireKey(StatisticsOptions.full().withMaskingKey("secret"), sensitive);
		SensitiveColumns.requireKey(StatisticsOptions.full().withDevelopmentKeyAllowed(), sensitive);
		SensitiveColumns.requireKey(StatisticsOptions.full(), List.of());
	}

	@Test
	void maskingAColumnAfterItsCaptureHashesAsACaptureOfASensitiveColumnWould() {
		ObjectNode column = (ObjectNode) CanonicalJson.read(("{\"min\":\"a@example.org\",\"max\":\"b@example.org\","
				+ "\"histogram\":{},\"nullFraction\":0,\"top\":[{\"value\":\"b@example.org\",\"fraction\":0.5},"
				+ "{\"value\":\"a@example.org\",\"fraction\":0.5}]}").getBytes(StandardCharsets.UTF_8), "column");
		byte[] key = SensitiveColumns.key(StatisticsOptions.full());

		SensitiveColumns.mask(column, PersonalData.EMAIL, key);

		assertThat(column.toString()).doesNotContain("example.org", "min", "max", "histogram")
			.contains("\"sensitive\":true", "\"detected\":\"email\"", "\"nullFraction\":0");
		assertThat(column.path("top")).extracting(entry -> entry.path("hash").asText())
			.containsExactlyInAnyOrder(SensitiveColumns.hash("a@example.org", key),
					SensitiveColumns.hash("b@example.org", key));
	}
}
