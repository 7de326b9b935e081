/**
 * Small text helpers shared by the readers of hand-written files: the closest of a set of names, for "did you mean"
 * hints in error messages.
 *
 * @since 0.1
 */
package dev.dbparity.snapshots.text;
