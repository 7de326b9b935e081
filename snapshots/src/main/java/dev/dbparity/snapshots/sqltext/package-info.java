/**
 * Exact positions in SQL text for the readers that scan it without parsing: where quoted strings and identifiers end.
 *
 * @since 0.1
 */
package dev.dbparity.snapshots.sqltext;
