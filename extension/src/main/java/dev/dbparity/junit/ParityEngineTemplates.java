package dev.dbparity.junit;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.dbparity.junit.internal.ClassSettings;
import dev.dbparity.junit.internal.ParityConfiguration;

/**
 * {@code ParityEngineTemplates} runs a class with several {@link ParityDatabase} annotations once per annotation, as a
 * JUnit class template, and opens each run's database; {@link ParityDatabaseExtension} injects it as for one engine.
 *
 * <p>Class templates need JUnit 5.13, so this class implements 5.13 types and only {@link ParityDatabases} (the
 * container of repeated annotations) registers it: a class with one engine never makes JUnit load it, and runs on
 * JUnit 5.12 too.
 */
class ParityEngineTemplates implements ClassTemplateInvocationContextProvider, BeforeClassTemplateInvocationCallback {

	@Override
	public boolean supportsClassTemplate(ExtensionContext context) {
		return ParityDatabaseExtension.annotationsOn(context.getRequiredTestClass()).size() > 1;
	}

	@Override
	public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
		ParityConfiguration configuration = ParityDatabaseExtension.configuration(context);
		String declaredOn = context.getRequiredTestClass().getName();
		if (ParityDatabaseExtension.binding(context).isPresent()
				|| ParityDatabaseExtension.isSpringTest(context.getRequiredTestClass())) {
			throw new ExtensionConfigurationException("@ParityDatabases names several engines on " + declaredOn
					+ ", a Spring test: its application context has one DataSource, so it cannot run the class once per "
					+ "engine. Fix: put one @ParityDatabase on a Spring test class, and write one subclass per engine, "
					+ "each with its own @ParityDatabase(engine = …).");
		}
		return ParityDatabaseExtension.annotationsOn(context.getRequiredTestClass()).stream()
			.map(annotation -> ClassSettings.resolve(annotation, configuration, declaredOn))
			.map(EngineInvocation::new);
	}

	@Override
	public void beforeClassTemplateInvocation(ExtensionContext context) {
		ClassSettings settings = context.getStore(ParityDatabaseExtension.NAMESPACE)
			.get(ParityDatabaseExtension.SETTINGS, ClassSettings.class);
		if (settings != null && settings.isolation() != Isolation.PER_METHOD) {
			context.getStore(ParityDatabaseExtension.NAMESPACE)
				.put(ParityDatabaseExtension.DATABASE, ParityDatabaseExtension.open(context, settings, Optional.empty()));
		}
	}

	private record EngineInvocation(ClassSettings settings) implements ClassTemplateInvocationContext {

		@Override
		public String getDisplayName(int invocationIndex) {
			return settings.database().engineSpec().displayName();
		}

		@Override
		public void prepareInvocation(ExtensionContext context) {
			context.getStore(ParityDatabaseExtension.NAMESPACE).put(ParityDatabaseExtension.SETTINGS, settings);
		}
	}
}
