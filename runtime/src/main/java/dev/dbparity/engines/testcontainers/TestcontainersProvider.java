package dev.dbparity.engines.testcontainers;

import dev.dbparity.engines.Availability;
import dev.dbparity.engines.DatabaseEngineProvider;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;

/**
 * {@code TestcontainersProvider} runs the pinned official image ({@code postgres:<version>}, {@code mariadb:<version>},
 * {@code mysql:<version>}) in Docker through Testcontainers 2.x.
 *
 * <p>Testcontainers is an optional dependency: this class checks that its classes are present before anything touches
 * them. The image can be replaced by a mirror ({@code dbparity.<engine>.image}) and pinned to a digest
 * ({@code dbparity.<engine>.digest}); a tag is always required and {@code latest} is refused.
 *
 * @since 0.1
 */
public final class TestcontainersProvider implements DatabaseEngineProvider {

	static final String ID = "testcontainers";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int priority() {
		return 200;
	}

	@Override
	public boolean supports(Engine engine) {
		return true;
	}

	@Override
	public Availability availability(EngineSpec spec) {
		String moduleClass = TestcontainersImages.containerClass(spec.engine());
		try {
			Class.forName("org.testcontainers.DockerClientFactory", false, getClass().getClassLoader());
			Class.forName(moduleClass, false, getClass().getClassLoader());
		}
		catch (ClassNotFoundException e) {
			return Availability.unavailable("add org.testcontainers:" + TestcontainersImages.moduleArtifact(spec.engine())
					+ " to the test classpath");
		}
		return DockerCheck.dockerAnswers() ? Availability.available("Docker answers")
				: Availability.unavailable("no Docker engine answers (Testcontainers found no valid Docker environment)");
	}

	@Override
	public RunningEngine start(EngineSpec spec) {
		Availability availability = availability(spec);
		if (!availability.available()) {
			throw new ParityException("Cannot start " + spec.displayName() + " with Testcontainers: " + availability.reason());
		}
		return ContainerServer.start(spec, TestcontainersImages.imageFor(spec));
	}
}
