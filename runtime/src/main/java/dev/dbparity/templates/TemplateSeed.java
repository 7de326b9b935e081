package dev.dbparity.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import dev.dbparity.runtime.ConfigurationNames;
import dev.dbparity.runtime.ParityConfigurationException;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.runtime.ResourceLocation;
import dev.dbparity.runtime.SettingNames;
import dev.dbparity.seeding.LockMode;
import dev.dbparity.seeding.RowLimits;
import dev.dbparity.seeding.SeedOptions;
import dev.dbparity.seeding.SeedReport;
import dev.dbparity.seeding.SeedRules;
import dev.dbparity.seeding.mask.MaskingKey;
import dev.dbparity.snapshots.baseline.UpdatesOnCi;

/**
 * {@code TemplateSeed} is the seeding step of a template: the rules, the profile and how the lock file is treated. A
 * template is seeded once; every database cloned from it starts with the same rows.
 *
 * <p>The lock file {@code seed.lock.json} beside the rules is verified when it exists; update mode
 * ({@code dbparity.seed.lock.update=true}) rewrites it and is refused when {@code CI=true}, as for baselines.
 *
 * <p>Internal: may change in any minor release.
 */
public record TemplateSeed(SeedRules rules, SeedOptions options) {

	public TemplateSeed {
		Objects.requireNonNull(rules, "rules");
		Objects.requireNonNull(options, "options");
	}

	/**
	 * @param location the rules file as configured (classpath-style or {@code file:})
	 * @param names how the front end's users set the rules' location, for the advice when the file is missing
	 * @throws ParityConfigurationException for a missing rules file, or update mode on CI
	 */
	public static TemplateSeed load(String location, String profile, boolean updateLock, Optional<String> configuredKey,
			Map<String, String> environment, SettingNames names) {
		Path file = ResourceLocation.resolve(location);
		if (!Files.isRegularFile(file)) {
			throw new ParityConfigurationException("Seed rules " + location + " were not found (looked for " + file
					.toAbsolutePath() + "). Create the file, or fix " + names.of(ConfigurationNames.SEED) + ".");
		}
		if (updateLock) {
			UpdatesOnCi.refuse(environment, ConfigurationNames.SEED_LOCK_UPDATE + "=true",
					file.resolveSibling(SeedOptions.LOCK_FILE),
					"-D" + ConfigurationNames.SEED_LOCK_UPDATE + "=true", "", ParityConfigurationException::new);
		}
		Path lock = file.resolveSibling(SeedOptions.LOCK_FILE);
		LockMode mode = updateLock ? LockMode.UPDATE : Files.exists(lock) ? LockMode.VERIFY : LockMode.IGNORE;
		MaskingKey key = configuredKey.map(MaskingKey::of).orElseGet(() -> MaskingKey.fromEnvironment(environment));
		SeedOptions options = SeedOptions.defaults().withProfile(profile).withMaskingKey(key).withLock(mode, lock);
		SeedRules rules = SeedRules.load(file);
		if (!profile.equals(SeedOptions.defaults().profile()) && !rules.profiles().containsKey(profile)) {
			// Checked here, before an engine starts, and named by its setting: the rules file is not where it was given.
			throw new ParityConfigurationException("Seed profile '" + profile + "' (configuration parameter "
					+ ConfigurationNames.SEED_PROFILE + ") is not defined in " + location + ", whose profiles "
					+ "are " + (rules.profiles().isEmpty() ? "none but default" : rules.profiles().keySet() + " and default")
					+ ". Fix: set " + ConfigurationNames.SEED_PROFILE + " to one of them, or add the profile to "
					+ "the rules, e.g. profiles: {" + profile + ": 10}.");
		}
		return new TemplateSeed(rules, options);
	}

	/**
	 * This seed with at most {@code rows} rows per table and in total, as
	 * {@value dev.dbparity.runtime.ConfigurationNames#SEED_MAX_ROWS} sets them, when given; the limits change no
	 * value, so the cache key stays.
	 */
	public TemplateSeed withMaxRows(Optional<Long> rows) {
		return rows.map(n -> new TemplateSeed(rules, options.withRowLimits(RowLimits.of(n)))).orElse(this);
	}

	/** What distinguishes this seed's data from another's: the rules' hash and the profile. */
	public String cacheKey() {
		return rules.hash() + "@" + options.profile();
	}

	/**
	 * What shapes this seed's rows, for the template cache: the rules' hash and profile, the lock file's content (a
	 * verified lock must have been verified against the same file), the masking key by digest only, the row limits and
	 * the seeder's build. Empty in update mode, whose lock file must be written by seeding: such a template is not
	 * cached.
	 */
	public Optional<Map<String, String>> cacheParts() {
		if (options.lockMode() == LockMode.UPDATE) {
			return Optional.empty();
		}
		Map<String, String> parts = new java.util.TreeMap<>();
		parts.put("seed", cacheKey());
		parts.put("seed.lock", options.lockMode() + ":" + options.lockFile().filter(Files::isRegularFile).map(lock -> {
			try {
				return dev.dbparity.cache.CacheKey.digest(Files.readAllBytes(lock));
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException("Could not read " + lock + ": " + e.getMessage(), e);
			}
		}).orElse("none"));
		parts.put("seed.masking-key", dev.dbparity.cache.CacheKey.digest(options.maskingKey().bytes()));
		parts.put("seed.limits", options.rowLimits().map(Object::toString).orElse("rules"));
		parts.put("seed.code", dev.dbparity.cache.CodeIdentity.of(dev.dbparity.seeding.Seeder.class));
		return Optional.of(parts);
	}

	SeedReport apply(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return dev.dbparity.seeding.Seeder.seed(connection, rules, options);
		}
		catch (SQLException e) {
			throw new ParityException("Could not seed from " + rules.source() + " (phase seed): " + e.getMessage(), e);
		}
	}
}
