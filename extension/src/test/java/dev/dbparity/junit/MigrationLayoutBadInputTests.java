package dev.dbparity.junit;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.junit.ParityTestKit.executeTestClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.BadInputMessage;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationSet;

/**
 * The catalogue's entries for diesel, pop and Prisma folders ({@code MIG-9xx}): each feeds a real folder through the
 * loader (for an engine where the layout depends on it) or a test class through the extension, and checks the
 * message's three marks and that the folder is as it was.
 */
class MigrationLayoutBadInputTests {

	@TempDir
	Path dir;

	/** A folder with {@code files}, by path relative to it (subfolders included), in UTF-8. */
	private Path folder(Map<String, String> files) throws IOException {
		Path folder = Files.createDirectories(dir.resolve("migrations"));
		for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
			Path path = folder.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
		}
		return folder;
	}

	/** The error of loading {@code folder} for {@code engine}, after checking that loading left it as it was. */
	private static String loadError(Path folder, Engine engine) {
		FileTree before = FileTree.of(folder);
		MigrationException error = catchThrowableOfType(MigrationException.class, () -> MigrationSet.load("file:"
				+ folder, MigrationLayoutBadInputTests.class.getClassLoader(), engine.resolved()));
		assertThat(error).as("loading fails").isNotNull();
		assertThat(FileTree.of(folder)).as("nothing written").isEqualTo(before);
		return BadInputMessage.fullMessage(error);
	}

	private static String loadError(Path folder) {
		return loadError(folder, Engine.POSTGRES);
	}

	private static String containerFailure(EngineExecutionResults results) {
		return results.containerEvents().failed().stream()
			.map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.map(BadInputMessage::fullMessage)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container failed"));
	}

	private static String testFailure(EngineExecutionResults results, String test) {
		return results.testEvents().failed().stream()
			.filter(event -> event.getTestDescriptor().getDisplayName().equals(test))
			.map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.map(BadInputMessage::fullMessage)
			.findFirst()
			.orElseThrow(() -> new AssertionError(test + " did not fail"));
	}

	private static String testAborted(EngineExecutionResults results, String test) {
		return results.testEvents().aborted().stream()
			.filter(event -> event.getTestDescriptor().getDisplayName().equals(test))
			.map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.map(BadInputMessage::fullMessage)
			.findFirst()
			.orElseThrow(() -> new AssertionError(test + " was not skipped"));
	}

	// --- pop ----------------------------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-900")
	void aFizzMigration() throws IOException {
		String message = loadError(folder(Map.of("20230101120000_create_users.up.fizz",
				"create_table(\"users\") {\n  t.Column(\"name\", \"string\", {})\n}\n",
				"20230101120000_create_users.down.fizz", "drop_table(\"users\")\n")));

		assertSays(message, "is a fizz migration, which dbparity cannot run", "20230101120000_create_users.",
				"Replace it with SQL files of the same version, 20230101120000_create_users.up.sql and "
						+ "20230101120000_create_users.down.sql");
		assertThat(message).contains("soda generate sql create_users");
	}

	@Test
	@BadInputEntry("MIG-901")
	void aPopFileForADialectPopDoesNotHave() throws IOException {
		String message = loadError(folder(Map.of("20230101120000_users.postgres.up.sql", "CREATE TABLE users (id INT);",
				"20230101120000_users.mariadb.up.sql", "CREATE TABLE users (id INT);")), Engine.MARIADB);

		assertSays(message, "pop reads 'mariadb', the word after its first '.', as the database the file is for, and has "
				+ "no such dialect", "20230101120000_users.mariadb.up.sql",
				"Rename it to 20230101120000_users.mysql.up.sql (pop runs its mysql files on MariaDB and MySQL)");
	}

	@Test
	@BadInputEntry("MIG-902")
	void aDottedNameInAPopFolder() throws IOException {
		String message = loadError(folder(Map.of("20230101120000_users.postgres.up.sql", "CREATE TABLE users (id INT);",
				"20230102120000_add.users.email.up.sql", "ALTER TABLE users ADD COLUMN email TEXT;")));

		assertSays(message, "pop reads only names <version>_<name>[.<dialect>].up.sql or .down.sql whose name has no '.', "
				+ "so pop would skip it", "20230102120000_add.users.email.up.sql",
				"Rename it to 20230102120000_add_users_email.up.sql");
	}

	@Test
	@BadInputEntry("MIG-903")
	void aPopFolderWithFilesPerDatabaseLoadedWithoutAnEngine() throws IOException {
		Path folder = folder(Map.of("20230101120000_users.postgres.up.sql", "CREATE TABLE users (id INT);",
				"20230101120000_users.up.sql", "CREATE TABLE users (id INTEGER);"));
		MigrationException error = catchThrowableOfType(MigrationException.class,
				() -> MigrationSet.load("file:" + folder, getClass().getClassLoader()));

		assertSays(BadInputMessage.fullMessage(error), "which files run depends on the engine",
				"20230101120000_users.postgres.up.sql", "MigrationSet.load(location, classLoader, engine)");
	}

	@Test
	@BadInputEntry("MIG-904")
	void aPopFolderWithoutMigrationsForTheEngine() throws IOException {
		String message = loadError(folder(Map.of("20230101120000_users.sqlite3.up.sql", "CREATE TABLE users (id INT);",
				"20230101120000_users.cockroach.up.sql", "CREATE TABLE users (id INT);")), Engine.MARIADB);

		assertSays(message, "has no pop migrations for MariaDB: its files are for cockroach, sqlite3 only", "migrations'",
				"Add generic files (<version>_<name>.up.sql) or mysql files (<version>_<name>.mysql.up.sql)");
	}

	@Test
	@BadInputEntry("MIG-905")
	void aPopDownFileWithoutItsUpFile() throws IOException {
		String message = loadError(folder(Map.of("20230101120000_users.postgres.up.sql", "CREATE TABLE users (id INT);",
				"20230102120000_email.postgres.down.sql", "ALTER TABLE users DROP COLUMN email;")));

		assertSays(message, "has no up script", "20230102120000_email.postgres.down.sql",
				"Add the up script (20230102120000_email.postgres.up.sql), or remove the down script");
	}

	@Test
	@BadInputEntry("MIG-916")
	void aGoTemplateInAPopFile() throws IOException {
		String message = loadError(folder(Map.of("20230101120000_users.up.sql", "CREATE TABLE users (id INT);\n",
				"20230102120000_grants.postgres.up.sql", "-- The application's role\nGRANT SELECT ON users TO "
						+ "{{ .User }};\n")));

		assertSays(message, "'{{ .User }}' is a Go template, which pop fills in with the connection's details",
				"20230102120000_grants.postgres.up.sql:2", "Write the SQL the template stands for");
	}

	// --- diesel -------------------------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-906")
	void aDieselFolderWithoutVersion() throws IOException {
		String message = loadError(folder(Map.of("create_users/up.sql", "CREATE TABLE users (id INT);",
				"create_users/down.sql", "DROP TABLE users;")));

		assertSays(message, "diesel's version 'create' (the folder name up to its first '_') is neither a timestamp",
				"migrations/create_users/down.sql", "Name the folder <timestamp>_<description> as 'diesel migration "
						+ "generate' does, "
						+ "e.g. 2023-01-01-120000_create_users");
	}

	@Test
	@BadInputEntry("MIG-907")
	void aDieselFolderNestedTooDeep() throws IOException {
		String message = loadError(folder(Map.of("2023-01-01-120000_create_users/up.sql", "CREATE TABLE users (id INT);",
				"archive/2022-01-01-120000_create_logs/up.sql", "CREATE TABLE logs (id INT);")));

		assertSays(message, "diesel reads the folders directly inside the migrations folder, and "
				+ "2022-01-01-120000_create_logs is nested in archive", "archive/2022-01-01-120000_create_logs/up.sql",
				"Move the folder 2022-01-01-120000_create_logs up into the migrations folder");
	}

	@Test
	@BadInputEntry("MIG-908")
	void aDieselDownWithoutUp() throws IOException {
		String message = loadError(folder(Map.of("2023-01-01-120000_create_users/up.sql", "CREATE TABLE users (id INT);",
				"2023-02-01-120000_add_email/down.sql", "ALTER TABLE users DROP COLUMN email;")));

		assertSays(message, "has no up script: diesel needs an up.sql in 2023-02-01-120000_add_email",
				"2023-02-01-120000_add_email/down.sql", "Add the up script, or remove the folder");
	}

	@Test
	@BadInputEntry("MIG-909")
	void aMigrationFolderWithoutDescription() throws IOException {
		String message = loadError(folder(Map.of("2023-01-01-120000/up.sql", "CREATE TABLE users (id INT);")));

		assertSays(message, "has no description after '2023-01-01-120000_'", "2023-01-01-120000/up.sql",
				"Name the folder 2023-01-01-120000_<description>");
	}

	@Test
	@BadInputEntry("MIG-910")
	void versionsWhoseTextOrderIsNotTheirNumericOrder() throws IOException {
		String message = loadError(folder(Map.of("9_create_users/up.sql", "CREATE TABLE users (id INT);",
				"10_add_email/up.sql", "ALTER TABLE users ADD COLUMN email TEXT;")));

		assertSays(message, "is ordered differently by diesel and by dbparity", "10_add_email/up.sql (version 10) before",
				"Give the versions the same number of digits (e.g. 09)");
		assertThat(message).contains("9_create_users/up.sql (version 9)");
	}

	@Test
	@BadInputEntry("MIG-911")
	void twoDieselFoldersOfOneVersion() throws IOException {
		String message = loadError(folder(Map.of("2023-01-01-120000_create_users/up.sql", "CREATE TABLE users (id INT);",
				"2023-01-01-120000-0000_create_posts/up.sql", "CREATE TABLE posts (id INT);")));

		assertSays(message, "Migration version 20230101120000 has two diesel folders",
				"2023-01-01-120000-0000_create_posts/up.sql", "renumber or merge one of them");
	}

	@Test
	@BadInputEntry("MIG-912")
	void aDieselDownLeftAsGenerated() {
		String message = testFailure(executeTestClass(DieselGeneratedDownTestCase.class),
				"V20230701100000 add users email");

		assertSays(message, "is irreversible: it has no undo script",
				"2023-07-01-100000-0000_add_users_email/up.sql", "Write the statements that reverse it in "
						+ "formats/diesel/postgres/2023-07-01-100000-0000_add_users_email/down.sql");
	}

	// --- Prisma -------------------------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-913")
	void prismaMigrationsForAnotherDatabase() {
		String message = containerFailure(executeTestClass(PrismaForPostgresOnMariaDbTestCase.class));

		assertSays(message, "provider = \"postgresql\", but the database is MariaDB",
				"formats/prisma/postgres/migration_lock.toml:3", "Point the migrations at the folder Prisma generated "
						+ "for MariaDB");
	}

	@Test
	@BadInputEntry("MIG-914")
	void aPrismaFolderWithoutTimestamp() throws IOException {
		String message = loadError(folder(Map.of("migration_lock.toml", "provider = \"postgresql\"\n",
				"init/migration.sql", "CREATE TABLE users (id INT);")));

		assertSays(message, "Prisma's folder name does not start with a version", "init/migration.sql",
				"Name the folder <timestamp>_<description> as 'prisma migrate dev' does, e.g. 20230101120000_init");
	}

	@Test
	@BadInputEntry("MIG-915")
	void roundTripsOfForwardOnlyPrismaMigrations() {
		String message = testAborted(executeTestClass(PrismaRoundTripTestCase.class), "V20230101120000 init");

		assertSays(message, "Prisma migrations are forward only", "20230101120000_init/migration.sql",
				"the round trips need a history with down scripts to test undos");
		assertThat(message.strip()).endsWith("it ran forward, and there is no undo to test");
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "formats/diesel/postgres")
	static class DieselGeneratedDownTestCase extends RoundTripFactory {
	}

	@ParityDatabase(engine = Engine.MARIADB, migrations = "formats/prisma/postgres")
	static class PrismaForPostgresOnMariaDbTestCase {

		@Test
		void neverRuns() {
			throw new AssertionError("the class fails before its tests");
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "formats/prisma/postgres")
	static class PrismaRoundTripTestCase extends RoundTripFactory {
	}
}
