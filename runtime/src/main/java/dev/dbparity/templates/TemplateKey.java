package dev.dbparity.templates;
import dev.dbparity.engines.EngineKey;

/**
 * {@code TemplateKey} identifies one prepared template database: the engine, the migrations' checksum and the seed
 * rules' hash. Equal keys share a template, so equality is "same prepared database".
 *
 * <p>Internal: may change in any minor release.
 */
public record TemplateKey(EngineKey engine, String migrationsChecksum, String seedHash) {
}
