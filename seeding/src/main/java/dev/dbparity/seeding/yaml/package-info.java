/**
 * The seed-rules YAML reader, which keeps every node's file, line and column for error messages.
 */
package dev.dbparity.seeding.yaml;
