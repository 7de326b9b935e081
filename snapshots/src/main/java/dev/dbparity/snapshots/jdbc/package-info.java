/**
 * Small JDBC helpers shared by the modules that read catalogs: one way to read a query's rows as text.
 *
 * <p>Status: Internal. May depend on: JDBC.
 */
package dev.dbparity.snapshots.jdbc;
