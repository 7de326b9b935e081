/**
 * Datafaker expressions behind dbparity's generators. The only package that imports Datafaker.
 */
package dev.dbparity.seeding.faker;
