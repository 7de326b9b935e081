package dev.dbparity.junit;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.junit.ParityTestKit.executeTestClass;
import static dev.dbparity.junit.ParityTestKit.executeTestClassWithConfigurationParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.BadInputMessage;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.junit.internal.MigrationRoundTrip;
import dev.dbparity.migrations.MigrationDirectives;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationRunners;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.templates.DatabaseContext;

/**
 * The catalogue's migration-folder entries ({@code MIG-}): each feeds a real folder of one supported format through the
 * loader, the runner, the round trip or a test class, and checks the message's three marks and that the folder is as
 * it was.
 */
class MigrationFolderBadInputTests {

	@TempDir
	Path dir;

	/** A folder with {@code files} (name to UTF-8 text). */
	private Path folder(Map<String, String> files) throws IOException {
		Map<String, byte[]> bytes = new LinkedHashMap<>();
		files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
		return folderOfBytes(bytes);
	}

	private Path folderOfBytes(Map<String, byte[]> files) throws IOException {
		Path folder = Files.createDirectories(dir.resolve("migrations"));
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			Files.write(folder.resolve(file.getKey()), file.getValue());
		}
		return folder;
	}

	/** The error of loading {@code folder}, after checking that loading left it as it was. */
	private static String loadError(Path folder) {
		FileTree before = FileTree.of(folder);
		MigrationException error = catchThrowableOfType(MigrationException.class,
				() -> MigrationSet.load("file:" + folder, MigrationFolderBadInputTests.class.getClassLoader()));
		assertThat(error).as("loading fails").isNotNull();
		assertThat(FileTree.of(folder)).as("nothing written").isEqualTo(before);
		return BadInputMessage.fullMessage(error);
	}

	private static MigrationSet load(Path folder) {
		return MigrationSet.load("file:" + folder, MigrationFolderBadInputTests.class.getClassLoader());
	}

	/** The error of migrating a fresh PostgreSQL database with {@code folder}, and that it holds no table afterwards. */
	private static String migrateError(Path folder) throws SQLException {
		MigrationSet set = load(folder);
		DataSource database = RealDatabases.freshDatabase(Engine.POSTGRES.resolved());
		MigrationException error = catchThrowableOfType(MigrationException.class, () -> new SqlMigrationRunner()
			.migrateTo(database, Engine.POSTGRES.resolved(), set, set.migrations().get(set.migrations().size() - 1).version()));
		assertThat(error).as("migrating fails").isNotNull();
		// Connecting also shows that the database, which dbparity did not create, was not dropped.
		try (Connection connection = database.getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, "public", "t", null)) {
			assertThat(tables.next()).as("the failed migration was rolled back").isFalse();
		}
		return BadInputMessage.fullMessage(error);
	}

	private static String directiveError(Path folder) {
		MigrationException error = catchThrowableOfType(MigrationException.class,
				() -> load(folder).migrations().forEach(migration -> MigrationDirectives.parse(migration.up())));
		assertThat(error).isNotNull();
		return error.getMessage();
	}

	private static String containerFailure(EngineExecutionResults results) {
		return results.containerEvents().failed().stream()
			.map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.map(BadInputMessage::fullMessage)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container failed"));
	}

	// --- Flyway-style names -------------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-001")
	void twoForwardScriptsOfOneVersion() throws IOException {
		String message = loadError(folder(Map.of("V1__shelves.sql", "SELECT 1;", "V2__books.sql", "SELECT 1;",
				"V2__authors.sql", "SELECT 1;")));

		assertSays(message, "version 2 has two V files", "V2__books.sql", "renumber or merge one of them");
		assertThat(message).contains("V2__authors.sql");
	}

	@Test
	@BadInputEntry("MIG-002")
	void anUndoScriptWithoutItsForwardScript() throws IOException {
		String message = loadError(folder(Map.of("V1__shelves.sql", "SELECT 1;", "U3__books.sql", "SELECT 1;")));

		assertSays(message, "has no forward script", "U3__books.sql", "Add the forward script, or remove the undo script");
	}

	@Test
	@BadInputEntry("MIG-003")
	void aFlywayNameWithOneUnderscore() throws IOException {
		String message = loadError(folder(Map.of("V1_create_shelves.sql", "SELECT 1;")));

		assertSays(message, "there is no '__' between version and description", "V1_create_shelves.sql",
				"(two underscores), e.g. V1__create_tables.sql");
	}

	@Test
	@BadInputEntry("MIG-004")
	void aFlywayVersionThatIsNotANumber() throws IOException {
		String message = loadError(folder(Map.of("V1.a__create_shelves.sql", "SELECT 1;")));

		assertSays(message, "Invalid migration version '1.a'", "V1.a__create_shelves.sql",
				"a version is numbers separated by '.' or '_', e.g. 1, 1.2 or 2_10_1");
	}

	@Test
	@BadInputEntry("MIG-005")
	void aFlywayNameWithoutDescription() throws IOException {
		String message = loadError(folder(Map.of("V1__.sql", "SELECT 1;")));

		assertSays(message, "the description after '__' is empty", "V1__.sql", "e.g. V1__create_tables.sql");
	}

	@Test
	@BadInputEntry("MIG-006")
	void twoFormatsInOneFolder() throws IOException {
		String message = loadError(folder(Map.of("V1__shelves.sql", "SELECT 1;", "000002_books.up.sql", "SELECT 1;")));

		assertSays(message, "mixes migration formats", "000002_books.up.sql",
				"rename the files of one format to the other, or move them to a folder of their own");
		assertThat(message).contains("V1__shelves.sql");
	}

	@Test
	@BadInputEntry("MIG-007")
	void anEmptyForwardScript() throws IOException {
		String message = loadError(folder(Map.of("V1__shelves.sql", "CREATE TABLE shelf (id INT);",
				"V2__books.sql", "\n")));

		assertSays(message, "is empty", "V2__books.sql", "say so in a comment line");
	}

	// --- golang-migrate -----------------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-008")
	void aGolangMigrateSuffixInUpperCase() throws IOException {
		String message = loadError(folder(Map.of("000001_shelves.UP.SQL", "SELECT 1;")));

		assertSays(message, "must be written in lower case", "000001_shelves.UP.SQL", "Rename it to 000001_shelves.up.sql");
	}

	@Test
	@BadInputEntry("MIG-009")
	void aGolangMigrateDownWithoutUp() throws IOException {
		String message = loadError(folder(Map.of("000001_shelves.up.sql", "SELECT 1;", "000002_books.down.sql",
				"SELECT 1;")));

		assertSays(message, "has no up script", "000002_books.down.sql", "Add the up script, or remove the down script");
	}

	@Test
	@BadInputEntry("MIG-010")
	void aPlainSqlFileInAGolangMigrateFolder() throws IOException {
		String message = loadError(folder(Map.of("000001_shelves.up.sql", "SELECT 1;", "000002_books.sql", "SELECT 1;")));

		assertSays(message, "golang-migrate would skip it", "000002_books.sql", "Rename it to 000002_books.up.sql");
	}

	@Test
	@BadInputEntry("MIG-011")
	void versionZero() throws IOException {
		String message = loadError(folder(Map.of("0_init.up.sql", "SELECT 1;")));

		assertSays(message, "its version is 0", "0_init.up.sql", "Renumber the migrations from 1");
	}

	// --- goose, dbmate, sql-migrate -----------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-012")
	void aSingleFileMigrationWithoutItsUpMarker() throws IOException {
		String message = loadError(folder(Map.of("00001_shelves.sql", "CREATE TABLE shelf (id INT);\n")));

		assertSays(message, "has none of their up markers", "00001_shelves.sql",
				"Add the one of your tool on its own line above its statements");
	}

	@Test
	@BadInputEntry("MIG-013")
	void aGooseNameWithADash() throws IOException {
		String message = loadError(folder(Map.of("00001-shelves.sql", "-- +goose Up\nSELECT 1;\n")));

		assertSays(message, "goose reads the version up to the first '_', not '-'", "00001-shelves.sql",
				"Rename it to 00001_shelves.sql");
	}

	@Test
	@BadInputEntry("MIG-014")
	void aGooseGoMigration() throws IOException {
		String message = loadError(folder(Map.of("00001_shelves.sql", "-- +goose Up\nSELECT 1;\n",
				"00002_backfill.go", "package migrations\n")));

		assertSays(message, "is a goose Go migration, which dbparity cannot run", "00002_backfill.go",
				"Rewrite it as 00002_backfill.sql with '-- +goose Up' and '-- +goose Down' sections");
	}

	@Test
	@BadInputEntry("MIG-015")
	void aMisspeltDbmateMarker() throws IOException {
		String message = loadError(folder(Map.of("20240131120000_shelves.sql",
				"-- migrate:up\nCREATE TABLE shelf (id INT);\n-- migrate:dwn\nDROP TABLE shelf;\n")));

		assertSays(message, "unknown dbmate annotation '-- migrate:dwn'", "20240131120000_shelves.sql:3",
				"Fix the spelling");
	}

	@Test
	@BadInputEntry("MIG-016")
	void theMarkersOfTwoTools() throws IOException {
		String message = loadError(folder(Map.of("1_shelves.sql", "-- +goose Up\n-- migrate:up\nSELECT 1;\n")));

		assertSays(message, "has the markers of both goose and dbmate", "1_shelves.sql",
				"Keep those of the tool that runs it");
	}

	@Test
	@BadInputEntry("MIG-017")
	void aGooseStatementBlockNeverClosed() throws IOException {
		String message = loadError(folder(Map.of("00001_touch.sql", "-- +goose Up\n-- +goose StatementBegin\n"
				+ "CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;\n")));

		assertSays(message, "'-- +goose StatementBegin' is never closed", "00001_touch.sql:2",
				"Add '-- +goose StatementEnd' on its own line after the statement");
	}

	@Test
	@BadInputEntry("MIG-018")
	void aStatementAboveTheSqlMigrateUpMarker() throws IOException {
		String message = loadError(folder(Map.of("1_shelves.sql", "CREATE TABLE shelf (id INT);\n-- +migrate Up\n"
				+ "CREATE TABLE book (id INT);\n-- +migrate Down\nDROP TABLE book;\n")));

		assertSays(message, "a statement above the '-- +migrate Up' line", "1_shelves.sql:1",
				"Move it below '-- +migrate Up', or delete it");
	}

	@Test
	@BadInputEntry("MIG-019")
	void aDirectiveInTheDownSection() throws IOException {
		String message = loadError(folder(Map.of("00001_drop_notes.sql", "-- +goose Up\nALTER TABLE t DROP COLUMN n;\n"
				+ "-- +goose Down\n-- dbparity:irreversible the notes are gone\n")));

		assertSays(message, "is in the down section, where dbparity does not read directives", "00001_drop_notes.sql:4",
				"Move it to the top of the file or right below '-- +goose Up'");
	}

	// --- encoding -----------------------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-020")
	void aMigrationSavedAsLatin1() throws IOException {
		byte[] latin1 = "CREATE TABLE t (n text);\nINSERT INTO t VALUES ('Zoë');\n".getBytes(StandardCharsets.ISO_8859_1);

		String message = loadError(folderOfBytes(Map.of("V1__customers.sql", latin1)));

		assertSays(message, "invalid UTF-8 at byte offset 50 (0xEB)", "V1__customers.sql:2:26",
				"re-save the file as UTF-8");
	}

	@Test
	@BadInputEntry("MIG-021")
	void aMigrationSavedAsUtf16() throws IOException {
		byte[] utf16 = "CREATE TABLE t (n text);\n".getBytes(StandardCharsets.UTF_16LE);
		byte[] withBom = new byte[utf16.length + 2];
		withBom[0] = (byte) 0xFF;
		withBom[1] = (byte) 0xFE;
		System.arraycopy(utf16, 0, withBom, 2, utf16.length);

		String message = loadError(folderOfBytes(Map.of("000001_customers.up.sql", withBom)));

		assertSays(message, "the file is UTF-16", "000001_customers.up.sql:1:1", "re-save the file as UTF-8");
	}

	// --- folders ------------------------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-022")
	void aClasspathFolderThatDoesNotExist() {
		MigrationException error = catchThrowableOfType(MigrationException.class,
				() -> MigrationSet.load("db/migratoin", getClass().getClassLoader()));

		assertSays(error, "was not found on the classpath", "'db/migratoin'",
				"Put the scripts in src/main/resources/db/migratoin or src/test/resources/db/migratoin");
	}

	@Test
	@BadInputEntry("MIG-023")
	void aFileSystemFolderThatDoesNotExist() {
		Path missing = dir.resolve("no-such-folder");

		MigrationException error = catchThrowableOfType(MigrationException.class,
				() -> MigrationSet.load("file:" + missing, getClass().getClassLoader()));

		assertSays(error, "was not found on the file system", missing.toString(), "Create the folder, or, if the "
				+ "scripts are on the classpath, write the location as 'classpath:");
		assertThat(missing).doesNotExist();
	}

	@Test
	@BadInputEntry("MIG-024")
	void aFolderWithoutMigrations() throws IOException {
		String message = loadError(folder(Map.of("README.md", "Our migrations\n", "notes.txt", "todo\n")));

		assertSays(message, "has no forward migrations (ignored: README.md, notes.txt)", "migrations'",
				"Name forward scripts V<version>__<description>.sql");
	}

	@Test
	@BadInputEntry("MIG-025")
	void aGapWhenGapsFail() {
		String message = containerFailure(executeTestClassWithConfigurationParameters(GapTestCase.class,
				Map.of(ParityDatabase.MIGRATION_GAPS_PROPERTY_NAME, "fail")));

		assertSays(message, "version 3 is missing", "db/gap/V4__d.sql",
				"Restore the missing migration (production may have run it), or, if the gap is intended, set "
						+ "dbparity.migrations.gaps=allow");
	}

	@ParityDatabase(migrations = "db/gap")
	static class GapTestCase {

		@Test
		void runs() {
		}
	}

	// --- directives ---------------------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-026")
	void aMisspeltIrreversibleDirective() throws IOException {
		String message = directiveError(folder(Map.of("V1__drop_notes.sql",
				"-- dbparity:irreversable the notes are gone\nALTER TABLE t DROP COLUMN n;\n")));

		assertSays(message, "unknown directive 'dbparity:irreversable'", "V1__drop_notes.sql:1",
				"did you mean 'dbparity:irreversible'?");
		assertThat(message).contains("Fix the spelling");
	}

	@Test
	@BadInputEntry("MIG-027")
	void aDirectiveBelowTheFirstStatement() throws IOException {
		String message = directiveError(folder(Map.of("V1__drop_notes.sql",
				"ALTER TABLE t DROP COLUMN n;\n-- dbparity:irreversible the notes are gone\n")));

		assertSays(message, "is below the first statement", "V1__drop_notes.sql:2",
				"Move it into the comment lines at the top of the script");
	}

	@Test
	@BadInputEntry("MIG-028")
	void anIrreversibleDirectiveWithoutReason() throws IOException {
		String message = directiveError(folder(Map.of("V1__drop_notes.sql",
				"-- dbparity:irreversible\nALTER TABLE t DROP COLUMN n;\n")));

		assertSays(message, "needs a reason", "V1__drop_notes.sql:1",
				"e.g. '-- dbparity:irreversible the dropped audit rows cannot be restored'");
	}

	@Test
	@BadInputEntry("MIG-029")
	void anAllowDirectiveWithAnUnknownCategory() throws IOException {
		String message = directiveError(folder(Map.of("V1__drop_notes.sql",
				"-- dbparity:allow DESTRUCTIV the notes are unused\nALTER TABLE t DROP COLUMN n;\n")));

		assertSays(message, "names the category 'DESTRUCTIV', which does not exist", "V1__drop_notes.sql:1",
				"did you mean DESTRUCTIVE?");
	}

	// --- running them -------------------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-030")
	void aQuoteNeverClosed() throws Exception {
		String message = migrateError(folder(Map.of("V1__customers.sql",
				"CREATE TABLE t (n text);\nINSERT INTO t VALUES ('it);\n")));

		assertSays(message, "the ' opened here is never closed", "V1__customers.sql:2",
				"close it, or double it inside the text ('')");
		assertThat(message).contains("migration 1 (customers) cannot be split into statements");
	}

	@Test
	@BadInputEntry("MIG-031")
	void aDollarQuoteNeverClosed() throws Exception {
		String message = migrateError(folder(Map.of("V1__touch.sql", "CREATE TABLE t (id int);\n"
				+ "CREATE FUNCTION touch() RETURNS int AS $$\nBEGIN RETURN 1; END;\n")));

		assertSays(message, "unterminated dollar-quoted string", "V1__touch.sql:2", "Fix the statement and migrate again");
	}

	@Test
	@BadInputEntry("MIG-032")
	void aMigrationThatFailsForward() {
		String message = containerFailure(executeTestClass(FailingForwardTestCase.class));

		assertSays(message, "column \"positon\" of relation \"shelf\" does not exist",
				"migration 2 (shelf position) failed at badinput/failing-forward/V2__shelf_position.sql:3",
				"Fix the statement and migrate again");
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "badinput/failing-forward")
	static class FailingForwardTestCase {

		@Test
		void runs() {
		}
	}

	@Test
	@BadInputEntry("MIG-033")
	void anIrreversibleMigrationThatFailsForwardInItsRoundTrip() throws Throwable {
		MigrationSet set = MigrationSet.load("roundtrip/postgres/irreversible-broken", getClass().getClassLoader());
		DatabaseContext context = new DatabaseContext(Optional.of(set), new SqlMigrationRunner());
		AssertionError failure = null;
		try (Stream<DynamicTest> tests = MigrationRoundTrip.dynamicTests(RealDatabases.server(Engine.POSTGRES.resolved()), context,
				new RoundTripTimings(), (label, note) -> { })) {
			for (DynamicTest test : tests.toList()) {
				try {
					test.getExecutable().execute();
				}
				catch (AssertionError e) {
					failure = failure == null ? e : failure;
				}
				catch (org.opentest4j.TestAbortedException e) {
					// the later version, which cannot be reached
				}
			}
		}

		assertThat(failure).isNotNull();
		assertSays(failure, "is declared irreversible, so it has no undo to test, but its forward script fails",
				"roundtrip/postgres/irreversible-broken/V2__drop_label.sql:3", "Fix the script");
	}

	// --- Flyway and Liquibase -----------------------------------------------------------------------------------------

	@Test
	@BadInputEntry("MIG-034")
	void theFlywayRunnerOnAGolangMigrateFolder() throws IOException {
		Path folder = folder(Map.of("000001_shelves.up.sql", "SELECT 1;", "000001_shelves.down.sql", "SELECT 1;"));
		MigrationRunner flyway = MigrationRunners.choose("flyway", "test", key -> Optional.empty());

		MigrationException error = catchThrowableOfType(MigrationException.class,
				() -> flyway.load("file:" + folder, getClass().getClassLoader()));

		assertSays(error, "Flyway reads V<version>__<description>.sql scripts only", "file:" + folder,
				"set dbparity.migration.runner=sql");
	}

	@Test
	@BadInputEntry("MIG-035")
	void flywayLocationsThatDoNotExist() {
		MigrationRunner flyway = MigrationRunners.choose("flyway", "test",
				key -> key.equals("dbparity.flyway.locations") ? Optional.of("classpath:db/migratoin") : Optional.empty());
		MigrationSet set = MigrationSet.load("flyway/postgres", getClass().getClassLoader());
		DataSource database = RealDatabases.freshDatabase(Engine.POSTGRES.resolved());

		MigrationException error = catchThrowableOfType(MigrationException.class,
				() -> flyway.migrate(database, Engine.POSTGRES.resolved(), set));

		assertSays(error, "Unable to resolve location classpath:db/migratoin", "Fix dbparity.flyway.locations",
				"each location must be an existing folder, classpath:<folder> or filesystem:<path>");
	}

	@Test
	@BadInputEntry("MIG-036")
	void aLiquibaseChangelogThatDoesNotExist() {
		MigrationRunner liquibase = MigrationRunners.choose("liquibase", "test",
				key -> key.equals("dbparity.liquibase.changelog") ? Optional.of("db/changelog/master.yaml")
						: Optional.empty());

		MigrationException error = catchThrowableOfType(MigrationException.class,
				() -> liquibase.load("ignored", getClass().getClassLoader()));

		assertSays(error, "Liquibase changelog 'db/changelog/master.yaml' was not found", "dbparity.liquibase.changelog",
				"dbparity.liquibase.changelog=db/changelog/db.changelog-master.yaml");
	}
}
