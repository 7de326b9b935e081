/**
 * Schema diff reports as text, Markdown, HTML and JSON.
 *
 * <p>Status: API. May depend on: snapshots.diff, .json.
 */
package dev.dbparity.snapshots.diff.report;
