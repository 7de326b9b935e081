package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * A snapshot made by replacing nodes of another equals the one made from the whole edited tree, byte for byte, and
 * neither it, its source nor the nodes given can change the other; the in-place looks answer as copies would.
 */
class SchemaSnapshotTests {

	@Test
	void replacingSetsRemovesAndCreatesNodesAsAWholeEditedTreeWould() {
		SchemaSnapshot source = new SchemaSnapshot(tree());
		Map<List<String>, Optional<? extends JsonNode>> nodes = new LinkedHashMap<>();
		nodes.put(List.of("schemas", "public", "tables", "author"), Optional.empty());
		nodes.put(List.of("schemas", "public", "tables", "aardvark"), Optional.of(table("id", "zeta")));
		nodes.put(List.of("schemas", "public", "tables", "book"), Optional.of(table("isbn")));
		nodes.put(List.of("schemas", "public", "views", "recent"), Optional.of(CanonicalJson.object()
			.put("definition", "SELECT 1")));
		nodes.put(List.of("schemas", "audit", "tables", "missing"), Optional.empty());

		SchemaSnapshot replaced = source.replacing(nodes);

		ObjectNode edited = tree();
		ObjectNode tables = (ObjectNode) edited.path("schemas").path("public").path("tables");
		tables.remove("author");
		tables.set("aardvark", table("id", "zeta"));
		tables.set("book", table("isbn"));
		((ObjectNode) edited.path("schemas").path("public")).putObject("views").putObject("recent")
			.put("definition", "SELECT 1");
		SchemaSnapshot whole = new SchemaSnapshot(edited);
		assertThat(new String(replaced.toCanonicalJson(), StandardCharsets.UTF_8))
			.isEqualTo(new String(whole.toCanonicalJson(), StandardCharsets.UTF_8))
			.containsSubsequence("\"aardvark\"", "\"id\"", "\"zeta\"", "\"book\"", "\"views\"")
			.doesNotContain("\"author\"", "\"missing\"", "\"audit\"");
		assertThat(replaced).isEqualTo(whole).hasSameHashCodeAs(whole);
		assertThat(source).isEqualTo(new SchemaSnapshot(tree()));
	}

	@Test
	void aNodeGivenToReplacingIsCopiedSortedAndLaterChangesToItChangeNothing() {
		ObjectNode table = table("b", "a");
		SchemaSnapshot replaced = new SchemaSnapshot(tree()).replacing(Map.of(
				List.of("schemas", "public", "tables", "book"), Optional.of(table)));

		table.putObject("columns").putObject("changed");

		assertThat(replaced.at(List.of("schemas", "public", "tables", "book", "columns")).orElseThrow().toString())
			.isEqualTo("{\"a\":{\"type\":\"text\"},\"b\":{\"type\":\"text\"}}");
	}

	@Test
	void replacingWhatIsNotThereOrThroughALeafIsRefusedOrNoChange() {
		SchemaSnapshot source = new SchemaSnapshot(tree());

		assertThat(source.replacing(Map.of(List.of("schemas", "nowhere", "tables", "t"), Optional.empty())))
			.isEqualTo(source);
		assertThatIllegalArgumentException().isThrownBy(() -> source.replacing(Map.of(
				List.of("format", "inner"), Optional.of(CanonicalJson.object()))))
			.withMessageContaining("format");
		assertThatIllegalArgumentException().isThrownBy(() -> source.replacing(Map.of(List.of(),
				Optional.of(CanonicalJson.object()))));
		assertThatIllegalArgumentException().isThrownBy(() -> source.replacing(Map.of(List.of("format"),
				Optional.empty())))
			.withMessageContaining("format");
	}

	@Test
	void theLooksInPlaceAnswerAsTheCopiesDo() {
		SchemaSnapshot source = new SchemaSnapshot(tree());
		SchemaSnapshot other = source.replacing(Map.of(List.of("schemas", "public", "tables", "book"),
				Optional.of(table("isbn"))));

		assertThat(source.fieldsAt(List.of("schemas", "public", "tables"))).containsExactly("author", "book");
		assertThat(source.fieldsAt(List.of("schemas", "public", "tables", "book", "columns", "title", "type")))
			.isEmpty();
		assertThat(source.fieldsAt(List.of("schemas", "none"))).isEmpty();
		assertThat(source.typeAt(List.of("schemas"))).contains(JsonNodeType.OBJECT);
		assertThat(source.typeAt(List.of("format"))).contains(JsonNodeType.NUMBER);
		assertThat(source.typeAt(List.of("schemas", "public", "comment"))).contains(JsonNodeType.NULL);
		assertThat(source.typeAt(List.of("schemas", "none"))).isEmpty();
		assertThat(source.sameAt(other, List.of("schemas", "public", "tables", "author"))).isTrue();
		assertThat(source.sameAt(other, List.of("schemas", "public", "tables", "book"))).isFalse();
		assertThat(source.sameAt(other, List.of("schemas", "public", "tables"))).isFalse();
		assertThat(source.sameAt(other, List.of("schemas", "none"))).isTrue();
		assertThat(source.sameAt(new SchemaSnapshot(tree()), List.of())).isTrue();
	}

	@Test
	void theConstructorSortsACopyOfWhatItIsGiven() {
		ObjectNode tree = CanonicalJson.object();
		tree.put("zebra", 1);
		tree.put("format", SchemaSnapshot.FORMAT);
		tree.put("apple", 2);

		SchemaSnapshot snapshot = new SchemaSnapshot(tree);
		tree.put("apple", 3);

		assertThat(new String(snapshot.toCanonicalJson(), StandardCharsets.UTF_8))
			.containsSubsequence("\"apple\": 2", "\"format\"", "\"zebra\"");
	}

	private static ObjectNode tree() {
		ObjectNode tree = CanonicalJson.object();
		tree.put("format", SchemaSnapshot.FORMAT);
		ObjectNode schema = tree.putObject("schemas").putObject("public");
		schema.putNull("comment");
		ObjectNode tables = schema.putObject("tables");
		tables.set("book", table("title", "id"));
		tables.set("author", table("name"));
		return tree;
	}

	private static ObjectNode table(String... columns) {
		ObjectNode table = CanonicalJson.object();
		ObjectNode nodes = table.putObject("columns");
		for (String column : columns) {
			nodes.putObject(column).put("type", "text");
		}
		return table;
	}
}
