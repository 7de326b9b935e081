package dev.dbparity.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import dev.dbparity.junit.migration.MigrationHistory;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReader;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.statistics.StatisticsCollectors;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code LiveDatabase} reads a running database's schema and migration version inside a read-only transaction with a
 * statement timeout, reporting progress on stderr.
 */
final class LiveDatabase {

	/** What was read from the database. */
	record Capture(SchemaSnapshot schema, Optional<StatisticsSnapshot> statistics, Optional<String> migrationVersion,
			String url) {
	}

	private LiveDatabase() {
	}

	/**
	 * MySQL Connector/J, the one MySQL-family driver dbparity ships, speaks to MariaDB too; it only needs the URL scheme
	 * it knows.
	 */
	static String driverUrl(String url) {
		return url.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()) : url;
	}

	/**
	 * @throws CliException with the URL (without credentials) and the driver's message when it cannot connect or read
	 */
	static Capture capture(String url, Credentials credentials, PrintWriter progress) {
		return capture(url, credentials, Optional.empty(), progress);
	}

	/** @param statistics how to capture data statistics too, if at all */
	static Capture capture(String url, Credentials credentials, Optional<StatisticsOptions> statistics,
			PrintWriter progress) {
		String safeUrl = Urls.withoutCredentials(url);
		progress.println("dbparity: connecting to " + safeUrl);
		try (Connection connection = DriverManager.getConnection(driverUrl(url), credentials.properties())) {
			connection.setReadOnly(true);
			connection.setAutoCommit(false);
			try {
				CatalogReader reader = CatalogReaders.forConnection(connection);
				reader.limitStatementTime(connection, Duration.ofSeconds(credentials.statementTimeoutSeconds));
				SchemaSnapshot schema = reader.read(connection, new CaptureOptions(credentials.schemas,
						kind -> progress.println("dbparity: read " + kind)));
				Optional<StatisticsSnapshot> stats = Optional.empty();
				if (statistics.isPresent()) {
					progress.println("dbparity: reading data statistics (" + statistics.get().mode().id() + ")");
					stats = Optional.of(StatisticsCollectors.forConnection(connection).collect(connection, schema,
							statistics.get()));
				}
				Optional<String> version = MigrationHistory.currentVersion(connection);
				progress.println("dbparity: migration version " + version.orElse("(no history table)"));
				return new Capture(schema, stats, version, safeUrl);
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException e) {
			throw new CliException("Could not read " + safeUrl + ": " + e.getMessage()
					+ (e.getSQLState() != null ? " (SQLState " + e.getSQLState() + ")" : ""), e);
		}
	}
}
