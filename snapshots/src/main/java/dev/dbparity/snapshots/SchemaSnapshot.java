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

	/**
	 * The tree {@link #ofSorted} passes to the constructor, which then takes it as it is: every constructor of a record
	 * runs the canonical one, so this is how one of them can skip its sorted copy.
	 */
	private static final ThreadLocal<JsonNode> TAKEN_AS_SORTED = new ThreadLocal<>();

	public SchemaSnapshot {
		Objects.requireNonNull(tree, "tree");
		if (!tree.isObject() || !tree.path("format").canConvertToInt()) {
			throw new IllegalArgumentException("a schema snapshot is a JSON object with a numeric \"format\"");
		}
		if (TAKEN_AS_SORTED.get() != tree) {
			tree = CanonicalJson.sorted(tree);
		}
	}

	/**
	 * A snapshot of {@code sortedTree} without copying it, for a reader that builds snapshot after snapshot from the
	 * nodes of the previous one (a round trip reads a schema hundreds of times, and a sorted copy of the whole tree was
	 * a good part of a read of a few changed objects). The caller promises what the constructor would otherwise make
	 * sure of: the tree is as {@link CanonicalJson#sorted} returns it (every object's keys in order, every fraction in
	 * its written form), and no one changes it, nor any node of it, afterwards.
	 *
	 * @since 0.1
	 */
	public static SchemaSnapshot ofSorted(JsonNode sortedTree) {
		TAKEN_AS_SORTED.set(sortedTree);
		try {
			return new SchemaSnapshot(sortedTree);
		}
		finally {
			TAKEN_AS_SORTED.remove();
		}
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
