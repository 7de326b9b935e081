package dev.dbparity.snapshots.diff;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code Difference} is one place where two schema snapshots disagree.
 *
 * @param keys the keys from the snapshot's root to the differing node
 * @param path {@code keys} as people read them, e.g. {@code public.orders.columns.total.type}
 * @param category the most severe of {@code categories}
 * @param expected the baseline's value, absent when {@link Kind#ADDED}
 * @param actual the compared database's value, absent when {@link Kind#REMOVED}
 * @param categories every category the difference has, most severe first: a dropped primary key is
 *     {@link Category#INTEGRITY} and {@link Category#PERFORMANCE} (its index is gone)
 * @param note why the category is what it is when the two schemas alone cannot tell (a possible rename), else empty
 * @since 0.1
 */
public record Difference(List<String> keys, String path, Kind kind, Category category, Optional<JsonNode> expected,
		Optional<JsonNode> actual, List<Category> categories, Optional<String> note) {

	/**
	 * @throws IllegalArgumentException when {@code category} is not the most severe of {@code categories}
	 */
	public Difference {
		keys = List.copyOf(keys);
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(note, "note");
		expected = expected.map(JsonNode::deepCopy);
		actual = actual.map(JsonNode::deepCopy);
		EnumSet<Category> all = EnumSet.of(category);
		all.addAll(categories);
		if (all.iterator().next() != category) {
			throw new IllegalArgumentException("category " + category + " of " + path + " is not the most severe of "
					+ all + ": pass " + all.iterator().next() + " as the category");
		}
		categories = List.copyOf(all);
	}

	/** A difference with one category and no note. */
	public Difference(List<String> keys, String path, Kind kind, Category category, Optional<JsonNode> expected,
			Optional<JsonNode> actual) {
		this(keys, path, kind, category, expected, actual, List.of(category), Optional.empty());
	}
}
