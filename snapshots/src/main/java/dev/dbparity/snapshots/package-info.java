/**
 * Schema snapshots and the types shared by every module; the tool's version.
 *
 * <p>Status: API. May depend on: the JDK, JDBC.
 */
package dev.dbparity.snapshots;
