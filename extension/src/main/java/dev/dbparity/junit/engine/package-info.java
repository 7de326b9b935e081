/**
 * Database engines behind one SPI ({@link dev.dbparity.junit.engine.DatabaseEngineProvider}): running servers,
 * version pins and the per-engine SQL dialects. No JUnit types.
 */
package dev.dbparity.junit.engine;
