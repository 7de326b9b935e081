package dev.dbparity.spring;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDatabases;
import dev.dbparity.junit.ParityDb;
import dev.dbparity.junit.spi.ContextBinding;
import dev.dbparity.runtime.MigrationRunnerChoice;

/**
 * {@code SpringContextBinding} ties {@code @ParityDatabase}'s databases to the Spring application context of a test
 * class run by {@link SpringExtension}: it loads the context (or finds it in Spring's cache) with the class's database
 * behind its {@code DataSource}, and points that {@code DataSource} at each test's database before the test runs.
 * Registered in {@code META-INF/services/dev.dbparity.junit.spi.ContextBinding}.
 */
public final class SpringContextBinding implements ContextBinding {

	@Override
	public boolean appliesTo(ExtensionContext classContext) {
		for (Class<?> type = classContext.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
			for (ExtendWith extendWith : AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class)) {
				if (List.of(extendWith.value()).contains(SpringExtension.class)) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public ParityDb openForClass(ExtensionContext classContext,
			Function<Optional<MigrationRunnerChoice>, ParityDb> open) {
		Class<?> testClass = classContext.getRequiredTestClass();
		ContextOpening opening = new ContextOpening(migrations -> {
			refuseContradiction(testClass, migrations);
			return open.apply(migrations);
		});
		ApplicationContext context = opening.during(() -> SpringExtension.getApplicationContext(classContext));
		ParityDataSource dataSource = dataSource(context, testClass);
		// Found in Spring's cache: started for another class, whose database it still points at.
		ParityDb database = opening.opened().orElseGet(() -> opening.open(dataSource.migrations()));
		ContextOpening.classOpened(database);
		dataSource.use(database);
		return database;
	}

	@Override
	public void use(ExtensionContext context, ParityDb database) {
		dataSource(SpringExtension.getApplicationContext(context), context.getRequiredTestClass()).use(database);
	}

	private static ParityDataSource dataSource(ApplicationContext context, Class<?> testClass) {
		return context.getBeanProvider(ParityDataSource.class).getIfAvailable(() -> {
			throw new ExtensionConfigurationException("The application context of " + testClass.getName() + " has no "
					+ "dbparity DataSource: dbparity-spring's context customizer did not run (is META-INF/spring.factories "
					+ "of dbparity-spring on the test classpath, or was it shaded away?). Fix: depend on "
					+ "dev.dbparity:dbparity-spring as a test dependency, unshaded.");
		});
	}

	/** The annotation's migrations folder and the application's migrations must be the same, or one would be ignored. */
	private static void refuseContradiction(Class<?> testClass, Optional<MigrationRunnerChoice> migrations) {
		Optional<ParityDatabase> annotation = annotationOf(testClass);
		if (migrations.isEmpty() || annotation.isEmpty() || annotation.get().migrations().isBlank()) {
			return;
		}
		String declared = annotation.get().migrations().trim();
		String applications = migrations.get().migrations().orElse(
				migrations.get().parameters().getOrDefault("dbparity.liquibase.changelog", ""));
		if (!declared.replaceFirst("^classpath:/?", "").equals(applications)) {
			throw new ExtensionConfigurationException("@ParityDatabase(migrations = \"" + declared + "\") on "
					+ testClass.getName() + " contradicts the application, which " + migrations.get().source()
					+ " migrates from '" + applications + "': the application's tool migrates dbparity's database, "
					+ "so the annotation's folder would be ignored. Fix: remove migrations = … from the annotation "
					+ "(dbparity follows the application's properties), or set the application's property to the same "
					+ "folder.");
		}
	}

	/** The class's {@code @ParityDatabase}: on it, a superclass, a composed annotation or an enclosing class. */
	static Optional<ParityDatabase> annotationOf(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			Class<?> annotated = type;
			Optional<ParityDatabase> found = AnnotationSupport.findAnnotation(annotated, ParityDatabase.class)
				.or(() -> AnnotationSupport.findAnnotation(annotated, ParityDatabases.class)
					.flatMap(several -> Arrays.stream(several.value()).findFirst()));
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}
}
