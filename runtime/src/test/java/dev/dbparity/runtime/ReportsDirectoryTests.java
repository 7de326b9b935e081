package dev.dbparity.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports go to the build tool's output directory, never a hard-coded {@code target/}. */
class ReportsDirectoryTests {

	@TempDir
	Path project;

	@Test
	void aMavenProjectsReportsGoUnderTarget() throws IOException {
		Files.writeString(project.resolve("pom.xml"), "<project/>");

		assertThat(ProjectPaths.reportsDirectory(project, Optional.empty())).isEqualTo(project.resolve("target/dbparity"));
	}

	@Test
	void aGradleProjectsReportsGoUnderBuild() throws IOException {
		Files.writeString(project.resolve("build.gradle.kts"), "plugins { java }");

		assertThat(ProjectPaths.reportsDirectory(project, Optional.empty())).isEqualTo(project.resolve("build/dbparity"));
	}

	@Test
	void theConfiguredFolderWinsRelativeToTheProject() throws IOException {
		Files.writeString(project.resolve("build.gradle"), "");

		assertThat(ProjectPaths.reportsDirectory(project, Optional.of("out/parity")))
			.isEqualTo(project.resolve("out/parity"));
	}
}
