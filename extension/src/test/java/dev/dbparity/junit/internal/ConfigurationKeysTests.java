package dev.dbparity.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.junit.ParityDatabase;

class ConfigurationKeysTests {

	private final ConfigurationKeys keys = ConfigurationKeys.known();

	@TempDir
	Path dir;

	@Test
	void everyPropertyNameConstantOfTheAnnotationIsKnown() throws IllegalAccessException {
		for (Field field : ParityDatabase.class.getFields()) {
			if (field.getName().endsWith("_PROPERTY_NAME")) {
				assertThat(keys.isKnown((String) field.get(null))).as(field.getName()).isTrue();
			}
		}
	}

	@Test
	void theMigrationRunnersAndEnginesKeysAreKnownAndFamiliesNeedAName() {
		assertThat(Stream.of("dbparity.flyway.locations", "dbparity.liquibase.changelog",
				"dbparity.flyway.placeholders.prefix", "dbparity.mysql.url", "dbparity.mariadb.binaries.repository",
				"dbparity.postgres.timezone")).allMatch(keys::isKnown);
		assertThat(Stream.of("dbparity.flyway.placeholders.", "dbparity.oracle.url", "dbparity.cache.size",
				"dbparity.isolaton", "dbparity.")).noneMatch(keys::isKnown);
	}

	/** A key that a class of dbparity reads, or that a message tells users to set, must not be refused. */
	@Test
	void everyKeyNamedInTheCodeIsKnown() throws IOException {
		Pattern literal = Pattern.compile("\"(dbparity\\.[a-z0-9._-]*)");
		Set<String> named = new TreeSet<>();
		for (Path root : new Path[] { Path.of("src/main/java"), Path.of("src/test/java"), Path.of("../runtime/src"),
				Path.of("../cli/src") }) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				// The tests of bad keys name them on purpose.
				for (Path file : files.filter(path -> path.toString().endsWith(".java"))
					.filter(path -> !path.getFileName().toString().matches(".*(BadInput|Keys)Tests\\.java")).toList()) {
					Matcher matcher = literal.matcher(Files.readString(file));
					while (matcher.find()) {
						// A literal ending in a dot is a prefix the code completes, such as "dbparity." + engine.
						if (!matcher.group(1).endsWith(".")) {
							named.add(matcher.group(1));
						}
					}
				}
			}
		}
		// The scan reaches the runtime's code and tests as well as the extension's and the command line's.
		assertThat(named).contains("dbparity.isolation", "dbparity.postgres.url", "dbparity.seed.max-rows")
			.allMatch(keys::isKnown);
	}

	@Test
	void theClosestKeyIsATypoAwayOrNone() {
		assertThat(keys.closest("dbparity.isolaton")).contains("dbparity.isolation");
		assertThat(keys.closest("dbparity.postgres.pasword")).contains("dbparity.postgres.password");
		assertThat(keys.closest("dbparity.flyway.placeholder.prefix")).contains("dbparity.flyway.placeholders.<name>");
		assertThat(keys.closest("dbparity.something.else.entirely")).isEmpty();
	}

	@Test
	void theKeysGivenComeFromSystemPropertiesAndTheFirstPropertiesFile() throws IOException {
		Path first = Files.createDirectories(dir.resolve("first"));
		Path second = Files.createDirectories(dir.resolve("second"));
		Files.writeString(first.resolve("junit-platform.properties"), "dbparity.isolaton=per_method\n"
				+ "dbparity.report=false\njunit.jupiter.execution.parallel.enabled=true\n");
		Files.writeString(second.resolve("junit-platform.properties"), "dbparity.ignored.by.junit=1\n");
		Properties system = new Properties();
		system.setProperty("dbparity.report", "true");
		system.setProperty("user.home", "/home/x");

		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { first.toUri().toURL(), second.toUri().toURL() },
				null)) {
			Map<String, String> given = ConfigurationKeys.given(system, classLoader);

			assertThat(given).containsOnlyKeys("dbparity.isolaton", "dbparity.report")
				.containsEntry("dbparity.isolaton", "junit-platform.properties ("
						+ first.resolve("junit-platform.properties").toUri().toURL() + ")")
				.containsEntry("dbparity.report", "system property -Ddbparity.report");
		}
	}

	@Test
	void unknownKeysAreRefusedTogetherWithoutTheirValues() {
		assertThatExceptionOfType(ExtensionConfigurationException.class)
			.isThrownBy(() -> keys.check(Map.of("dbparity.isolaton", "system property -Ddbparity.isolaton",
					"dbparity.report", "system property -Ddbparity.report",
					"dbparity.colour", "junit-platform.properties (file:/p/junit-platform.properties)")))
			.withMessageStartingWith("Unknown dbparity configuration parameters 'dbparity.colour' "
					+ "(junit-platform.properties (file:/p/junit-platform.properties)), 'dbparity.isolaton' (system "
					+ "property -Ddbparity.isolaton; did you mean 'dbparity.isolation'?): dbparity does not read them, so "
					+ "each would be silently ignored and the tests would run with the default instead. Fix the "
					+ "spelling of the key, or remove it. Known keys: dbparity.baseline, ")
			.withMessageEndingWith(", and dbparity.<engine>.<setting> with <engine> one of postgres, mariadb, mysql "
					+ "and <setting> one of " + String.join(", ", Arrays.asList(ParityConfiguration.ENGINE_SETTINGS)) + ".");
		keys.check(Map.of("dbparity.report", "system property -Ddbparity.report"));
	}
}
