/**
 * The lint of pending migrations: the classified diff each one makes and, per engine, a dry run that reports the
 * locks it takes. No JUnit types.
 *
 * <p>Status: API. May depend on: engines, migrations, roundtrips (retry safety), snapshots.
 */
package dev.dbparity.lint;
