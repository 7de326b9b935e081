package dev.dbparity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.ParityRuntime;
import dev.dbparity.snapshots.Engine;

class TemplateCacheTests {

	@TempDir
	Path directory;

	@Test
	void aSecondRunRestoresTheTemplateTheFirstBuiltAndKept() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Map<String, String> cache = Map.of("dbparity.cache.dir", directory.resolve("cache").toString());

		String first = CacheRuns.run(migrations, cache);
		String second = CacheRuns.run(migrations, cache);

		assertThat(first).contains("kept in the template cache").contains("rows: open");
		assertThat(second).contains("restored from the template cache").doesNotContain("kept in the template cache")
			.contains("rows: open");
	}

	@Test
	void onMariaDbTooASecondRunRestoresTheTemplateTheFirstBuiltAndKept() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Map<String, String> cache = Map.of("dbparity.cache.dir", directory.resolve("cache").toString());

		// The first run may unpack the binaries, which are then keyed; a template is kept from then on.
		CacheRuns.run(Engine.MARIADB, migrations, cache);
		CacheRuns.run(Engine.MARIADB, migrations, cache);
		String warm = CacheRuns.run(Engine.MARIADB, migrations, cache);

		assertThat(warm).contains("restored from the template cache").contains("rows: open");
		try (Stream<Path> entries = Files.list(directory.resolve("cache"))) {
			assertThat(entries.map(entry -> entry.getFileName().toString()))
				.anyMatch(name -> name.startsWith("mariadb-installed-"));
		}
	}

	@Test
	void aMigrationChangedByOneByteIsANewKeyAndNeverTheStaleTemplate() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Map<String, String> cache = Map.of("dbparity.cache.dir", directory.resolve("cache").toString());
		CacheRuns.run(migrations, cache);
		Path script = migrations.resolve("V1__orders.sql");
		Files.writeString(script, Files.readString(script).replace("'open'", "'opeN'"));

		String changed = CacheRuns.run(migrations, cache);

		assertThat(changed).contains("kept in the template cache").contains("rows: opeN").doesNotContain("rows: open");
	}

	@Test
	void aTemplateWhoseMigrationFailsFailsAsWithoutTheCacheAndLeavesTheEngineToTheOtherTemplates() throws Exception {
		Path broken = Files.createDirectories(directory.resolve("broken"));
		Files.writeString(broken.resolve("V1__broken.sql"), "CREATE TABLE orders (id int PRIMARY KEY,;\n");
		Path good = CacheRuns.migrations(directory);
		Map<String, String> cache = Map.of("dbparity.cache.dir", directory.resolve("cache").toString());
		Map<String, String> off = Map.of("dbparity.cache", "false");

		RuntimeException withCache = failure(broken, cache);
		RuntimeException withoutCache = failure(broken, off);
		try (ParityRuntime runtime = CacheRuns.runtime(cache, new PrintStream(OutputStream.nullOutputStream()))) {
			assertThatThrownBy(() -> runtime.open(CacheRuns.settings(broken), "Broken", false))
				.isInstanceOf(withoutCache.getClass());
			try (Database database = runtime.open(CacheRuns.settings(good), "Good", false)) {
				assertThat(CacheRuns.statuses(database)).isEqualTo("open");
			}
		}

		assertThat(withCache).isInstanceOf(withoutCache.getClass());
		// The same message but for the server's port and the template's name.
		assertThat(withoutServer(withCache)).contains("V1__broken.sql").isEqualTo(withoutServer(withoutCache));
		// The good template was built beside the failed one, on an engine already started: only a first is cached.
		try (Stream<Path> entries = Files.list(directory.resolve("cache"))) {
			assertThat(entries.map(entry -> entry.getFileName().toString()))
				.filteredOn(name -> name.startsWith("postgres-template-") && !name.endsWith(".lock"))
				.isEmpty();
		}
	}

	private static String withoutServer(RuntimeException failure) {
		return failure.getMessage().replaceAll("\\(jdbc:[^)]*\\)", "(…)");
	}

	private static RuntimeException failure(Path migrations, Map<String, String> parameters) {
		try (ParityRuntime runtime = CacheRuns.runtime(parameters, new PrintStream(OutputStream.nullOutputStream()))) {
			runtime.open(CacheRuns.settings(migrations), "Broken", false).close();
		}
		catch (RuntimeException e) {
			return e;
		}
		throw new AssertionError("the broken migration did not fail");
	}

	@Test
	void withTheCacheOffEveryRunBuildsAndNothingIsWritten() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Map<String, String> off = Map.of("dbparity.cache.dir", directory.resolve("cache").toString(), "dbparity.cache",
				"false");

		CacheRuns.run(migrations, off);
		String second = CacheRuns.run(migrations, off);

		assertThat(second).contains("built in").doesNotContain("template cache");
		assertThat(directory.resolve("cache")).doesNotExist();
	}
}
