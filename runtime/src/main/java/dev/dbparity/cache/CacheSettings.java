package dev.dbparity.cache;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.runtime.ConfigurationNames;
import dev.dbparity.runtime.ParityConfigurationException;

/**
 * {@code CacheSettings} say whether prepared templates are kept across runs, where, and how much disk they may take.
 *
 * <p>Internal: may change in any minor release.
 *
 * @param enabled {@value dev.dbparity.runtime.ConfigurationNames#CACHE}
 * @param directory {@value dev.dbparity.runtime.ConfigurationNames#CACHE_DIR}
 * @param maxBytes {@value dev.dbparity.runtime.ConfigurationNames#CACHE_MAX_SIZE}
 */
public record CacheSettings(boolean enabled, Path directory, long maxBytes) {

	/** One gibibyte: about twenty PostgreSQL templates of the samples' size. */
	public static final long DEFAULT_MAX_BYTES = 1L << 30;

	private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)i?b?");

	public CacheSettings {
		Objects.requireNonNull(directory, "directory");
	}

	/**
	 * The settings {@code parameters} give, with defaults: on, in {@code $XDG_CACHE_HOME/dbparity/templates} (else
	 * {@code ~/.cache/dbparity/templates}), at most {@link #DEFAULT_MAX_BYTES}.
	 *
	 * @throws ParityConfigurationException naming the key, its value and the values allowed
	 */
	public static CacheSettings read(Function<String, Optional<String>> parameters, Map<String, String> environment) {
		boolean enabled = parameters.apply(ConfigurationNames.CACHE).map(String::trim).filter(v -> !v.isEmpty())
			.map(CacheSettings::parseBoolean)
			.orElse(true);
		Path directory = parameters.apply(ConfigurationNames.CACHE_DIR).map(String::trim).filter(v -> !v.isEmpty())
			.map(Paths::get)
			.orElseGet(() -> defaultDirectory(environment));
		long maxBytes = parameters.apply(ConfigurationNames.CACHE_MAX_SIZE).map(String::trim).filter(v -> !v.isEmpty())
			.map(CacheSettings::parseSize)
			.orElse(DEFAULT_MAX_BYTES);
		return new CacheSettings(enabled, directory, maxBytes);
	}

	/** {@code $XDG_CACHE_HOME/dbparity/templates}, else {@code ~/.cache/dbparity/templates}. */
	public static Path defaultDirectory(Map<String, String> environment) {
		String xdg = environment.get("XDG_CACHE_HOME");
		Path root = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
		return root.resolve("dbparity").resolve("templates");
	}

	private static boolean parseBoolean(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalid(ConfigurationNames.CACHE, value, "true (keep prepared templates across runs) or "
					+ "false (build them in every run)", "false");
		};
	}

	/** {@code 500m}, {@code 2g}, {@code 1048576}: bytes, or kibi-, mebi-, gibi-, tebibytes. */
	static long parseSize(String value) {
		Matcher matcher = SIZE.matcher(value.toLowerCase(Locale.ROOT));
		if (matcher.matches()) {
			try {
				long number = Long.parseLong(matcher.group(1));
				int shift = switch (matcher.group(2)) {
					case "k" -> 10;
					case "m" -> 20;
					case "g" -> 30;
					case "t" -> 40;
					default -> 0;
				};
				if (number > 0 && number <= Long.MAX_VALUE >> shift) {
					return number << shift;
				}
			}
			catch (NumberFormatException e) {
				// too long a number: refused below
			}
		}
		throw invalid(ConfigurationNames.CACHE_MAX_SIZE, value, "a size above zero in bytes or with a unit k, m, g or "
				+ "t (e.g. 2g, 500m)", "2g");
	}

	private static ParityConfigurationException invalid(String key, String value, String allowed, String example) {
		return new ParityConfigurationException("Invalid value '" + value + "' for configuration parameter '" + key
				+ "': allowed values: " + allowed + ". Fix: set e.g. -D" + key + "=" + example + " (or in "
				+ "junit-platform.properties), or remove the key to get the default.");
	}
}
