package dev.dbparity.junit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationRunners;
import dev.dbparity.snapshots.names.ClosestNames;

/**
 * {@code ConfigurationKeys} refuses {@code dbparity.*} configuration parameters that dbparity does not read: a
 * misspelt key ({@code dbparity.isolaton}) would otherwise be ignored without a word and change what the tests check.
 *
 * <p>The known keys are the {@code …_PROPERTY_NAME} constants of {@link ParityDatabase} and of the registered
 * {@link MigrationRunner}s, the per-engine settings {@code dbparity.<engine>.<setting>}, and the families named by
 * {@code …_PROPERTY_PREFIX} constants (such as Flyway's placeholders), found by reflection so that a new setting is
 * known as soon as its constant exists.
 *
 * <p>JUnit offers extensions no way to list configuration parameters, so the keys checked are those that can be
 * listed: JVM system properties and the {@code junit-platform.properties} file that JUnit reads (the first on the
 * class path of the thread's context class loader). Keys given only in the launcher request (a build tool's
 * {@code configurationParameters}) are not checked. Reading system properties here is not the configuration's
 * precedence (JUnit orders the sources); it only lists keys.
 *
 * <p>Internal: may change in any minor release.
 */
public final class ConfigurationKeys {

	/** The namespace of every dbparity key. */
	private static final String NAMESPACE = "dbparity.";
	private static final String PROPERTIES_FILE = "junit-platform.properties";

	private final SortedSet<String> keys;
	/** Key families, {@code dbparity.flyway.placeholders.}: any key that starts with one is known. */
	private final SortedSet<String> prefixes;

	private ConfigurationKeys(SortedSet<String> keys, SortedSet<String> prefixes) {
		this.keys = keys;
		this.prefixes = prefixes;
	}

	/** The keys of this build: those of {@link ParityDatabase}, the engines and the migration runners on the classpath. */
	public static ConfigurationKeys known() {
		SortedSet<String> keys = new TreeSet<>();
		SortedSet<String> prefixes = new TreeSet<>();
		List<Class<?>> declaring = new ArrayList<>();
		declaring.add(ParityDatabase.class);
		ServiceLoader.load(MigrationRunner.class, MigrationRunners.class.getClassLoader()).stream()
			.map(ServiceLoader.Provider::type)
			.forEach(declaring::add);
		for (Class<?> type : declaring) {
			constants(type, "_PROPERTY_NAME").forEach(keys::add);
			// The engine settings' prefix is the namespace itself; it names a family only with an engine, below.
			constants(type, "_PROPERTY_PREFIX").filter(prefix -> !prefix.equals(NAMESPACE)).forEach(prefixes::add);
		}
		for (Engine engine : Engine.values()) {
			if (engine != Engine.DEFAULT) {
				for (String setting : ParityConfiguration.ENGINE_SETTINGS) {
					keys.add(ParityDatabase.ENGINE_SETTING_PROPERTY_PREFIX + engine.id() + "." + setting);
				}
			}
		}
		return new ConfigurationKeys(keys, prefixes);
	}

