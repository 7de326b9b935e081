package dev.dbparity.junit;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

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
	void theDriversOnThisClassPathPass() {
		assertThatCode(() -> {
			JdbcDrivers.require(Engine.POSTGRES, getClass().getClassLoader());
			JdbcDrivers.require(Engine.MYSQL, getClass().getClassLoader());
		}).doesNotThrowAnyException();
	}
}
