/**
 * Deterministic, masked seed data: the seed-rules model ({@link dev.dbparity.seeding.SeedRules}), the {@link
 * dev.dbparity.seeding.Seeder}, its options, report, problems and lock.
 *
 * <p>Status: API. May depend on: snapshots; seeding.internal, .mask.
 */
package dev.dbparity.seeding;
