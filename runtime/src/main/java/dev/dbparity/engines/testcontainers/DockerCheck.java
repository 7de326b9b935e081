package dev.dbparity.engines.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;

/**
 * {@code DockerCheck} asks Testcontainers whether a Docker engine answers (Testcontainers caches the answer per JVM),
 * unless nothing on this machine points at Docker at all: then it says no at once, without Testcontainers' error log.
 */
final class DockerCheck {

	private DockerCheck() {
	}

	static boolean dockerAnswers() {
		if (!anythingPointsAtDocker()) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private static boolean anythingPointsAtDocker() {
		if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null) {
			return true;
		}
		String home = System.getProperty("user.home");
		String runtime = System.getenv("XDG_RUNTIME_DIR");
		return Stream.of(Path.of("/var/run/docker.sock"), Path.of(home, ".testcontainers.properties"),
				Path.of(home, ".docker", "run", "docker.sock"), Path.of(home, ".docker", "desktop", "docker.sock"),
				Path.of(home, ".colima", "default", "docker.sock"), Path.of(home, ".rd", "docker.sock"),
				Path.of(runtime != null ? runtime : "/run/user/0", "docker.sock"), Path.of(runtime != null ? runtime
						: "/run/user/0", "podman", "podman.sock"))
			.anyMatch(Files::exists);
	}
}
