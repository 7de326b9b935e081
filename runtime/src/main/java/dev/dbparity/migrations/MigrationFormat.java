package dev.dbparity.migrations;

/**
 * {@code MigrationFormat} is how the migrations of a {@link MigrationSet} are written: the naming and layout of a
 * folder that {@link MigrationSet#load} detected, or a Liquibase changelog.
 *
 * <p>For users it shows up in messages, which name the file to add or fix in the folder's own format; runner
 * implementors may use it to refuse a format they cannot apply.
 *
 * @since 0.1
 */
public enum MigrationFormat {

	/** {@code V<version>__<description>.sql} forward and {@code U<version>__<description>.sql} undo scripts. */
	FLYWAY("Flyway", "", ""),

	/** {@code <version>_<title>.up.sql} and {@code <version>_<title>.down.sql}, as golang-migrate names them. */
	GOLANG_MIGRATE("golang-migrate", "", ""),

	/** One {@code <version>_<name>.sql} per version, with {@code -- +goose Up} and {@code -- +goose Down} sections. */
	GOOSE("goose", "-- +goose Up", "-- +goose Down"),

	/** One {@code <version>_<name>.sql} per version, with {@code -- migrate:up} and {@code -- migrate:down} sections. */
	DBMATE("dbmate", "-- migrate:up", "-- migrate:down"),

	/** One {@code <version>_<name>.sql} per version, with {@code -- +migrate Up} and {@code -- +migrate Down} sections. */
	SQL_MIGRATE("sql-migrate", "-- +migrate Up", "-- +migrate Down"),

	/** A folder per version, {@code <version>_<name>/up.sql} and {@code down.sql}, as diesel writes them. */
	DIESEL("diesel", "", ""),

	/**
	 * {@code <version>_<name>.up.sql} and {@code .down.sql}, per database {@code <version>_<name>.<dialect>.up.sql}, as
	 * pop (gobuffalo) names them; the engine's files are chosen over the generic ones.
	 */
	POP("pop", "", ""),

	/** A folder per version, {@code <timestamp>_<name>/migration.sql}, forward only, as Prisma writes them. */
	PRISMA("Prisma", "", ""),

	/** A Liquibase changelog, read by the {@code liquibase} runner, whose versions are changeset positions. */
	LIQUIBASE("Liquibase", "", "");

	private final String displayName;
	private final String upMarker;
	private final String downMarker;

	MigrationFormat(String displayName, String upMarker, String downMarker) {
		this.displayName = displayName;
		this.upMarker = upMarker;
		this.downMarker = downMarker;
	}

	/** {@code displayName} is the tool's own name, e.g. {@code golang-migrate}. */
	public String displayName() {
		return displayName;
	}

	/**
	 * {@code isForwardOnly} is whether the format has no place for an undo script (Prisma), so that every migration in it
	 * is irreversible by design, as if its header declared so.
	 */
	public boolean isForwardOnly() {
		return this == PRISMA;
	}

	/** {@code isSingleFile} is whether one file holds both the up and the down section of a version. */
	boolean isSingleFile() {
		return !upMarker.isEmpty();
	}

	/** {@code upMarker} is the comment line that starts the up section of a single-file format, else empty. */
	String upMarker() {
		return upMarker;
	}

	/** {@code downMarker} is the comment line that starts the down section of a single-file format, else empty. */
	String downMarker() {
		return downMarker;
	}

	/**
	 * {@code addUndo} tells how to give {@code migration}, which has no undo script, one: a sentence without its full
	 * stop, such as {@code Add U3__checks.sql beside it with the statements that reverse it}.
	 */
	public String addUndo(Migration migration) {
		String location = migration.up().location();
		String name = location.substring(location.lastIndexOf('/') + 1);
		return switch (this) {
			case FLYWAY -> "Add U" + name.substring(1) + " beside it with the statements that reverse it";
			case GOLANG_MIGRATE, POP -> "Add " + name.substring(0, name.length() - ".up.sql".length())
					+ ".down.sql beside it with the statements that reverse it";
			case DIESEL -> "Write the statements that reverse it in " + location.substring(0, location.lastIndexOf('/'))
					+ "/down.sql";
			case PRISMA -> "Prisma migrations are forward only, so it cannot have one: run the round trips on a "
					+ "history with down scripts";
			case GOOSE, DBMATE, SQL_MIGRATE -> "Write the statements that reverse it below a '" + downMarker
					+ "' line at the end of " + name;
			case LIQUIBASE -> "Add a 'rollback:' block to its changeset";
		};
	}

	/** {@code script} names the file of {@code version} in this format, for a message saying to restore it. */
	String script(MigrationVersion version) {
		return switch (this) {
			case FLYWAY -> "V" + version + "__ script";
			case GOLANG_MIGRATE -> version + "_<title>.up.sql script";
			case POP -> version + "_<name>.up.sql script";
			case DIESEL -> "diesel folder of version " + version;
			case PRISMA -> "Prisma folder of version " + version;
			case GOOSE, DBMATE, SQL_MIGRATE -> version + "_<name>.sql file";
			case LIQUIBASE -> "changeset";
		};
	}

	/** {@code newMigration} names a migration to add after {@code latest}, e.g. {@code V4__<description>.sql}. */
	String newMigration(MigrationVersion latest) {
		return switch (this) {
			case FLYWAY -> "V" + latest.next() + "__<description>.sql";
			case GOLANG_MIGRATE -> "<version>_<title>.up.sql (with its .down.sql) with a version above " + latest;
			case POP -> "<version>_<name>.up.sql (with its .down.sql, 'soda generate sql <name>') with a version above "
					+ latest;
			case DIESEL -> "migration folder with 'diesel migration generate <name>', whose version is above " + latest;
			case PRISMA -> "migration folder with 'prisma migrate dev', whose version is above " + latest;
			case GOOSE, DBMATE, SQL_MIGRATE -> "<version>_<name>.sql with a version above " + latest;
			case LIQUIBASE -> "changeset at the end of the changelog";
		};
	}
}
