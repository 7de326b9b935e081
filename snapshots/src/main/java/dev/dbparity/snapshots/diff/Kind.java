package dev.dbparity.snapshots.diff;

import java.util.Locale;

/**
 * {@code Kind} is how the actual side differs from the expected side at a path.
 *
 * @since 0.1
 */
public enum Kind {

	/** Present in actual only. */
	ADDED,

	/** Present in expected only. */
	REMOVED,

	/** Present on both sides with different values. */
	CHANGED;

	/** {@code added}, {@code removed} or {@code changed}, as reports and JSON print it. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}
