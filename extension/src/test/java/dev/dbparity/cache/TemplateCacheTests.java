package dev.dbparity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
