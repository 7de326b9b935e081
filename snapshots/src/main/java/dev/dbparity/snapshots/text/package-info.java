/**
 * Reading the text files users give dbparity (migrations, fixtures): strictly as UTF-8, so that a byte that is not
 * UTF-8 is reported at its line, column and byte offset instead of becoming U+FFFD in the database.
 */
package dev.dbparity.snapshots.text;
