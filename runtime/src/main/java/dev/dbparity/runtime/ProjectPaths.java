package dev.dbparity.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ProjectPaths} writes file paths as reports show them: relative to the project, that is the working directory
 * (the module's directory under Maven and Gradle, where the command line runs), with {@code /} separators. A report
 * read in a pull request or a CI log must say {@code db/migration/V5__x.sql:3}, not the absolute path of the machine
 * that ran it, which nobody else has and which tells strangers how that machine is laid out.
 *
 * <p>Internal: may change in any minor release.
 */
public final class ProjectPaths {

	private ProjectPaths() {
	}

	/** {@code path} relative to the project, when it is inside the project. */
	public static Optional<String> relative(Path path) {
		Path project = Path.of("").toAbsolutePath().normalize();
		Path absolute = path.toAbsolutePath().normalize();
		if (!absolute.startsWith(project)) {
			return Optional.empty();
		}
		String relative = project.relativize(absolute).toString().replace('\\', '/');
		return Optional.of(relative.isEmpty() ? "." : relative);
	}

	/**
	 * {@code path} relative to the project when it is inside it; otherwise as given, since a path outside the project
	 * (a temporary folder) has no shorter name that every reader could resolve.
	 */
	public static String display(Path path) {
		return relative(path).orElse(path.toString());
	}

	/**
	 * Where dbparity writes its HTML reports: {@code configured} ({@code dbparity.reports.dir}) when given, else
	 * {@code dbparity/} in the build tool's output directory of the project — {@code build/} when the project is built
	 * by Gradle (a {@code build.gradle} or {@code build.gradle.kts} and no {@code pom.xml}), {@code target/} otherwise.
	 */
	public static Path reportsDirectory(Optional<String> configured) {
		return reportsDirectory(Path.of("").toAbsolutePath(), configured);
	}

	/** {@link #reportsDirectory(Optional)} for the project in {@code project}. */
	static Path reportsDirectory(Path project, Optional<String> configured) {
		if (configured.isPresent() && !configured.get().isBlank()) {
			return project.resolve(configured.get().trim()).normalize();
		}
		boolean gradle = (Files.exists(project.resolve("build.gradle")) || Files.exists(project.resolve(
				"build.gradle.kts"))) && !Files.exists(project.resolve("pom.xml"));
		return project.resolve(gradle ? "build" : "target").resolve("dbparity");
	}
}
