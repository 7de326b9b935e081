package dev.dbparity.seeding;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code SeedReport} is what {@link Seeder#seed} did, per table: rows loaded (generated and fixture rows), the time it
 * took, and the content hash recorded in {@code seed.lock.json}.
 *
 * @since 0.1
 */
public record SeedReport(Map<String, Long> rows, Map<String, Long> millis, Map<String, String> hashes) {

	public SeedReport {
		rows = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rows));
		millis = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(millis));
		hashes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(hashes));
	}

	public long totalRows() {
		return rows.values().stream().mapToLong(Long::longValue).sum();
	}
}
