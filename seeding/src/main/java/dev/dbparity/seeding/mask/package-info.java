/**
 * Keyed, deterministic masking of fixture values: the same input gives the same pseudonym in every table and run,
 * so joins survive.
 */
package dev.dbparity.seeding.mask;
