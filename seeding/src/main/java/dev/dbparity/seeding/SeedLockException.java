package dev.dbparity.seeding;

import java.util.List;

/**
 * {@code SeedLockException} is thrown in {@link LockMode#VERIFY} when the generated data differs from
 * {@code seed.lock.json}; the transaction is rolled back, so nothing stays written.
 *
 * @since 0.1
 */
public final class SeedLockException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<String> changedTables;

	public SeedLockException(String message, List<String> changedTables) {
		super(message);
		this.changedTables = List.copyOf(changedTables);
	}

	public List<String> changedTables() {
		return changedTables;
	}
}
