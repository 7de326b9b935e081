/**
 * Redaction of credentials from what dbparity shows: passwords in JDBC URLs (user-info and password parameters, in every
 * spelling the supported drivers accept) and known password values that a driver echoes in its messages. Every front
 * end (the JUnit extension, the command line) passes URLs and driver messages through it before printing them.
 *
 * <p>Status: Internal. May depend on: the JDK.
 */
package dev.dbparity.snapshots.redaction;
