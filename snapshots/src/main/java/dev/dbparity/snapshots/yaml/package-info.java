/**
 * Located YAML: the files users write by hand (seed rules, tolerances, sensitive columns) read into nodes that keep the
 * file, line and column of every key and value, so that each error about them can say where it is. Jackson parses
 * the YAML; the reader only builds the tree with positions, refusing invalid UTF-8 and repeated keys.
 *
 * <p>Status: Internal. May depend on: Jackson, snapshots.json (the configured YAML parser), snapshots.encoding.
 */
package dev.dbparity.snapshots.yaml;
