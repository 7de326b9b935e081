/**
 * The extension's machinery: configuration, templates and fresh databases, baseline checks, round trips and the
 * run report.
 *
 * <p>Status: Internal. May depend on: JUnit Jupiter API, the runtime.
 */
package dev.dbparity.junit.internal;
