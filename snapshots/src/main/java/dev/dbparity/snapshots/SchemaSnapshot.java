package dev.dbparity.snapshots;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code SchemaSnapshot} is a database schema as dbparity compares it: a tree of named objects in the shape
 * {@code snapshots/SCHEMA-FORMAT.md} describes, written as canonical JSON to {@code schema.json}.
 *
 * <p>The tree is copied on the way in and out, so a snapshot never changes. Two snapshots are equal when their trees
 * are equal, which is when their canonical bytes are equal.
 *
 * @since 0.1
 */
public record SchemaSnapshot(JsonNode tree) {

	/** The format this version of dbparity writes and the newest it reads. */
	public static final int FORMAT = 1;

	public SchemaSnapshot {
		Objects.requireNonNull(tree, "tree");
		if (!tree.isObject() || !tree.path("format").canConvertToInt()) {
			throw new IllegalArgumentException("a schema snapshot is a JSON object with a numeric \"format\"");
		}
		tree = CanonicalJson.sorted(tree);
	}

	/**
	 * Reads {@code schema.json} bytes.
	 *
	 * @param source the file name, for error messages
	 * @throws dev.dbparity.snapshots.json.InvalidJsonException for bytes that are not JSON, with the position
	 * @throws UnsupportedFormatException for a format newer than {@link #FORMAT}
	 */
	public static SchemaSnapshot fromJson(byte[] json, String source) {
		JsonNode tree = CanonicalJson.read(json, source);
		UnsupportedFormatException.check(tree, source, "schema snapshot", FORMAT, "Capture it again with `dbparity capture`.");
		return new SchemaSnapshot(tree);
	}

	@Override
	public JsonNode tree() {
		return tree.deepCopy();
	}

	public int format() {
		return tree.path("format").asInt();
	}

	/** {@code postgres}, {@code mariadb} or {@code mysql}. */
	public String engine() {
		return tree.path("engine").path("name").asText();
	}

	public String serverVersion() {
		return tree.path("engine").path("version").asText();
	}

	/** The node at {@code path} (keys from the root, e.g. {@code ["schemas", "public", "tables", "book"]}). */
	public Optional<JsonNode> at(List<String> path) {
		JsonNode node = tree;
		for (String key : path) {
			node = node.path(key);
		}
		return node.isMissingNode() ? Optional.empty() : Optional.of(node.deepCopy());
	}

	/** The canonical bytes of this snapshot, as written to {@code schema.json}. */
	public byte[] toCanonicalJson() {
		// Sorted when the snapshot was made, and never changed since.
		return CanonicalJson.writeSorted(tree);
	}

	@Override
	public String toString() {
		return "SchemaSnapshot[" + engine() + " " + serverVersion() + "]";
	}
}
