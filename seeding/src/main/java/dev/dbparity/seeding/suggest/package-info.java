/**
 * Seed rules suggested from a live schema and its statistics.
 *
 * <p>Status: API. May depend on: snapshots, seeding.
 */
package dev.dbparity.seeding.suggest;
