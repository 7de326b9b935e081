/**
 * Canonical JSON and YAML: the only package that configures Jackson, so the same snapshot always gives the same
 * bytes.
 *
 * <p>Status: Internal. May depend on: Jackson (the only package that configures it).
 */
package dev.dbparity.snapshots.json;
