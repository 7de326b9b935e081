/**
 * Seed rules suggested from a live schema and its statistics.
 */
package dev.dbparity.seeding.suggest;
