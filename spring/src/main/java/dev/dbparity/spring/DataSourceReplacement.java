package dev.dbparity.spring;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

import dev.dbparity.runtime.ParityConfigurationException;

/**
 * {@code DataSourceReplacement} puts the {@link ParityDataSource} in place of the application's {@code DataSource}
 * bean (Spring Boot's auto-configured one, or the application's own): the one there is, or the primary one of
 * several, under its name; with none, as {@code dataSource}. It runs after the configuration classes were read, so it
 * sees every DataSource the application declares.
 */
final class DataSourceReplacement implements BeanDefinitionRegistryPostProcessor {

	static final String BEAN_NAME = "dbparityDataSourceReplacement";

	private final ParityDataSource dataSource;

	DataSourceReplacement(ParityDataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
		List<String> names = Arrays.asList(beanFactory.getBeanNamesForType(DataSource.class, true, false));
		String name = "dataSource";
		boolean primary = false;
		if (names.size() == 1) {
			name = names.get(0);
		}
		else if (names.size() > 1) {
			List<String> primaries = names.stream().filter(candidate -> registry.containsBeanDefinition(candidate)
					&& registry.getBeanDefinition(candidate).isPrimary()).toList();
			if (primaries.size() != 1) {
				throw new ParityConfigurationException("The application context has " + names.size() + " DataSource beans "
						+ names + " and " + (primaries.isEmpty() ? "none" : primaries.size()) + " of them primary, so "
						+ "@ParityDatabase cannot tell which one to replace with dbparity's database. Fix: mark the one "
						+ "the tests use @Primary (the others keep their own databases), or leave one DataSource in the "
						+ "test's context.");
			}
			name = primaries.get(0);
			primary = true;
		}
		if (registry.containsBeanDefinition(name)) {
			BeanDefinition replaced = registry.getBeanDefinition(name);
			primary = primary || replaced.isPrimary();
			registry.removeBeanDefinition(name);
		}
		RootBeanDefinition definition = new RootBeanDefinition(ParityDataSource.class, () -> dataSource);
		definition.setPrimary(primary);
		registry.registerBeanDefinition(name, definition);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		// the registry phase did it
	}
}
