/**
 * Exact positions in SQL text for the readers that scan it without parsing: where quoted strings and identifiers end.
 *
 * <p>Status: Internal. May depend on: the JDK.
 *
 * @since 0.1
 */
package dev.dbparity.snapshots.sqltext;
