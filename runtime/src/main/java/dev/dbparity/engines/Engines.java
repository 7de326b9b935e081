package dev.dbparity.engines;

import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import dev.dbparity.engines.external.ExternalProvider;
import dev.dbparity.runtime.ConfigurationNames;
import dev.dbparity.runtime.ParityConfigurationException;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.runtime.SettingNames;

/**
 * {@code Engines} chooses a {@link DatabaseEngineProvider} and starts engines, checking the server's version against
 * the pin.
 *
 * <p>Internal: may change in any minor release.
 */
public final class Engines {

	private static final System.Logger LOGGER = System.getLogger(Engines.class.getName());

	/** The provider id that takes the first provider able to run the engine here. */
	public static final String AUTO = "auto";

	private Engines() {
	}

	/** The registered providers, in the order {@code auto} tries them. */
	public static List<DatabaseEngineProvider> providers() {
		return ServiceLoader.load(DatabaseEngineProvider.class, Engines.class.getClassLoader()).stream()
			.map(ServiceLoader.Provider::get)
			.sorted(Comparator.comparingInt(DatabaseEngineProvider::priority))
			.toList();
	}

	/**
	 * @param names how the front end's users set the provider, for the advice when none can run here
	 * @throws ParityConfigurationException when the configured provider cannot run here, with the reason of every
	 *     provider that was considered
	 */
	public static DatabaseEngineProvider choose(String providerId, EngineSpec spec, SettingNames names) {
		List<DatabaseEngineProvider> candidates = providers().stream()
			.filter(candidate -> providerId.equals(AUTO) || candidate.id().equals(providerId))
			.toList();
		if (candidates.isEmpty()) {
			throw new ParityConfigurationException("No provider with id '" + providerId + "' is registered. "
					+ "Registered: " + providers().stream().map(DatabaseEngineProvider::id).collect(Collectors.joining(", ")));
		}
		StringBuilder reasons = new StringBuilder();
		for (DatabaseEngineProvider candidate : candidates) {
			Availability availability = candidate.supports(spec.engine()) ? candidate.availability(spec)
					: Availability.unavailable("does not run " + spec.engine().displayName());
			if (availability.available()) {
				return candidate;
			}
			reasons.append("\n  - ").append(candidate.id()).append(": ").append(availability.reason());
		}
		throw new ParityConfigurationException("Cannot run " + spec.displayName() + " with provider '" + providerId
				+ "':" + reasons + "\nChoose a provider that can run here with " + names.of(ConfigurationNames.PROVIDER)
				+ ".");
	}

	/**
	 * Starts {@code spec} and checks the server's version against the pin. A server we started must match; an external
	 * one may only warn when {@code failOnVersionMismatch} is false.
	 *
	 * @param names how the front end's users set the version, for the advice when the provider cannot run it
	 */
	public static RunningEngine start(DatabaseEngineProvider provider, EngineSpec spec, boolean failOnVersionMismatch,
			SettingNames names) {
		return start(provider, spec, failOnVersionMismatch, names, provider::start);
	}

	/** As {@link #start(DatabaseEngineProvider, EngineSpec, boolean, SettingNames)}, starting it with {@code how}. */
	public static RunningEngine start(DatabaseEngineProvider provider, EngineSpec spec, boolean failOnVersionMismatch,
			SettingNames names, Function<EngineSpec, RunningEngine> how) {
		RunningEngine engine;
		try {
			engine = how.apply(spec);
		}
		catch (VersionUnavailableException e) {
			throw e.advising(names);
		}
		VersionPin pin = VersionPin.parse(spec.version());
		if (pin.matches(engine.serverVersion())) {
			return engine;
		}
		String message = spec.engine().displayName() + " at " + engine.jdbcUrl("") + " (provider " + provider.id()
				+ ") runs version " + engine.serverVersion() + ", but the pin is " + pin + ".";
		boolean external = provider.id().equals(ExternalProvider.ID);
		if (external && !failOnVersionMismatch) {
			LOGGER.log(Level.WARNING, message + " Continuing because dbparity.version.check=warn.");
			return engine;
		}
		engine.close();
		throw new ParityException(message + (external ? " Point dbparity." + spec.engine().id() + ".url at a server of "
				+ "the pinned version, change the pin, or set dbparity.version.check=warn to only warn." : ""));
	}
}
