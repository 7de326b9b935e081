/**
 * The schema diff: differences with paths, kinds and categories, renames matched by structure, ignore rules and
 * tolerances.
 *
 * <p>Status: API. May depend on: snapshots.json, .names, .sqltext, .encoding, .yaml.
 */
package dev.dbparity.snapshots.diff;
