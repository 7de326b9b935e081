package dev.dbparity.seeding;

/**
 * {@code LockMode} is what {@link Seeder} does with {@code seed.lock.json}, which records per table the row count and a
 * hash of the generated values, so that a change of output (an edited rule, a Datafaker upgrade) is seen.
 *
 * <p>Callers decide the mode; dbparity's own callers refuse {@link #UPDATE} when {@code CI=true}, since a committed
 * update flag must never turn CI green.
 *
 * @since 0.1
 */
public enum LockMode {

	/** Fail (and write nothing) when the output differs from the lock, or when there is no lock file. */
	VERIFY,

	/** Write the lock file with this run's output. */
	UPDATE,

	/** Neither read nor write the lock file. */
	IGNORE
}
