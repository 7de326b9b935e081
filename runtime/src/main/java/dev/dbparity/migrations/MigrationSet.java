package dev.dbparity.migrations;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.dbparity.snapshots.Engine;

/**
 * {@code MigrationSet} is the ordered list of migrations loaded from one folder.
 *
 * <p>Users get one from {@link #load(String, ClassLoader)}; {@link MigrationRunner} implementors receive it.
 * {@link #checksum()} changes whenever a version or a script changes, so it can key caches of prepared (template)
 * databases.
 *
 * @param location the folder as the user wrote it, e.g. {@code db/migration} or {@code file:src/main/sql}
 * @param format how the migrations are written, e.g. {@link MigrationFormat#FLYWAY}
 * @param migrations the migrations, sorted by version, with unique versions; never empty
 * @since 0.1
 */
public record MigrationSet(String location, MigrationFormat format, List<Migration> migrations) {

	private static final String LIQUIBASE_PREFIX = "liquibase:";
	private static final long SEQUENCE_LIMIT = 1_000_000;

	public MigrationSet {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(format, "format");
		migrations = List.copyOf(migrations.stream().sorted(Comparator.comparing(Migration::version)).toList());
		if (migrations.isEmpty()) {
			throw new IllegalArgumentException("a migration set needs at least one migration");
		}
		for (int i = 1; i < migrations.size(); i++) {
			if (migrations.get(i - 1).version().equals(migrations.get(i).version())) {
				throw new IllegalArgumentException("duplicate migration version " + migrations.get(i).version());
			}
		}
	}

	/**
	 * Loads the migrations of a folder named by {@code location}.
	 *
	 * <p>{@code location} is a classpath folder ({@code db/migration} or {@code classpath:db/migration}, in a
	 * directory or a jar), or a file-system folder ({@code file:sql/migration}, relative to the working directory, or
	 * {@code file:/abs/path}), read with its subfolders. It holds the files of one {@link MigrationFormat}, detected
	 * from them:
	 * <ul>
	 * <li>Flyway: {@code V<version>__<description>.sql} (forward) and optionally {@code U<version>__<description>.sql}
	 * (undo); versions are dotted numbers such as {@code 1.2};</li>
	 * <li>golang-migrate: {@code <version>_<title>.up.sql} and optionally {@code <version>_<title>.down.sql};</li>
	 * <li>goose, dbmate, sql-migrate: one {@code <version>_<name>.sql} per version (sql-migrate also
	 * {@code <version>-<name>.sql}) whose up section starts at {@code -- +goose Up}, {@code -- migrate:up} or
	 * {@code -- +migrate Up}, and whose optional down section starts at {@code -- +goose Down}, {@code -- migrate:down}
	 * or {@code -- +migrate Down};</li>
	 * <li>diesel: a folder {@code <version>_<name>} per version holding {@code up.sql} and optionally {@code down.sql}
	 * (and {@code metadata.toml}, whose {@code run_in_transaction = false} runs both outside a transaction); versions
	 * are timestamps such as {@code 2023-01-01-120000} or {@code 2023-01-01-120000-0000}, or numbers, and diesel's
	 * {@code 00000000000000_diesel_initial_setup} is version {@code 0};</li>
	 * <li>pop: {@code <version>_<name>.up.sql} and {@code .down.sql}, or per database
	 * {@code <version>_<name>.<dialect>.up.sql}; a folder with such files needs {@link #load(String, ClassLoader,
	 * Engine)}; {@code .fizz} files are refused;</li>
	 * <li>Prisma: a folder {@code <timestamp>_<name>} per version holding {@code migration.sql}, forward only.</li>
	 * </ul>
	 * diesel, pop and Prisma order versions as text; a folder whose text order differs from the numeric one (such as
	 * {@code 9} and {@code 10}) is refused.
	 * Versions are compared as numbers, so {@code 000010} comes after {@code 9}; the description is the rest of the
	 * name with {@code _} turned into spaces. In the single-file formats each section is a {@link Script} of the whole
	 * file with the other section's lines left empty, so that errors name the line in the file; the comments above the
	 * up marker belong to the up script's header. Outside Flyway, a down section or file with nothing but comments is
	 * no undo script. Other files are ignored, except those that nearly fit a format.
	 *
	 * @throws MigrationException if the folder is missing, has no migrations, mixes formats, has a file name or a
	 *     section marker that nearly fits its format, two files for one version, or an undo script without a forward
	 *     script; the message names the file (and line) and how to fix it
	 */
	public static MigrationSet load(String location, ClassLoader classLoader) {
		return MigrationLoader.load(location, classLoader, Optional.empty());
	}

	/**
	 * Loads the migrations of a folder named by {@code location} for {@code engine}: as {@link #load(String,
	 * ClassLoader)}, and in a pop folder the files of the engine's dialect ({@code postgres} for PostgreSQL,
	 * {@code mysql} for MariaDB and MySQL) are chosen over the generic ones, as pop chooses them; a Prisma folder's
	 * {@code migration_lock.toml} must name the engine's provider.
	 *
	 * @throws MigrationException as {@link #load(String, ClassLoader)} does, and when a Prisma folder was written for
	 *     another database, or a pop folder has no migrations for this one
	 */
	public static MigrationSet load(String location, ClassLoader classLoader, Engine engine) {
		return MigrationLoader.load(location, classLoader, Optional.of(engine));
	}

