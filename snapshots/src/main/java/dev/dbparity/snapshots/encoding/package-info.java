/**
 * Strict decoding of the files users write (migrations, seed rules, fixtures, compat queries): UTF-8 or an error at
 * the file, line, column and byte offset of the first invalid byte, never a silent U+FFFD in the test data.
 *
 * <p>Status: Internal. May depend on: the JDK.
 *
 * @since 0.1
 */
package dev.dbparity.snapshots.encoding;
