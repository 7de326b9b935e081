/**
 * The runtime's shared vocabulary: its exceptions, the names of its configuration parameters, where configured
 * locations resolve, and the run report. Depends on {@code snapshots} and {@code seeding} only; no JUnit or Spring
 * types, and nothing from the front ends above it.
 *
 * <p>Status: API for front ends. May depend on: every runtime package, snapshots, seeding.
 */
package dev.dbparity.runtime;
