package dev.dbparity.seeding.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.dbparity.seeding.mask.Mask;

/**
 * {@code FixturePlan} is rows read from a CSV or JSON file, to be masked per column and loaded into {@code table}.
 * Values are text ({@code Optional.empty()} for null) in the order of {@code columns}. May change in any minor release.
 */
public record FixturePlan(String table, String file, List<String> columns, Map<String, Mask> masks,
		List<List<Optional<String>>> rows) {

	public FixturePlan {
		columns = List.copyOf(columns);
		// Sorted, so that everything derived from it (the lock hash among others) is the same in every JVM.
		masks = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(masks));
		rows = List.copyOf(rows);
	}
}
