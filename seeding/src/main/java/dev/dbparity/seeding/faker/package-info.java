/**
 * Datafaker expressions behind dbparity's generators. The only package that imports Datafaker.
 *
 * <p>Status: Internal. May depend on: Datafaker.
 */
package dev.dbparity.seeding.faker;
