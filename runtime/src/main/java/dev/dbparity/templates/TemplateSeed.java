package dev.dbparity.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
 * <p>The rules are compiled only when something needs them compiled (seeding, a round trip): the template cache's
 * key is taken from {@link SeedRules#identify}, which reads the file's bytes without compiling them, so a template
 * restored from the cache never starts Datafaker. That is safe because the key covers everything compiling depends
 * on: the rules' content and fixture files (their hash), the profile, and the seeder's build; a cached template with
 * that key exists only if compiling those very bytes once succeeded and seeded it.
 *
 * <p>Internal: may change in any minor release.
 */
public final class TemplateSeed {

	private final String source;
	private final String hash;
	private final SeedOptions options;
	private final Supplier<SeedRules> compile;
	private SeedRules rules;

	/** A seed of rules already compiled. */
	public TemplateSeed(SeedRules rules, SeedOptions options) {
		this(rules.source(), rules.hash(), options, () -> rules);
		this.rules = rules;
	}

	private TemplateSeed(String source, String hash, SeedOptions options, Supplier<SeedRules> compile) {
		this.source = Objects.requireNonNull(source, "source");
		this.hash = Objects.requireNonNull(hash, "hash");
		this.options = Objects.requireNonNull(options, "options");
		this.compile = compile;
	}

	/**
	 * @param location the rules file as configured (classpath-style or {@code file:})
	 * @param names how the front end's users set the rules' location, for the advice when the file is missing
	 * @throws ParityConfigurationException for a missing rules file, or update mode on CI
	 */
	public static TemplateSeed load(String location, String profile, boolean updateLock, Optional<String> configuredKey,
			Map<String, String> environment, SettingNames names) {
		return load(location, profile, updateLock, configuredKey, environment, names, Optional.empty());
	}

	/**
	 * As {@link #load(String, String, boolean, Optional, Map, SettingNames)}, the rules' identity remembered in
	 * {@code memo} (a directory of the template cache), so that a warm start does not parse them at all.
	 */
	public static TemplateSeed load(String location, String profile, boolean updateLock, Optional<String> configuredKey,
			Map<String, String> environment, SettingNames names, Optional<Path> memo) {
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
		Optional<SeedRules.Identity> identity = SeedIdentities.identify(file, memo);
		TemplateSeed seed = identity.map(read -> new TemplateSeed(read.source(), read.hash(), options,
				() -> SeedRules.load(file))).orElseGet(() -> new TemplateSeed(SeedRules.load(file), options));
		Set<String> profiles = identity.map(SeedRules.Identity::profiles).orElseGet(() -> seed.rules().profiles()
			.keySet());
		if (!profile.equals(SeedOptions.defaults().profile()) && !profiles.contains(profile)) {
			// Checked here, before an engine starts, and named by its setting: the rules file is not where it was given.
			throw new ParityConfigurationException("Seed profile '" + profile + "' (configuration parameter "
					+ ConfigurationNames.SEED_PROFILE + ") is not defined in " + location + ", whose profiles "
					+ "are " + (profiles.isEmpty() ? "none but default" : new java.util.TreeSet<>(profiles)
							+ " and default")
					+ ". Fix: set " + ConfigurationNames.SEED_PROFILE + " to one of them, or add the profile to "
					+ "the rules, e.g. profiles: {" + profile + ": 10}.");
		}
		return seed;
	}

	/**
	 * The compiled rules, compiled on the first call.
	 *
	 * @throws dev.dbparity.seeding.SeedRulesException listing every problem of the rules
	 */
	public synchronized SeedRules rules() {
		if (rules == null) {
			rules = compile.get();
		}
		return rules;
	}

	/** How the rules are applied: profile, lock file, masking key, row limits. */
	public SeedOptions options() {
		return options;
	}

	/** The rules' file name, for messages and the report; known without compiling them. */
	public String source() {
		return source;
	}

	/**
	 * This seed with at most {@code rows} rows per table and in total, as
	 * {@value dev.dbparity.runtime.ConfigurationNames#SEED_MAX_ROWS} sets them, when given; the limits change no
	 * value, so the cache key stays.
	 */
	public TemplateSeed withMaxRows(Optional<Long> rows) {
		return rows.map(n -> new TemplateSeed(source, hash, options.withRowLimits(RowLimits.of(n)), this::rules))
			.orElse(this);
	}

	/** What distinguishes this seed's data from another's: the rules' hash and the profile. */
	public String cacheKey() {
		return hash + "@" + options.profile();
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
			return dev.dbparity.seeding.Seeder.seed(connection, rules(), options);
		}
		catch (SQLException e) {
			throw new ParityException("Could not seed from " + source + " (phase seed): " + e.getMessage(), e);
		}
	}
}
