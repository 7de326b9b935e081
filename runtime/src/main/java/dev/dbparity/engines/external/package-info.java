/**
 * The external provider: a server given by URL, on which dbparity creates its own uniquely named databases and
 * drops only those.
 */
package dev.dbparity.engines.external;
