package dev.dbparity.snapshots.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldMatchBaseline} builds the failure message of a schema that differs from its baseline: the text report,
 * which starts with the counts per category and lists the first differences. Every schema mismatch dbparity reports
 * — an AssertJ assertion, the baseline check of a test database, a round trip — is worded by
 * {@link dev.dbparity.snapshots.diff.report.TextReport#failure}.
 *
 * @since 0.1
 */
public final class ShouldMatchBaseline extends BasicErrorMessageFactory {

	private ShouldMatchBaseline(String report) {
		// The report is an argument, not the format: it may contain '%'.
		super("%n%s", new RawText(report));
	}

	public static ErrorMessageFactory shouldMatchBaseline(String report) {
		return new ShouldMatchBaseline(report);
	}

	/** Printed as it is: AssertJ would otherwise quote a plain String argument. */
	private record RawText(String text) {

		@Override
		public String toString() {
			return text;
		}
	}
}
