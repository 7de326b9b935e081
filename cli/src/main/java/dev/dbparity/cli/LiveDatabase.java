package dev.dbparity.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import dev.dbparity.migrations.MigrationHistory;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReader;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.catalog.UnknownSchemaException;
import dev.dbparity.snapshots.redaction.Redaction;
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
	 * @param option the option or argument that gave {@code url}, for messages
	 * @param statistics how to capture data statistics too, if at all
	 * @param versionCheck told the migration version first, before the schema and statistics are read, so that a
	 *     capture that cannot be used fails before the expensive work
	 * @throws CliException with the URL (without credentials) and what went wrong when it cannot connect or read
	 */
	static Capture capture(String option, String url, Credentials credentials, Optional<StatisticsOptions> statistics,
			Consumer<Optional<String>> versionCheck, PrintWriter progress) {
		Urls.check(option, url);
		String safeUrl = Urls.shown(url);
		progress.println("dbparity: connecting to " + safeUrl);
		Connection connection;
		try {
			connection = DriverManager.getConnection(driverUrl(url), credentials.properties());
		}
		catch (SQLException e) {
			throw ConnectionFailures.explain("connect to", url, e, credentials);
		}
		try (connection) {
			connection.setReadOnly(true);
			connection.setAutoCommit(false);
			try {
				CatalogReader reader = CatalogReaders.forConnection(connection);
				reader.limitStatementTime(connection, Duration.ofSeconds(credentials.statementTimeoutSeconds));
				Optional<String> version = MigrationHistory.currentVersion(connection);
				progress.println("dbparity: migration version " + version.orElse("(no history table)"));
				versionCheck.accept(version);
				SchemaSnapshot schema = reader.read(connection, new CaptureOptions(credentials.schemas,
						kind -> progress.println("dbparity: read " + kind)));
				Optional<StatisticsSnapshot> stats = Optional.empty();
				if (statistics.isPresent()) {
					progress.println("dbparity: reading data statistics (" + statistics.get().mode().id() + ")");
					stats = Optional.of(StatisticsCollectors.forConnection(connection).collect(connection, schema,
							statistics.get()));
				}
				return new Capture(schema, stats, version, safeUrl);
			}
			catch (UnknownSchemaException e) {
				throw new CliException("--schema " + String.join(" --schema ", credentials.schemas) + " of " + safeUrl
						+ ": " + e.getMessage(), e);
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException e) {
			throw new CliException("Could not read " + safeUrl + ": " + Redaction.text(e.getMessage(),
					credentials.secrets(url)) + (e.getSQLState() != null ? " (SQLState " + e.getSQLState() + ")" : ""), e);
		}
	}
}
