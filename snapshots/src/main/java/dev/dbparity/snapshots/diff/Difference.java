package dev.dbparity.snapshots.diff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code Difference} is one place where two schema snapshots disagree.
 *
 * @param keys the keys from the snapshot's root to the differing node
 * @param path {@code keys} as people read them, e.g. {@code public.orders.columns.total.type}
 * @param expected the baseline's value, absent when {@link Kind#ADDED}
 * @param actual the compared database's value, absent when {@link Kind#REMOVED}
 * @since 0.1
 */
public record Difference(List<String> keys, String path, Kind kind, Category category, Optional<JsonNode> expected,
		Optional<JsonNode> actual) {

	public Difference {
		keys = List.copyOf(keys);
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(category, "category");
		expected = expected.map(JsonNode::deepCopy);
		actual = actual.map(JsonNode::deepCopy);
	}
}
