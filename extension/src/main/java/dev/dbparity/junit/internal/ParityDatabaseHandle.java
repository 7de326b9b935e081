package dev.dbparity.junit.internal;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDb;
import dev.dbparity.lint.LintOptions;
import dev.dbparity.lint.LintReport;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.ParityConfigurationException;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code ParityDatabaseHandle} is the {@link ParityDb} a test is given: the runtime's {@link Database} seen through
 * JUnit — round trips as dynamic tests, configuration errors as {@link ExtensionConfigurationException}s. Closing it
 * drops the database (unless it is shared).
 *
 * <p>Internal: may change in any minor release.
 */
public final class ParityDatabaseHandle implements ParityDb, AutoCloseable {

	private final Database database;

	public ParityDatabaseHandle(Database database) {
		this.database = database;
	}

	/** The runtime's database behind this handle. */
	public Database database() {
		return database;
	}

	@Override
	public Engine engine() {
		return Engine.of(database.engine());
	}

	@Override
	public String serverVersion() {
		return database.serverVersion();
	}

	@Override
	public String providerId() {
		return database.providerId();
	}

	@Override
	public String databaseName() {
		return database.name();
	}

	@Override
	public String jdbcUrl() {
		return database.jdbcUrl();
	}

	@Override
	public String user() {
		return database.user();
	}

	@Override
	public String password() {
		return database.password();
	}

	@Override
	public DataSource dataSource() {
		return database.dataSource();
	}

	@Override
	public DSLContext dsl() {
		return database.dsl();
	}

	@Override
	public Optional<String> migrationVersion() {
		return database.migrationVersion().map(MigrationVersion::toString);
	}

	@Override
	public void migrateTo(String version) {
		database.migrateTo(version);
	}

	@Override
	public SchemaSnapshot schemaSnapshot() {
		return database.schemaSnapshot();
	}

	@Override
	public void assertSchemaMatchesBaseline() {
		configured(() -> {
			database.assertSchemaMatchesBaseline();
			return null;
		});
	}

	@Override
	public Stream<DynamicTest> migrationRoundTrips() {
		RoundTripTimings timings = new RoundTripTimings();
		// Registered after the round trip's own close, so the report includes dropping its databases.
		return MigrationRoundTrip.dynamicTests(database.runningEngine(), database.context(), timings)
			.onClose(() -> database.report().roundTripsRan(database.runningEngine(),
					database.context().migrations().orElseThrow(), timings));
	}

	@Override
	public Stream<DynamicTest> retrySafety() {
		return MigrationRetrySafety.dynamicTests(database.runningEngine(), database.context(), new RoundTripTimings());
	}

	@Override
	public LintReport lintPendingMigrations() {
		return lintPendingMigrations(LintOptions.defaults());
	}

	@Override
	public LintReport lintPendingMigrations(LintOptions options) {
		return configured(() -> database.lintPendingMigrations(options));
	}

	@Override
	public StatisticsSnapshot statisticsSnapshot() {
		return configured(database::statisticsSnapshot);
	}

	@Override
	public void assertStatisticsMatchBaseline() {
		configured(() -> {
			database.assertStatisticsMatchBaseline();
			return null;
		});
	}

	@Override
	public void close() {
		database.close();
	}

	@Override
	public String toString() {
		return "ParityDb[" + database + "]";
	}

	/** Runs {@code action}, reporting the runtime's configuration errors as JUnit's. */
	public static <T> T configured(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (ParityConfigurationException e) {
			throw new ExtensionConfigurationException(e.getMessage(), e);
		}
	}
}
