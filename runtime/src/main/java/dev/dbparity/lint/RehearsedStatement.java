package dev.dbparity.lint;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code RehearsedStatement} is one statement of a pending migration as a rehearsal ran it on data shaped like
 * production.
 *
 * @param location the statement's {@code file:line}
 * @param statement the statement, abbreviated
 * @param table the existing table it works on, e.g. {@code public.orders}; empty when it works on none
 * @param lock the lock it holds, e.g. {@code AccessExclusiveLock} or {@code ALGORITHM=COPY}; empty when none on a table
 * @param lockSource how the lock was found, e.g. {@code pg_locks} or {@code derived from the statement kind}
 * @param blocks what the lock blocks while the statement runs: {@code reads and writes}, {@code writes} or
 *     {@code nothing}
 * @param rewrote whether it rewrote the table; empty when that cannot be told
 * @param measuredMillis the time it took in the rehearsal
 * @param rehearsalRows the table's rows in the rehearsal
 * @param productionRows the table's rows in production, from the baseline's statistics
 * @param estimatedMillis the time extrapolated to production's rows: an estimate, linear in the rows
 * @param holdMillis how long, estimated at production's rows, the table is blocked because of this statement (until
 *     the end of its transaction when the migration runs in one)
 * @since 0.1
 */
public record RehearsedStatement(String location, String statement, Optional<String> table, Optional<String> lock,
		String lockSource, String blocks, Optional<Boolean> rewrote, long measuredMillis, long rehearsalRows,
		long productionRows, long estimatedMillis, long holdMillis) {

	public RehearsedStatement {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(statement, "statement");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(lock, "lock");
		Objects.requireNonNull(lockSource, "lockSource");
		Objects.requireNonNull(blocks, "blocks");
		Objects.requireNonNull(rewrote, "rewrote");
	}

	/** {@code blocksTable} is whether the statement's lock blocks reads or writes of its table. */
	public boolean blocksTable() {
		return table.isPresent() && !"nothing".equals(blocks);
	}
}
