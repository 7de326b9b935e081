package dev.dbparity.snapshots.diff;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SchemaDiffResult} is what {@link SchemaDiff#compare} found: the differences that count and those that
 * {@link IgnoreRules} set aside, each list sorted by path.
 *
 * @param differences the differences that count
 * @param ignored the differences an ignore glob matched, kept for reports
 * @since 0.1
 */
public record SchemaDiffResult(List<Difference> differences, List<Difference> ignored) {

	public SchemaDiffResult {
		differences = List.copyOf(differences);
		ignored = List.copyOf(ignored);
	}

	/** Whether no difference counts; ignored ones may exist. */
	public boolean isEmpty() {
		return differences.isEmpty();
	}

	/** How many counted differences each category has, in {@link Category} (severity) order; zero counts left out. */
	public Map<Category, Long> countsByCategory() {
		Map<Category, Long> counts = new EnumMap<>(Category.class);
		for (Difference difference : differences) {
			counts.merge(difference.category(), 1L, Long::sum);
		}
		return Collections.unmodifiableMap(counts);
	}
}
