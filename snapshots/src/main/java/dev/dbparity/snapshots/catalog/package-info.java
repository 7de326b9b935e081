/**
 * Per-engine catalog readers that turn a live database's catalog into a canonical schema snapshot.
 *
 * <p>Status: API. May depend on: JDBC, snapshots.json, .sqltext.
 */
package dev.dbparity.snapshots.catalog;
