package dev.dbparity.migrations;

import static dev.dbparity.migrations.MigrationLoader.describe;
import static dev.dbparity.migrations.MigrationLoader.invalidName;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.dbparity.migrations.MigrationLoader.Candidate;
import dev.dbparity.migrations.MigrationLoader.Found;
import dev.dbparity.snapshots.Engine;

/**
 * {@code LayoutMigrations} reads the layouts of diesel, pop and Prisma for {@link MigrationLoader}.
 *
 * <ul>
 * <li>diesel: a folder per migration, {@code <version>_<name>/up.sql} and {@code down.sql}, optionally
 * {@code metadata.toml}; the version is a timestamp such as {@code 2023-01-01-120000}, with diesel 2's counter
 * ({@code 2023-01-01-120000-0000}, hexadecimal), or a number, {@code 00000000000000} for diesel's initial setup;</li>
 * <li>pop: {@code <version>_<name>[.<dialect>].(up|down).sql}, the dialect's file chosen over the generic one by the
 * engine, as pop does; {@code .fizz} files are refused;</li>
 * <li>Prisma: {@code <timestamp>_<name>/migration.sql}, forward only, with {@code migration_lock.toml} naming the
 * database it was written for.</li>
 * </ul>
 *
 * <p>All three tools order versions as text, dbparity as numbers; the two orders must agree, else the folder is refused,
 * since a migration run in another order than production's gives another schema.
 */
final class LayoutMigrations {

