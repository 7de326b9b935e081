/**
 * The drift map: several environments' schemas (and data statistics, when they have them) side by side, one row per
 * object or setting that differs anywhere, one column per environment, each cell the value's variant; with its text,
 * Markdown, JSON and HTML renderings.
 *
 * <p>Status: API. May depend on: snapshots, snapshots.diff (its comparison and categories), .diff.report (the reports'
 * style and escaping), .statistics (comparison and tolerances), .json, .redaction. Never on JDBC: the map compares
 * snapshots that front ends captured or read.
 */
package dev.dbparity.snapshots.drift;
