package dev.dbparity.seeding;

import java.util.Objects;

/**
 * {@code SeedProblem} is one mistake in seed rules: where it is (file, line, column, and the table or
 * {@code table.column} it concerns), what is wrong, and how to fix it.
 *
 * @param source the rules (or fixture) file
 * @param line 1-based
 * @param column 1-based
 * @param subject {@code table}, {@code table.column}, or {@code ""} for the file itself
 * @param message what is wrong
 * @param fix how to fix it, with an example where one helps
 * @since 0.1
 */
public record SeedProblem(String source, int line, int column, String subject, String message, String fix) {

	public SeedProblem {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(fix, "fix");
	}

	/** {@code seed.yaml:12:7: orders.status: weights sum to zero. Fix: …}. */
	@Override
	public String toString() {
		return source + ":" + line + ":" + column + ": " + (subject.isEmpty() ? "" : subject + ": ") + message
				+ ". Fix: " + fix;
	}
}
