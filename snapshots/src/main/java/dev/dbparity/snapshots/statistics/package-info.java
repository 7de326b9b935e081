/**
 * Data statistics: per-engine collectors, privacy-aware capture of sensitive columns, shape and exact comparison
 * with tolerances, and their reports.
 *
 * <p>Status: API. May depend on: JDBC, snapshots.json, .names, .encoding, .yaml.
 */
package dev.dbparity.snapshots.statistics;