	/** {@code latest} is the highest version of this set. */
	public MigrationVersion latest() {
		return migrations.get(migrations.size() - 1).version();
	}

	/** {@code find} is the migration with {@code version}, if this set has one. */
	public Optional<Migration> find(MigrationVersion version) {
		// The migrations are sorted by version and unique: a runner looks up every applied version on each call, so a
		// linear search would make a long history's round trips quadratic.
		List<MigrationVersion> versions = new AbstractList<>() {

			@Override
			public MigrationVersion get(int index) {
				return migrations.get(index).version();
			}

			@Override
			public int size() {
				return migrations.size();
			}
		};
		int index = Collections.binarySearch(versions, version);
		return index >= 0 ? Optional.of(migrations.get(index)) : Optional.empty();
	}

	/**
	 * {@code checksum} is the SHA-256 (lower-case hex) over every version and the checksums of its scripts; it does
	 * not depend on the location, so the same scripts in a jar or a directory share cached databases.
	 */
	public String checksum() {
		StringBuilder text = new StringBuilder();
		for (Migration migration : migrations) {
			text.append(migration.version())
				.append(' ')
				.append(migration.up().checksum())
				.append(' ')
				.append(migration.undo().map(Script::checksum).orElse("-"))
				.append('\n');
		}
		return Script.sha256(text.toString());
	}

	/**
	 * {@code versionOf} is the version of this set that a recorded migration version stands for, as a baseline's
	 * manifest holds it: a version ({@code 4}, {@code 2.1}), or a Liquibase changeset as {@code dbparity capture} records
	 * it, {@code liquibase:<id> by <author>} (or {@code liquibase:<id>}), which is looked up by its id and author since
	 * a changelog's versions are positions.
	 *
	 * @throws MigrationException when the set has no such version or changeset, saying which it has
	 */
	public MigrationVersion versionOf(String recorded) {
		if (recorded.startsWith(LIQUIBASE_PREFIX)) {
			String changeset = recorded.substring(LIQUIBASE_PREFIX.length());
			List<Migration> matches = migrations.stream()
				.filter(migration -> migration.description().equals(changeset)
						|| !changeset.contains(" by ") && migration.description().startsWith(changeset + " by "))
				.toList();
			if (matches.size() != 1) {
				throw new MigrationException("Migration version '" + recorded + "' names Liquibase changeset '"
						+ changeset + "', which " + (matches.isEmpty() ? "the changelog " + location + " does not have"
								: "is ambiguous in " + location + " (" + matches.size() + " changesets have that id)")
						+ "; its changesets are " + migrations.stream().map(Migration::description)
							.collect(Collectors.joining(", "))
						+ ". Record the changeset as 'liquibase:<id> by <author>', as dbparity capture does.");
			}
			return matches.get(0).version();
		}
		MigrationVersion version;
		try {
			// diesel's versions are spelt as its folders (2023-01-01-120000) or as its history table has them.
			version = format == MigrationFormat.DIESEL ? LayoutMigrations.dieselVersion(recorded)
				.orElseGet(() -> MigrationVersion.parse(recorded)) : MigrationVersion.parse(recorded);
		}
		catch (IllegalArgumentException e) {
			throw new MigrationException("Migration version '" + recorded + "' cannot be read: " + e.getMessage(), e);
		}
		if (find(version).isEmpty()) {
			throw new MigrationException("Migration version " + recorded + " is not in '" + location
					+ "', whose versions are " + migrations.stream().map(migration -> migration.version().toString())
						.collect(Collectors.joining(", ")) + ".");
		}
		return version;
	}

	/**
	 * {@code gaps} is where this set's versions skip numbers, such as {@code V4} following {@code V2}, each as a
	 * message naming the two files: a migration deleted or renumbered after production ran it leaves fresh databases
	 * different from production. Only sets numbered 1, 2, 3, … (single numbers below {@value #SEQUENCE_LIMIT}) are
	 * checked: timestamps and dates skip numbers by design.
	 */
	public List<String> gaps() {
		boolean sequential = migrations.stream().allMatch(migration -> migration.version().parts().size() == 1
				&& migration.version().parts().get(0).compareTo(BigInteger.valueOf(SEQUENCE_LIMIT)) < 0);
		if (!sequential) {
			return List.of();
		}
		List<String> gaps = new ArrayList<>();
		for (int i = 1; i < migrations.size(); i++) {
			BigInteger before = migrations.get(i - 1).version().parts().get(0);
			BigInteger after = migrations.get(i).version().parts().get(0);
			if (after.subtract(before).compareTo(BigInteger.ONE) > 0) {
				BigInteger missing = before.add(BigInteger.ONE);
				gaps.add(location + " skips from version " + before + " (" + migrations.get(i - 1).up().location()
						+ ") to " + after + " (" + migrations.get(i).up().location() + "): "
						+ (after.subtract(before).equals(BigInteger.TWO) ? "version " + missing + " is"
								: "versions " + missing + " to " + after.subtract(BigInteger.ONE) + " are")
						+ " missing");
			}
		}
		return gaps;
	}
}
