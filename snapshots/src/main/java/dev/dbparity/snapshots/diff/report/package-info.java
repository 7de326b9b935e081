/**
 * Schema diff reports as text, Markdown, HTML and JSON.
 */
package dev.dbparity.snapshots.diff.report;
