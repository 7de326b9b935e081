package dev.dbparity.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

import dev.dbparity.baselines.BaselineSettings;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.Engines;
import dev.dbparity.migrations.MigrationGaps;
import dev.dbparity.migrations.MigrationRunners;
import dev.dbparity.snapshots.Engine;

/**
 * {@code RuntimeDatabases} is test support for tests below the JUnit extension that need databases as
 * {@code @ParityDatabase} gives them: clones of templates that a {@link ParityRuntime} migrated (and seeded) once, with
 * the settings the extension resolves when nothing is configured, but printing no report.
 *
 * <p>A test class makes one in {@code @BeforeAll} and closes it in {@code @AfterAll}, which drops the databases and
 * stops the engines; waiting for the JVM's exit would race the engines' own shutdown hooks.
 */
public final class RuntimeDatabases implements AutoCloseable {

	private final ParityRuntime runtime;

	public RuntimeDatabases() {
		this(Optional.empty());
	}

	/** With seeding limited to {@code seedMaxRows} rows per table and in total, as {@code dbparity.seed.max-rows} does. */
	public RuntimeDatabases(Optional<Long> seedMaxRows) {
		runtime = new ParityRuntime(new RunSettings(new PrintStream(OutputStream.nullOutputStream()),
				MigrationRunners.DEFAULT_ID, "RuntimeDatabases", key -> Optional.empty(), MigrationGaps.WARN,
				Optional.empty(), false, Optional.empty(), seedMaxRows, System.getenv()), SettingNames.KEYS);
	}

	/** A new clone of the template {@code migrations} build on {@code engine}'s default version; the caller closes it. */
	public Database open(Engine engine, String migrations) {
		return open(settings(engine, DatabaseSettings.defaultVersion(engine), migrations, Optional.empty()));
	}

	/** A new clone of the template {@code settings} describe; the caller closes it. */
	public Database open(DatabaseSettings settings) {
		// The scope names the database in the report, which is not printed.
		return runtime.open(settings, settings.migrations().orElseThrow(), false);
	}

	/** What {@code @ParityDatabase(engine, version, migrations, seed)} resolves to without configuration. */
	public static DatabaseSettings settings(Engine engine, String version, String migrations, Optional<String> seed) {
		return new DatabaseSettings(new EngineSpec(engine, version, Map.of()), Engines.AUTO, Optional.of(migrations), true,
				seed, BaselineSettings.none(), true, DatabaseSettings.defaultPrefetch(engine));
	}

	@Override
	public void close() {
		runtime.close();
	}
}
