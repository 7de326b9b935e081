/**
 * The schema diff: differences with paths, kinds and categories, renames matched by structure, ignore rules and
 * tolerances.
 */
package dev.dbparity.snapshots.diff;
