package dev.dbparity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.ParityRuntime;
import dev.dbparity.seeding.SeedRulesException;

/**
 * A template with seed rules in the cache: a warm run takes its key from the rules' bytes and restores it without
 * compiling the rules (compiling starts Datafaker, most of a warm start's cost); a cold run compiles them before
 * building, so rules that do not compile fail as they do without the cache.
 */
class SeededTemplateCacheTests {

	static final String RULES = """
			version: 1
			seed: 3
			tables:
			  orders:
			    rows: 2
			    columns:
			      id: {sequence: {start: 100}}
			      status: {faker: "#{Name.firstName}"}
			""";

	@TempDir
	Path directory;

	@Test
	void aWarmRunRestoresTheSeededTemplateWithoutCompilingTheSeedRules() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Path seed = Files.writeString(directory.resolve("seed.yaml"), RULES);
		Path cache = directory.resolve("cache");

		// Fresh JVMs, whose class loading shows whether Datafaker (which compiling the rules starts) was used.
		String cold = run(migrations, cache, seed);
		String warm = run(migrations, cache, seed);

		assertThat(cold).contains("kept in the template cache").contains("net.datafaker.");
		assertThat(warm).contains("restored from the template cache").doesNotContain("net.datafaker.");
		assertThat(rows(warm)).isEqualTo(rows(cold)).startsWith("rows: open,").matches("rows: open,\\w+,\\w+");
	}

	@Test
	void seedRulesThatDoNotCompileFailAsWithoutTheCacheAndKeepNoTemplate() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Path broken = Files.writeString(directory.resolve("broken.yaml"), RULES.replace("faker:", "fakir:"));
		Path good = Files.writeString(directory.resolve("seed.yaml"), RULES);
		Map<String, String> cache = Map.of("dbparity.cache.dir", directory.resolve("cache").toString());

		RuntimeException withCache = failure(migrations, broken, cache);
		RuntimeException withoutCache = failure(migrations, broken, Map.of("dbparity.cache", "false"));
		try (ParityRuntime runtime = CacheRuns.runtime(cache, new PrintStream(OutputStream.nullOutputStream()))) {
			assertThatThrownBy(() -> runtime.open(CacheRuns.settings(migrations, broken), "Broken", false))
				.isInstanceOf(SeedRulesException.class);
			try (Database database = runtime.open(CacheRuns.settings(migrations, good), "Good", false)) {
				assertThat(CacheRuns.statuses(database)).startsWith("open,");
			}
		}

		assertThat(withCache).isInstanceOf(SeedRulesException.class).hasMessageContaining("fakir");
		assertThat(withCache.getMessage()).isEqualTo(withoutCache.getMessage());
		try (Stream<Path> entries = Files.list(directory.resolve("cache"))) {
			assertThat(entries.map(entry -> entry.getFileName().toString()))
				.filteredOn(name -> name.startsWith("postgres-template-") && !name.endsWith(".lock"))
				.isEmpty();
		}
	}

	private static RuntimeException failure(Path migrations, Path seed, Map<String, String> parameters) {
		try (ParityRuntime runtime = CacheRuns.runtime(parameters, new PrintStream(OutputStream.nullOutputStream()))) {
			runtime.open(CacheRuns.settings(migrations, seed), "Broken", false).close();
		}
		catch (RuntimeException e) {
			return e;
		}
		throw new AssertionError("the broken seed rules did not fail");
	}

	private static String rows(String output) {
		return output.lines().filter(line -> line.startsWith("rows: ")).findFirst().orElseThrow();
	}

	private static String run(Path migrations, Path cache, Path seed) throws IOException, InterruptedException {
		Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), CacheRunMain.class.getName(),
				migrations.toString(), cache.toString(), seed.toString()).redirectErrorStream(true).start();
		String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(run.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
		assertThat(run.exitValue()).as(output).isZero();
		return output;
	}
}
