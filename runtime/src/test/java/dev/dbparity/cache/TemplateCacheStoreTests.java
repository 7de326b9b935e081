package dev.dbparity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's own file handling, on plain directories; restoring real data directories is tested with real engines. */
class TemplateCacheStoreTests {

	@TempDir
	Path directory;

	private final List<String> warnings = new ArrayList<>();

	@Test
	void anEntryAKilledRunLeftHalfWrittenIsNeverUsedAndIsSweptByTheNextBuild() throws Exception {
		TemplateCache cache = cache(1L << 30);
		CacheKey key = CacheKey.of("postgres-template", Map.of("migrations", "abc"));
		// What a run killed while storing leaves: the data, but never renamed into place.
		Path partial = Files.createDirectories(directory.resolve("cache").resolve(key.hash() + ".partial-1234abcd/data"));
		Files.writeString(partial.resolve("PG_VERSION"), "stale\n");

		Path target = directory.resolve("target");
		TemplateCache.Outcome outcome = cache.restoreOrBuild(key, target, path -> true,
				into -> Files.writeString(Files.createDirectories(into).resolve("PG_VERSION"), "17\n"));

		assertThat(outcome).isEqualTo(TemplateCache.Outcome.BUILT);
		assertThat(partial.getParent()).doesNotExist();
		Path restored = directory.resolve("restored");
		assertThat(cache.restore(key, restored)).isTrue();
		assertThat(restored.resolve("PG_VERSION")).hasContent("17");
		assertThat(warnings).isEmpty();
	}

	@Test
	void clearRemovesEntriesAndWhatKilledRunsLeft() throws Exception {
		TemplateCache cache = cache(1L << 30);
		CacheKey kept = store(cache, "kept");
		Path partial = Files.createDirectories(directory.resolve("cache").resolve(kept.hash() + ".partial-1234abcd/data"));

		assertThat(cache.clear()).isEqualTo(1);

		assertThat(cache.list()).isEmpty();
		assertThat(partial.getParent()).doesNotExist();
		assertThat(directory.resolve("cache").resolve(kept.hash())).doesNotExist();
	}

	@Test
	void beyondItsBoundTheLeastRecentlyRestoredEntryIsEvicted() throws Exception {
		TemplateCache cache = cache(250);
		CacheKey first = store(cache, "first");
		CacheKey second = store(cache, "second");
		Thread.sleep(20);
		assertThat(cache.restore(first, directory.resolve("used"))).isTrue();
		Thread.sleep(20);

		CacheKey third = store(cache, "third");

		assertThat(cache.list()).extracting(TemplateCache.EntryInfo::name)
			.containsExactlyInAnyOrder(first.hash(), third.hash())
			.doesNotContain(second.hash());
	}

	private CacheKey store(TemplateCache cache, String name) throws Exception {
		Path data = Files.createDirectories(directory.resolve("source-" + name));
		Files.write(data.resolve("file"), new byte[100]);
		CacheKey key = CacheKey.of("postgres-template", Map.of("name", name));
		assertThat(cache.store(key, data, path -> true)).isTrue();
		Thread.sleep(20);
		return key;
	}

	private TemplateCache cache(long maxBytes) {
		return TemplateCache.of(new CacheSettings(true, directory.resolve("cache"), maxBytes), warnings::add);
	}
}
