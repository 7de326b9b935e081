/**
 * The {@code dbparity} command line (picocli): capture, diff, verify, lint, roundtrip, seed and rules, with their
 * shared options, connections and report output.
 */
package dev.dbparity.cli;
