package dev.dbparity.migrations;

/**
 * {@code MigrationGaps} says what a gap in a migration folder's numbering ({@code V4} after {@code V2}) does: a
 * migration deleted or renumbered after production ran it makes fresh databases differ from production, but some
 * teams leave holes on purpose.
 *
 * <p>Internal: may change in any minor release.
 */
public enum MigrationGaps {

	/** A warning is printed once per folder. */
	WARN,

	/** The database cannot be opened: the error names the gap and how to allow it. */
	FAIL,

	/** Gaps are not mentioned. */
	ALLOW
}
