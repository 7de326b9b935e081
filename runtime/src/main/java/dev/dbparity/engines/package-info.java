/**
 * Database engines behind one SPI ({@link dev.dbparity.engines.DatabaseEngineProvider}): running servers,
 * version pins and the per-engine SQL dialects. No JUnit types.
 *
 * <p>Status: SPI (DatabaseEngineProvider) and API. May depend on: snapshots, jOOQ (dialects), JDBC drivers,
 * dev.dbparity.runtime's exceptions.
 */
package dev.dbparity.engines;
