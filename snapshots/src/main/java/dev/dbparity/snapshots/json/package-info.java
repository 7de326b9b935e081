/**
 * Canonical JSON and YAML: the only package that configures Jackson, so the same snapshot always gives the same
 * bytes.
 */
package dev.dbparity.snapshots.json;
