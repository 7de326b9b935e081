/**
 * The JUnit front end: {@code @ParityDatabase}, its configuration parameter names, the {@link
 * dev.dbparity.junit.ParityDb} handle and the package-private extension that stores every resource in JUnit's
 * store.
 */
package dev.dbparity.junit;
