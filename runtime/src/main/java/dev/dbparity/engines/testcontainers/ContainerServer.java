package dev.dbparity.engines.testcontainers;

import java.util.Map;
import java.util.Properties;

import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.ServerEndpoint;
import dev.dbparity.engines.ServerEngine;
import dev.dbparity.runtime.ParityException;

/** {@code ContainerServer} starts the engine's container with its data directory on tmpfs. */
final class ContainerServer {

	private static final String PASSWORD = "dbparity";

	private ContainerServer() {
	}

	static RunningEngine start(EngineSpec spec, String image) {
		DockerImageName name = DockerImageName.parse(image)
			.asCompatibleSubstituteFor(TestcontainersImages.officialImage(spec.engine()));
		JdbcDatabaseContainer<?> container = switch (spec.engine()) {
			case POSTGRES -> new PostgreSQLContainer(name)
				.withUsername("postgres")
				.withPassword(PASSWORD)
				.withTmpFs(Map.of("/var/lib/postgresql/data", "rw"))
				.withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
						"-c", "max_connections=300");
			case MARIADB -> new MariaDBContainer(name)
				.withUsername("root")
				.withPassword(PASSWORD)
				.withTmpFs(Map.of("/var/lib/mysql", "rw"))
				.withCommand("--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--max-connections=300");
			case MYSQL -> new MySQLContainer(name)
				.withUsername("root")
				.withPassword(PASSWORD)
				.withTmpFs(Map.of("/var/lib/mysql", "rw"))
				.withCommand("--innodb-flush-log-at-trx-commit=0", "--skip-log-bin", "--max-connections=300");
		};
		try {
			container.start();
		}
		catch (RuntimeException e) {
			container.stop();
			throw new ParityException("Could not start " + image + " with Testcontainers (phase start): " + e.getMessage(), e);
		}
		int port = container.getMappedPort(spec.engine().defaultPort());
		Properties properties = new Properties();
		if (spec.engine().isMySqlFamily()) {
			properties.setProperty("allowPublicKeyRetrieval", "true");
			// Seeding streams rows with LOAD DATA LOCAL INFILE from memory (never from a file path).
			properties.setProperty("allowLoadLocalInfile", "true");
		}
		try {
			return new ServerEngine(TestcontainersProvider.ID, spec.engine(),
					new ServerEndpoint(container.getHost(), port, container.getUsername(), PASSWORD), properties,
					container::stop);
		}
		catch (RuntimeException e) {
			container.stop();
			throw e;
		}
	}
}
