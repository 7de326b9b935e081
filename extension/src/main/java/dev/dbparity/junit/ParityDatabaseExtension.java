package dev.dbparity.junit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.dbparity.junit.internal.AnnotationSettingNames;
import dev.dbparity.junit.internal.ClassSettings;
import dev.dbparity.junit.internal.ConfigurationKeys;
import dev.dbparity.junit.internal.ParityConfiguration;
import dev.dbparity.junit.internal.ParityDatabaseHandle;
import dev.dbparity.junit.spi.ContextBinding;
import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.MigrationRunnerChoice;
import dev.dbparity.runtime.ParityRuntime;
import dev.dbparity.runtime.RunSettings;

/**
 * {@code ParityDatabaseExtension} implements {@link ParityDatabase}. All state lives in the {@link Store}: engines and
 * templates in the root store (one per JVM and key), databases in the store of the class, class-template invocation
 * or method they belong to. JUnit closes them in reverse order, which drops databases before it stops engines.
 *
 * <p>It uses only JUnit 5.12's API, which Spring Boot 3.5 manages, so that a class with one engine runs there: the
 * class template of several engines, which needs JUnit 5.13, lives in {@link ParityEngineTemplates}, which only
 * {@link ParityDatabases} registers (JUnit cannot even load a class that implements a type it lacks). For the same
 * reason every value it stores implements JUnit 5.12's {@code CloseableResource} beside {@link AutoCloseable}:
 * JUnit 5.12 closes only the former, 5.13 and later the latter (once).
 */
class ParityDatabaseExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
		TestInstancePreConstructCallback {

	static final Namespace NAMESPACE = Namespace.create(ParityDatabaseExtension.class);
	static final String SETTINGS = "settings";
	static final String DATABASE = "database";
	private static final String BINDING = "binding";
	/** The class whose database this store's scope opened: beforeAll skips a class opened before its instance. */
	private static final String OPENED_FOR = "openedFor";
	private static final String RUNNER_CHOICE = "runnerChoice";
	/** Spring's JUnit extension, named and never loaded: the extension knows no Spring type. */
	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";
	/** Parameters annotated from here ({@code @Autowired}, {@code @Qualifier}, {@code @Value}) are Spring's to inject. */
	private static final String SPRING_INJECTION_ANNOTATIONS = "org.springframework.beans.factory.annotation.";

	// --- one engine ----------------------------------------------------------------------------------------------------

	/**
	 * With {@code @TestInstance(PER_CLASS)} the instance is made before {@code beforeAll}: a framework that starts with
	 * the instance (Spring loads its context there) must find the class's database already open.
	 */
	@Override
	public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
		if (context.getTestMethod().isEmpty()
				&& context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_CLASS
				&& context.getTestClass().equals(Optional.of(factoryContext.getTestClass()))) {
			beforeAll(context);
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (context.getRequiredTestClass().equals(context.getStore(NAMESPACE).get(OPENED_FOR))) {
			return;
		}
		context.getStore(NAMESPACE).put(OPENED_FOR, context.getRequiredTestClass());
		List<ParityDatabase> annotations = annotationsOn(context.getRequiredTestClass());
		if (annotations.size() != 1) {
			// None: a @Nested class sharing its enclosing class's database. Several: opened per invocation.
			return;
		}
		ClassSettings settings = ClassSettings.resolve(annotations.get(0), configuration(context),
				context.getRequiredTestClass().getName());
		Store store = context.getStore(NAMESPACE);
		store.put(SETTINGS, settings);
		Optional<ContextBinding> binding = binding(context);
		if (binding.isPresent()) {
			// The context (Spring's) starts with the class's database, whatever the isolation, and migrates it as the
			// application does: the binding says with which runner.
			store.put(BINDING, binding.get());
			binding.get().openForClass(context, choice -> {
				DatabaseLease lease = open(context, settings, choice);
				store.put(DATABASE, lease);
				store.put(RUNNER_CHOICE, new RunnerChoice(choice));
				return lease.database();
			});
			return;
		}
		if (isSpringTest(context.getRequiredTestClass())) {
			throw new ExtensionConfigurationException(context.getRequiredTestClass().getName() + " is a Spring test "
					+ "(@SpringBootTest, @DataJpaTest, @JdbcTest or @ExtendWith(SpringExtension.class)) with @ParityDatabase, "
					+ "but dbparity-spring is not on the test classpath: the application context would keep its own "
					+ "DataSource, and the tests would not run against dbparity's database. Fix: add the test dependency "
					+ "dev.dbparity:dbparity-spring (it brings dbparity-extension).");
		}
		if (settings.isolation() != Isolation.PER_METHOD) {
			store.put(DATABASE, open(context, settings, Optional.empty()));
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Store store = context.getStore(NAMESPACE);
		ClassSettings settings = store.get(SETTINGS, ClassSettings.class);
		if (settings != null && settings.isolation() == Isolation.PER_METHOD) {
			RunnerChoice choice = store.get(RUNNER_CHOICE, RunnerChoice.class);
			store.put(DATABASE, open(context, settings, choice == null ? Optional.empty() : choice.choice()));
		}
		ContextBinding binding = store.get(BINDING, ContextBinding.class);
		if (binding != null && store.get(DATABASE) instanceof DatabaseLease lease) {
			binding.use(context, lease.database());
		}
	}

	/** The migration runner a binding chose for the class, kept for the databases opened per method. */
	private record RunnerChoice(Optional<MigrationRunnerChoice> choice) {
	}

	/** The run's bindings, found once; the first that applies to the class. */
	static Optional<ContextBinding> binding(ExtensionContext context) {
		return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Bindings.class, type -> {
			List<ContextBinding> found = new ArrayList<>();
			ServiceLoader.load(ContextBinding.class, Optional.ofNullable(Thread.currentThread().getContextClassLoader())
				.orElse(ParityDatabaseExtension.class.getClassLoader())).forEach(found::add);
			return new Bindings(List.copyOf(found));
		}, Bindings.class).all().stream().filter(binding -> binding.appliesTo(context)).findFirst();
	}

	private record Bindings(List<ContextBinding> all) {
	}

	/** Whether Spring's JUnit extension is registered on the class or a class enclosing it, by name. */
	static boolean isSpringTest(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			for (ExtendWith extendWith : AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class)) {
				for (Class<?> extension : extendWith.value()) {
					if (extension.getName().equals(SPRING_EXTENSION)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	// --- parameters ----------------------------------------------------------------------------------------------------

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		String packageName = type.getPackageName();
		boolean springInjects = Arrays.stream(parameterContext.getParameter().getAnnotations())
			.anyMatch(annotation -> annotation.annotationType().getName().startsWith(SPRING_INJECTION_ANNOTATIONS));
		if (springInjects) {
			return false;
		}
		if (extensionContext.getStore(NAMESPACE).get(BINDING) != null) {
			// The application context's DataSource (and jOOQ's DSLContext) are the context's to inject: ours only.
			return packageName.startsWith("dev.dbparity");
		}
		// Claim every database-looking type, so that one we cannot inject gets our explanation, not a generic one.
		return packageName.startsWith("java.sql") || packageName.startsWith("javax.sql")
				|| packageName.startsWith("org.jooq") || packageName.startsWith("dev.dbparity");
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		if (type != ParityDb.class && type != DataSource.class && type != Connection.class && type != DSLContext.class) {
			throw new ParameterResolutionException("Cannot inject parameter [" + parameterContext.getParameter() + "] in "
					+ describe(parameterContext.getDeclaringExecutable()) + ": @ParityDatabase injects only "
					+ "javax.sql.DataSource, java.sql.Connection, org.jooq.DSLContext and dev.dbparity.junit.ParityDb. "
					+ "Ask for one of them, e.g. (DataSource dataSource), and derive what you need from it.");
		}
		ParityDatabaseHandle database = database(parameterContext, extensionContext);
		if (type == ParityDb.class) {
			return database;
		}
		if (type == DataSource.class) {
			return database.dataSource();
		}
		if (type == DSLContext.class) {
			return database.dsl();
		}
		try {
			Connection connection = database.dataSource().getConnection();
			// JUnit closes it when the test's (or class's) scope ends.
			extensionContext.getStore(NAMESPACE).put(new Object(), new Closing(connection));
			return connection;
		}
		catch (SQLException e) {
			throw new ParameterResolutionException("Could not open a connection to " + database.jdbcUrl() + " for parameter ["
					+ parameterContext.getParameter() + "]: " + e.getMessage(), e);
		}
	}

	private static ParityDatabaseHandle database(ParameterContext parameterContext, ExtensionContext context) {
		Object value = context.getStore(NAMESPACE).get(DATABASE);
		if (value instanceof DatabaseLease lease) {
			return lease.database();
		}
		ClassSettings settings = context.getStore(NAMESPACE).get(SETTINGS, ClassSettings.class);
		String why = settings != null && settings.isolation() == Isolation.PER_METHOD
				? "isolation is PER_METHOD, so the database exists only inside test methods and @BeforeEach/@AfterEach; "
						+ "use isolation PER_CLASS or SHARED to inject it into constructors and @BeforeAll methods"
				: "no @ParityDatabase database is open in this scope";
		throw new ParameterResolutionException("Cannot inject parameter [" + parameterContext.getParameter() + "] in "
				+ describe(parameterContext.getDeclaringExecutable()) + ": " + why + ".");
	}

	// --- databases -----------------------------------------------------------------------------------------------------

	/**
	 * A stored value that JUnit closes whichever version runs: 5.12 closes only {@code CloseableResource} values,
	 * 5.13 and later only {@link AutoCloseable} ones (and each once, even when it is both).
	 */
	@SuppressWarnings({ "deprecation", "try" }) // JUnit calls close(); no try-with-resources holds it
	record Closing(AutoCloseable resource) implements AutoCloseable, Store.CloseableResource {

		@Override
		public void close() throws Exception {
			resource.close();
		}
	}

	/** A database in a scope's store; closing it drops the database unless it is shared beyond that scope. */
	@SuppressWarnings("deprecation")
	record DatabaseLease(ParityDatabaseHandle database, boolean owned) implements AutoCloseable, Store.CloseableResource {

		@Override
		public void close() {
			if (owned) {
				database.close();
			}
		}
	}

	static DatabaseLease open(ExtensionContext context, ClassSettings settings,
			Optional<MigrationRunnerChoice> choice) {
		String scope = context.getRequiredTestClass().getName()
			.substring(context.getRequiredTestClass().getPackageName().length() + 1);
		boolean shared = settings.isolation() == Isolation.SHARED;
		Database database = ParityDatabaseHandle.configured(() -> runtime(context).open(settings.database(), scope,
				shared, choice));
		return new DatabaseLease(new ParityDatabaseHandle(database), !shared);
	}

	/** The run's one runtime; JUnit closes it when the run ends, which drops databases, stops engines and reports. */
	private static ParityRuntime runtime(ExtensionContext context) {
		Closing stored = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ParityRuntime.class, type -> {
			ParityConfiguration configuration = configuration(context);
			ParityRuntime runtime = new ParityRuntime(new RunSettings(
					configuration.printReport() ? System.out : new PrintStream(OutputStream.nullOutputStream()),
					configuration.migrationRunner(),
					"configuration parameter '" + ParityDatabase.MIGRATION_RUNNER_PROPERTY_NAME + "'",
					context.getRoot()::getConfigurationParameter, configuration.migrationGaps(),
					configuration.seedProfile(), configuration.updateSeedLock(), configuration.maskingKey(),
					configuration.seedMaxRows(), System.getenv()), new AnnotationSettingNames());
			return new Closing(runtime);
		}, Closing.class);
		return (ParityRuntime) stored.resource();
	}

	// --- configuration -------------------------------------------------------------------------------------------------

	/** The run's configuration, read once, after its keys were checked: a misspelt one must not be ignored. */
	static ParityConfiguration configuration(ExtensionContext context) {
		return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ParityConfiguration.class, type -> {
			ClassLoader classLoader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
				.orElse(ParityDatabaseExtension.class.getClassLoader());
			ConfigurationKeys.known().check(ConfigurationKeys.given(System.getProperties(), classLoader));
			return ParityConfiguration.read(context::getConfigurationParameter);
		}, ParityConfiguration.class);
	}

	/**
	 * The annotations of the nearest class in {@code testClass}'s hierarchy that declares any, as Java's inheritance
	 * of annotations has it: a subclass that declares its own engines replaces its superclass's rather than adding to
	 * them.
	 */
	static List<ParityDatabase> annotationsOn(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
			List<ParityDatabase> declared = new ArrayList<>(found(type));
			if (type.getSuperclass() != null) {
				declared.removeAll(found(type.getSuperclass()));
			}
			if (!declared.isEmpty()) {
				return declared;
			}
		}
		return List.of();
	}

	/** {@code type}'s engines, directly or through a composed annotation: one, or the ones it lists. */
	private static List<ParityDatabase> found(Class<?> type) {
		List<ParityDatabase> found = new ArrayList<>();
		AnnotationSupport.findAnnotation(type, ParityDatabases.class).ifPresent(several -> found.addAll(List.of(
				several.value())));
		AnnotationSupport.findAnnotation(type, ParityDatabase.class).ifPresent(found::add);
		return found;
	}

	private static String describe(Executable executable) {
		// A constructor's getName() is the class name again.
		return executable.getDeclaringClass().getName()
				+ (executable instanceof Constructor ? " (constructor)" : "#" + executable.getName());
	}
}
