/**
 * Migrations run through Flyway's API; dbparity's undo scripts beside Flyway's. The only package that imports
 * Flyway.
 *
 * <p>Status: Internal (found through the SPI). May depend on: dev.dbparity.migrations, Flyway.
 */
package dev.dbparity.migrations.flyway;
