package dev.dbparity.lint;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code LintFinding} is one thing the lint noticed about a pending migration, besides its schema differences.
 *
 * @param kind what was found
 * @param subject the table it concerns, e.g. {@code public.orders} (what statements cause on a table is one finding per
 *     kind and table, naming the statements), or else the statement or script, e.g. {@code V5__x.sql:3}
 * @param detail what it means, for people
 * @since 0.1
 */
public record LintFinding(Kind kind, String subject, String detail) {

	/**
	 * {@code Kind} is what a finding is about; {@link #code()} is its stable rule code, {@link #violation()} says whether
	 * the policy fails on it.
	 *
	 * <p>Codes never change meaning and are never reused: headers allow them ({@code -- dbparity:allow DP302 <reason>})
	 * and CI configurations filter on them. {@code DP1xx}: PostgreSQL's dry run; {@code DP2xx}: MariaDB's and MySQL's;
	 * {@code DP3xx}: any engine. README's lint section lists them.
	 */
	public enum Kind {

		/** PostgreSQL: a lock a statement takes on a table that existed before the migration. */
		LOCK("DP101", false),

		/** PostgreSQL: a table the migration rewrites (its {@code relfilenode} changed). */
		TABLE_REWRITE("DP102", false),

		/** PostgreSQL: {@code CREATE INDEX} on an existing table without {@code CONCURRENTLY}. */
		INDEX_NOT_CONCURRENT("DP103", false),

		/**
		 * PostgreSQL: a statement that cannot run inside a transaction, such as {@code CREATE INDEX CONCURRENTLY}, which
		 * the dry run therefore skips; the migration runs statement by statement.
		 */
		OUTSIDE_TRANSACTION("DP104", false),

		/** PostgreSQL: a statement waited longer than the lock timeout. */
		LOCK_TIMEOUT("DP105", true),

		/** PostgreSQL: a statement ran longer than the statement timeout. */
		STATEMENT_TIMEOUT("DP106", true),

		/** MariaDB/MySQL: DDL commits implicitly, so the migration cannot be rolled back as a whole. */
		IMPLICIT_COMMIT("DP201", false),

		/** MariaDB/MySQL: an {@code ALTER} that cannot run with {@code ALGORITHM=INSTANT}. */
		NOT_INSTANT("DP202", false),

		/** MariaDB/MySQL: an {@code ALTER} that can run neither {@code INSTANT} nor {@code INPLACE, LOCK=NONE}. */
		NOT_ONLINE("DP203", false),

		/** A statement failed, so the migration cannot be applied at all. */
		STATEMENT_FAILED("DP301", true),

		/** A query of the previous application version ({@link CompatQueries}) no longer runs after the migration. */
		COMPAT_BROKEN("DP302", true),

		/**
		 * PostgreSQL: {@code 'now'}, {@code 'today'}, {@code 'tomorrow'} or {@code 'yesterday'} cast to a date/time type or
		 * as a date/time column's default, which PostgreSQL turns into the time the statement ran ({@link
		 * FrozenTimeLiterals}): a view's cutoff or a default that never moves.
		 */
		FROZEN_TIME("DP303", false),

		/**
		 * A rehearsal ({@link Rehearsal}) estimates that a statement blocks reads or writes of an existing table longer
		 * than {@link Rehearsal#maxLock()} at production's row count.
		 */
		LOCK_HOLD("DP304", true),

		/**
		 * A rehearsal's plan of a compat query changes from an index access to a full scan on a large table, or its
		 * estimated cost grows by more than {@link Rehearsal#planCostFactor()}.
		 */
		PLAN_REGRESSION("DP305", true),

		/** A rehearsal could not {@code EXPLAIN} a compat query, so its plan is not compared. */
		PLAN_UNAVAILABLE("DP306", false),

		/**
		 * A script whose statements do not run in one transaction (MariaDB and MySQL; PostgreSQL outside a transaction)
		 * that, interrupted after one of its statements, cannot simply be run again ({@code RetrySafety}): the retry
		 * fails, or reaches another schema or other rows than an uninterrupted run.
		 */
		NOT_RETRY_SAFE("DP307", true);

		private final String code;
		private final boolean violation;

		Kind(String code, boolean violation) {
			this.code = code;
			this.violation = violation;
		}

		/** {@code code} is the stable rule code, e.g. {@code DP101}. */
		public String code() {
			return code;
		}

		/** {@code byCode} is the kind with {@code code}, ignoring case. */
		public static Optional<Kind> byCode(String code) {
			return Arrays.stream(values()).filter(kind -> kind.code.equalsIgnoreCase(code)).findFirst();
		}

		/** {@code violation} is whether the policy fails a migration with this finding. */
		public boolean violation() {
			return violation;
		}
	}

	public LintFinding {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(detail, "detail");
	}

	@Override
	public String toString() {
		return kind.code() + " " + kind + " " + subject + ": " + detail;
	}
}
