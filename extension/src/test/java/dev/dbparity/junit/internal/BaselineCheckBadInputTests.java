package dev.dbparity.junit.internal;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.baselines.BaselineSettings;
import dev.dbparity.baselines.EngineVersionMatch;
import dev.dbparity.baselines.SchemaBaselineCheck;
import dev.dbparity.baselines.StatisticsBaselineCheck;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.templates.DatabaseContext;

/**
 * The bad-input catalogue of baselines that needs a live engine ({@code BASE-}): each mistake fed through the
 * baseline checks behind {@code assertSchemaMatchesBaseline()} and {@code assertStatisticsMatchBaseline()} on a real
 * PostgreSQL, with the message a user sees and the proof that the baseline was left as it was.
 */
class BaselineCheckBadInputTests {

	private static final Map<String, String> LOCAL = Map.of();

	private static RunningEngine engine;

	@TempDir
	Path temporary;

	private final List<String> verdicts = new ArrayList<>();

	@BeforeAll
	static void startEngine() {
		engine = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
	}

	private Path directory() {
		return temporary.resolve("production");
	}

	private DatabaseContext shelf() {
		return new DatabaseContext(Optional.of(MigrationSet.load("db/shelf", getClass().getClassLoader())),
				new SqlMigrationRunner());
	}

	private BaselineSettings settings(Optional<Path> baseline, boolean update) {
		return new BaselineSettings(baseline.map(path -> "file:" + path), update, Optional.empty(),
				EngineVersionMatch.MAJOR, List.of());
	}

	/** The shelf's baseline, written by update mode on this PostgreSQL. */
	private Path updated() {
		SchemaBaselineCheck.run(engine, shelf(), settings(Optional.of(directory()), true), LOCAL, verdicts::add,
				new AnnotationSettingNames());
		return directory();
	}

	/** The baseline rewritten as a capture of a production at {@code version} would have written it. */
	private void recordedAt(Optional<String> version) {
		Baseline written = Baseline.read(directory());
		Manifest manifest = written.manifest();
		Baseline.write(directory(), new Manifest(manifest.format(), manifest.engine(), manifest.engineVersion(),
				manifest.settingsFingerprint(), version, manifest.toolVersion(), manifest.source(), manifest.files()),
				written.schema());
	}

	/** Runs the schema check, which must fail; asserts that no file changed. */
	private Throwable schemaCheckFails(DatabaseContext context, BaselineSettings settings, Map<String, String> env) {
		FileTree before = FileTree.of(temporary);
		Throwable thrown = catchThrowable(() -> SchemaBaselineCheck.run(engine, context, settings, env, verdicts::add,
				new AnnotationSettingNames()));
		assertThat(thrown).as("the check fails").isNotNull();
		assertThat(FileTree.of(temporary)).as("the baseline is left as it was").isEqualTo(before);
		return thrown;
	}

	@Test
	@BadInputEntry("BASE-030")
	void baselineOfAnotherEngine() {
		ObjectNode tree = CanonicalJson.object().put("format", 1);
		tree.putObject("engine").put("name", "mariadb").put("version", "11.4.5").put("major", "11");
		tree.putObject("schemas");
		Baseline.write(directory(), new Manifest(Manifest.FORMAT, "mariadb", "11.4.5", "sha256:00", Optional.of("2"),
				"0.1.0", Optional.empty(), Map.of()), new SchemaSnapshot(tree));

		Throwable thrown = schemaCheckFails(shelf(), settings(Optional.of(directory()), false), LOCAL);

		assertSays(thrown, "was captured from mariadb 11.4.5", directory().resolve("manifest.json") + ": engine.name",
				"use a baseline captured from postgres");
		assertThat(thrown.getMessage()).contains("but the test database is postgres");
	}

	@Test
	@BadInputEntry("BASE-031")
	void updateModeOnCi() {
		updated();

		Throwable thrown = schemaCheckFails(shelf(), settings(Optional.of(directory()), true), Map.of("CI", "true"));

		assertSays(thrown, "is refused because CI=true", "dbparity.baseline.update",
				"on your machine with -Ddbparity.baseline.update=true");
	}

	@Test
	@BadInputEntry("BASE-032")
	void baselineAtAVersionTheMigrationsDoNotHave() {
		updated();
		recordedAt(Optional.of("7"));

		Throwable thrown = schemaCheckFails(shelf(), settings(Optional.of(directory()), false), LOCAL);

		assertSays(thrown, "captured at a version the migrations do not have", "Migration version 7",
				"Add the migrations production has run");
	}

	@Test
	@BadInputEntry("BASE-033")
	void baselineWithAVersionButNoMigrationsFolder() {
		updated();

		Throwable thrown = schemaCheckFails(new DatabaseContext(Optional.empty(), new SqlMigrationRunner()),
				settings(Optional.of(directory()), false), LOCAL);

		assertSays(thrown, "no migrations folder is configured", "migration version 2",
				"Set @ParityDatabase(migrations = ");
	}

	@Test
	@BadInputEntry("BASE-034")
	void statisticsCheckedAgainstABaselineWithoutStatistics() {
		updated();
		String database = "dbparity_base_034";
		engine.createDatabase(database);
		try {
			FileTree before = FileTree.of(temporary);
			Throwable thrown = catchThrowable(() -> StatisticsBaselineCheck.run(engine.dataSource(database),
					settings(Optional.of(directory()), false), LOCAL, verdicts::add, new AnnotationSettingNames()));
			assertThat(FileTree.of(temporary)).isEqualTo(before);

			assertSays(thrown, "has no statistics.json", directory().toString(), "dbparity capture --statistics");
		}
		finally {
			engine.dropDatabase(database);
		}
	}

	@Test
	@BadInputEntry("BASE-035")
	void schemaCheckedWithoutABaseline() {
		Throwable thrown = schemaCheckFails(shelf(), settings(Optional.empty(), false), LOCAL);

		assertSays(thrown, "needs a baseline", "dbparity.baseline", "@ParityDatabase(baseline = ");
	}
}
