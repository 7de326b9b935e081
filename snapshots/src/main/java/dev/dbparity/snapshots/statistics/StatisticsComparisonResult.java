package dev.dbparity.snapshots.statistics;

import java.util.List;
import java.util.Objects;

/**
 * {@code StatisticsComparisonResult} is what {@link StatisticsComparison#compare} found: every verdict, passed, failed
 * or not comparable, in path order, with the two snapshots for reports that draw them.
 *
 * @param verdicts every metric compared, in path then metric order
 * @since 0.1
 */
public record StatisticsComparisonResult(StatisticsSnapshot baseline, StatisticsSnapshot actual, ComparisonMode mode,
		List<Verdict> verdicts) {

	public StatisticsComparisonResult {
		Objects.requireNonNull(baseline, "baseline");
		Objects.requireNonNull(actual, "actual");
		Objects.requireNonNull(mode, "mode");
		verdicts = List.copyOf(verdicts);
	}

	/** Whether no verdict failed: not-comparable tables and columns do not count. */
	public boolean isEmpty() {
		return failures().isEmpty();
	}

	public List<Verdict> failures() {
		return with(Verdict.Outcome.FAILED);
	}

	/** Tables and columns on one side only, and top values hashed on one side only. */
	public List<Verdict> notComparable() {
		return with(Verdict.Outcome.NOT_COMPARABLE);
	}

	public List<Verdict> passed() {
		return with(Verdict.Outcome.PASSED);
	}

	private List<Verdict> with(Verdict.Outcome outcome) {
		return verdicts.stream().filter(verdict -> verdict.outcome() == outcome).toList();
	}
}
