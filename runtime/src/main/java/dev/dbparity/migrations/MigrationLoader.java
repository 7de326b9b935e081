package dev.dbparity.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.dbparity.runtime.ProjectPaths;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.encoding.InvalidUtf8Exception;
import dev.dbparity.snapshots.encoding.StrictUtf8;

/**
 * {@code MigrationLoader} finds and parses the files behind {@link MigrationSet#load(String, ClassLoader, Engine)}.
 *
 * <p>Folders are read recursively, as Flyway does, so an existing Flyway folder loads as it is. The format is detected
 * from the files: Flyway's and golang-migrate's by their names, goose's, dbmate's and sql-migrate's by the markers of
 * their sections, diesel's and Prisma's by their folder per migration, pop's by its files per database
 * ({@link LayoutMigrations}). Names that a tool would read, or nearly, are errors rather than ignored, because a migration
 * silently left out changes the schema of every later version.
 */
final class MigrationLoader {

	private static final String CLASSPATH_PREFIX = "classpath:";
	private static final String FILE_PREFIX = "file:";
	private static final String NAMING = "Name forward scripts V<version>__<description>.sql and undo scripts "
			+ "U<version>__<description>.sql (two underscores), e.g. V1__create_tables.sql";
	private static final String OTHER_FORMATS = "use golang-migrate's <version>_<title>.up.sql and .down.sql, "
			+ "<version>_<name>.sql files with goose's, dbmate's or sql-migrate's up and down sections, diesel's "
			+ "<version>_<name>/up.sql and down.sql, pop's <version>_<name>[.<dialect>].up.sql and .down.sql, or "
			+ "Prisma's <timestamp>_<name>/migration.sql";

	/** golang-migrate's own pattern, narrowed to SQL: {@code <version>_<title>.(up|down).sql}. */
	private static final Pattern GOLANG_MIGRATE = Pattern.compile("([0-9]+)_(.*)\\.(up|down)\\.sql");
	/** What golang-migrate would read with any extension, in any letter case, or a name ending like its files. */
	private static final Pattern GOLANG_MIGRATE_LIKE = Pattern
		.compile("(?i)[0-9]+_.*\\.(up|down)\\..*|.*\\.(up|down)\\.sql");
	/** goose, dbmate: {@code <version>_<name>.sql}; sql-migrate's generator writes {@code <version>-<name>.sql}. */
	private static final Pattern SINGLE_FILE = Pattern.compile("([0-9]+)([_-])(.*)\\.sql");
	private static final Pattern GOOSE_GO = Pattern.compile("[0-9]+_.*\\.go");
	/**
	 * The up or down marker of each single-file format at the start of a line, in any letter case so that a wrong one
	 * is reported; a mere comment such as {@code -- migrate: later} in another SQL file does not count.
	 */
	private static final Map<MigrationFormat, Pattern> MARKERS = markers();

	/** A file found in the folder: its path relative to the folder, where users see it, and its text. */
	record Found(String relativePath, String location, String origin, String content) {

		String fileName() {
			return relativePath.substring(relativePath.lastIndexOf('/') + 1);
		}
	}

	private MigrationLoader() {
	}

	private static Map<MigrationFormat, Pattern> markers() {
		Map<MigrationFormat, Pattern> markers = new EnumMap<>(MigrationFormat.class);
		int flags = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;
		markers.put(MigrationFormat.GOOSE, Pattern.compile("^--\\s*\\+goose\\s+(up|down)\\s*$", flags));
		markers.put(MigrationFormat.DBMATE, Pattern.compile("^--\\s*migrate:(up|down)(\\s|$)", flags));
		markers.put(MigrationFormat.SQL_MIGRATE, Pattern.compile("^--\\s*\\+migrate\\s+(up|down)(\\s|$)", flags));
		return markers;
	}

