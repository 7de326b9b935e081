/**
 * Migrations run through Flyway's API; dbparity's undo scripts beside Flyway's. The only package that imports
 * Flyway.
 */
package dev.dbparity.migrations.flyway;
