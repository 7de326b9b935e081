package dev.dbparity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.BadInputMessage;
import dev.dbparity.runtime.ParityConfigurationException;

class TemplateCacheBadInputTests {

	@TempDir
	Path directory;

	@Test
	@BadInputEntry("CACHE-001")
	void anEntryEditedOnDiskIsDetectedByItsChecksumSaidOnceAndRebuilt() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Map<String, String> cache = Map.of("dbparity.cache.dir", directory.resolve("cache").toString());
		CacheRuns.run(migrations, cache);
		Path version = templateEntry().resolve("data/PG_VERSION");
		Files.writeString(version, Files.readString(version).replace('7', '8'));

		String report = CacheRuns.run(migrations, cache);

		BadInputMessage.assertSays(report, "is damaged: data/PG_VERSION differs from its checksum",
				templateEntry().toString(), "clear the cache by deleting");
		assertThat(report.split("is damaged", -1)).hasSize(2);
		assertThat(report).contains("kept in the template cache").contains("rows: open");
		assertThat(CacheRuns.run(migrations, cache)).contains("restored from the template cache")
			.doesNotContain("damaged");
	}

	@Test
	@BadInputEntry("CACHE-002")
	void aTruncatedEntryIsDetectedByItsSizeSaidOnceAndRebuilt() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Map<String, String> cache = Map.of("dbparity.cache.dir", directory.resolve("cache").toString());
		CacheRuns.run(migrations, cache);
		Path hba = templateEntry().resolve("data/pg_hba.conf");
		Files.write(hba, java.util.Arrays.copyOf(Files.readAllBytes(hba), 10));

		String report = CacheRuns.run(migrations, cache);

		BadInputMessage.assertSays(report, "data/pg_hba.conf has 10 bytes", templateEntry().toString(),
				"check the disk");
		assertThat(report.split("is damaged", -1)).hasSize(2);
		assertThat(report).contains("kept in the template cache").contains("rows: open");
	}

	@Test
	@BadInputEntry("CACHE-003")
	void aCacheDirectoryThatCannotBeWrittenIsSaidOnceAndTheRunGoesOnWithoutIt() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Path notADirectory = Files.writeString(directory.resolve("cache-is-a-file"), "not a directory\n");

		String report = CacheRuns.run(migrations, Map.of("dbparity.cache.dir", notADirectory.resolve("templates")
			.toString()));

		BadInputMessage.assertSays(report, "cannot be used", notADirectory.resolve("templates").toString(),
				"point dbparity.cache.dir at one, or turn the cache off with dbparity.cache=false");
		assertThat(report.split("cannot be used", -1)).hasSize(2);
		assertThat(report).contains("rows: open").contains("built in");
	}

	@Test
	@BadInputEntry("CACHE-004")
	void anInvalidCacheSwitchNamesTheKeyAndTheValuesAllowed() throws Exception {
		Path migrations = CacheRuns.migrations(directory);

		assertThatThrownBy(() -> CacheRuns.run(migrations, Map.of("dbparity.cache", "yes",
				"dbparity.cache.dir", directory.resolve("cache").toString())))
			.isInstanceOf(ParityConfigurationException.class)
			.satisfies(thrown -> BadInputMessage.assertSays(thrown, "Invalid value 'yes'", "'dbparity.cache'",
					"-Ddbparity.cache=false"));
		assertThat(directory.resolve("cache")).doesNotExist();
	}

	@Test
	@BadInputEntry("CACHE-005")
	void anInvalidCacheSizeNamesTheKeyAndAnExample() throws Exception {
		Path migrations = CacheRuns.migrations(directory);

		assertThatThrownBy(() -> CacheRuns.run(migrations, Map.of("dbparity.cache.max-size", "-5m",
				"dbparity.cache.dir", directory.resolve("cache").toString())))
			.isInstanceOf(ParityConfigurationException.class)
			.satisfies(thrown -> BadInputMessage.assertSays(thrown, "Invalid value '-5m'", "'dbparity.cache.max-size'",
					"-Ddbparity.cache.max-size=2g"));
		assertThat(directory.resolve("cache")).doesNotExist();
	}

	private Path templateEntry() throws IOException {
		try (Stream<Path> entries = Files.list(directory.resolve("cache"))) {
			return entries.filter(entry -> entry.getFileName().toString().startsWith("postgres-template-"))
				.filter(Files::isDirectory)
				.filter(entry -> !entry.getFileName().toString().contains("."))
				.findFirst()
				.orElseThrow();
		}
	}
}
