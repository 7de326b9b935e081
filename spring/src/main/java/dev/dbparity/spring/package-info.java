/**
 * The Spring front end: {@code @ParityDatabase} on a {@code @SpringBootTest}, {@code @DataJpaTest} or
 * {@code @JdbcTest} class makes the application context's {@code DataSource} the class's fresh database. A context
 * customizer (registered in {@code META-INF/spring.factories}) replaces the context's DataSource with one that follows
 * the current test's database, and reads how the application migrates (Spring Boot's Flyway or Liquibase) so that the
 * template is migrated by that tool once; a {@link dev.dbparity.junit.spi.ContextBinding} ties the JUnit extension's
 * databases to the context.
 *
 * <p>Status: internal, except what {@code META-INF} registers. May depend on: Spring Framework, Spring Boot, JUnit
 * Jupiter API, the extension, the runtime.
 */
package dev.dbparity.spring;
