/**
 * The template cache: prepared data directories of embedded engines (an initialised empty cluster per engine version,
 * and migrated, seeded templates) kept across runs under a key of everything that shapes them, shared by concurrent
 * JVMs under file locks, written atomically and checked against checksums when restored.
 *
 * <p>Status: Internal. May depend on: the JDK and {@code dev.dbparity.runtime}'s exceptions; no engine library, no
 * JUnit.
 */
package dev.dbparity.cache;
