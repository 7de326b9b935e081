/**
 * The lint of pending migrations: the classified diff each one makes and, per engine, a dry run that reports the
 * locks it takes. No JUnit types.
 */
package dev.dbparity.lint;
