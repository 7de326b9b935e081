/**
 * Database engines behind one SPI ({@link dev.dbparity.engines.DatabaseEngineProvider}): running servers,
 * version pins and the per-engine SQL dialects. No JUnit types.
 */
package dev.dbparity.engines;
