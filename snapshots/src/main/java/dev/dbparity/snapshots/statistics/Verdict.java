package dev.dbparity.snapshots.statistics;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Verdict} is one metric of one table or column compared: where, which metric, the baseline's and the actual
 * value as reports print them, the measured distance and the bound it was held to.
 *
 * @param schema the schema key ({@code default} for MariaDB's current database)
 * @param table the table
 * @param column the column, or empty for a table's own metrics (row count, foreign keys)
 * @param detail what within the table the metric is about beyond the column, e.g. a foreign key; empty otherwise
 * @param metric the metric
 * @param outcome passed, failed, or not comparable
 * @param baseline the baseline's value, printed; {@code absent} when it has none
 * @param actual the actual value, printed; {@code absent} when it has none
 * @param distance the measured distance (0 for not comparable)
 * @param bound the bound the distance is held to
 * @since 0.1
 */
public record Verdict(String schema, String table, Optional<String> column, Optional<String> detail, Metric metric,
		Outcome outcome, String baseline, String actual, double distance, double bound) {

	/** What a verdict says. */
	public enum Outcome {
		PASSED, FAILED, NOT_COMPARABLE
	}

	public Verdict {
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
		Objects.requireNonNull(detail, "detail");
		Objects.requireNonNull(metric, "metric");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(baseline, "baseline");
		Objects.requireNonNull(actual, "actual");
	}

	/** {@code schema.table[.column][ detail]}, as reports print it. */
	public String path() {
		return schema + "." + table + column.map(name -> "." + name).orElse("") + detail.map(text -> " " + text)
			.orElse("");
	}

	public boolean failed() {
		return outcome == Outcome.FAILED;
	}

	@Override
	public String toString() {
		return path() + " " + metric.id() + ": " + outcome + " (baseline " + baseline + ", actual " + actual
				+ ", distance " + StatisticsComparison.format(distance) + ", bound " + StatisticsComparison.format(bound)
				+ ")";
	}
}
