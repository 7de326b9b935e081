package dev.dbparity.snapshots.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class CanonicalJsonTests {

	@Test
	void sortsKeysAtEveryDepthAndKeepsArrayOrder() {
		ObjectNode tree = CanonicalJson.object();
		tree.put("zeta", 1);
		tree.putObject("alpha").put("y", "two").put("b", true);
		tree.putArray("list").add("z").add("a");

		assertThat(CanonicalJson.writeString(tree)).isEqualTo("""
				{
				  "alpha": {
				    "b": true,
				    "y": "two"
				  },
				  "list": [
				    "z",
				    "a"
				  ],
				  "zeta": 1
				}
				""");
	}

	@Test
	void sortsMapsAndRecordsLikeTrees() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("b", List.of(2, 1));
		map.put("a", new Point(3, 4));

		assertThat(CanonicalJson.writeString(map)).isEqualTo("""
				{
				  "a": {
				    "x": 4,
				    "y": 3
				  },
				  "b": [
				    2,
				    1
				  ]
				}
				""");
	}

	record Point(int y, int x) {
	}

	@Test
	void sameContentSameBytes() {
		ObjectNode first = CanonicalJson.object().put("a", 1).put("b", 2);
		ObjectNode second = CanonicalJson.object().put("b", 2).put("a", 1);

		assertThat(CanonicalJson.write(first)).isEqualTo(CanonicalJson.write(second));
	}

	@Test
	void truncatedJsonNamesTheFileLineAndColumn() {
		byte[] truncated = "{\n  \"format\": 1,\n  \"schemas\": {\n    \"public\": {".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> CanonicalJson.read(truncated, "parity/baseline/production/schema.json"))
			.isInstanceOf(InvalidJsonException.class)
			.hasMessageStartingWith("parity/baseline/production/schema.json:4:")
			.hasMessageContaining("is not valid JSON: Unexpected end-of-input")
			.hasMessageEndingWith("The file may be truncated or edited by hand; restore it from version control or "
					+ "capture it again.");
	}

	@Test
	void emptyFileIsNamed() {
		assertThatThrownBy(() -> CanonicalJson.read(new byte[0], "schema.json"))
			.isInstanceOf(InvalidJsonException.class)
			.hasMessage("schema.json is empty: expected a JSON document.");
	}
}
