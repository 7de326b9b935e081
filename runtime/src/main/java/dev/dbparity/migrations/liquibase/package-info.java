/**
 * Migrations run through Liquibase's API: update and rollback by changeset position. The only package that
 * imports Liquibase.
 */
package dev.dbparity.migrations.liquibase;
