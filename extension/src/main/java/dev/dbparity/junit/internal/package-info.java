/**
 * The extension's machinery: configuration, templates and fresh databases, baseline checks, round trips and the
 * run report. May change in any minor release; not API.
 */
package dev.dbparity.junit.internal;
