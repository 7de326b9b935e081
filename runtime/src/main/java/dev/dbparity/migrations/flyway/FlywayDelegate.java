package dev.dbparity.migrations.flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import dev.dbparity.migrations.AppliedMigration;
import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.ScriptExecution;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code FlywayDelegate} is the only class that touches Flyway's API; it is loaded only once
 * {@link FlywayMigrationRunner#unavailableReason()} found Flyway.
 */
final class FlywayDelegate {

	private FlywayDelegate() {
	}

	/** Forward through Flyway (to its latest when {@code target} is empty), backward through the {@code U} scripts. */
	static void migrateTo(DataSource dataSource, Engine engine, MigrationSet migrations,
			Optional<MigrationVersion> target, FlywayMigrationRunner runner) {
		String header;
		List<AppliedMigration> applied;
		try (Connection connection = dataSource.getConnection()) {
			header = "dbparity migrate (Flyway) on " + engine.displayName() + " ("
					+ Redaction.url(connection.getMetaData().getURL().replaceFirst("\\?.*$", "")) + ")";
			applied = FlywayMigrationRunner.readHistory(connection);
		}
		catch (SQLException e) {
			throw new MigrationException("dbparity migrate (Flyway) on " + engine.displayName()
					+ ": cannot use the database: " + e.getMessage(), e);
		}
		Optional<MigrationVersion> current = applied.stream().map(AppliedMigration::version)
			.max(Comparator.naturalOrder());
		if (target.isPresent() && current.isPresent() && target.get().compareTo(current.get()) < 0) {
			undoAbove(dataSource, engine, migrations, target.get(), applied, header, runner);
			return;
		}
		if (target.isPresent() && current.isEmpty()
				&& target.get().compareTo(migrations.migrations().get(0).version()) < 0) {
			// Below every migration of an empty database: nothing to do, and Flyway rejects a target it does not know.
			return;
		}
		String[] locations = runner.locations(migrations.location());
		FluentConfiguration configuration = Flyway.configure(Thread.currentThread().getContextClassLoader())
			.dataSource(dataSource)
			.locations(locations)
			.placeholders(runner.placeholders(FlywayMigrationRunner.scripts(migrations)))
			.failOnMissingLocations(true)
			.cleanDisabled(true);
		target.ifPresent(version -> configuration.target(version.toString()));
		if (runner.schemas().length > 0) {
			configuration.schemas(runner.schemas());
		}
		try {
			configuration.load().migrate();
		}
		catch (FlywayException e) {
			// Flyway says only that it cannot resolve a location; which setting to change is ours to say.
			String fix = String.valueOf(e.getMessage()).contains("Unable to resolve location")
					? "\nFix " + FlywayMigrationRunner.LOCATIONS_PROPERTY_NAME + " (or the migrations folder, which is "
							+ "the location when it is not set): each location must be an existing folder, "
							+ "classpath:<folder> or filesystem:<path>, comma-separated, e.g. "
							+ FlywayMigrationRunner.LOCATIONS_PROPERTY_NAME + "=classpath:db/migration."
					: "\nConfigure the locations with " + FlywayMigrationRunner.LOCATIONS_PROPERTY_NAME
							+ " and placeholder values with " + FlywayMigrationRunner.PLACEHOLDER_PROPERTY_PREFIX
							+ "<name>.";
			throw new MigrationException(header + ": Flyway migrate" + target.map(version -> " to " + version).orElse("")
					+ " with locations " + String.join(",", locations) + " failed: " + e.getMessage() + fix, e);
		}
	}

	private static void undoAbove(DataSource dataSource, Engine engine, MigrationSet migrations,
			MigrationVersion target, List<AppliedMigration> applied, String header, FlywayMigrationRunner runner) {
		List<AppliedMigration> toUndo = applied.stream().filter(row -> row.version().compareTo(target) > 0)
			.sorted(Comparator.comparing(AppliedMigration::version).reversed())
			.toList();
		// Every undo script is checked before the first runs, so a missing one changes nothing.
		for (AppliedMigration row : toUndo) {
			Optional<Migration> migration = migrations.find(row.version());
			if (migration.isEmpty()) {
				throw new MigrationException(header + ": cannot migrate down to " + target + ": version "
						+ row.version() + " (" + row.description() + ") was applied by Flyway but has no V script in '"
						+ migrations.location() + "' (a Java migration?). dbparity undoes with SQL U scripts only.");
			}
			if (migration.get().undo().isEmpty()) {
				throw new MigrationException(header + ": cannot migrate '" + migrations.location() + "' down to "
						+ target + ": migration " + row.version() + " (" + migration.get().up().location()
						+ ") has no undo script. Add U" + row.version() + "__<description>.sql beside it with the "
						+ "statements that reverse it.");
			}
		}
		for (AppliedMigration row : toUndo) {
			Script undo = migrations.find(row.version()).orElseThrow().undo().orElseThrow();
			runUndo(dataSource, engine, undo, row, header, runner);
		}
	}

	private static void runUndo(DataSource dataSource, Engine engine, Script undo, AppliedMigration row, String header,
			FlywayMigrationRunner runner) {
		// The undo and forgetting its version are one transaction wherever the engine and the script allow.
		try (Connection connection = dataSource.getConnection()) {
			ScriptExecution.run(connection, engine, header, undo, runner.sql(undo, engine),
					"undo of migration " + row.version(), row.description(), elapsed -> {
						try (PreparedStatement delete = connection.prepareStatement("DELETE FROM "
								+ FlywayMigrationRunner.HISTORY_TABLE + " WHERE installed_rank = ?")) {
							delete.setInt(1, row.installedRank());
							delete.executeUpdate();
						}
					});
		}
		catch (SQLException e) {
			throw new MigrationException(header + ": undo of migration " + row.version() + " (" + undo.location()
					+ ") could not use the database: " + e.getMessage(), e);
		}
	}
}
