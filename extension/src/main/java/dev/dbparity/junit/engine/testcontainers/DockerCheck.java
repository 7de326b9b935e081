package dev.dbparity.junit.engine.testcontainers;

import org.testcontainers.DockerClientFactory;

/** {@code DockerCheck} asks Testcontainers once per JVM whether a Docker engine answers; the answer is cached there. */
final class DockerCheck {

	private DockerCheck() {
	}

	static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException e) {
			return false;
		}
	}
}
