package dev.dbparity.snapshots.diff;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code Change} is a difference before it has a category and a path: what the {@link CategoryRules} look at.
 *
 * @param keys the full keys from the snapshot's root, {@code schemas} and {@code tables} levels included
 * @param engine the expected snapshot's engine ({@code postgres}, {@code mariadb}, {@code mysql}), as type names
 * mean different sizes on each
 */
record Change(List<String> keys, Kind kind, Optional<JsonNode> expected, Optional<JsonNode> actual, String engine) {

	/**
	 * The keys whose children are objects' names rather than attributes. {@code SCHEMA-FORMAT.md} keeps every named
	 * object in an object keyed by its name; these are those objects' keys.
	 */
	static final Set<String> COLLECTIONS = Set.of("schemas", "tables", "views", "sequences", "types", "routines",
			"columns", "attributes", "foreignKeys", "uniqueConstraints", "checks", "exclusions", "indexes",
			"triggers", "policies", "grants", "revoked", "defaultPrivileges", "extensions", "settings", "events",
			"partitions", "statistics", "rules", "publications");

	Change {
		keys = List.copyOf(keys);
	}

	/**
	 * For each key, whether it is an object's name (a table called {@code comment}) rather than an attribute (a
	 * table's {@code comment}): a key is a name when the key before it is a collection in attribute position.
	 */
	static boolean[] names(List<String> keys) {
		boolean[] names = new boolean[keys.size()];
		for (int i = 1; i < keys.size(); i++) {
			names[i] = !names[i - 1] && COLLECTIONS.contains(keys.get(i - 1));
		}
		return names;
	}

	/** The difference's path: the keys without the {@code schemas} level and the {@code tables} level after it. */
	static List<String> pathSegments(List<String> keys) {
		if (keys.isEmpty() || !keys.get(0).equals("schemas")) {
			return keys;
		}
		if (keys.size() >= 3 && keys.get(2).equals("tables")) {
			return Stream.concat(keys.subList(1, 2).stream(), keys.subList(3, keys.size()).stream())
				.toList();
		}
		return keys.subList(1, keys.size());
	}
}
