package dev.dbparity.snapshots.drift;

import java.util.Locale;
import java.util.Optional;

import dev.dbparity.snapshots.diff.Category;

/**
 * {@code Section} is a group of a {@link DriftMap}'s rows, in the order the map shows them: configuration first (what
 * differs between environments most often, and explains other rows), then the schema diff's categories in severity
 * order, then data statistics.
 *
 * @since 0.2
 */
public enum Section {

	/** Engine versions, settings, extensions and their versions, collations and character sets. */
	CONFIGURATION,
	DESTRUCTIVE,
	INCOMPATIBLE,
	INTEGRITY,
	PERFORMANCE,
	SECURITY,
	ADDITIVE,
	NAMING,
	COLUMN_ORDER,

	/** A data statistic outside its tolerance in some environment. */
	STATISTICS;

	/** The section of a schema difference's category. */
	public static Section of(Category category) {
		return valueOf(category.name());
	}

	/** The section named {@code name}, in any case. */
	public static Optional<Section> named(String name) {
		try {
			return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
