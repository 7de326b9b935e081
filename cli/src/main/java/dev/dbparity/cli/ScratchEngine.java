package dev.dbparity.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.Provider;
import dev.dbparity.junit.engine.DatabaseEngineProvider;
import dev.dbparity.junit.engine.EngineSpec;
import dev.dbparity.junit.engine.RunningEngine;
import dev.dbparity.junit.internal.DatabaseSettings;
import dev.dbparity.junit.internal.Engines;

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
			throw new CliException("--engine " + engine + ": " + e.getMessage(), e);
		}
	}

	/** Starts the engine (or connects to {@code --url}), saying on {@code err} what it is {@code doing} on. */
	RunningEngine start(String doing, PrintWriter err) {
		Engine parsedEngine = engine();
		Map<String, String> settings = new HashMap<>();
		url.ifPresent(value -> settings.put("url", LiveDatabase.driverUrl(value)));
		credentials.user.ifPresent(value -> settings.put("user", value));
		credentials.properties().stringPropertyNames().stream().filter(name -> name.equals("password"))
			.forEach(name -> settings.put(name, credentials.properties().getProperty(name)));
		EngineSpec engineSpec = new EngineSpec(parsedEngine,
				version.orElse(DatabaseSettings.defaultVersion(parsedEngine)), settings);
		DatabaseEngineProvider provider = Engines.choose(url.isPresent() ? Provider.EXTERNAL : Provider.EMBEDDED,
				engineSpec);
		err.println("dbparity: " + doing + " on " + engineSpec.displayName() + " (" + provider.id() + ")");
		// An external server's version is the user's to choose: only warn when it differs from the pin.
		return Engines.start(provider, engineSpec, url.isEmpty());
	}
}
