package dev.dbparity.snapshots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code SchemaSnapshot} is a database schema as dbparity compares it: a tree of named objects in the shape
 * {@code snapshots/SCHEMA-FORMAT.md} describes, written as canonical JSON to {@code schema.json}.
 *
 * <p>The tree is copied on the way in and out, so a snapshot never changes. Two snapshots are equal when their trees
 * are equal, which is when their canonical bytes are equal. A snapshot made from another by {@link #replacing} shares
 * the nodes it did not replace with it (neither ever changes), so that making it, and comparing the two, costs what
 * the replaced nodes cost; the methods that look at a node in place ({@link #sameAt}, {@link #fieldsAt},
 * {@link #typeAt}) keep that so for a comparison, where {@link #tree()} and {@link #at} copy.
 *
 * @since 0.1
 */
public final class SchemaSnapshot {

	/** The format this version of dbparity writes and the newest it reads. */
	public static final int FORMAT = 1;

	private final ObjectNode tree;

	/**
	 * A snapshot of a sorted copy of {@code tree}.
	 *
	 * @throws IllegalArgumentException when {@code tree} is not a JSON object with a numeric {@code format}
	 */
	public SchemaSnapshot(JsonNode tree) {
		Objects.requireNonNull(tree, "tree");
		if (!tree.isObject() || !tree.path("format").canConvertToInt()) {
			throw new IllegalArgumentException("a schema snapshot is a JSON object with a numeric \"format\"");
		}
		this.tree = (ObjectNode) CanonicalJson.sorted(tree);
	}

	/**
	 * A snapshot of {@code sorted} as it is, without a copy: {@code taken} only tells this constructor from the public
	 * one. The tree is sorted, and only this class holds it.
	 */
	private SchemaSnapshot(ObjectNode sorted, boolean taken) {
		this.tree = sorted;
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

	/** A copy of the tree. */
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

	/** A copy of the node at {@code path} (keys from the root, e.g. {@code ["schemas", "public", "tables", "book"]}). */
	public Optional<JsonNode> at(List<String> path) {
		JsonNode node = node(path);
		return node.isMissingNode() ? Optional.empty() : Optional.of(node.deepCopy());
	}

	/**
	 * Whether {@code other} has the same node at {@code path} as this snapshot (or neither has one), without copying
	 * either: what two snapshots share is the same without being looked at.
	 *
	 * @since 0.2
	 */
	public boolean sameAt(SchemaSnapshot other, List<String> path) {
		return node(path).equals(other.node(path));
	}

	/**
	 * The names of the fields of the object at {@code path}, in the tree's order (sorted); none when there is no
	 * object there.
	 *
	 * @since 0.2
	 */
	public List<String> fieldsAt(List<String> path) {
		List<String> names = new ArrayList<>();
		JsonNode node = node(path);
		if (node.isObject()) {
			node.fieldNames().forEachRemaining(names::add);
		}
		return names;
	}

	/**
	 * The type of the node at {@code path}, without copying it; empty when there is none ({@link JsonNodeType#NULL}
	 * for an explicit {@code null}).
	 *
	 * @since 0.2
	 */
	public Optional<JsonNodeType> typeAt(List<String> path) {
		JsonNode node = node(path);
		return node.isMissingNode() ? Optional.empty() : Optional.of(node.getNodeType());
	}

	/**
	 * A snapshot equal to this one with the node at each path of {@code nodes} (keys from the root) set to a sorted
	 * copy of its value, or removed where the value is empty. The objects on the way to a node set are created when
	 * missing; a node removed that is not there is no change. The nodes on no path are shared with this snapshot, not
	 * copied: a catalog reader that reads again only what changed makes the new snapshot in the time the changed
	 * nodes take, and comparisons of the two skip what they share.
	 *
	 * @throws IllegalArgumentException for an empty path, or one that goes through a node that is not an object
	 * @since 0.2
	 */
	public SchemaSnapshot replacing(Map<List<String>, Optional<? extends JsonNode>> nodes) {
		// Each object on a path is copied once, shallowly; the copies are ours until the snapshot is made.
		Map<List<String>, ObjectNode> copies = new HashMap<>();
		ObjectNode root = CanonicalJson.object().setAll(tree);
		copies.put(List.of(), root);
		List<ObjectNode> grown = new ArrayList<>();
		Map<List<String>, Optional<? extends JsonNode>> inOrder = new TreeMap<>(PATHS);
		inOrder.putAll(nodes);
		for (Map.Entry<List<String>, Optional<? extends JsonNode>> entry : inOrder.entrySet()) {
			List<String> path = entry.getKey();
			if (path.isEmpty()) {
				throw new IllegalArgumentException("a node to replace needs a path below the root");
			}
			Optional<ObjectNode> parent = copied(copies, path.subList(0, path.size() - 1),
					entry.getValue().isPresent(), grown);
			String name = path.get(path.size() - 1);
			if (entry.getValue().isPresent()) {
				if (!parent.get().has(name)) {
					grown.add(parent.get());
				}
				parent.get().set(name, CanonicalJson.sorted(entry.getValue().get()));
			}
			else {
				parent.ifPresent(object -> object.remove(name));
			}
		}
		// A field added goes last: its object is put in key order again, as CanonicalJson.sorted has it.
		for (ObjectNode object : grown) {
			Map<String, JsonNode> sorted = new TreeMap<>();
			object.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
			object.removeAll();
			object.setAll(sorted);
		}
		if (!root.path("format").canConvertToInt()) {
			throw new IllegalArgumentException("a schema snapshot needs its numeric \"format\"");
		}
		return new SchemaSnapshot(root, true);
	}

	/** Paths in order, a shorter one before those it leads to. */
	private static final Comparator<List<String>> PATHS = (a, b) -> {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int names = a.get(i).compareTo(b.get(i));
			if (names != 0) {
				return names;
			}
		}
		return Integer.compare(a.size(), b.size());
	};

	/**
	 * The copy of the object at {@code path} in the tree being made, copied (with the objects on its way) on first use,
	 * and created when missing if {@code create}; empty when it is missing and not to be created.
	 */
	private static Optional<ObjectNode> copied(Map<List<String>, ObjectNode> copies, List<String> path, boolean create,
			List<ObjectNode> grown) {
		ObjectNode copy = copies.get(path);
		if (copy != null) {
			return Optional.of(copy);
		}
		Optional<ObjectNode> parent = copied(copies, path.subList(0, path.size() - 1), create, grown);
		if (parent.isEmpty()) {
			return parent;
		}
		String name = path.get(path.size() - 1);
		JsonNode node = parent.get().get(name);
		if (node != null && !node.isObject()) {
			throw new IllegalArgumentException("cannot replace a node under " + String.join(".", path)
					+ ", which is not an object");
		}
		if (node == null && !create) {
			return Optional.empty();
		}
		if (node == null) {
			grown.add(parent.get());
		}
		copy = node == null ? CanonicalJson.object() : CanonicalJson.object().setAll((ObjectNode) node);
		parent.get().set(name, copy);
		copies.put(List.copyOf(path), copy);
		return Optional.of(copy);
	}

	/** The node at {@code path}, in place: a missing node when there is none. */
	private JsonNode node(List<String> path) {
		JsonNode node = tree;
		for (String key : path) {
			node = node.path(key);
		}
		return node;
	}

	/** The canonical bytes of this snapshot, as written to {@code schema.json}. */
	public byte[] toCanonicalJson() {
		// Sorted when the snapshot was made, and never changed since.
		return CanonicalJson.writeSorted(tree);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SchemaSnapshot snapshot && tree.equals(snapshot.tree);
	}

	@Override
	public int hashCode() {
		return tree.hashCode();
	}

	@Override
	public String toString() {
		return "SchemaSnapshot[" + engine() + " " + serverVersion() + "]";
	}
}
