/**
 * The {@code dbparity} command line (picocli): capture, diff, verify, map, lint, roundtrip, seed and rules, with their
 * shared options, connections and report output.
 *
 * <p>Status: Internal (the commands, options and exit codes are the interface). May depend on: picocli, the runtime,
 * seeding, snapshots.
 */
package dev.dbparity.cli;
