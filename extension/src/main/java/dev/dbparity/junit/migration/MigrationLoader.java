package dev.dbparity.junit.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * {@code MigrationLoader} finds and parses the files behind {@link MigrationSet#load(String, ClassLoader)}.
 *
 * <p>Folders are read recursively, as Flyway does, so an existing Flyway folder loads as it is.
 */
final class MigrationLoader {

	private static final String CLASSPATH_PREFIX = "classpath:";
	private static final String FILE_PREFIX = "file:";
	private static final String NAMING = "Name forward scripts V<version>__<description>.sql and undo scripts "
			+ "U<version>__<description>.sql (two underscores), e.g. V1__create_tables.sql";

	/** A file found in the folder: its path relative to the folder, where users see it, and its text. */
	private record Found(String relativePath, String location, String origin, String content) {

		String fileName() {
			return relativePath.substring(relativePath.lastIndexOf('/') + 1);
		}
	}

	private MigrationLoader() {
	}

	static MigrationSet load(String location, ClassLoader classLoader) {
		List<Found> files = location.startsWith(FILE_PREFIX) ? fromFileSystem(location)
				: fromClasspath(location, classLoader);
		return parse(location, files);
	}

	private static List<Found> fromFileSystem(String location) {
		String path = location.substring(FILE_PREFIX.length());
		Path folder = (path.startsWith("//") ? Path.of(URI.create(location)) : Path.of(path)).toAbsolutePath()
			.normalize();
		if (!Files.isDirectory(folder)) {
			throw new MigrationException("Migration folder '" + location + "' was not found on the file system: "
					+ folder + " is not a directory (relative paths resolve against the working directory "
					+ workingDirectory() + "). Create the folder, or, if the scripts are on the classpath, write "
					+ "the location as 'classpath:" + path.replaceFirst("^/+", "") + "'.");
		}
		String prefix = location.replaceFirst("/+$", "") + "/";
		return fromDirectory(folder, prefix, folder.toString());
	}

	private static List<Found> fromClasspath(String location, ClassLoader classLoader) {
		String folder = (location.startsWith(CLASSPATH_PREFIX) ? location.substring(CLASSPATH_PREFIX.length())
				: location).replaceFirst("^/+", "").replaceFirst("/+$", "");
		List<URL> roots;
		try {
			roots = Collections.list(classLoader.getResources(folder));
		}
		catch (IOException e) {
			throw new MigrationException("Cannot read migration folder '" + location + "' from the classpath", e);
		}
		if (folder.isEmpty() || roots.isEmpty()) {
			throw new MigrationException("Migration folder '" + location + "' was not found on the classpath. "
					+ "Put the scripts in src/main/resources/" + folder + " or src/test/resources/" + folder
					+ ", or, if the folder is on the file system, write the location as 'file:" + folder
					+ "' (relative to the working directory " + workingDirectory() + ") or 'file:/absolute/path'.");
		}
		List<Found> files = new ArrayList<>();
		for (URL root : roots) {
			files.addAll(fromClasspathRoot(location, folder, root));
		}
		return files;
	}

	private static List<Found> fromClasspathRoot(String location, String folder, URL root) {
		try {
			switch (root.getProtocol()) {
				case "file":
					return fromDirectory(Path.of(root.toURI()), folder + "/", root.toString());
				case "jar":
					return fromJar(folder, root);
				default:
					throw new MigrationException("Migration folder '" + location + "' was found at " + root
							+ ", but dbparity can only list classpath folders in directories and jars (protocols "
							+ "file: and jar:). Copy the scripts to a directory and use 'file:<path>'.");
			}
		}
		catch (IOException e) {
			throw new MigrationException("Cannot read migration folder '" + location + "' at " + root, e);
		}
		catch (URISyntaxException e) {
			throw new MigrationException("Cannot read migration folder '" + location + "' at " + root
					+ ": not a valid URI", e);
		}
	}

	private static List<Found> fromDirectory(Path folder, String locationPrefix, String origin) {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).sorted().map(file -> {
				String relative = folder.relativize(file).toString().replace('\\', '/');
				return new Found(relative, locationPrefix + relative, origin, readIfCandidate(file, relative));
			}).toList();
		}
		catch (IOException e) {
			throw new MigrationException("Cannot list migration folder " + folder, e);
		}
		catch (UncheckedIOException e) {
			throw new MigrationException("Cannot read a file in migration folder " + folder, e.getCause());
		}
	}

	private static String readIfCandidate(Path file, String relative) {
		if (!isCandidate(relative)) {
			return "";
		}
		try {
			return text(Files.readAllBytes(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Found> fromJar(String folder, URL root) throws IOException {
		JarURLConnection connection = (JarURLConnection) root.openConnection();
		// Without this, the JarFile is shared with the JDK's cache and closing it would break other readers.
		connection.setUseCaches(false);
		String entryPrefix = connection.getEntryName() + "/";
		List<Found> files = new ArrayList<>();
		try (JarFile jar = connection.getJarFile()) {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				if (entry.isDirectory() || !entry.getName().startsWith(entryPrefix)) {
					continue;
				}
				String relative = entry.getName().substring(entryPrefix.length());
				String content = "";
				if (isCandidate(relative)) {
					try (InputStream in = jar.getInputStream(entry)) {
						content = text(in.readAllBytes());
					}
				}
				files.add(new Found(relative, folder + "/" + relative, root.toString(), content));
			}
		}
		files.sort(Comparator.comparing(Found::relativePath));
		return files;
	}

	private static boolean isCandidate(String relativePath) {
		String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
		return name.endsWith(".sql") && (name.startsWith("V") || name.startsWith("U"));
	}

	private static String text(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		// Editors on Windows may write a byte-order mark; it is not SQL and must not change the checksum.
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static MigrationSet parse(String location, List<Found> files) {
		Map<MigrationVersion, Found> forward = new LinkedHashMap<>();
		Map<MigrationVersion, Found> undo = new LinkedHashMap<>();
		Map<MigrationVersion, String> descriptions = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		for (Found file : files) {
			if (!isCandidate(file.relativePath())) {
				ignored.add(file.relativePath());
				continue;
			}
			String name = file.fileName();
			boolean isForward = name.startsWith("V");
			int separator = name.indexOf("__");
			if (separator < 0) {
				throw invalidName(file, "there is no '__' between version and description");
			}
			MigrationVersion version;
			try {
				version = MigrationVersion.parse(name.substring(1, separator));
			}
			catch (IllegalArgumentException e) {
				throw invalidName(file, e.getMessage());
			}
			String description = name.substring(separator + 2, name.length() - ".sql".length()).replace('_', ' ');
			if (description.isBlank()) {
				throw invalidName(file, "the description after '__' is empty");
			}
			Found previous = (isForward ? forward : undo).putIfAbsent(version, file);
			if (previous != null) {
				throw new MigrationException("Migration version " + version + " has two " + (isForward ? "V" : "U")
						+ " files in '" + location + "': " + describe(previous, file) + " and "
						+ describe(file, previous) + ". Each version must have exactly one forward script and at "
						+ "most one undo script; renumber or merge one of them.");
			}
			if (isForward) {
				descriptions.put(version, description);
			}
		}
		for (Map.Entry<MigrationVersion, Found> entry : undo.entrySet()) {
			if (!forward.containsKey(entry.getKey())) {
				throw new MigrationException("Undo script " + entry.getValue().location() + " has no forward script: '"
						+ location + "' has no V" + entry.getKey() + "__<description>.sql. Add the forward script, "
						+ "or remove the undo script.");
			}
		}
		if (forward.isEmpty()) {
			throw new MigrationException("Migration folder '" + location + "' has no forward migrations"
					+ (ignored.isEmpty() ? " (it is empty)" : " (ignored: " + String.join(", ", ignored) + ")")
					+ ". " + NAMING + ".");
		}
		List<Migration> migrations = forward.entrySet().stream().map(entry -> {
			MigrationVersion version = entry.getKey();
			Optional<Script> undoScript = Optional.ofNullable(undo.get(version)).map(MigrationLoader::script);
			return new Migration(version, descriptions.get(version), script(entry.getValue()), undoScript);
		}).toList();
		return new MigrationSet(location, migrations);
	}

	private static Script script(Found file) {
		return new Script(file.location(), file.content());
	}

	/** Names a file; when one folder exists in several classpath roots, the root tells same-named files apart. */
	private static String describe(Found file, Found other) {
		return file.location().equals(other.location()) ? file.location() + " (in " + file.origin() + ")"
				: file.location();
	}

	private static MigrationException invalidName(Found file, String reason) {
		return new MigrationException("Migration file " + file.location() + " has an invalid name: " + reason + ". "
				+ NAMING + "; or move the file out of the migration folder.");
	}

	private static Path workingDirectory() {
		return Path.of("").toAbsolutePath();
	}
}
