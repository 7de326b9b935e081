package dev.dbparity.engines;

import dev.dbparity.cache.TemplateCache;

/**
 * {@code TemplateCaching} is what a {@link DatabaseEngineProvider} implements when it can keep prepared data
 * directories across runs (the embedded provider): it starts an engine with a template already on it, restored from
 * the cache when an intact entry has the same key, else built and stored.
 *
 * <p>For implementors. Internal: may change in any minor release.
 */
public interface TemplateCaching {

	/**
	 * Starts {@code spec} with {@code template}'s database on the engine, adopted by it (dropped when it closes); tells
	 * {@code template} whether it was restored or built.
	 *
	 * @throws dev.dbparity.runtime.ParityException when the server cannot be started, or what building the template
	 *     throws
	 */
	RunningEngine start(EngineSpec spec, PreparedTemplate template, TemplateCache cache);
}
