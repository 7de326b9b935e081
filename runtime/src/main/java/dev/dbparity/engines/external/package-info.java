/**
 * The external provider: a server given by URL, on which dbparity creates its own uniquely named databases and
 * drops only those.
 *
 * <p>Status: Internal (found through the SPI). May depend on: dev.dbparity.engines, JDBC drivers.
 */
package dev.dbparity.engines.external;
