package dev.dbparity.seeding;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import dev.dbparity.seeding.mask.MaskingKey;

/**
 * {@code SeedOptions} is how {@link Seeder#seed} runs.
 *
 * @param profile the scale profile of the rules ({@code default}: scale 1 unless the rules say otherwise)
 * @param maskingKey the key for fixture masking; {@link MaskingKey#fromEnvironment} reads {@code DBPARITY_MASKING_KEY}
 * @param lockMode what to do with the lock file
 * @param lockFile {@code seed.lock.json}; required unless {@code lockMode} is {@link LockMode#IGNORE}
 * @param progress receives one line per table
 * @since 0.1
 */
public record SeedOptions(String profile, MaskingKey maskingKey, LockMode lockMode, Optional<Path> lockFile,
		Consumer<String> progress) {

	public SeedOptions {
		Objects.requireNonNull(profile, "profile");
		Objects.requireNonNull(maskingKey, "maskingKey");
		Objects.requireNonNull(lockMode, "lockMode");
		Objects.requireNonNull(lockFile, "lockFile");
		Objects.requireNonNull(progress, "progress");
		if (lockMode != LockMode.IGNORE && lockFile.isEmpty()) {
			throw new IllegalArgumentException("lock mode " + lockMode + " needs a lock file, e.g. "
					+ "parity/seed.lock.json beside the rules");
		}
	}

	/** The default profile, the key from the environment, no lock file, no progress. */
	public static SeedOptions defaults() {
		return new SeedOptions("default", MaskingKey.fromEnvironment(System.getenv()), LockMode.IGNORE, Optional.empty(),
				line -> {
				});
	}

	/** These options with {@code seed.lock.json} at {@code lockFile}, used as {@code lockMode} says. */
	public SeedOptions withLock(LockMode lockMode, Path lockFile) {
		return new SeedOptions(profile, maskingKey, lockMode, Optional.of(lockFile), progress);
	}

	public SeedOptions withProfile(String profile) {
		return new SeedOptions(profile, maskingKey, lockMode, lockFile, progress);
	}

	public SeedOptions withMaskingKey(MaskingKey maskingKey) {
		return new SeedOptions(profile, maskingKey, lockMode, lockFile, progress);
	}
}
