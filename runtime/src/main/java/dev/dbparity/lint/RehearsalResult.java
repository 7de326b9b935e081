package dev.dbparity.lint;

import java.util.List;
import java.util.Objects;

/**
 * {@code RehearsalResult} is what a rehearsal measured for one pending migration.
 *
 * @param scale how the rehearsal's data was sized, e.g. {@code scale 0.01 of production's rows} or
 *     {@code 100000 rows in public.orders, production's largest table (scale 0.0125)}
 * @param statements each statement as it ran, in order
 * @param plansCompared how many compat queries were explained before and after the migration
 * @param notes what the rehearsal could not do, e.g. a statement it stopped at
 * @since 0.1
 */
public record RehearsalResult(String scale, List<RehearsedStatement> statements, int plansCompared,
		List<String> notes) {

	public RehearsalResult {
		Objects.requireNonNull(scale, "scale");
		statements = List.copyOf(statements);
		notes = List.copyOf(notes);
	}
}
