package dev.dbparity.lint;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.dbparity.snapshots.diff.Category;

/**
 * {@code LintOptions} configures the lint of pending migrations.
 *
 * @param lockTimeout PostgreSQL's {@code lock_timeout} during the dry run: a statement waiting longer is a finding
 * @param statementTimeout PostgreSQL's {@code statement_timeout} during the dry run
 * @param failing the categories of schema differences that fail a migration unless its header allows them
 * @param compat the previous application version's queries, which must still run after each pending migration
 * @param rehearsal when given, the pending migrations are also rehearsed on data shaped like production
 * @since 0.1
 */
public record LintOptions(Duration lockTimeout, Duration statementTimeout, Set<Category> failing,
		CompatQueries compat, Optional<Rehearsal> rehearsal) {

	public LintOptions {
		Objects.requireNonNull(lockTimeout, "lockTimeout");
		Objects.requireNonNull(statementTimeout, "statementTimeout");
		Objects.requireNonNull(compat, "compat");
		Objects.requireNonNull(rehearsal, "rehearsal");
		failing = failing.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(failing));
	}

	/**
	 * Lock timeout 2 s, statement timeout 60 s, {@code DESTRUCTIVE} and {@code INCOMPATIBLE} fail, no compat queries, no
	 * rehearsal.
	 */
	public static LintOptions defaults() {
		return new LintOptions(Duration.ofSeconds(2), Duration.ofSeconds(60),
				EnumSet.of(Category.DESTRUCTIVE, Category.INCOMPATIBLE), CompatQueries.none(), Optional.empty());
	}

	public LintOptions withLockTimeout(Duration timeout) {
		return new LintOptions(timeout, statementTimeout, failing, compat, rehearsal);
	}

	public LintOptions withStatementTimeout(Duration timeout) {
		return new LintOptions(lockTimeout, timeout, failing, compat, rehearsal);
	}

	/** With {@code categories} failing a migration whose header does not allow them; empty fails none. */
	public LintOptions withFailing(Set<Category> categories) {
		return new LintOptions(lockTimeout, statementTimeout, categories, compat, rehearsal);
	}

	public LintOptions withCompat(CompatQueries queries) {
		return new LintOptions(lockTimeout, statementTimeout, failing, queries, rehearsal);
	}

	/**
	 * With the pending migrations rehearsed on data shaped like production, e.g.
	 * {@code withRehearsal(Rehearsal.defaults().withScale(0.01).withMaxLock(Duration.ofSeconds(2)))}. The baseline
	 * must have statistics: they give production's row counts.
	 */
	public LintOptions withRehearsal(Rehearsal rehearse) {
		return new LintOptions(lockTimeout, statementTimeout, failing, compat, Optional.of(rehearse));
	}
}