	private static Stream<String> constants(Class<?> type, String suffix) {
		return Arrays.stream(type.getFields())
			.filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
					&& field.getName().endsWith(suffix))
			.map(ConfigurationKeys::value)
			.filter(value -> value.startsWith(NAMESPACE));
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException e) {
			// Public constants of public types are always accessible.
			throw new IllegalStateException(e);
		}
	}

	/** {@code isKnown} is whether dbparity reads {@code key}. */
	public boolean isKnown(String key) {
		return keys.contains(key) || prefixes.stream().anyMatch(prefix -> key.startsWith(prefix) && key.length() > prefix.length());
	}

	/**
	 * The {@code dbparity.*} keys of the JVM's system properties and of the {@code junit-platform.properties} file
	 * JUnit reads, each with where it was given.
	 */
	public static SortedMap<String, String> given(Properties systemProperties, ClassLoader classLoader) {
		SortedMap<String, String> given = new TreeMap<>();
		Optional<URL> file = propertiesFile(classLoader);
		if (file.isPresent()) {
			Properties properties = new Properties();
			try (InputStream in = file.get().openStream()) {
				properties.load(in);
			}
			catch (IOException e) {
				throw new ExtensionConfigurationException("Cannot read " + file.get() + " to check its dbparity keys: "
						+ e.getMessage(), e);
			}
			properties.stringPropertyNames().stream().filter(key -> key.startsWith(NAMESPACE))
				.forEach(key -> given.put(key, PROPERTIES_FILE + " (" + file.get() + ")"));
		}
		// A system property overrides the file's value in JUnit, so it is where the key was given.
		systemProperties.stringPropertyNames().stream().filter(key -> key.startsWith(NAMESPACE))
			.forEach(key -> given.put(key, "system property -D" + key));
		return given;
	}

	/** The file JUnit reads: the first of that name on the class path, as JUnit warns of and ignores any others. */
	private static Optional<URL> propertiesFile(ClassLoader classLoader) {
		try {
			Enumeration<URL> files = classLoader.getResources(PROPERTIES_FILE);
			return files.hasMoreElements() ? Optional.of(files.nextElement()) : Optional.empty();
		}
		catch (IOException e) {
			throw new ExtensionConfigurationException("Cannot look for " + PROPERTIES_FILE + " to check its dbparity keys: "
					+ e.getMessage(), e);
		}
	}

	/**
	 * Refuses the keys of {@code given} that dbparity does not read. Values are not shown: a misspelt
	 * {@code dbparity.postgres.pasword} holds a password.
	 *
	 * @param given key to where it was given
	 * @throws ExtensionConfigurationException naming each unknown key, where it was given, the closest known key and
	 *     every known key
	 */
	public void check(Map<String, String> given) {
		List<String> unknown = given.keySet().stream().filter(key -> !isKnown(key)).sorted().toList();
		if (unknown.isEmpty()) {
			return;
		}
		String each = unknown.stream().map(key -> "'" + key + "' (" + given.get(key)
				+ closest(key).map(known -> "; did you mean '" + known + "'?").orElse("") + ")")
			.collect(Collectors.joining(", "));
		boolean one = unknown.size() == 1;
		throw new ExtensionConfigurationException("Unknown dbparity configuration " + (one ? "parameter " : "parameters ")
				+ each + ": dbparity does not read " + (one ? "it" : "them") + ", so " + (one ? "it" : "each")
				+ " would be silently ignored and the tests would run with the default instead. Fix the spelling of "
				+ "the key, or remove it. Known keys: " + describeKnown() + ".");
	}

	/**
	 * The known key a misspelt {@code key} most likely meant, if any: compared without the {@code dbparity.} that every
	 * key shares, which would make any two keys look alike; a family ({@code dbparity.flyway.placeholders.<name>}) by
	 * its prefix.
	 */
	Optional<String> closest(String key) {
		String rest = key.substring(NAMESPACE.length());
		Optional<String> exact = ClosestNames.closest(rest, keys.stream().map(known -> known.substring(NAMESPACE.length()))
			.toList()).map(known -> NAMESPACE + known);
		if (exact.isPresent()) {
			return exact;
		}
		return prefixes.stream().filter(prefix -> ClosestNames.closest(rest.substring(0, Math.min(rest.length(),
				prefix.length() - NAMESPACE.length())), List.of(prefix.substring(NAMESPACE.length()))).isPresent())
			.findFirst().map(prefix -> prefix + "<name>");
	}

	/** Every known key, the per-engine ones folded into one {@code dbparity.<engine>.<setting>} line. */
	String describeKnown() {
		String engines = Arrays.stream(Engine.values()).filter(engine -> engine != Engine.DEFAULT).map(Engine::id)
			.collect(Collectors.joining(", "));
		List<String> perEngine = Arrays.stream(Engine.values()).filter(engine -> engine != Engine.DEFAULT)
			.flatMap(engine -> Arrays.stream(ParityConfiguration.ENGINE_SETTINGS)
				.map(setting -> ParityDatabase.ENGINE_SETTING_PROPERTY_PREFIX + engine.id() + "." + setting))
			.toList();
		List<String> listed = new ArrayList<>(keys.stream().filter(key -> !perEngine.contains(key)).toList());
		prefixes.forEach(prefix -> listed.add(prefix + "<name>"));
		listed.sort(null);
		return String.join(", ", listed) + ", and " + ParityDatabase.ENGINE_SETTING_PROPERTY_PREFIX
				+ "<engine>.<setting> with <engine> one of " + engines + " and <setting> one of "
				+ String.join(", ", ParityConfiguration.ENGINE_SETTINGS);
	}
}
