package dev.dbparity.lint;

import java.util.Objects;

/**
 * {@code LintFinding} is one thing the lint noticed about a pending migration, besides its schema differences.
 *
 * @param kind what was found
 * @param subject the table or statement it concerns, e.g. {@code public.orders} or {@code V5__x.sql:3}
 * @param detail what it means, for people
 * @since 0.1
 */
public record LintFinding(Kind kind, String subject, String detail) {

	/** {@code Kind} is what a finding is about; {@link #violation()} says whether the default policy fails on it. */
	public enum Kind {

		/** PostgreSQL: a lock a statement takes on a table that existed before the migration. */
		LOCK(false),

		/** PostgreSQL: a table the migration rewrites (its {@code relfilenode} changed). */
		TABLE_REWRITE(false),

		/** PostgreSQL: {@code CREATE INDEX} on an existing table without {@code CONCURRENTLY}. */
		INDEX_NOT_CONCURRENT(false),

		/**
		 * PostgreSQL: a statement that cannot run inside a transaction, such as {@code CREATE INDEX CONCURRENTLY}, which
		 * the dry run therefore skips; the migration runs statement by statement.
		 */
		OUTSIDE_TRANSACTION(false),

		/** PostgreSQL: a statement waited longer than the lock timeout. */
		LOCK_TIMEOUT(true),

		/** PostgreSQL: a statement ran longer than the statement timeout. */
		STATEMENT_TIMEOUT(true),

		/** MariaDB/MySQL: DDL commits implicitly, so the migration cannot be rolled back as a whole. */
		IMPLICIT_COMMIT(false),

		/** MariaDB/MySQL: an {@code ALTER} that cannot run with {@code ALGORITHM=INSTANT}. */
		NOT_INSTANT(false),

		/** MariaDB/MySQL: an {@code ALTER} that can run neither {@code INSTANT} nor {@code INPLACE, LOCK=NONE}. */
		NOT_ONLINE(false),

		/** A statement failed, so the migration cannot be applied at all. */
		STATEMENT_FAILED(true),

		/** A query of the previous application version ({@link CompatQueries}) no longer runs after the migration. */
		COMPAT_BROKEN(true);

		private final boolean violation;

		Kind(boolean violation) {
			this.violation = violation;
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
		return kind + " " + subject + ": " + detail;
	}
}
