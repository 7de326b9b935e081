/**
 * Migration folders of every supported format, their versions and directives, and the runners that apply them
 * forward and backward. No JUnit types.
 *
 * <p>Status: SPI (MigrationRunner) and API. May depend on: snapshots, dev.dbparity.runtime's exceptions.
 */
package dev.dbparity.migrations;
