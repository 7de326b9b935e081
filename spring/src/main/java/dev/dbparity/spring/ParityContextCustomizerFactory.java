package dev.dbparity.spring;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * {@code ParityContextCustomizerFactory} gives every test class with {@code @ParityDatabase} (on itself, a superclass,
 * a composed annotation or an enclosing class) a {@link ParityContextCustomizer}. Registered in
 * {@code META-INF/spring.factories}, so a Spring test needs nothing but the annotation.
 */
public final class ParityContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return SpringContextBinding.annotationOf(testClass).map(annotation -> new ParityContextCustomizer(
				annotation.engine())).orElse(null);
	}
}
