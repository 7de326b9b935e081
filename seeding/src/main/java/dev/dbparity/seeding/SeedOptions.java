package dev.dbparity.seeding;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import dev.dbparity.seeding.mask.MaskingKey;

/**
 * {@code SeedOptions} is how {@link Seeder#seed} runs.
 *
 * @param profile the scale profile of the rules ({@code default}: scale 1 unless the rules say otherwise)
 * @param maskingKey the key for fixture masking; {@link MaskingKey#fromEnvironment} reads {@code DBPARITY_MASKING_KEY}
 * @param lockMode what to do with the lock file
 * @param lockFile {@code seed.lock.json}; required unless {@code lockMode} is {@link LockMode#IGNORE}
 * @param progress receives a line when the rules are checked (the estimated rows and the limits), one per table when
 *        it is loaded, and, for tables of more than 100,000 rows, one each tenth of the rows and at least every 5 s
 *        with the rate and the time left; called from the generating thread
 * @param onlyTables when given, the only tables loaded, named as the rules name them: the others are generated as far
 *        as references need them but not loaded, since they hold these rows already (from an earlier seed, say at an
 *        earlier migration version); needs {@link LockMode#IGNORE}, since the lock file records full seeds
 * @param rowLimits when given, the row limits, in place of the rules' {@code limits:} and of {@link RowLimits#DEFAULT}
 * @since 0.1
 */
public record SeedOptions(String profile, MaskingKey maskingKey, LockMode lockMode, Optional<Path> lockFile,
		Consumer<String> progress, Optional<Set<String>> onlyTables, Optional<RowLimits> rowLimits) {

	/** The lock's file name, beside the rules it locks. */
	public static final String LOCK_FILE = "seed.lock.json";

	public SeedOptions {
		Objects.requireNonNull(profile, "profile");
		Objects.requireNonNull(maskingKey, "maskingKey");
		Objects.requireNonNull(lockMode, "lockMode");
		Objects.requireNonNull(lockFile, "lockFile");
		Objects.requireNonNull(progress, "progress");
		Objects.requireNonNull(onlyTables, "onlyTables");
		Objects.requireNonNull(rowLimits, "rowLimits");
		if (lockMode != LockMode.IGNORE && lockFile.isEmpty()) {
			throw new IllegalArgumentException("lock mode " + lockMode + " needs a lock file, e.g. "
					+ "parity/seed.lock.json beside the rules");
		}
		onlyTables = onlyTables.<Set<String>>map(tables -> Collections.unmodifiableSortedSet(new TreeSet<>(tables)));
		if (lockMode != LockMode.IGNORE && onlyTables.isPresent()) {
			throw new IllegalArgumentException("seeding only the tables " + onlyTables.get() + " needs lock mode IGNORE, "
					+ "not " + lockMode + ": the lock file records what a full seed loads. Seed all tables to verify or "
					+ "update it");
		}
	}

	/** Options without row limits of their own. */
	public SeedOptions(String profile, MaskingKey maskingKey, LockMode lockMode, Optional<Path> lockFile,
			Consumer<String> progress, Optional<Set<String>> onlyTables) {
		this(profile, maskingKey, lockMode, lockFile, progress, onlyTables, Optional.empty());
	}

	/** Options that load every table. */
	public SeedOptions(String profile, MaskingKey maskingKey, LockMode lockMode, Optional<Path> lockFile,
			Consumer<String> progress) {
		this(profile, maskingKey, lockMode, lockFile, progress, Optional.empty());
	}

	/** The default profile, the key from the environment, no lock file, no progress. */
	public static SeedOptions defaults() {
		return new SeedOptions("default", MaskingKey.fromEnvironment(System.getenv()), LockMode.IGNORE, Optional.empty(),
				line -> {
				});
	}

	/** These options with {@code seed.lock.json} at {@code lockFile}, used as {@code lockMode} says. */
	public SeedOptions withLock(LockMode lockMode, Path lockFile) {
		return new SeedOptions(profile, maskingKey, lockMode, Optional.of(lockFile), progress, onlyTables, rowLimits);
	}

	public SeedOptions withProfile(String profile) {
		return new SeedOptions(profile, maskingKey, lockMode, lockFile, progress, onlyTables, rowLimits);
	}

	public SeedOptions withMaskingKey(MaskingKey maskingKey) {
		return new SeedOptions(profile, maskingKey, lockMode, lockFile, progress, onlyTables, rowLimits);
	}

	/** These options with {@code limits} in place of the rules' {@code limits:} and the defaults. */
	public SeedOptions withRowLimits(RowLimits limits) {
		return new SeedOptions(profile, maskingKey, lockMode, lockFile, progress, onlyTables, Optional.of(limits));
	}

	/** These options reporting progress to {@code progress}. */
	public SeedOptions withProgress(Consumer<String> progress) {
		return new SeedOptions(profile, maskingKey, lockMode, lockFile, progress, onlyTables, rowLimits);
	}

	/**
	 * These options loading only {@code tables}, named as the rules name them; the lock mode must be
	 * {@link LockMode#IGNORE}.
	 */
	public SeedOptions withOnlyTables(Set<String> tables) {
		return new SeedOptions(profile, maskingKey, lockMode, lockFile, progress, Optional.of(tables), rowLimits);
	}
}
