package dev.dbparity.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dbparity.runtime.ParityConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.runtime.SettingNames;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.BaselineException;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.templates.DatabaseContext;

/** Baseline comparison and update mode on a real PostgreSQL, with the process environment under the test's control. */
class SchemaBaselineCheckTests {

	private static final Map<String, String> LOCAL = Map.of();
	private static final Map<String, String> ON_CI = Map.of("CI", "true");

	private static RunningEngine engine;

	private final List<String> verdicts = new java.util.ArrayList<>();

	@TempDir
	Path temporary;

	/** Not created by the test: update mode creates it. */
	private Path directory;

	@org.junit.jupiter.api.BeforeEach
	void chooseDirectory() {
		directory = temporary.resolve("production");
	}

	@BeforeAll
	static void startEngine() {
		engine = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
	}

	private void check(String migrations, boolean update, Map<String, String> environment, String... ignore) {
		SchemaBaselineCheck.run(engine, new DatabaseContext(Optional.of(MigrationSet.load(migrations,
				getClass().getClassLoader())), new SqlMigrationRunner()), new BaselineSettings(Optional.of("file:"
						+ directory), update, Optional.empty(), EngineVersionMatch.MAJOR, List.of(ignore)), environment, verdicts::add,
				SettingNames.KEYS);
	}

	@Test
	void updateModeWritesTheBaselineThatTheNextRunMatches() {
		check("db/shelf", true, LOCAL);

		Baseline written = Baseline.read(directory);
		assertThat(written.migrationVersion()).hasValue("2");
		assertThat(written.schema().at(List.of("schemas", "public", "tables", "shelf_item"))).isPresent();
		check("db/shelf", false, LOCAL);
		assertThat(verdicts).containsExactly(directory + " at migration version 2: baseline updated",
				directory + " at migration version 2: schema matches");
	}

	@Test
	void driftFailsWithTheReportAndWritesTheActualSchema() {
		check("db/shelf", true, LOCAL);

		assertThatThrownBy(() -> check("db/shelf-drift", false, LOCAL))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Schema does not match the baseline " + directory + " (migration version 2)")
			.hasMessageContaining("PERFORMANCE")
			.hasMessageContaining("public.shelf_item.indexes.")
			.hasMessageContaining("‣ the test database's schema is in " + directory.resolve("schema.actual.json"))
			.hasMessageContaining("-Ddbparity.baseline.update=true");
		assertThat(directory.resolve("schema.actual.json")).exists();
		assertThat(Path.of("target/dbparity/production-schema-diff.html")).content().contains("shelf_item_title_idx");
	}

	@Test
	void ignoreGlobsLetAKnownDifferencePass() {
		check("db/shelf", true, LOCAL);

		check("db/shelf-drift", false, LOCAL, "public.*.indexes.*");
	}

	@Test
	void updateModeIsRefusedOnCi() {
		assertThatThrownBy(() -> check("db/shelf", true, ON_CI))
			.isInstanceOf(ParityConfigurationException.class)
			.hasMessage("dbparity.baseline.update=true is refused because CI=true: a committed update flag must never turn "
					+ "CI green, and a baseline rewritten on CI would hide the drift it is there to report. Update "
					+ directory + " on your machine with -Ddbparity.baseline.update=true, review the change, and commit it.");
		assertThat(directory.resolve("manifest.json")).doesNotExist();
	}

	@Test
	void missingBaselineSaysHowToCreateIt() {
		assertThatThrownBy(() -> check("db/shelf", false, LOCAL))
			.isInstanceOf(BaselineException.class)
			.hasMessageStartingWith("Baseline directory " + directory.toAbsolutePath() + " does not exist.");
	}

	@Test
	void baselineAtAVersionTheFolderDoesNotHave() {
		check("db/shelf", true, LOCAL);
		// As a capture from a production at version 7 would write it: an edited manifest is refused on its own.
		Baseline written = Baseline.read(directory);
		Manifest manifest = written.manifest();
		Baseline.write(directory, new Manifest(manifest.format(), manifest.engine(), manifest.engineVersion(),
				manifest.settingsFingerprint(), Optional.of("7"), manifest.toolVersion(), manifest.source(),
				manifest.files()), written.schema());

		assertThatThrownBy(() -> check("db/shelf", false, LOCAL))
			.isInstanceOf(ParityException.class)
			.hasMessage("Baseline " + directory + " was captured at a version the migrations do not have. Migration "
					+ "version 7 is not in 'db/shelf', whose versions are 1, 2. Add the migrations production has run, or "
					+ "capture the baseline again from a database at a version the folder has.");
	}

	@Test
	void updateModeReplacesABaselineWhoseManifestWasEditedAsTheErrorAdvises() throws Exception {
		check("db/shelf", true, LOCAL);
		Path manifest = directory.resolve("manifest.json");
		Files.writeString(manifest, Files.readString(manifest)
			.replace("\"migrationVersion\": \"2\"", "\"migrationVersion\": \"1\""));
		assertThatThrownBy(() -> check("db/shelf", false, LOCAL)).isInstanceOf(BaselineException.class)
			.hasMessageContaining("field \"migrationVersion\" was changed")
			.hasMessageContaining("-Ddbparity.baseline.update=true");

		check("db/shelf", true, LOCAL);

		assertThat(Baseline.read(directory).migrationVersion()).hasValue("2");
		check("db/shelf", false, LOCAL);
	}
}
