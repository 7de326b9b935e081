package dev.dbparity.junit;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.engines.JdbcDrivers;
import dev.dbparity.runtime.ParityConfigurationException;
import dev.dbparity.snapshots.Engine;

/** What a project that lacks an optional dependency a feature needs is told (the drivers are optional). */
class DependencyBadInputTests {

	/** A class path with the JDK only: a project that did not add MySQL Connector/J. */
	private static final ClassLoader WITHOUT_DRIVERS = new URLClassLoader(new URL[0],
			ClassLoader.getPlatformClassLoader());

	@Test
	@BadInputEntry("CONF-030")
	void mariaDbWithoutTheMySqlDriver() {
		ParityConfigurationException e = catchThrowableOfType(ParityConfigurationException.class,
				() -> JdbcDrivers.require(Engine.MARIADB, WITHOUT_DRIVERS));

		assertSays(e, "needs the JDBC driver com.mysql:mysql-connector-j", "MariaDB",
				"<artifactId>mysql-connector-j</artifactId><scope>test</scope>");
		assertSays(e, "not on the test classpath", "MariaDB", "testImplementation(\"com.mysql:mysql-connector-j\")");
	}

	@Test
	@BadInputEntry("CONF-031")
	void fakerRulesWithoutDatafaker(@TempDir Path project) throws Exception {
		Path rules = Files.writeString(project.resolve("seed.yaml"), """
				version: 1
				seed: 7
				tables:
				  customers:
				    rows: 3
				    columns:
				      email: {faker: "#{Internet.emailAddress}"}
				""");

		Throwable e;
		try (URLClassLoader withoutDatafaker = testClassPathWithout("datafaker")) {
			e = catchThrowableOfType(InvocationTargetException.class, () -> withoutDatafaker
				.loadClass("dev.dbparity.seeding.SeedRules").getMethod("load", Path.class).invoke(null, rules))
				.getCause();
		}

		assertSays(e, "needs Datafaker (net.datafaker:datafaker), which is not on the classpath", "seed.yaml:7:15",
				"<artifactId>datafaker</artifactId><scope>test</scope>");
		assertSays(e, "customers.email", "customers.email", "testImplementation(\"net.datafaker:datafaker\")");
	}

	/** This test's class path as Surefire gives it, but for the jars whose names contain {@code left}. */
	private static URLClassLoader testClassPathWithout(String left) {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
			.filter(entry -> !Path.of(entry).getFileName().toString().contains(left))
			.map(entry -> {
				try {
					return Path.of(entry).toUri().toURL();
				}
				catch (MalformedURLException e) {
					throw new IllegalStateException(e);
				}
			})
			.toArray(URL[]::new);
		return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
	}

	@Test
	void theDriversOnThisClassPathPass() {
		assertThatCode(() -> {
			JdbcDrivers.require(Engine.POSTGRES, getClass().getClassLoader());
			JdbcDrivers.require(Engine.MYSQL, getClass().getClassLoader());
		}).doesNotThrowAnyException();
	}
}
