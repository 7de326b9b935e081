/**
 * Baseline directories: the manifest, the snapshot files and their hashes, read and written.
 */
package dev.dbparity.snapshots.baseline;
