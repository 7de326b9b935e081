package dev.dbparity.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.dbparity.baselines.BaselineSettings;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.migrations.MigrationGaps;
import dev.dbparity.migrations.MigrationRunners;
import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.DatabaseSettings;
import dev.dbparity.runtime.ParityRuntime;
import dev.dbparity.runtime.RunSettings;
import dev.dbparity.runtime.SettingNames;
import dev.dbparity.snapshots.Engine;

/**
 * {@code CacheRuns} is test support for the template cache: one run of the runtime (as one test JVM would do) on
 * embedded PostgreSQL with a migrations folder and a cache directory of the test's own, so that no test depends on
 * what an earlier run left in the user's cache. It returns the run's report.
 */
final class CacheRuns {

	private CacheRuns() {
	}

	/** A migrations folder with one table and one row, in {@code directory}. */
	static Path migrations(Path directory) throws IOException {
		Path folder = Files.createDirectories(directory.resolve("migration"));
		Files.writeString(folder.resolve("V1__orders.sql"), "CREATE TABLE orders (id int PRIMARY KEY, status text);\n"
				+ "INSERT INTO orders VALUES (1, 'open');\n");
		return folder;
	}

	/** Runs once, opening two databases, with {@code parameters} (the cache directory among them). */
	static String run(Path migrations, Map<String, String> parameters) {
		return run(Engine.POSTGRES, migrations, parameters);
	}

	/** As {@link #run(Path, Map)}, on {@code engine}'s default version. */
	static String run(Engine engine, Path migrations, Map<String, String> parameters) {
		return run(settings(engine, migrations), parameters);
	}

	/** As {@link #run(Path, Map)}, with {@code settings}. */
	static String run(DatabaseSettings settings, Map<String, String> parameters) {
		ByteArrayOutputStream report = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
			try (ParityRuntime runtime = runtime(parameters, out)) {
				for (int i = 0; i < 2; i++) {
					try (Database database = runtime.open(settings, "Scope" + i, false)) {
						out.println("rows: " + statuses(database));
					}
				}
			}
		}
		return report.toString(StandardCharsets.UTF_8);
	}

	/** A runtime as one test JVM has it, reporting to {@code out}. */
	static ParityRuntime runtime(Map<String, String> parameters, PrintStream out) {
		Map<String, String> given = new HashMap<>(parameters);
		return new ParityRuntime(new RunSettings(out, MigrationRunners.DEFAULT_ID, "test",
				key -> Optional.ofNullable(given.get(key)), MigrationGaps.WARN, Optional.empty(), false,
				Optional.empty(), Optional.empty(), Map.of()), SettingNames.KEYS);
	}

	/** Embedded PostgreSQL 17.6 with {@code migrations}, as {@code @ParityDatabase} has it by default. */
	static DatabaseSettings settings(Path migrations) {
		return settings(Engine.POSTGRES, migrations);
	}

	static DatabaseSettings settings(Engine engine, Path migrations) {
		return settings(engine, migrations, Optional.empty());
	}

	/** Embedded PostgreSQL 17.6 with {@code migrations}, seeded from {@code seed}. */
	static DatabaseSettings settings(Path migrations, Path seed) {
		return settings(Engine.POSTGRES, migrations, Optional.of(seed));
	}

	private static DatabaseSettings settings(Engine engine, Path migrations, Optional<Path> seed) {
		return new DatabaseSettings(new EngineSpec(engine, DatabaseSettings.defaultVersion(engine), Map.of()),
				"embedded", Optional.of("file:" + migrations), true, seed.map(file -> "file:" + file),
				BaselineSettings.none(), true, DatabaseSettings.defaultPrefetch(engine));
	}

	static String statuses(Database database) {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT status FROM orders ORDER BY id")) {
			StringBuilder statuses = new StringBuilder();
			while (rows.next()) {
				statuses.append(statuses.length() == 0 ? "" : ",").append(rows.getString(1));
			}
			return statuses.toString();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
