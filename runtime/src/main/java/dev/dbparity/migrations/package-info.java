/**
 * Migration folders of every supported format, their versions and directives, and the runners that apply them
 * forward and backward. No JUnit types.
 */
package dev.dbparity.migrations;
