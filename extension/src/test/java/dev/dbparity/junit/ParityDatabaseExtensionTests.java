package dev.dbparity.junit;

import static dev.dbparity.junit.ParityTestKit.executeTestClass;
import static dev.dbparity.junit.ParityTestKit.executeTestClassWithConfigurationParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import dev.dbparity.runtime.ParityException;

class ParityDatabaseExtensionTests {

	/** What a test case saw: engine, database, URL. */
	record Seen(String test, Engine engine, String database, String url) {
	}

	static Seen seen(String test, ParityDb db) {
		return new Seen(test, db.engine(), db.databaseName(), db.jdbcUrl());
	}

	static Throwable onlyFailure(EngineExecutionResults results) {
		List<Throwable> failures = results.allEvents().failed().stream()
			.map(Event::getPayload)
			.map(payload -> payload.map(TestExecutionResult.class::cast).orElseThrow().getThrowable().orElseThrow())
			.toList();
		assertThat(failures).as("failures").isNotEmpty();
		return failures.get(0);
	}

	@Nested
	@DisplayName("when a class runs on several engines")
	class SeveralEngines {

		@Test
		@DisplayName("then each run is reported under its engine's name and gets a database on that engine")
		void runsOncePerEngine() {
			EngineExecutionResults results = executeTestClass(TwoEnginesTestCase.class);

			results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
			assertThat(results.containerEvents().started().stream().map(event -> event.getTestDescriptor().getDisplayName()))
				.contains("postgres 17.6", "mariadb 10.11");
			assertThat(TwoEnginesTestCase.SEEN).extracting(Seen::engine)
				.containsExactlyInAnyOrder(Engine.POSTGRES, Engine.POSTGRES, Engine.MARIADB, Engine.MARIADB);
			assertThat(TwoEnginesTestCase.SEEN.stream().map(Seen::database).distinct()).as("one database per engine")
				.hasSize(2);
		}
	}

	@ParityDatabases({
			@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/shelf"),
			@ParityDatabase(engine = Engine.MARIADB, migrations = "db/shelf") })
	static class TwoEnginesTestCase {

		static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

