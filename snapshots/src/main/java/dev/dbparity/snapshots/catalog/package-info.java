/**
 * Per-engine catalog readers that turn a live database's catalog into a canonical schema snapshot.
 */
package dev.dbparity.snapshots.catalog;
