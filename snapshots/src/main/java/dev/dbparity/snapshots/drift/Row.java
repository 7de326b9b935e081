package dev.dbparity.snapshots.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Row} is one object, setting or data statistic of a {@link DriftMap} that differs in some environment.
 *
 * @param section the group the row is shown in: its most severe schema category, or statistics
 * @param path where, as the diff reports print it ({@code public.orders.columns.total.type}, {@code engine.version}),
 *     or a statistic's table or column
 * @param metric the statistic's metric ({@code topValues}), empty for schema rows
 * @param cells one per environment, in the map's column order
 * @param variants what each variant stands for, by variant: the value of the first environment holding it, the
 *     reference first (a statistic within its tolerance shares the reference's variant, and its value)
 * @since 0.2
 */
public record Row(Section section, String path, Optional<String> metric, List<Cell> cells, List<String> variants) {

	public Row {
		Objects.requireNonNull(section, "section");
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(metric, "metric");
		cells = List.copyOf(cells);
		variants = List.copyOf(variants);
		int used = cells.stream().mapToInt(cell -> cell.variant() + 1).max().orElse(0);
		if (used != variants.size()) {
			throw new IllegalArgumentException(path + ": the cells hold " + used + " variants, but " + variants.size()
					+ " are described");
		}
	}

	/** The path, and the metric after it for a statistic, as reports print the row's name. */
	public String name() {
		return path + metric.map(name -> " " + name).orElse("");
	}
}
