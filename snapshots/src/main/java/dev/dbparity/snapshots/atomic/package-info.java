/**
 * Atomic, durable replacement of the files dbparity commits to a repository — a baseline directory, a single file
 * such as {@code seed.lock.json} — so that a process killed at any instant leaves the complete old or the complete new
 * content, and the next read or write repairs what an interrupted write left behind.
 *
 * <p>Status: Internal. May depend on: the JDK.
 *
 * @since 0.1
 */
package dev.dbparity.snapshots.atomic;
