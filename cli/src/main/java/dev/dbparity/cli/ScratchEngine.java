package dev.dbparity.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.dbparity.engines.DatabaseEngineProvider;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.Engines;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.engines.external.ExternalProvider;
import dev.dbparity.runtime.DatabaseSettings;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.names.ClosestNames;

/**
 * {@code ScratchEngine} is the engine a command works on in databases of its own: an embedded one of the pinned
 * version by default, or the server of {@code --url}, where those databases are created and dropped.
 */
final class ScratchEngine {

	/** Help alone, without picocli's standard mixin: {@code --version} is the engine's version pin here. */
	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
	boolean help;

	@Option(names = "--engine", required = true, description = "postgres, mariadb or mysql.")
	String engine;

	@Option(names = "--version", paramLabel = "PIN", description = "The engine version pin (default: the engine's).")
	Optional<String> version = Optional.empty();

	@Option(names = "--url", paramLabel = "JDBC",
			description = "A server to work on (scratch databases are created there and dropped); default: embedded.")
	Optional<String> url = Optional.empty();

	@Mixin
	Credentials credentials;

	/** The engine {@code --engine} names. */
	Engine engine() {
		try {
			return Engine.parse(engine);
		}
		catch (IllegalArgumentException e) {
			List<String> known = Arrays.stream(Engine.values()).map(Engine::id).toList();
			throw new CliException("--engine " + engine + ": not an engine dbparity runs; " + e.getMessage() + ". "
					+ ClosestNames.closest(engine, known).map(name -> "Did you mean " + name + "? ").orElse("")
					+ "Write --engine " + String.join(", --engine ", known) + ".", e);
		}
	}

	/** Checks {@code --engine} and {@code --url} before any work. */
	void check() {
		engine();
		url.ifPresent(value -> Urls.check("--url", value));
	}

	/** Starts the engine (or connects to {@code --url}), saying on {@code err} what it is {@code doing} on. */
	RunningEngine start(String doing, PrintWriter err) {
		check();
		Engine parsedEngine = engine();
		Map<String, String> settings = new HashMap<>();
		url.ifPresent(value -> settings.put("url", LiveDatabase.driverUrl(value)));
		credentials.user.ifPresent(value -> settings.put("user", value));
		credentials.password().ifPresent(value -> settings.put("password", value));
		EngineSpec engineSpec = new EngineSpec(parsedEngine,
				version.orElse(DatabaseSettings.defaultVersion(parsedEngine)), settings);
		DatabaseEngineProvider provider = Engines.choose(url.isPresent() ? ExternalProvider.ID : EmbeddedProvider.ID,
				engineSpec, new OptionNames());
		err.println("dbparity: " + doing + " on " + engineSpec.displayName() + " (" + provider.id() + ")");
		// An external server's version is the user's to choose: only warn when it differs from the pin.
		try {
			return Engines.start(provider, engineSpec, url.isEmpty(), new OptionNames());
		}
		catch (RuntimeException e) {
			if (url.isPresent() && e.getCause() instanceof SQLException failure) {
				throw ConnectionFailures.explain("work on", url.get(), failure, credentials);
			}
			throw e;
		}
	}
}
