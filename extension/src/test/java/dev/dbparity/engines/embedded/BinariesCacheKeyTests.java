package dev.dbparity.engines.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.cache.CacheSettings;
import dev.dbparity.cache.TemplateCache;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.VersionPin;
import dev.dbparity.snapshots.Engine;

class BinariesCacheKeyTests {

	@TempDir
	Path directory;

	@Test
	void binariesChangedUnderTheSameVersionAreANewKeyAndTheSameBytesElsewhereTheSameKey() throws Exception {
		Path real = PostgresBinaries.forThisMachine(MavenRepository.of(Optional.empty(), "test"))
			.resolve(VersionPin.parse("17.6"));
		Path same = Files.copy(real, Files.createDirectories(directory.resolve("same")).resolve(real.getFileName()));
		Path rebuilt = Files.copy(real, Files.createDirectories(directory.resolve("rebuilt")).resolve(real.getFileName()));
		Files.write(rebuilt, new byte[] { 0 }, StandardOpenOption.APPEND);
		TemplateCache cache = TemplateCache.of(new CacheSettings(true, directory.resolve("cache"), 1L << 30), warning -> {
		});
		EngineSpec spec = new EngineSpec(Engine.POSTGRES, "17.6", Map.of());

		assertThat(EmbeddedPostgresServer.clusterKey(spec, same, cache))
			.isEqualTo(EmbeddedPostgresServer.clusterKey(spec, real, cache))
			.isNotEqualTo(EmbeddedPostgresServer.clusterKey(spec, rebuilt, cache));
	}
}
