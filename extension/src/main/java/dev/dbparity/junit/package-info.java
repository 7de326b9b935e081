/**
 * The JUnit front end: {@code @ParityDatabase}, its configuration parameter names, the {@link
 * dev.dbparity.junit.ParityDb} handle and the package-private extension that stores every resource in JUnit's
 * store.
 *
 * <p>Status: API. May depend on: JUnit Jupiter API, the runtime.
 */
package dev.dbparity.junit;