		@Test
		void readsTheMigratedSchema(ParityDb db, DSLContext dsl) {
			SEEN.add(seen("read", db));
			assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("shelf"))).isEqualTo(1);
			assertThat(dsl.dialect()).isEqualTo(db.engine() == Engine.POSTGRES ? SQLDialect.POSTGRES : SQLDialect.MARIADB);
			assertThat(db.migrationVersion()).hasValue("2");
		}

		@Test
		void writes(ParityDb db, DataSource dataSource) throws SQLException {
			SEEN.add(seen("write", db));
			try (Connection connection = dataSource.getConnection()) {
				connection.createStatement().execute("INSERT INTO shelf_item VALUES (1, 'Solaris')");
			}
		}
	}

	@Nested
	@DisplayName("when classes choose an isolation")
	class Isolations {

		@Test
		@DisplayName("then PER_CLASS shares one database among a class's methods and its @Nested classes")
		void perClass() {
			executeTestClass(PerClassTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(3));

			assertThat(PerClassTestCase.SEEN.stream().map(Seen::database).distinct()).hasSize(1);
		}

		@Test
		@DisplayName("then PER_METHOD gives every method its own database, dropped after it")
		void perMethod() {
			executeTestClass(PerMethodTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(2));

			assertThat(PerMethodTestCase.SEEN.stream().map(Seen::database).distinct()).hasSize(2);
		}

		@Test
		@DisplayName("then SHARED gives classes with the same migrations one database")
		void shared() {
			EngineExecutionResults results = EngineTestKitSupport.executeTestClasses(SharedTestCase.class,
					OtherSharedTestCase.class);
			results.testEvents().assertStatistics(stats -> stats.succeeded(2));

			assertThat(SharedTestCase.SEEN).hasSize(2);
			assertThat(SharedTestCase.SEEN.get(0).database()).isEqualTo(SharedTestCase.SEEN.get(1).database());
		}

		@Test
		@DisplayName("then the annotation works inherited and as a meta-annotation")
		void inheritedAndComposed() {
			executeTestClass(ComposedSubclassTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

			assertThat(ComposedSubclassTestCase.SEEN).singleElement().extracting(Seen::engine).isEqualTo(Engine.MARIADB);
		}

		@Test
		@DisplayName("then a subclass's own annotation replaces its superclass's, as Java's inheritance has it")
		void subclassReplacesInherited() {
			executeTestClass(PostgresSubclassTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

			assertThat(PostgresSubclassTestCase.SEEN).singleElement().extracting(Seen::engine)
				.isEqualTo(Engine.POSTGRES);
		}
	}

	@ParityDatabase(migrations = "db/shelf")
	static class PerClassTestCase {

		static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

		@Test
		void first(ParityDb db) {
			SEEN.add(seen("first", db));
		}

		@Test
		void second(ParityDb db) {
			SEEN.add(seen("second", db));
		}

		@Nested
		class Inner {

			@Test
			void nested(ParityDb db) {
				SEEN.add(seen("nested", db));
			}
		}
	}

	@ParityDatabase(migrations = "db/shelf", isolation = Isolation.PER_METHOD)
	static class PerMethodTestCase {

		static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

		@Test
		void first(ParityDb db, DSLContext dsl) {
			SEEN.add(seen("first", db));
			dsl.execute("INSERT INTO shelf VALUES (2, 'poetry')");
			assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("shelf"))).isEqualTo(2);
		}

		@Test
		void second(ParityDb db, DSLContext dsl) {
			SEEN.add(seen("second", db));
			dsl.execute("INSERT INTO shelf VALUES (2, 'poetry')");
			assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("shelf"))).isEqualTo(2);
		}
	}

	@ParityDatabase(migrations = "db/shelf", isolation = Isolation.SHARED)
	static class SharedTestCase {

		static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

		@Test
		void one(ParityDb db) {
			SEEN.add(seen("one", db));
		}
	}

	@ParityDatabase(migrations = "db/shelf", isolation = Isolation.SHARED)
	static class OtherSharedTestCase {

		@Test
		void other(ParityDb db) {
			SharedTestCase.SEEN.add(seen("other", db));
		}
	}

	@Retention(RetentionPolicy.RUNTIME)
	@ParityDatabase(engine = Engine.MARIADB, migrations = "db/shelf")
	@interface ShelfOnMariaDb {
	}

	@ShelfOnMariaDb
	abstract static class ComposedBase {
	}

	static class ComposedSubclassTestCase extends ComposedBase {

		static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

		@Test
		void inherited(ParityDb db) {
			SEEN.add(seen("inherited", db));
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/shelf")
	static class PostgresSubclassTestCase extends ComposedBase {

		static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

		@Test
		void declaredHere(ParityDb db) {
			SEEN.add(seen("declared here", db));
		}
	}

	@Nested
	@DisplayName("when a test asks for a connection")
	class Connections {

		@Test
		@DisplayName("then it is closed after the test")
		void closedAfterTheTest() throws SQLException {
			executeTestClass(ConnectionTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

			assertThat(ConnectionTestCase.CONNECTIONS).isNotEmpty().allSatisfy(connection ->
				assertThat(connection.isClosed()).isTrue());
		}

		@Test
		@DisplayName("then after the run the database is dropped and the embedded server is stopped")
		void nothingIsLeftBehind() {
			executeTestClass(ConnectionTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

			String url = ConnectionTestCase.URLS.get(ConnectionTestCase.URLS.size() - 1);
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
				.isInstanceOf(SQLException.class);
		}
	}

	@ParityDatabase(migrations = "db/shelf")
	static class ConnectionTestCase {

		static final List<Connection> CONNECTIONS = new CopyOnWriteArrayList<>();
		static final List<String> URLS = new CopyOnWriteArrayList<>();

		@Test
		void uses(Connection connection, ParityDb db) throws SQLException {
			CONNECTIONS.add(connection);
			URLS.add(db.jdbcUrl());
			try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM shelf")) {
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(1);
			}
		}
	}

	@Nested
	@DisplayName("when a test migrates its database")
	class Migrating {

		@Test
		@DisplayName("then migrateTo goes backward with undo scripts and forward again")
		void backwardAndForward() {
			executeTestClass(MigrateToTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
		}
	}

	@ParityDatabase(migrations = "db/shelf")
	static class MigrateToTestCase {

		@Test
		void downAndUp(ParityDb db, DSLContext dsl) {
			db.migrateTo("1");
			assertThat(db.migrationVersion()).hasValue("1");
			assertThat(dsl.meta().getTables("shelf_item")).isEmpty();
			db.migrateTo("2");
			assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("shelf_item"))).isZero();
		}
	}

	/** Several classes in one engine run share a root context, as in a real build. */
	static final class EngineTestKitSupport {

		static EngineExecutionResults executeTestClasses(Class<?>... classes) {
			return org.junit.platform.testkit.engine.EngineTestKit.engine("junit-jupiter")
			.configurationParameter("dbparity.report", "false")
				.configurationParameters(Map.of("junit.jupiter.execution.parallel.enabled", "false"))
				.selectors(java.util.Arrays.stream(classes)
					.map(org.junit.platform.engine.discovery.DiscoverySelectors::selectClass)
					.toArray(org.junit.platform.engine.DiscoverySelector[]::new))
				.execute();
		}
	}

	@Nested
	@DisplayName("when configuration is wrong")
	class BadInput {

		@Test
		@DisplayName("then an invalid configuration value names the key, the value and the allowed values")
		void invalidConfigurationValue() {
			Throwable failure = onlyFailure(executeTestClassWithConfigurationParameters(PerClassTestCase.class,
					Map.of("dbparity.isolation", "sometimes")));

			assertThat(failure).isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
				.hasMessage("Invalid value 'sometimes' for configuration parameter 'dbparity.isolation': allowed values: "
						+ "per_class, per_method, shared. Fix: set one of the allowed values (-Ddbparity.isolation=… or in "
						+ "junit-platform.properties), or remove the key to get the default.");
		}

		@Test
		@DisplayName("then a version that is not a pin says how to pin")
		void versionIsNotAPin() {
			Throwable failure = onlyFailure(executeTestClass(UnpinnedVersionTestCase.class));

			assertThat(failure).isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
				.hasMessage("Invalid engine version in @ParityDatabase(version) on " + UnpinnedVersionTestCase.class.getName()
						+ ": '17' is not a version pin: give at least major.minor, e.g. 17.6 or 10.11.5, so that the engine "
						+ "cannot change under your tests.");
		}

		@Test
		@DisplayName("then an unavailable engine version lists the available ones")
		void unavailableVersion() {
			Throwable failure = onlyFailure(executeTestClass(UnavailableVersionTestCase.class));

			assertThat(failure).isInstanceOf(ParityException.class)
				.hasMessageStartingWith("MariaDB 10.4 is not available as embedded binaries. Available versions: 10.11.5");
		}

		@Test
		@DisplayName("then a missing migrations folder says where it was looked for")
		void missingMigrations() {
			Throwable failure = onlyFailure(executeTestClass(MissingMigrationsTestCase.class));

			assertThat(failure).isInstanceOf(ParityException.class).hasMessageContaining("db/does-not-exist");
		}

		@Test
		@DisplayName("then two files with the same version are both named")
		void duplicateVersion() {
			Throwable failure = onlyFailure(executeTestClass(DuplicateVersionTestCase.class));

			assertThat(failure).isInstanceOf(ParityException.class)
				.hasMessageContaining("V1__first.sql")
				.hasMessageContaining("V1.0__second.sql");
		}

		@Test
		@DisplayName("then an SQL error in V3 names the file, the line and the database's message")
		void sqlErrorInV3() {
			Throwable failure = onlyFailure(executeTestClass(BrokenMigrationTestCase.class));

			assertThat(failure).isInstanceOf(ParityException.class)
				.hasMessageContaining("db/broken/V3__checks.sql:4")
				.hasMessageContaining("ALTER TABLE a ADD CONSTRAINT n_positive CHEK")
				.hasMessageContaining("syntax error");
		}

		@Test
		@DisplayName("then a parameter type we cannot inject gets an explanation")
		void unsupportedParameter() {
			Throwable failure = onlyFailure(executeTestClass(UnsupportedParameterTestCase.class));

			assertThat(failure).isInstanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class)
				.hasMessage("Cannot inject parameter [java.sql.Statement statement] in " + UnsupportedParameterTestCase.class
					.getName() + "#test: @ParityDatabase injects only javax.sql.DataSource, java.sql.Connection, "
						+ "org.jooq.DSLContext and dev.dbparity.junit.ParityDb. Ask for one of them, e.g. (DataSource "
						+ "dataSource), and derive what you need from it.");
		}

		@Test
		@DisplayName("then MySQL without Docker or a URL explains every provider's reason")
		void mySqlWithoutAnyProvider() {
			Throwable failure = onlyFailure(executeTestClassWithConfigurationParameters(MySqlTestCase.class,
					Map.of("dbparity.provider", "embedded")));

			assertThat(failure).isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
				.hasMessage("Cannot run mysql 8.4 with provider 'embedded':\n  - embedded: does not run MySQL\n"
						+ "Choose a provider that can run here with @ParityDatabase(provider = …) or dbparity.provider "
						+ "(auto, embedded, testcontainers, external).");
		}
	}

	@ParityDatabase(version = "17")
	static class UnpinnedVersionTestCase {

		@Test
		void test(ParityDb db) {
		}
	}

	@ParityDatabase(engine = Engine.MARIADB, version = "10.4")
	static class UnavailableVersionTestCase {

		@Test
		void test(ParityDb db) {
		}
	}

	@ParityDatabase(migrations = "db/does-not-exist")
	static class MissingMigrationsTestCase {

		@Test
		void test(ParityDb db) {
		}
	}

	@ParityDatabase(migrations = "db/duplicate")
	static class DuplicateVersionTestCase {

		@Test
		void test(ParityDb db) {
		}
	}

	@ParityDatabase(migrations = "db/broken")
	static class BrokenMigrationTestCase {

		@Test
		void test(ParityDb db) {
		}
	}

	@ParityDatabase(migrations = "db/shelf")
	static class UnsupportedParameterTestCase {

		@Test
		void test(java.sql.Statement statement) {
		}
	}

	@ParityDatabase(engine = Engine.MYSQL)
	static class MySqlTestCase {

		@Test
		void test(ParityDb db) {
		}
	}
}
