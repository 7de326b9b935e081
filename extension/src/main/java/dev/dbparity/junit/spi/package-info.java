/**
 * What another test framework implements so that {@code @ParityDatabase} serves its tests too: a
 * {@link dev.dbparity.junit.spi.ContextBinding}, found with {@link java.util.ServiceLoader} (dbparity-spring binds
 * Spring's application context).
 *
 * <p>Status: SPI. May depend on: JUnit Jupiter API, the runtime.
 */
package dev.dbparity.junit.spi;
