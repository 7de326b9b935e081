/**
 * Migration round trips: each version's up, down and up again on a real engine, with the schema and the rows compared
 * at every step, and the rows that make the data checks meaningful; the retry safety of scripts that do not run in one
 * transaction ({@link dev.dbparity.roundtrips.RetrySafety}). No JUnit types.
 *
 * <p>Status: API for front ends (results); the rest internal. May depend on: engines, migrations, templates, seeding,
 * snapshots, lint (the rule code a header allows).
 */
package dev.dbparity.roundtrips;
