package dev.dbparity.junit;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.junit.ParityTestKit.executeTestClass;
import static dev.dbparity.junit.ParityTestKit.executeTestClassWithConfigurationParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.BadInputMessage;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.runtime.ParityConfigurationException;
import dev.dbparity.runtime.SettingNames;
import dev.dbparity.templates.TemplateSeed;

/**
 * The catalogue's configuration entries ({@code CONF-}): each gives a test class a bad key or value the way users do
 * (launcher request, {@code junit-platform.properties}), runs it through the Jupiter engine, and checks the message's
 * three marks and that the baseline directory was not touched. Keys given as system properties:
 * {@link SystemPropertyKeysTests}.
 */
class ConfigurationBadInputTests {

	@TempDir
	Path dir;

	/** The first failure of a class, as its run reports it. */
	static String classFailure(EngineExecutionResults results) {
		return results.containerEvents().failed().stream()
			.map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.map(BadInputMessage::fullMessage)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container failed"));
	}

	/** The failure of {@link BaselineTestCase} run with {@code parameters}, with a baseline that must stay as it was. */
	private String failure(Map<String, String> parameters) throws IOException {
		Path baseline = Files.createDirectories(dir.resolve("baseline"));
		Files.writeString(baseline.resolve("schema.json"), "{}\n");
		FileTree before = FileTree.of(baseline);
		Map<String, String> all = new java.util.HashMap<>(parameters);
		all.put(ParityDatabase.BASELINE_PROPERTY_NAME, "file:" + baseline);
		String failure = classFailure(executeTestClassWithConfigurationParameters(BaselineTestCase.class, all));
		assertThat(FileTree.of(baseline)).as("the baseline is untouched").isEqualTo(before);
		return failure;
	}

	@ParityDatabase(migrations = "db/shelf")
	static class BaselineTestCase {

		@Test
		void runs() {
		}
	}