	/** pop's own pattern: {@code <version>_<name>[.<dialect>].(up|down).(sql|fizz)}, the name without dots. */
	private static final Pattern POP = Pattern.compile("([0-9]+)_([^.]+)(?:\\.([a-z0-9]+))?\\.(up|down)\\.(sql|fizz)");
	/** pop's dialects and their synonyms, as pop's {@code CanonicalDialect} maps them. */
	private static final Map<String, String> POP_DIALECTS = Map.of("postgres", "postgres", "postgresql", "postgres",
			"pg", "postgres", "pgx", "postgres", "cockroach", "cockroach", "cockroachdb", "cockroach", "crdb",
			"cockroach", "mysql", "mysql", "sqlite3", "sqlite3", "sqlite", "sqlite3");
	private static final String POP_KNOWN = "pop knows postgres, cockroach, mysql and sqlite3, and the synonyms "
			+ "postgresql, pg, pgx, cockroachdb, crdb and sqlite";
	/** diesel's timestamps, {@code %Y-%m-%d-%H%M%S}, and diesel 2's counter of migrations in one second, in hex. */
	private static final Pattern DIESEL_TIMESTAMP = Pattern
		.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})-([0-9]{6})(?:-([0-9a-f]{4}))?");
	/** The dash-less form diesel records in {@code __diesel_schema_migrations}: 14 digits and the optional counter. */
	private static final Pattern DIESEL_RECORDED = Pattern.compile("([0-9]{14})([0-9a-f]{4})?");
	private static final Pattern DIGITS = Pattern.compile("[0-9]+");
	private static final Pattern VERSION_AND_NAME = Pattern.compile("([0-9]+)_([^.]+)\\..*");
	private static final String LOCK_FILE = "migration_lock.toml";
	/** A top-level {@code key = value} line of a TOML file, the value a string or a bare word, with a comment. */
	private static final Pattern TOML_LINE = Pattern
		.compile("\\s*([A-Za-z0-9_-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_.+-]+))\\s*(?:#.*)?");

	private LayoutMigrations() {
	}

	/** Whether dbparity reads the file's text: diesel's and Prisma's TOML files say how to run the scripts. */
	static boolean isSettings(String relativePath) {
		String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
		return name.equals("metadata.toml") || relativePath.equals(LOCK_FILE);
	}

	/**
	 * The diesel or Prisma script that {@code file} is, from its name ({@code up.sql}, {@code down.sql},
	 * {@code migration.sql}) in a folder {@code <version>_<name>} directly inside the migrations folder.
	 */
	static Optional<Candidate> folderCandidate(Found file) {
		String name = file.fileName();
		MigrationFormat format = switch (name) {
			case "up.sql", "down.sql" -> MigrationFormat.DIESEL;
			case "migration.sql" -> MigrationFormat.PRISMA;
			default -> null;
		};
		String[] segments = file.relativePath().split("/");
		if (format == null || segments.length == 1) {
			return Optional.empty();
		}
		if (segments.length > 2) {
			throw invalidName(file, format.displayName() + " reads the folders directly inside the migrations folder, "
					+ "and " + segments[segments.length - 2] + " is nested in " + String.join("/",
							List.of(segments).subList(0, segments.length - 2)), "Move the folder "
									+ segments[segments.length - 2] + " up into the migrations folder");
		}
		String folder = segments[0];
		int underscore = folder.indexOf('_');
		String versionText = underscore < 0 ? folder : folder.substring(0, underscore);
		String title = underscore < 0 ? "" : folder.substring(underscore + 1);
		MigrationVersion version = format == MigrationFormat.DIESEL ? dieselVersion(versionText).orElseThrow(
				() -> invalidName(file, "diesel's version '" + versionText + "' (the folder name up to its first '_') is "
						+ "neither a timestamp such as 2023-01-01-120000 or 2023-01-01-120000-0000 nor a number, so "
						+ "dbparity cannot order it", "Name the folder <timestamp>_<description> as 'diesel migration "
								+ "generate' does, e.g. 2023-01-01-120000_" + folder
								+ " (and update its version in __diesel_schema_migrations where it ran)"))
				: prismaVersion(file, versionText, folder);
		if (title.isBlank()) {
			throw invalidName(file, "the folder name " + folder + " has no description after '" + versionText + "_'",
					"Name the folder " + versionText + "_<description>, e.g. " + versionText + "_create_tables");
		}
		if (format == MigrationFormat.PRISMA && version.equals(MigrationVersion.parse("0"))) {
			throw invalidName(file, "its version is 0, which dbparity keeps for the empty database (migrating down to 0 "
					+ "undoes everything)", "Renumber the migrations from 1");
		}
		return Optional.of(new Candidate(file, format, !name.equals("down.sql"), version, title.replace('_', ' '),
				versionText.replace("-", ""), ""));
	}

	private static MigrationVersion prismaVersion(Found file, String versionText, String folder) {
		if (!DIGITS.matcher(versionText).matches()) {
			throw invalidName(file, "Prisma's folder name does not start with a version such as 20230101120000, so "
					+ "dbparity cannot order it", "Name the folder <timestamp>_<description> as 'prisma migrate dev' "
							+ "does, e.g. 20230101120000_" + folder
							+ " (and its migration_name in _prisma_migrations where it ran)");
		}
		return MigrationVersion.parse(versionText);
	}

	/**
	 * {@code dieselVersion} is the version of a diesel folder's version text, or of the text diesel records for it:
	 * {@code 2023-01-01-120000} and {@code 20230101120000} are {@code 20230101120000};
	 * {@code 2023-01-01-120000-000a} and {@code 20230101120000000a} are {@code 20230101120000.10}; a number is
	 * itself. Kept as two parts, timestamp and counter, the order is diesel's also when a project mixes both forms.
	 */
	static Optional<MigrationVersion> dieselVersion(String text) {
		Matcher timestamp = DIESEL_TIMESTAMP.matcher(text);
		Matcher recorded = DIESEL_RECORDED.matcher(text);
		String seconds;
		String counter;
		if (timestamp.matches()) {
			seconds = timestamp.group(1) + timestamp.group(2) + timestamp.group(3) + timestamp.group(4);
			counter = timestamp.group(5);
		}
		else if (recorded.matches()) {
			seconds = recorded.group(1);
			counter = recorded.group(2);
		}
		else if (DIGITS.matcher(text).matches()) {
			seconds = text;
			counter = null;
		}
		else {
			return Optional.empty();
		}
		return Optional.of(new MigrationVersion(counter == null ? List.of(new BigInteger(seconds))
				: List.of(new BigInteger(seconds), new BigInteger(counter, 16))));
	}

	/**
	 * The pop file that {@code file} is when its name says pop for sure: with a dialect pop knows, e.g.
	 * {@code 20230101120000_users.postgres.up.sql}. A generic {@code <version>_<name>.up.sql} is golang-migrate's name
	 * too, and is pop's only in a folder that has pop's dialect files ({@link #popGeneric}).
	 *
	 * @throws MigrationException for a {@code .fizz} file, which dbparity cannot run
	 */
	static Optional<Candidate> popCandidate(Found file) {
		String name = file.fileName();
		if (name.endsWith(".up.fizz") || name.endsWith(".down.fizz")) {
			throw fizz(file);
		}
		Matcher pop = POP.matcher(name);
		if (!pop.matches() || pop.group(3) == null || !POP_DIALECTS.containsKey(pop.group(3))) {
			return Optional.empty();
		}
		return Optional.of(popFile(file, pop, POP_DIALECTS.get(pop.group(3))));
	}

	/** A generic file of a pop folder, which was read as golang-migrate's until the folder turned out to be pop's. */
	static Candidate popGeneric(Candidate golangMigrate) {
		Found file = golangMigrate.file();
		Matcher pop = POP.matcher(file.fileName());
		if (!pop.matches()) {
			throw invalidName(file, "it is in a pop folder, but pop reads only names <version>_<name>[.<dialect>].up.sql "
					+ "or .down.sql whose name has no '.', so pop would skip it", "Rename it to "
							+ golangMigrate.versionText() + "_" + golangMigrate.description().replaceAll("[. ]", "_")
							+ (golangMigrate.up() ? ".up.sql" : ".down.sql"));
		}
		String dialect = pop.group(3);
		if (dialect != null) {
			String stem = pop.group(1) + "_" + pop.group(2);
			String end = "." + pop.group(4) + ".sql";
			boolean mysqlLike = dialect.startsWith("maria") || dialect.startsWith("mysql");
			throw invalidName(file, "pop reads '" + dialect + "', the word after its first '.', as the database the file "
					+ "is for, and has no such dialect (" + POP_KNOWN + "), so pop would skip it with a warning",
					mysqlLike ? "Rename it to " + stem + ".mysql" + end + " (pop runs its mysql files on MariaDB and MySQL)"
							: "Rename it to " + stem + "_" + dialect + end + " if '" + dialect + "' is part of its name, "
									+ "or name a database pop knows, e.g. " + stem + ".postgres" + end);
		}
		return popFile(file, pop, "");
	}

	private static Candidate popFile(Found file, Matcher pop, String dialect) {
		MigrationVersion version = MigrationVersion.parse(pop.group(1));
		if (version.equals(MigrationVersion.parse("0"))) {
			throw invalidName(file, "its version is 0, which dbparity keeps for the empty database (migrating down to 0 "
					+ "undoes everything)", "Renumber the migrations from 1");
		}
		return new Candidate(file, MigrationFormat.POP, pop.group(4).equals("up"), version,
				pop.group(2).replace('_', ' '), pop.group(1), dialect);
	}

	private static MigrationException fizz(Found file) {
		Matcher named = VERSION_AND_NAME.matcher(file.fileName());
		String version = named.matches() ? named.group(1) : "<version>";
		String title = named.matches() ? named.group(2) : "<name>";
		String stem = version + "_" + title;
		return new MigrationException("Migration file " + file.location() + " is a fizz migration, which dbparity cannot "
				+ "run: fizz is pop's own language, which pop translates into each database's SQL as it migrates, and "
				+ "dbparity runs SQL files only; every later version would lack what it does. Replace it with SQL files "
				+ "of the same version, " + stem + ".up.sql and " + stem + ".down.sql (or per database, such as "
				+ stem + ".postgres.up.sql), holding the statements it stands for ('soda generate sql " + title + "' "
				+ "writes such a pair; keep the version " + version + " so that databases that ran it stay up to date), "
				+ "or move it out of the migration folder.");
	}

	/**
	 * diesel's migrations: {@code up.sql} and {@code down.sql} paired by folder; a {@code down.sql} without statements
	 * is no undo (diesel's generated one holds a comment only, and reverts nothing); {@code metadata.toml} with
	 * {@code run_in_transaction = false} runs both outside a transaction.
	 */
	static List<Migration> diesel(String location, List<Candidate> candidates, List<Found> files) {
		Map<MigrationVersion, Candidate> forward = new TreeMap<>();
		Map<MigrationVersion, Candidate> undo = new TreeMap<>();
		for (Candidate candidate : candidates) {
			Candidate previous = (candidate.up() ? forward : undo).putIfAbsent(candidate.version(), candidate);
			if (previous != null) {
				throw twoOfOneVersion(location, "diesel folders", previous, candidate);
			}
		}
		for (Candidate down : undo.values()) {
			if (!forward.containsKey(down.version())) {
				throw new MigrationException("Down script " + down.file().location() + " has no up script: diesel needs "
						+ "an up.sql in " + folder(down.file()) + ", and refuses the folder without one. Add the up "
						+ "script, or remove the folder.");
			}
		}
		checkNotBlank(forward.values());
		checkTextOrder(location, "diesel", new ArrayList<>(forward.values()));
		return forward.values().stream().map(up -> {
			boolean transactional = runsInTransaction(files, folder(up.file()));
			Optional<Script> down = Optional.ofNullable(undo.get(up.version())).map(Candidate::file)
				.filter(file -> SingleFileMigration.hasStatements(file.content()))
				.map(file -> new Script(file.location(), file.content(), Script.checksumOf(file.content()),
						transactional));
			Found file = up.file();
			return new Migration(up.version(), up.description(), new Script(file.location(), file.content(),
					Script.checksumOf(file.content()), transactional), down);
		}).toList();
	}

	/** Whether diesel runs the folder's scripts in a transaction: yes, unless its metadata.toml says otherwise. */
	private static boolean runsInTransaction(List<Found> files, String folder) {
		return files.stream().filter(file -> file.relativePath().equals(folder + "/metadata.toml")).findFirst()
			.flatMap(file -> tomlValue(file, "run_in_transaction")).map(value -> !value.value().equals("false"))
			.orElse(true);
	}

	/**
	 * pop's migrations for {@code engine}: per version and direction, the file of the engine's dialect if there is
	 * one, else the generic file, as pop chooses; a version with files for other databases only is not the engine's.
	 * An up or down file without statements is no script, as pop runs nothing for it.
	 */
	static List<Migration> pop(String location, List<Candidate> candidates, Optional<Engine> engine) {
		Optional<Candidate> specific = candidates.stream().filter(candidate -> !candidate.dialect().isEmpty())
			.findFirst();
		if (specific.isPresent() && engine.isEmpty()) {
			throw new MigrationException("Migration folder '" + location + "' is a pop folder with files for each "
					+ "database, such as " + specific.get().file().location() + ", so which files run depends on the "
					+ "engine. Load it for one: MigrationSet.load(location, classLoader, engine).");
		}
		String dialect = engine.map(value -> value == Engine.POSTGRES ? "postgres" : "mysql").orElse("");
		Map<String, Candidate> byKey = new LinkedHashMap<>();
		for (Candidate candidate : candidates) {
			Candidate previous = byKey.putIfAbsent(candidate.version() + " " + candidate.up() + " "
					+ candidate.dialect(), candidate);
			if (previous != null) {
				throw twoOfOneVersion(location, "pop " + (candidate.up() ? "up" : "down") + " files "
						+ (candidate.dialect().isEmpty() ? "for every database" : "for " + candidate.dialect()), previous,
						candidate);
			}
		}
		for (Candidate candidate : candidates) {
			if (!candidate.up() && candidates.stream().noneMatch(up -> up.up() && up.version()
				.equals(candidate.version()))) {
				throw new MigrationException("Down script " + candidate.file().location() + " has no up script: '"
						+ location + "' has no up file of version " + candidate.versionText() + ". Add the up script "
						+ "(" + candidate.file().fileName().replaceFirst("\\.down\\.sql$", ".up.sql")
						+ "), or remove the down script.");
			}
		}
		TreeMap<MigrationVersion, Candidate> forward = new TreeMap<>();
		TreeMap<MigrationVersion, Candidate> undo = new TreeMap<>();
		for (Candidate candidate : candidates) {
			if (candidate.dialect().equals(dialect) || candidate.dialect().isEmpty()) {
				// The engine's own file wins over the generic one.
				(candidate.up() ? forward : undo).merge(candidate.version(), candidate,
						(one, other) -> one.dialect().isEmpty() ? other : one);
			}
		}
		if (forward.isEmpty()) {
			throw new MigrationException("Migration folder '" + location + "' has no pop migrations for "
					+ engine.map(Engine::displayName).orElse("") + ": its files are for "
					+ candidates.stream().map(Candidate::dialect).distinct().sorted().collect(Collectors.joining(", "))
					+ " only. Add generic files (<version>_<name>.up.sql) or " + dialect + " files ("
					+ "<version>_<name>." + dialect + ".up.sql), or point the migrations at the folder for this "
					+ "database.");
		}
		checkNotBlank(forward.values());
		forward.values().forEach(LayoutMigrations::checkNoTemplate);
		undo.values().forEach(LayoutMigrations::checkNoTemplate);
		checkTextOrder(location, "pop", new ArrayList<>(forward.values()));
		return forward.values().stream().map(up -> new Migration(up.version(), up.description(),
				MigrationLoader.script(up.file()), Optional.ofNullable(undo.get(up.version())).map(Candidate::file)
					.filter(file -> SingleFileMigration.hasStatements(file.content())).map(MigrationLoader::script)))
			.toList();
	}

	/**
	 * pop renders every SQL file as a Go template, with the connection's details, before it runs it; dbparity runs the
	 * SQL as written, so a template would run as something else than in production.
	 */
	private static void checkNoTemplate(Candidate candidate) {
		String[] lines = candidate.file().content().split("\r\n|\r|\n", -1);
		for (int i = 0; i < lines.length; i++) {
			int start = lines[i].indexOf("{{");
			if (start >= 0) {
				int end = lines[i].indexOf("}}", start);
				throw new MigrationException("Migration file " + candidate.file().location() + ":" + (i + 1) + ": '"
						+ (end < 0 ? lines[i].substring(start).strip() : lines[i].substring(start, end + 2))
						+ "' is a Go template, which pop fills in with the connection's details before it runs the file, "
						+ "and dbparity runs SQL as it is written. Write the SQL the template stands for; for SQL that "
						+ "differs by database, use files per database, such as "
						+ candidate.file().fileName().replaceFirst("^([0-9]+_[^.]+)\\..*$", "$1") + ".postgres."
						+ (candidate.up() ? "up" : "down") + ".sql.");
			}
		}
	}

	/**
	 * Prisma's migrations, forward only; when {@code engine} is known, {@code migration_lock.toml}'s provider must be
	 * its database, as Prisma itself refuses to apply a folder written for another.
	 */
	static List<Migration> prisma(String location, List<Candidate> candidates, List<Found> files,
			Optional<Engine> engine) {
		Map<MigrationVersion, Candidate> forward = new TreeMap<>();
		for (Candidate candidate : candidates) {
			Candidate previous = forward.putIfAbsent(candidate.version(), candidate);
			if (previous != null) {
				throw twoOfOneVersion(location, "Prisma folders", previous, candidate);
			}
		}
		engine.ifPresent(database -> files.stream().filter(file -> file.relativePath().equals(LOCK_FILE)).findFirst()
			.ifPresent(lock -> checkProvider(lock, database)));
		checkNotBlank(forward.values());
		checkTextOrder(location, "Prisma", new ArrayList<>(forward.values()));
		return forward.values().stream().map(up -> new Migration(up.version(), up.description(),
				MigrationLoader.script(up.file()), Optional.<Script>empty())).toList();
	}

	private static void checkProvider(Found lock, Engine engine) {
		Optional<TomlValue> provider = tomlValue(lock, "provider");
		String expected = engine == Engine.POSTGRES ? "postgresql" : "mysql";
		if (provider.isPresent() && !provider.get().value().equals(expected)) {
			throw new MigrationException("Prisma migrations " + lock.location() + ":" + provider.get().line()
					+ ": provider = \"" + provider.get().value() + "\", but the database is " + engine.displayName()
					+ ", whose Prisma provider is \"" + expected + "\": Prisma wrote these migrations for another "
					+ "database and refuses to apply them to this one, and so does dbparity. Point the migrations at "
					+ "the folder Prisma generated for " + engine.displayName() + ", or test on the database the "
					+ "provider names.");
		}
	}

	/** A value of a TOML file and its line. */
	private record TomlValue(String value, int line) {
	}

	/**
	 * The value of a top-level {@code key} of a TOML file. Hand-written, as no TOML library is on dbparity's
	 * classpath and two keys are read: {@code run_in_transaction} and {@code provider}, both before any table.
	 */
	private static Optional<TomlValue> tomlValue(Found file, String key) {
		String[] lines = file.content().split("\r\n|\r|\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].strip().startsWith("[")) {
				break;
			}
			Matcher line = TOML_LINE.matcher(lines[i]);
			if (line.matches() && line.group(1).equals(key)) {
				String value = line.group(2) != null ? line.group(2)
						: line.group(3) != null ? line.group(3) : line.group(4);
				return Optional.of(new TomlValue(value, i + 1));
			}
		}
		return Optional.empty();
	}

	private static void checkNotBlank(Collection<Candidate> forward) {
		MigrationLoader.checkNotBlank(forward.stream().map(Candidate::file).toList());
	}

	/**
	 * The tools run migrations in the text order of their versions, dbparity in numeric order: {@code 10} comes before
	 * {@code 9} for the tool, after it for dbparity. Where they disagree the folder is refused, naming the two.
	 */
	private static void checkTextOrder(String location, String tool, List<Candidate> sorted) {
		sorted.sort(Comparator.comparing(Candidate::version));
		for (int i = 1; i < sorted.size(); i++) {
			Candidate before = sorted.get(i - 1);
			Candidate after = sorted.get(i);
			if (before.versionText().compareTo(after.versionText()) >= 0) {
				throw new MigrationException("Migration folder '" + location + "' is ordered differently by " + tool
						+ " and by dbparity: " + tool + " compares versions as text and runs "
						+ after.file().location() + " (version " + after.versionText() + ") before "
						+ before.file().location() + " (version " + before.versionText() + "), dbparity compares "
						+ "them as numbers and runs them the other way round, so one of the two would build another "
						+ "schema than production's. Give the versions the same number of digits (e.g. 0"
						+ before.versionText() + "), renaming them in the history table of every database that ran "
						+ "them.");
			}
		}
	}

	private static MigrationException twoOfOneVersion(String location, String what, Candidate one, Candidate other) {
		return new MigrationException("Migration version " + other.version() + " has two " + what + " in '" + location
				+ "': " + describe(one.file(), other.file()) + " and " + describe(other.file(), one.file())
				+ ". Each version must have exactly one; renumber or merge one of them.");
	}

	private static String folder(Found file) {
		String relative = file.relativePath();
		return relative.substring(0, relative.lastIndexOf('/'));
	}
}
