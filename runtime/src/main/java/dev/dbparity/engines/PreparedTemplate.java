package dev.dbparity.engines;

import java.util.Map;

import dev.dbparity.cache.TemplateCache;

/**
 * {@code PreparedTemplate} is a template database a {@link TemplateCaching} provider prepares while it starts an
 * engine: restored with the engine's data directory from the template cache, or built on the new engine and then kept
 * in the cache for later runs.
 *
 * <p>For implementors of {@link TemplateCaching}. Internal: may change in any minor release.
 */
public interface PreparedTemplate {

	/** The template's database name, the same in every run that has the same key. */
	String database();

	/**
	 * What shapes the template's content besides the engine itself (migrations' checksum, seed rules, their settings);
	 * the provider adds the engine's identity. No value may be a secret.
	 */
	Map<String, String> cacheKey();

	/**
	 * Creates {@link #database()} on {@code engine}, migrates and seeds it; drops it again if that fails.
	 *
	 * @return false when a migration or the seed rules failed: the template keeps the failure for whoever asks for it,
	 *     and the provider starts the engine without it (other templates may live on the same engine)
	 */
	boolean build(RunningEngine engine);

	/** How the template came to be on the engine, and how long that took. */
	void prepared(TemplateCache.Outcome outcome, long millis);
}
