/**
 * Compilation of seed rules against a live schema, FK-ordered plans, deterministic cell values and the per-engine
 * bulk loaders. May change in any minor release; not API.
 */
package dev.dbparity.seeding.internal;
