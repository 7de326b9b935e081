/**
 * Template databases: a database migrated and seeded once per engine, migrations and seed rules, and the fresh
 * databases cloned from it for each test scope. Depends on {@code engines}, {@code migrations}, {@code seeding} and
 * {@code snapshots}; no JUnit types.
 *
 * <p>Status: Internal. May depend on: engines, migrations, seeding, snapshots.
 */
package dev.dbparity.templates;
