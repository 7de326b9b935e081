/**
 * Names users type and the names that exist: which existing name a misspelt one most likely meant, so that an error
 * about a schema, table, column or key can list the real ones, closest first.
 *
 * <p>Status: Internal. May depend on: the JDK.
 */
package dev.dbparity.snapshots.names;
