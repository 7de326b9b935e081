/**
 * The seed-rules YAML reader, which keeps every node's file, line and column for error messages.
 *
 * <p>Status: Internal. May depend on: Jackson, snapshots.encoding.
 */
package dev.dbparity.seeding.yaml;
