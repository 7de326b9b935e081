package dev.dbparity.roundtrips;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.dbparity.migrations.MigrationVersion;

/**
 * {@code VersionResult} is the outcome of one migration's round trip: its verdict, and the text a front end shows for
 * it (a test's failure or abort message, a command's report line).
 *
 * @param version the migration's version
 * @param description the migration's description, such as {@code indexes and checks}
 * @param verdict whether the version round-trips
 * @param message for {@link Verdict#FAILED}, every finding together (with the version's notes at the end); for
 *            {@link Verdict#SKIPPED}, why the version was not round-tripped; empty for {@link Verdict#PASSED}
 * @param notes what was accepted or worked around on the way, such as a column order that an undo cannot restore; for
 *            a failed version they are also at the end of its message
 * @param cause the exception behind a failure, for its stack trace: the failing script's, or what stopped the check
 * @param elapsed the time the version's check took
 * @since 0.1
 */
public record VersionResult(MigrationVersion version, String description, Verdict verdict, String message,
		List<String> notes, Optional<Throwable> cause, Duration elapsed) {

	/** {@code Verdict} is what one version's round trip says about its migration. */
	public enum Verdict {
		/** The undo restores the schema and keeps the data, or the migration changes nothing and needs no undo. */
		PASSED,
		/** The undo does not restore what was there, is missing, or a script or its header fails. */
		FAILED,
		/**
		 * Not round-tripped: the migration is declared irreversible (it ran forward), or an earlier one fails forward,
		 * so that no database reaches it.
		 */
		SKIPPED
	}

	public VersionResult {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(verdict, "verdict");
		Objects.requireNonNull(message, "message");
		notes = List.copyOf(notes);
		Objects.requireNonNull(cause, "cause");
		Objects.requireNonNull(elapsed, "elapsed");
	}

	/** The version's name, as a test or a report line shows it: {@code V3 indexes and checks}. */
	public String name() {
		return name(version, description);
	}

	static String name(MigrationVersion version, String description) {
		return "V" + version + " " + description;
	}
}
