/**
 * The Testcontainers provider: pinned images (never {@code latest}) and the Docker check. The only package that
 * imports Testcontainers.
 */
package dev.dbparity.engines.testcontainers;
