package dev.dbparity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCacheConcurrencyTests {

	@TempDir
	Path directory;

	@Test
	void ofTwoJvmsNeedingTheSameMissingTemplateOneBuildsItAndTheOtherWaitsAndRestoresIt() throws Exception {
		Path migrations = CacheRuns.migrations(directory);
		Path cache = directory.resolve("cache");
		List<Process> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), CacheRunMain.class.getName(), migrations.toString(),
					cache.toString()).redirectErrorStream(true).start());
		}
		List<String> reports = new ArrayList<>();
		for (Process run : runs) {
			reports.add(output(run));
		}

		assertThat(reports).allSatisfy(report -> assertThat(report).contains("rows: open"));
		assertThat(reports).filteredOn(report -> report.contains("kept in the template cache")).hasSize(1);
		assertThat(reports).filteredOn(report -> report.contains("restored from the template cache")).hasSize(1);
	}

	private static String output(Process run) throws IOException, InterruptedException {
		String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(run.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
		assertThat(run.exitValue()).as(output).isZero();
		return output;
	}
}
