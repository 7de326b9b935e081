/**
 * Benchmark entry points: each prints its figures next to its goal, side by side with the anchor or the limit
 * measured in the same run. Not part of the library; never timed assertions.
 *
 * <p>Status: Not part of the library. May depend on: the runtime, seeding, snapshots.
 */
package dev.dbparity.benchmarks;