	static MigrationSet load(String written, ClassLoader classLoader, Optional<Engine> engine) {
		// Inside the project, reports name the folder and its scripts relative to it, however it was written
		// (file:/abs/… from a build script or --migrations), never by the machine's own path.
		String location = written.startsWith(FILE_PREFIX) && !written.startsWith(FILE_PREFIX + "//")
				? ProjectPaths.relative(Path.of(written.substring(FILE_PREFIX.length())))
					.map(relative -> FILE_PREFIX + relative).orElse(written)
				: written;
		List<Found> files = location.startsWith(FILE_PREFIX) ? fromFileSystem(location)
				: fromClasspath(location, classLoader);
		return parse(location, files, engine);
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
				return new Found(relative, locationPrefix + relative, origin, readIfCandidate(file, relative, locationPrefix + relative));
			}).toList();
		}
		catch (IOException e) {
			throw new MigrationException("Cannot list migration folder " + folder, e);
		}
		catch (UncheckedIOException e) {
			throw new MigrationException("Cannot read a file in migration folder " + folder, e.getCause());
		}
	}

	private static String readIfCandidate(Path file, String relative, String location) {
		if (!isCandidate(relative)) {
			return "";
		}
		try {
			return text(Files.readAllBytes(file), location);
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
						content = text(in.readAllBytes(), folder + "/" + relative);
					}
				}
				files.add(new Found(relative, folder + "/" + relative, root.toString(), content));
			}
		}
		files.sort(Comparator.comparing(Found::relativePath));
		return files;
	}

	/** Only SQL files are read, whose names or markers may make them migrations, and diesel's and Prisma's settings. */
	private static boolean isCandidate(String relativePath) {
		return relativePath.endsWith(".sql") || LayoutMigrations.isSettings(relativePath);
	}

	/**
	 * The file's text, decoded strictly: a byte that is not UTF-8 would otherwise reach the database as U+FFFD. A UTF-8
	 * byte-order mark, which editors on Windows may write, is skipped: it is not SQL and must not change the checksum.
	 */
	private static String text(byte[] bytes, String location) {
		try {
			return StrictUtf8.decode(bytes, location);
		}
		catch (InvalidUtf8Exception e) {
			throw new MigrationException("Migration file " + e.getMessage(), e);
		}
	}

	private static MigrationSet parse(String location, List<Found> files, Optional<Engine> engine) {
		List<Candidate> candidates = new ArrayList<>();
		List<Found> unmarked = new ArrayList<>();
		List<Found> goMigrations = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		for (Found file : files) {
			String name = file.fileName();
			Matcher golangMigrate = GOLANG_MIGRATE.matcher(name);
			Optional<Candidate> layout = LayoutMigrations.folderCandidate(file).or(() -> LayoutMigrations.popCandidate(file));
			if (layout.isPresent()) {
				candidates.add(layout.get());
			}
			else if (isFlywayName(name)) {
				candidates.add(flyway(file));
			}
			else if (golangMigrate.matches()) {
				candidates.add(candidate(file, MigrationFormat.GOLANG_MIGRATE, golangMigrate.group(3).equals("up"),
						golangMigrate.group(1), golangMigrate.group(2)));
			}
			else if (GOLANG_MIGRATE_LIKE.matcher(name).matches()) {
				throw nearlyGolangMigrate(file);
			}
			else if (name.endsWith(".sql")) {
				Optional<MigrationFormat> marked = markedFormat(file);
				Matcher single = SINGLE_FILE.matcher(name);
				if (single.matches() && marked.isPresent()) {
					candidates.add(singleFile(file, marked.get(), single));
				}
				else if (single.matches()) {
					unmarked.add(file);
				}
				else if (marked.isPresent()) {
					throw invalidName(file, "it has " + marked.get().displayName() + " sections, but its name does not "
							+ "start with a version", "Name it <version>_<name>.sql, e.g. 20240131120000_" + name);
				}
				else {
					ignored.add(file.relativePath());
				}
			}
			else if (GOOSE_GO.matcher(name).matches()) {
				goMigrations.add(file);
				ignored.add(file.relativePath());
			}
			else {
				ignored.add(file.relativePath());
			}
		}
		if (candidates.stream().anyMatch(candidate -> candidate.format() == MigrationFormat.POP)) {
			// golang-migrate's names are pop's generic ones: in a folder with pop's dialect files, they are pop's.
			candidates.replaceAll(candidate -> candidate.format() == MigrationFormat.GOLANG_MIGRATE
					? LayoutMigrations.popGeneric(candidate) : candidate);
		}
		MigrationFormat format = format(location, candidates, unmarked, ignored);
		for (Found file : unmarked) {
			switch (format) {
				case FLYWAY, DIESEL, PRISMA -> {
					// Flyway skips them, and so has dbparity always; diesel and Prisma read only their folders' files.
				}
				case GOLANG_MIGRATE, POP -> throw invalidName(file, "it is in a " + format.displayName() + " folder, but "
						+ "its name ends in neither .up.sql nor .down.sql, so " + format.displayName() + " would skip it",
						"Rename it to " + file.fileName().replaceFirst("\\.sql$", ".up.sql")
								+ " (with a .down.sql that reverses it)");
				// Without any marker of the folder's format, it has no up marker: say that.
				default -> SingleFileMigration.split(format, file.location(), file.content());
			}
		}
		if (format == MigrationFormat.GOOSE && !goMigrations.isEmpty()) {
			Found go = goMigrations.get(0);
			throw new MigrationException("Migration file " + go.location() + " is a goose Go migration, which dbparity "
					+ "cannot run: the schema of every later version would lack what it does. Rewrite it as "
					+ go.fileName().replaceFirst("\\.go$", ".sql") + " with '-- +goose Up' and '-- +goose Down' "
					+ "sections, or move it out of the migration folder.");
		}
		List<Migration> migrations = format.isSingleFile() ? singleFileMigrations(location, format, candidates)
				: switch (format) {
					case DIESEL -> LayoutMigrations.diesel(location, candidates, files);
					case POP -> LayoutMigrations.pop(location, candidates, engine);
					case PRISMA -> LayoutMigrations.prisma(location, candidates, files, engine);
					default -> pairedMigrations(location, format, candidates);
				};
		return new MigrationSet(location, format, migrations);
	}

	/**
	 * What a file's name, and for single-file formats its markers, make it: a migration file of one format.
	 * {@code versionText} is the version as the tool compares it, {@code dialect} pop's dialect of the file, or empty.
	 */
	record Candidate(Found file, MigrationFormat format, boolean up, MigrationVersion version, String description,
			String versionText, String dialect) {

		Candidate(Found file, MigrationFormat format, boolean up, MigrationVersion version, String description) {
			this(file, format, up, version, description, version.toString(), "");
		}
	}

	private static boolean isFlywayName(String name) {
		return name.endsWith(".sql") && (name.startsWith("V") || name.startsWith("U"));
	}

	private static Candidate flyway(Found file) {
		String name = file.fileName();
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
		return new Candidate(file, MigrationFormat.FLYWAY, name.startsWith("V"), version, description);
	}

	private static Candidate singleFile(Found file, MigrationFormat format, Matcher name) {
		if (name.group(2).equals("-") && format != MigrationFormat.SQL_MIGRATE) {
			throw invalidName(file, format.displayName() + " reads the version up to the first '_', not '-'", "Rename "
					+ "it to " + name.group(1) + "_" + name.group(3) + ".sql");
		}
		return candidate(file, format, true, name.group(1), name.group(3));
	}

	/** A golang-migrate or single-file candidate: digits for a version, and the rest of the name describing it. */
	private static Candidate candidate(Found file, MigrationFormat format, boolean up, String digits, String title) {
		MigrationVersion version = MigrationVersion.parse(digits);
		if (version.equals(MigrationVersion.parse("0"))) {
			throw invalidName(file, "its version is 0, which dbparity keeps for the empty database (migrating down to 0 "
					+ "undoes everything)", "Renumber the migrations from 1");
		}
		if (title.isBlank()) {
			throw invalidName(file, "the description after '" + digits + "_' is empty", "Describe the migration in "
					+ "its name, e.g. " + digits + "_create_tables" + file.fileName().substring(digits.length() + 1));
		}
		return new Candidate(file, format, up, version, title.replace('_', ' '));
	}

	/** The single-file format whose markers the file has, if any. */
	private static Optional<MigrationFormat> markedFormat(Found file) {
		List<MigrationFormat> formats = new ArrayList<>();
		for (Map.Entry<MigrationFormat, Pattern> marker : MARKERS.entrySet()) {
			if (marker.getValue().matcher(file.content()).find()) {
				formats.add(marker.getKey());
			}
		}
		if (formats.size() > 1) {
			throw new MigrationException("Migration file " + file.location() + " has the markers of both "
					+ formats.get(0).displayName() + " and " + formats.get(1).displayName() + " ('"
					+ formats.get(0).upMarker() + "', '" + formats.get(1).upMarker() + "'). Keep those of the tool that "
					+ "runs it.");
		}
		return formats.stream().findFirst();
	}

	/** The one format of the folder's migration files. */
	private static MigrationFormat format(String location, List<Candidate> candidates, List<Found> unmarked,
			List<String> ignored) {
		Map<MigrationFormat, Found> first = new LinkedHashMap<>();
		for (Candidate candidate : candidates) {
			first.putIfAbsent(candidate.format(), candidate.file());
		}
		if (first.size() > 1) {
			List<Map.Entry<MigrationFormat, Found>> two = first.entrySet().stream().limit(2).toList();
			throw new MigrationException("Migration folder '" + location + "' mixes migration formats: "
					+ two.get(0).getValue().location() + " is a " + two.get(0).getKey().displayName() + " migration, "
					+ two.get(1).getValue().location() + " a " + two.get(1).getKey().displayName() + " one. dbparity "
					+ "reads one format per folder; rename the files of one format to the other, or move them to a "
					+ "folder of their own.");
		}
		if (!first.isEmpty()) {
			return first.keySet().iterator().next();
		}
		if (!unmarked.isEmpty()) {
			Found file = unmarked.get(0);
			throw new MigrationException("Migration file " + file.location() + " is named like a goose, dbmate or "
					+ "sql-migrate migration, but has none of their up markers ('-- +goose Up', '-- migrate:up', "
					+ "'-- +migrate Up'). Add the one of your tool on its own line above its statements (and the down "
					+ "marker above the statements that reverse them); for golang-migrate, name it "
					+ file.fileName().replaceFirst("\\.sql$", ".up.sql") + " instead.");
		}
		throw new MigrationException("Migration folder '" + location + "' has no forward migrations"
				+ (ignored.isEmpty() ? " (it is empty)" : " (ignored: " + String.join(", ", ignored) + ")")
				+ ". " + NAMING + "; or " + OTHER_FORMATS + ".");
	}

	/** Flyway's and golang-migrate's forward and undo files, paired by version. */
	private static List<Migration> pairedMigrations(String location, MigrationFormat format,
			List<Candidate> candidates) {
		boolean flyway = format == MigrationFormat.FLYWAY;
		Map<MigrationVersion, Candidate> forward = new LinkedHashMap<>();
		Map<MigrationVersion, Candidate> undo = new LinkedHashMap<>();
		for (Candidate candidate : candidates) {
			Candidate previous = (candidate.up() ? forward : undo).putIfAbsent(candidate.version(), candidate);
			if (previous != null) {
				String kind = flyway ? (candidate.up() ? "V" : "U") : (candidate.up() ? ".up.sql" : ".down.sql");
				throw new MigrationException("Migration version " + candidate.version() + " has two " + kind
						+ " files in '" + location + "': " + describe(previous.file(), candidate.file()) + " and "
						+ describe(candidate.file(), previous.file()) + ". Each version must have exactly one "
						+ (flyway ? "forward script and at most one undo script" : "up script and at most one down script")
						+ "; renumber or merge one of them.");
			}
		}
		for (Map.Entry<MigrationVersion, Candidate> entry : undo.entrySet()) {
			if (!forward.containsKey(entry.getKey())) {
				Found file = entry.getValue().file();
				throw new MigrationException(flyway
						? "Undo script " + file.location() + " has no forward script: '" + location + "' has no V"
								+ entry.getKey() + "__<description>.sql. Add the forward script, or remove the undo script."
						: "Down script " + file.location() + " has no up script: '" + location + "' has no "
								+ file.fileName().replaceFirst("\\.down\\.sql$", ".up.sql") + " (or other .up.sql of "
								+ "version " + entry.getKey() + "). Add the up script, or remove the down script.");
			}
		}
		checkNotBlank(forward.values().stream().map(Candidate::file).toList());
		return forward.values().stream().map(up -> {
			Optional<Script> undoScript = Optional.ofNullable(undo.get(up.version())).map(Candidate::file)
				// golang-migrate projects leave the down file of an irreversible migration empty.
				.filter(file -> flyway || SingleFileMigration.hasStatements(file.content()))
				.map(MigrationLoader::script);
			return new Migration(up.version(), up.description(), script(up.file()), undoScript);
		}).toList();
	}

	/** Refuses a forward script without a line of text. */
	static void checkNotBlank(List<Found> forward) {
		forward.stream().filter(file -> file.content().isBlank()).findFirst().ifPresent(file -> {
			throw new MigrationException("Migration file " + file.location() + " is empty: a forward script without "
					+ "a line of text is usually an unsaved file or a botched merge, and would be recorded as applied "
					+ "while it changed nothing. Write its statements; or, if the version is empty on purpose (kept "
					+ "so that the numbering matches production), say so in a comment line, e.g. '-- intentionally "
					+ "empty: the version was withdrawn'.");
		});
	}

	/** One goose, dbmate or sql-migrate file per version, split into its up and down scripts. */
	private static List<Migration> singleFileMigrations(String location, MigrationFormat format,
			List<Candidate> candidates) {
		Map<MigrationVersion, Candidate> byVersion = new LinkedHashMap<>();
		for (Candidate candidate : candidates) {
			Candidate previous = byVersion.putIfAbsent(candidate.version(), candidate);
			if (previous != null) {
				throw new MigrationException("Migration version " + candidate.version() + " has two "
						+ format.displayName() + " files in '" + location + "': "
						+ describe(previous.file(), candidate.file()) + " and " + describe(candidate.file(), previous.file())
						+ ". Each version must have exactly one file; renumber or merge one of them.");
			}
		}
		return byVersion.values().stream().map(candidate -> {
			Found file = candidate.file();
			SingleFileMigration.Scripts scripts = SingleFileMigration.split(format, file.location(), file.content());
			return new Migration(candidate.version(), candidate.description(), scripts.up(), scripts.down());
		}).toList();
	}

	static Script script(Found file) {
		return new Script(file.location(), file.content());
	}

	/** Names a file; when one folder exists in several classpath roots, the root tells same-named files apart. */
	static String describe(Found file, Found other) {
		return file.location().equals(other.location()) ? file.location() + " (in " + file.origin() + ")"
				: file.location();
	}

	static MigrationException invalidName(Found file, String reason) {
		return invalidName(file, reason, NAMING);
	}

	static MigrationException invalidName(Found file, String reason, String fix) {
		return new MigrationException("Migration file " + file.location() + " has an invalid name: " + reason + ". "
				+ fix + "; or move the file out of the migration folder.");
	}

	/** Names that golang-migrate would read, or nearly: with another extension or letter case, or without a version. */
	private static MigrationException nearlyGolangMigrate(Found file) {
		String name = file.fileName();
		Matcher loose = Pattern.compile("(?i)([0-9]+)_(.*)\\.(up|down)\\.(.*)").matcher(name);
		String reason;
		String fix;
		if (!loose.matches()) {
			reason = "it ends like a golang-migrate migration, but does not start with '<version>_'";
			fix = "Name it <version>_<title>.up.sql or .down.sql, e.g. 000001_" + name;
		}
		else {
			String expected = loose.group(1) + "_" + loose.group(2) + "." + loose.group(3).toLowerCase(Locale.ROOT)
					+ ".sql";
			reason = loose.group(4).equalsIgnoreCase("sql") ? "'.up.sql' and '.down.sql' must be written in lower case"
					: "golang-migrate would read it, but dbparity runs SQL files only, named .up.sql or .down.sql";
			fix = "Rename it to " + expected;
		}
		return invalidName(file, reason, fix);
	}

	private static Path workingDirectory() {
		return Path.of("").toAbsolutePath();
	}
}
