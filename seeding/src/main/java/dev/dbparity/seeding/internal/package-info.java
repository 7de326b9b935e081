/**
 * Compilation of seed rules against a live schema, FK-ordered plans, deterministic cell values and the per-engine
 * bulk loaders.
 *
 * <p>Status: Internal. May depend on: snapshots (its located YAML reader among them), JDBC, seeding.faker, .mask.
 */
package dev.dbparity.seeding.internal;
