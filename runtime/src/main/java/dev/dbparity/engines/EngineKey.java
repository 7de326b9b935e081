package dev.dbparity.engines;

/**
 * {@code EngineKey} identifies one running engine per JVM: the provider that starts it and what it starts.
 *
 * <p>Internal: may change in any minor release.
 */
public record EngineKey(String providerId, EngineSpec spec) {
}
