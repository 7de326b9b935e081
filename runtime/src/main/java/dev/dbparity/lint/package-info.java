/**
 * The lint of pending migrations: the classified diff each one makes and, per engine, a dry run that reports the
 * locks it takes, and a rehearsal on data shaped like production that times each statement and compares the previous
 * application version's query plans. No JUnit types.
 *
 * <p>Status: API. May depend on: engines, migrations, roundtrips (retry safety), snapshots, seeding (a rehearsal fills
 * its tables with rules suggested from the baseline's statistics).
 */
package dev.dbparity.lint;
