/**
 * How versions are ordered, once for every module: migration versions, the versions seed rules name, server versions
 * against their pins.
 *
 * <p>Status: Internal. May depend on: the JDK.
 */
package dev.dbparity.snapshots.versions;
