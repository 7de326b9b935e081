package dev.dbparity.snapshots.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;

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
	void aSnapshotPrintsItsSortedTreeAsWriteWouldWithoutCopyingIt() {
		ObjectNode tree = CanonicalJson.object().put("format", 1);
		AWKWARD_VALUES.forEach(tree::put);
		ObjectNode nested = tree.putObject("nested").put("z", 1).put("a", new BigDecimal("2.50")).put("e", 1e10);
		nested.putArray("list").add("b").add("a");

		assertThat(CanonicalJson.writeSorted(CanonicalJson.sorted(tree))).isEqualTo(CanonicalJson.write(tree));
		assertThat(new SchemaSnapshot(tree).toCanonicalJson()).isEqualTo(CanonicalJson.write(tree));
	}

	/** Every character a database value can hold, written and read back: U+0000–U+001F, U+007F, non-BMP, U+2028/9. */
	private static final Map<String, String> AWKWARD_VALUES = Map.of(
			"colon", "ratio : 1",
			"colonAtEdges", " : x : ",
			"quotes", "say \"hi\" : 'there'",
			"backslashes", "C:\\temp\\ \\\" \\u0041",
			"controls", controls(),
			"nonBmp", "\uD83D\uDE00 clef \uD834\uDD1E",
			"lineSeparators", "a\u2028b\u2029c",
			"key : with colon", "value");

	private static String controls() {
		StringBuilder text = new StringBuilder();
		for (char c = 0; c < 0x20; c++) {
			text.append(c);
		}
		return text.append('\u007F').toString();
	}

	@Test
	void valuesAreWrittenByJacksonAloneAndReadBackUnchanged() {
		ObjectNode tree = CanonicalJson.object();
		AWKWARD_VALUES.forEach(tree::put);
		tree.putObject("empty");
		tree.putArray("none");

		String written = CanonicalJson.writeString(tree);

		assertThat(written).isEqualTo("{\n"
				+ "  \"backslashes\": \"C:\\\\temp\\\\ \\\\\\\" \\\\u0041\",\n"
				+ "  \"colon\": \"ratio : 1\",\n"
				+ "  \"colonAtEdges\": \" : x : \",\n"
				+ "  \"controls\": \"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r"
				+ "\\u000E\\u000F\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A\\u001B"
				+ "\\u001C\\u001D\\u001E\\u001F\u007F\",\n"
				+ "  \"empty\": { },\n"
				+ "  \"key : with colon\": \"value\",\n"
				+ "  \"lineSeparators\": \"a\u2028b\u2029c\",\n"
				+ "  \"nonBmp\": \"\uD83D\uDE00 clef \uD834\uDD1E\",\n"
				+ "  \"none\": [ ],\n"
				+ "  \"quotes\": \"say \\\"hi\\\" : 'there'\"\n"
				+ "}\n");
		byte[] bytes = CanonicalJson.write(tree);
		JsonNode read = CanonicalJson.read(bytes, "golden.json");
		AWKWARD_VALUES.forEach((key, value) -> assertThat(read.get(key).textValue()).as(key).isEqualTo(value));
		assertThat(CanonicalJson.write(read)).as("write, read, write gives the same bytes").isEqualTo(bytes);
	}

	@Test
	void compactFormKeepsValuesToo() {
		ObjectNode tree = CanonicalJson.object();
		AWKWARD_VALUES.forEach(tree::put);

		String compact = CanonicalJson.writeCompact(tree);

		assertThat(CanonicalJson.read(compact.getBytes(StandardCharsets.UTF_8), "compact")).isEqualTo(tree);
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
			.hasMessageStartingWith("schema.json is empty: expected a JSON document.");
	}
}
