package dev.dbparity.engines;

import dev.dbparity.runtime.ParityConfigurationException;
import dev.dbparity.snapshots.Engine;

/**
 * {@code JdbcDrivers} checks that the JDBC driver an engine needs is on the classpath before anything starts. The
 * drivers are optional dependencies (PostgreSQL's comes with {@code dbparity-extension}, the default engine's), so
 * that adding dbparity never changes which drivers another library detects; a project running MariaDB or MySQL adds
 * MySQL Connector/J itself, and this says so instead of {@code No suitable driver}.
 */
public final class JdbcDrivers {

	private JdbcDrivers() {
	}

	/**
	 * @throws ParityConfigurationException when {@code engine}'s driver class is not visible from {@code classLoader},
	 *         naming the artifact and the Maven and Gradle lines that add it
	 */
	public static void require(Engine engine, ClassLoader classLoader) {
		String driverClass = engine == Engine.POSTGRES ? "org.postgresql.Driver" : "com.mysql.cj.jdbc.Driver";
		String artifact = engine == Engine.POSTGRES ? "org.postgresql:postgresql" : "com.mysql:mysql-connector-j";
		try {
			Class.forName(driverClass, false, classLoader);
		}
		catch (ClassNotFoundException e) {
			String[] coordinates = artifact.split(":");
			throw new ParityConfigurationException(engine.displayName() + " needs the JDBC driver " + artifact
					+ " (" + driverClass + "), which is not on the test classpath: dbparity declares the drivers "
					+ "optional so that adding it never changes the drivers your other libraries detect. Fix: add it "
					+ "next to dbparity, its version managed by dev.dbparity:dbparity-bom — Maven: <dependency><groupId>"
					+ coordinates[0] + "</groupId><artifactId>" + coordinates[1] + "</artifactId><scope>test</scope>"
					+ "</dependency>; Gradle: testImplementation(\"" + artifact + "\").", e);
		}
	}
}
