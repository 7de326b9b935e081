/**
 * Data statistics: per-engine collectors, privacy-aware capture of sensitive columns, shape and exact comparison
 * with tolerances, and their reports.
 */
package dev.dbparity.snapshots.statistics;
