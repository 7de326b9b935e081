/**
 * The bad-input catalogue's test support, shared by every module's tests through the snapshots test jar: the three
 * marks of an error message, file trees that show nothing was written, and the check that keeps each module's
 * {@code BAD-INPUTS.md} and its tests in step.
 */
package dev.dbparity.badinput;
