/**
 * Schema snapshots and the types shared by every module; the tool's version.
 */
package dev.dbparity.snapshots;
