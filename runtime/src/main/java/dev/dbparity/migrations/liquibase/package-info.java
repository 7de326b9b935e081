/**
 * Migrations run through Liquibase's API: update and rollback by changeset position. The only package that
 * imports Liquibase.
 *
 * <p>Status: Internal (found through the SPI). May depend on: dev.dbparity.migrations, Liquibase.
 */
package dev.dbparity.migrations.liquibase;
