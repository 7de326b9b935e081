package dev.dbparity.snapshots.assertj;

import static dev.dbparity.snapshots.error.ShouldMatchBaseline.shouldMatchBaseline;

import java.util.Objects;

import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.statistics.ComparisonMode;
import dev.dbparity.snapshots.statistics.StatisticsComparison;
import dev.dbparity.snapshots.statistics.StatisticsComparisonResult;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;
import dev.dbparity.snapshots.statistics.StatisticsTextReport;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;

/**
 * {@code StatisticsSnapshotAssert} checks a statistics snapshot against a baseline's.
 *
 * <pre>{@code
 * assertThat(statistics).isComparableTo(baseline).within(StatisticsTolerances.load(tolerancesFile));
 * assertThat(statistics).isComparableTo(baseline).inMode(ComparisonMode.EXACT).withinDefaultTolerances();
 * assertThat(statistics).matchesShapeOf(baseline);          // shape mode, default tolerances, checked at once
 * }</pre>
 *
 * <p>AssertJ checks eagerly, and a tolerance given after a failed check could not take the failure back. So
 * {@link #isComparableTo} checks nothing: it returns a {@link PendingComparison}, and the check happens in its
 * {@link PendingComparison#within within(…)} or {@link PendingComparison#withinDefaultTolerances()}. A statement that
 * ends at {@code isComparableTo(…)} checks nothing, which {@link CheckReturnValue} lets tools such as Error Prone
 * report. Not final, so that soft assertions can proxy it.
 *
 * @since 0.1
 */
public class StatisticsSnapshotAssert extends AbstractAssert<StatisticsSnapshotAssert, StatisticsSnapshot> {

	/** How many failed metrics a failure message lists before "… and N more". */
	static final int MESSAGE_VERDICTS = 20;

	public StatisticsSnapshotAssert(StatisticsSnapshot actual) {
		super(actual, StatisticsSnapshotAssert.class);
	}

	/** Starts a comparison with {@code baseline}'s statistics; {@link PendingComparison#within} performs it. */
	@CheckReturnValue
	public PendingComparison isComparableTo(StatisticsSnapshot baseline) {
		return new PendingComparison(this, Objects.requireNonNull(baseline, "baseline"), "baseline statistics",
				ComparisonMode.SHAPE);
	}

	/**
	 * Starts a comparison with the statistics of a baseline directory; {@link PendingComparison#within} performs it.
	 *
	 * @throws IllegalArgumentException when the baseline has no {@code statistics.json}
	 */
	@CheckReturnValue
	public PendingComparison isComparableTo(Baseline baseline) {
		StatisticsSnapshot statistics = baseline.statistics().orElseThrow(() -> new IllegalArgumentException(
				"The baseline " + baseline.directory() + " has no " + Baseline.STATISTICS + ": capture one with "
						+ "`dbparity capture --statistics full` (or sample:10, catalog)."));
		return new PendingComparison(this, statistics, baseline.directory().toString(), ComparisonMode.SHAPE);
	}

	/** Verifies at once that the statistics have the shape of {@code baseline}'s, within the default tolerances. */
	public StatisticsSnapshotAssert matchesShapeOf(StatisticsSnapshot baseline) {
		return isComparableTo(baseline).withinDefaultTolerances();
	}

	StatisticsSnapshotAssert check(StatisticsSnapshot baseline, String label, ComparisonMode mode,
			StatisticsTolerances tolerances) {
		isNotNull();
		StatisticsComparisonResult result = StatisticsComparison.compare(baseline, actual, tolerances, mode);
		if (!result.isEmpty()) {
			throwAssertionError(shouldMatchBaseline(StatisticsTextReport.render(result, label, "actual statistics",
					MESSAGE_VERDICTS)));
		}
		return myself;
	}

	/**
	 * {@code PendingComparison} is a statistics comparison that has not run yet: choose the mode, then run it with
	 * {@link #within} or {@link #withinDefaultTolerances()}.
	 *
	 * @since 0.1
	 */
	public static final class PendingComparison {

		private final StatisticsSnapshotAssert owner;
		private final StatisticsSnapshot baseline;
		private final String label;
		private final ComparisonMode mode;

		PendingComparison(StatisticsSnapshotAssert owner, StatisticsSnapshot baseline, String label,
				ComparisonMode mode) {
			this.owner = owner;
			this.baseline = baseline;
			this.label = label;
			this.mode = mode;
		}

		/** The same comparison in {@code newMode} ({@link ComparisonMode#SHAPE} unless set). */
		@CheckReturnValue
		public PendingComparison inMode(ComparisonMode newMode) {
			return new PendingComparison(owner, baseline, label, Objects.requireNonNull(newMode, "mode"));
		}

		/**
		 * Performs the comparison: fails with the failed metrics when any exceeds its bound.
		 *
		 * @throws IllegalArgumentException in exact mode when either side was not captured in full mode
		 */
		public StatisticsSnapshotAssert within(StatisticsTolerances tolerances) {
			return owner.check(baseline, label, mode, Objects.requireNonNull(tolerances, "tolerances"));
		}

		/** Performs the comparison with {@link StatisticsTolerances#defaults()}. */
		public StatisticsSnapshotAssert withinDefaultTolerances() {
			return within(StatisticsTolerances.defaults());
		}
	}
}
