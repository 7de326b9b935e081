/**
 * The Testcontainers provider: pinned images (never {@code latest}) and the Docker check. The only package that
 * imports Testcontainers.
 *
 * <p>Status: Internal (found through the SPI). May depend on: dev.dbparity.engines, Testcontainers.
 */
package dev.dbparity.engines.testcontainers;
