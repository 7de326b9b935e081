/**
 * Baseline directories: the manifest, the snapshot files and their hashes, read and written.
 *
 * <p>Status: API. May depend on: snapshots.json, .atomic, .statistics, .encoding.
 */
package dev.dbparity.snapshots.baseline;
