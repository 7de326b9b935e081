package dev.dbparity.snapshots.diff;

/**
 * {@code Category} says what a schema difference means for the application and its data, most severe first.
 *
 * @since 0.1
 */
public enum Category {

	/** Data is lost: a dropped table or column, a narrowed type. */
	DESTRUCTIVE,

	/**
	 * The previous application version breaks: NOT NULL added, a default removed, a rename, a changed type, a function
	 * or procedure dropped.
	 */
	INCOMPATIBLE,

	/** Keys, foreign keys, unique, check and exclusion constraints. */
	INTEGRITY,

	/** Indexes. */
	PERFORMANCE,

	/** Grants, row-level security and its policies. */
	SECURITY,

	/** Engine version, settings, extensions and their versions. */
	CONFIGURATION,

	/**
	 * Something new that the previous application version does not see or still works with: a table, a nullable column,
	 * a view, a column default's new value.
	 */
	ADDITIVE,

	/** Names only: generated constraint and index names, comments. */
	NAMING,

	/** Only a column's position changed. */
	COLUMN_ORDER
}
