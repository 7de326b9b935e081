/**
 * Keyed, deterministic masking of fixture values: the same input gives the same pseudonym in every table and run,
 * so joins survive.
 *
 * <p>Status: API. May depend on: the JDK (HMAC).
 */
package dev.dbparity.seeding.mask;
