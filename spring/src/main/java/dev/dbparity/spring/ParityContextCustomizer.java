package dev.dbparity.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import dev.dbparity.junit.Engine;
import dev.dbparity.runtime.MigrationRunnerChoice;

/**
 * {@code ParityContextCustomizer} makes a Spring test's application context use dbparity's database: its
 * {@code DataSource} becomes a {@link ParityDataSource} that follows the current test's database; Spring Boot's
 * Flyway or Liquibase, whose migrations dbparity has applied to the template, is switched off for the context; and
 * {@code @AutoConfigureTestDatabase} (part of {@code @DataJpaTest} and {@code @JdbcTest}) no longer swaps in an
 * in-memory database.
 *
 * <p>Customizers are part of Spring's context cache key: two are equal when their engines are, so every
 * {@code @ParityDatabase} class with otherwise equal configuration shares one context, each with its own database.
 *
 * @param engine the annotation's engine, which decides the context's SQL dialect
 */
record ParityContextCustomizer(Engine engine) implements ContextCustomizer {

	static final String PROPERTY_SOURCE = "dbparity";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableEnvironment environment = context.getEnvironment();
		ClassLoader classLoader = Optional.ofNullable(context.getClassLoader())
			.orElse(ParityContextCustomizer.class.getClassLoader());
		Map<String, Object> overrides = new LinkedHashMap<>();
		overrides.put("spring.test.database.replace", "none");
		if (ApplicationMigrations.flywayEnabled(environment, classLoader)) {
			overrides.put(ApplicationMigrations.FLYWAY_ENABLED, "false");
		}
		else if (ApplicationMigrations.liquibaseEnabled(environment, classLoader)) {
			overrides.put(ApplicationMigrations.LIQUIBASE_ENABLED, "false");
		}
		// With the default engine, which dbparity's configuration may set where Spring cannot see it, Flyway's
		// {vendor} is expanded by the runtime for the engine each class runs on.
		Optional<MigrationRunnerChoice> migrations = ApplicationMigrations.of(environment,
				Optional.of(engine).filter(declared -> declared != Engine.DEFAULT).map(Engine::resolved), classLoader);
		ParityDataSource dataSource = new ParityDataSource(migrations);
		ContextOpening.current().map(opening -> opening.open(migrations)).or(ContextOpening::classDatabase)
			.ifPresent(dataSource::use);
		// Added when the context refreshes, after every customizer: Boot's own test annotations add their
		// properties (spring.test.database.replace from @AutoConfigureTestDatabase) first too.
		context.addBeanFactoryPostProcessor(new Overrides(environment, overrides));
		((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition(DataSourceReplacement.BEAN_NAME,
				new RootBeanDefinition(DataSourceReplacement.class, () -> new DataSourceReplacement(dataSource)));
	}

	/** Puts the overrides ahead of every other property source. */
	private record Overrides(ConfigurableEnvironment environment, Map<String, Object> overrides)
			implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, overrides));
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			// the registry phase did it
		}
	}
}