	/** Runs {@code body} with a {@code junit-platform.properties} holding {@code text} first on the class path. */
	static <T> T withPropertiesFile(Path file, Supplier<T> body) {
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		thread.setContextClassLoader(new ClassLoader(original) {

			@Override
			public URL getResource(String name) {
				return name.equals("junit-platform.properties") ? url(file) : super.getResource(name);
			}

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return name.equals("junit-platform.properties") ? Collections.enumeration(java.util.List.of(url(file)))
						: super.getResources(name);
			}
		});
		try {
			return body.get();
		}
		finally {
			thread.setContextClassLoader(original);
		}
	}

	private static URL url(Path file) {
		try {
			return file.toUri().toURL();
		}
		catch (java.net.MalformedURLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	@BadInputEntry("CONF-001")
	void aMisspeltKeyInJunitPlatformProperties() throws IOException {
		Path file = Files.writeString(dir.resolve("junit-platform.properties"), "dbparity.isolaton=per_method\n");

		String message = withPropertiesFile(file, () -> classFailure(executeTestClass(BaselineTestCase.class)));

		assertSays(message, "Unknown dbparity configuration parameter 'dbparity.isolaton'",
				"junit-platform.properties (" + file.toUri().toURL() + ")", "did you mean 'dbparity.isolation'?");
		assertThat(message).contains("Fix the spelling of the key, or remove it. Known keys: ", "dbparity.baseline.update",
				"dbparity.flyway.locations", "dbparity.flyway.placeholders.<name>",
				"dbparity.<engine>.<setting> with <engine> one of postgres, mariadb, mysql");
	}

	@Test
	@BadInputEntry("CONF-003")
	void anIsolationThatDoesNotExist() throws IOException {
		String message = failure(Map.of(ParityDatabase.ISOLATION_PROPERTY_NAME, "per_test"));

		assertSays(message, "Invalid value 'per_test'", "configuration parameter 'dbparity.isolation'",
				"set one of the allowed values");
		assertThat(message).contains("allowed values: per_class, per_method, shared");
	}

	@Test
	@BadInputEntry("CONF-004")
	void anEngineThatIsNotSupported() throws IOException {
		String message = failure(Map.of(ParityDatabase.ENGINE_PROPERTY_NAME, "oracle"));

		assertSays(message, "Invalid value 'oracle'", "'dbparity.engine'", "set one of the allowed values");
		assertThat(message).contains("allowed values: postgres, mariadb, mysql");
	}

	@Test
	@BadInputEntry("CONF-005")
	void aProviderThatDoesNotExist() throws IOException {
		String message = failure(Map.of(ParityDatabase.PROVIDER_PROPERTY_NAME, "docker"));

		assertSays(message, "Invalid value 'docker'", "'dbparity.provider'", "set one of the allowed values");
		assertThat(message).contains("allowed values: auto, embedded, testcontainers, external");
	}

	@Test
	@BadInputEntry("CONF-006")
	void aGapPolicyThatDoesNotExist() throws IOException {
		String message = failure(Map.of(ParityDatabase.MIGRATION_GAPS_PROPERTY_NAME, "ignore"));

		assertSays(message, "Invalid value 'ignore'", "'dbparity.migrations.gaps'", "set one of the allowed values");
		assertThat(message).contains("allowed values: warn, fail, allow");
	}

	@Test
	@BadInputEntry("CONF-007")
	void aBaselineEngineVersionMatchThatDoesNotExist() throws IOException {
		String message = failure(Map.of(ParityDatabase.BASELINE_ENGINE_VERSION_PROPERTY_NAME, "minor"));

		assertSays(message, "Invalid value 'minor'", "'dbparity.baseline.engine-version'",
				"set one of the allowed values");
		assertThat(message).contains("allowed values: exact, major, ignore");
	}

	@Test
	@BadInputEntry("CONF-008")
	void aVersionCheckThatDoesNotExist() throws IOException {
		String message = failure(Map.of(ParityDatabase.VERSION_CHECK_PROPERTY_NAME, "off"));

		assertSays(message, "Invalid value 'off'", "'dbparity.version.check'", "set one of the allowed values");
		assertThat(message).contains("allowed values: fail, warn");
	}

	@Test
	@BadInputEntry("CONF-009")
	void aPrefetchThatIsNotAWholeNumberInRange() throws IOException {
		String message = failure(Map.of(ParityDatabase.PREFETCH_PROPERTY_NAME, "100"));

		assertSays(message, "Invalid value '100'", "'dbparity.prefetch'", "set one of the allowed values");
		assertThat(message).contains("allowed values: a whole number from 0 to 16");
	}

	@Test
	@BadInputEntry("CONF-010")
	void anUpdateFlagThatIsNotABoolean() throws IOException {
		String message = failure(Map.of(ParityDatabase.BASELINE_UPDATE_PROPERTY_NAME, "yes"));

		assertSays(message, "Invalid value 'yes'", "'dbparity.baseline.update'", "set one of the allowed values");
		assertThat(message).contains("allowed values: true, false");
	}

	@Test
	@BadInputEntry("CONF-011")
	void aMigrationRunnerThatDoesNotExist() throws IOException {
		String message = failure(Map.of(ParityDatabase.MIGRATION_RUNNER_PROPERTY_NAME, "flywy"));

		assertSays(message, "Unknown migration runner 'flywy'", "configuration parameter 'dbparity.migration.runner'",
				"e.g. dbparity.migration.runner=flyway");
		assertThat(message).contains("Allowed values: flyway, liquibase, sql");
	}

	@Test
	@BadInputEntry("CONF-012")
	void anEngineVersionPinWithoutMinor() throws IOException {
		String message = failure(Map.of("dbparity.postgres.version", "17"));

		assertSays(message, "'17' is not a version pin", "configuration parameter 'dbparity.postgres.version'",
				"give at least major.minor, e.g. 17.6");
	}

	@Test
	@BadInputEntry("CONF-013")
	void updatingTheSeedLockOnCi() throws IOException {
		Path rules = Files.writeString(dir.resolve("seed.yaml"), "version: 1\nseed: 1\ntables: {}\n");
		FileTree before = FileTree.of(dir);

		ParityConfigurationException error = catchThrowableOfType(ParityConfigurationException.class,
				() -> TemplateSeed.load("file:" + rules, "default", true, Optional.empty(), Map.of("CI", "true"),
						SettingNames.KEYS));

		assertSays(error, "dbparity.seed.lock.update=true is refused because CI=true", "seed.lock.json",
				"on your machine with -Ddbparity.seed.lock.update=true, review the change, and commit it");
		assertThat(FileTree.of(dir)).as("no lock written").isEqualTo(before);
	}

	@Test
	@BadInputEntry("CONF-014")
	void aPerMethodDatabaseInjectedIntoTheConstructor() {
		String message = executeTestClassWithConfigurationParameters(PerMethodConstructorTestCase.class,
				Map.of(ParityDatabase.ISOLATION_PROPERTY_NAME, "per_method"))
			.testEvents().failed().stream()
			.map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.map(BadInputMessage::fullMessage)
			.findFirst().orElseThrow();

		assertSays(message, "isolation is PER_METHOD, so the database exists only inside test methods",
				PerMethodConstructorTestCase.class.getName() + " (constructor)",
				"use isolation PER_CLASS or SHARED to inject it into constructors and @BeforeAll methods");
	}

	@ParityDatabase(migrations = "db/shelf")
	static class PerMethodConstructorTestCase {

		PerMethodConstructorTestCase(DataSource dataSource) {
		}

		@Test
		void runs() {
		}
	}

	@Test
	@BadInputEntry("CONF-015")
	void aSeedProfileTheRulesDoNotDefine() {
		String message = classFailure(executeTestClassWithConfigurationParameters(SeededTestCase.class,
				Map.of(ParityDatabase.SEED_PROFILE_PROPERTY_NAME, "huge")));

		assertSays(message, "Seed profile 'huge'", "(configuration parameter dbparity.seed.profile) is not defined in "
				+ "roundtrip/seed/broken.yaml", "set dbparity.seed.profile to one of them, or add the profile to the rules");
	}

	@ParityDatabase(migrations = "roundtrip/postgres/broken", seed = "roundtrip/seed/broken.yaml")
	static class SeededTestCase {

		@Test
		void runs() {
		}
	}

	@BeforeAll
	static void theBaselineTestCaseRunsWithGoodSettings() {
		executeTestClass(BaselineTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
	}
}
