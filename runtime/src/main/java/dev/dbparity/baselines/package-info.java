/**
 * The checks of a live database against its committed baseline: schema and data statistics, with tolerances, the
 * engine-version rule and the update mode (refused on CI). No JUnit types.
 *
 * <p>Status: Internal. May depend on: engines, migrations, templates, snapshots.
 */
package dev.dbparity.baselines;
