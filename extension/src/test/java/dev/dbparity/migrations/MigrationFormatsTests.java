package dev.dbparity.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.diff.Category;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading golang-migrate, goose, dbmate, sql-migrate, diesel, pop and Prisma folders, and every way their files can be
 * nearly right.
 */
class MigrationFormatsTests {

	private static final ClassLoader LOADER = MigrationFormatsTests.class.getClassLoader();

	@TempDir
	Path dir;

	@Nested
	class GolangMigrate {

		@Test
		void fromClasspathInNumericOrderDespiteZeroPadding() {
			MigrationSet set = MigrationSet.load("formats/golang-migrate", LOADER);

			assertThat(set.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
			assertThat(set.migrations()).extracting(migration -> migration.version().toString())
				.containsExactly("1", "2", "9", "10");
			assertThat(set.migrations()).extracting(Migration::description)
				.containsExactly("create teams", "add.team.name index", "seed", "create channels");
			Migration first = set.migrations().get(0);
			assertThat(first.up().location()).isEqualTo("formats/golang-migrate/000001_create_teams.up.sql");
			assertThat(first.up().content()).startsWith("CREATE TABLE teams (");
			assertThat(first.undo()).map(Script::location)
				.contains("formats/golang-migrate/000001_create_teams.down.sql");
			assertThat(first.undo()).map(Script::content).contains("DROP TABLE teams;\n");
			assertThat(set.find(MigrationVersion.parse("9")).orElseThrow().undo()).as("no down file").isEmpty();
			assertThat(set.find(MigrationVersion.parse("10")).orElseThrow().undo()).as("a down file of comments only")
				.isEmpty();
		}

		@Test
		void fromFileSystemWithTheSameChecksum() {
			MigrationSet set = MigrationSet.load("file:src/test/resources/formats/golang-migrate", LOADER);

			assertThat(set.migrations().get(1).up().location())
				.isEqualTo("file:src/test/resources/formats/golang-migrate/000002_add.team.name_index.up.sql");
			assertThat(set.checksum()).isEqualTo(MigrationSet.load("formats/golang-migrate", LOADER).checksum());
		}

		@Test
		void fromTemporaryFolderWithTimestampVersions() throws IOException {
			write("20230101120000_b.up.sql", "SELECT 2;");
			write("20221231235959_a.up.sql", "SELECT 1;");
			write("20221231235959_a.down.sql", "SELECT -1;");

			MigrationSet set = load();

			assertThat(set.migrations()).extracting(migration -> migration.version().toString())
				.containsExactly("20221231235959", "20230101120000");
			assertThat(set.migrations().get(0).undo()).map(Script::location)
				.contains("file:" + dir + "/20221231235959_a.down.sql");
		}
	}

	@Nested
	class Goose {

		private final MigrationSet set = MigrationSet.load("formats/goose", LOADER);

		@Test
		void fromClasspath() {
			assertThat(set.format()).isEqualTo(MigrationFormat.GOOSE);
			assertThat(set.migrations()).extracting(migration -> migration.version().toString())
				.containsExactly("1", "2", "20230101120000");
			assertThat(set.migrations()).extracting(Migration::description)
				.containsExactly("create users", "users name index", "add email");
			Migration first = set.migrations().get(0);
			assertThat(first.up().location()).isEqualTo("formats/goose/00001_create_users.sql");
			assertThat(first.undo()).map(Script::location).contains("formats/goose/00001_create_users.sql");
			assertThat(set.migrations().get(1).undo()).as("a down section without statements").isEmpty();
			assertThat(set.migrations().get(2).undo()).as("no down section").isEmpty();
			assertThat(set.migrations()).extracting(migration -> migration.up().transactional())
				.as("NO TRANSACTION above '-- +goose Up'").containsExactly(true, false, true);
		}

		@Test
		void eachSectionKeepsTheLinesOfTheFile() {
			Migration first = set.migrations().get(0);

			assertThat(statements(first.up())).containsExactly("4:CREATE TABLE users (",
					"11:CREATE FUNCTION touch_user() RETURNS trigger AS $$",
					"19:CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_user()");
			assertThat(statements(first.undo().orElseThrow())).containsExactly("22:DROP TRIGGER users_touch ON users",
					"23:DROP FUNCTION touch_user()", "24:DROP TABLE users");
			assertThat(SqlScriptSplitter.split(first.up().content(), Engine.POSTGRES).get(1).sql())
				.startsWith("CREATE FUNCTION touch_user() RETURNS trigger AS $$\nBEGIN\n")
				.endsWith("END;\n$$ LANGUAGE plpgsql");
		}

		@Test
		void headerDirectivesAboveOrBelowTheUpMarker() {
			assertThat(MigrationDirectives.parse(set.migrations().get(0).up()).allows(Category.PERFORMANCE)).isTrue();
			assertThat(MigrationDirectives.parse(set.migrations().get(1).up()).irreversible())
				.contains("the index is kept on purpose");
		}

		@Test
		void editingTheDownSectionKeepsTheUpChecksum() throws IOException {
			write("1_a.sql", "-- +goose Up\nCREATE TABLE a (id INT);\n\n-- +goose Down\nDROP TABLE a;\n");
			Migration before = load().migrations().get(0);
			write("1_a.sql", "-- +goose Up\nCREATE TABLE a (id INT);\n\n-- +goose Down\n-- reversed\nDROP TABLE a;\r\n");
			Migration downEdited = load().migrations().get(0);
			write("1_a.sql", "-- +goose Up\nCREATE TABLE a (id BIGINT);\n\n-- +goose Down\nDROP TABLE a;\n");
			Migration upEdited = load().migrations().get(0);

			assertThat(downEdited.up().checksum()).isEqualTo(before.up().checksum());
			assertThat(downEdited.undo().orElseThrow().checksum()).isNotEqualTo(before.undo().orElseThrow().checksum());
			assertThat(upEdited.up().checksum()).isNotEqualTo(before.up().checksum());
			assertThat(before.up().checksum()).isEqualTo(Script.checksumOf("-- +goose Up\nCREATE TABLE a (id INT);\n"));
		}

		@Test
		void windowsLineEndingsKeepTheirLines() throws IOException {
			write("1_a.sql", "-- +goose Up\r\nSELECT 1;\r\n-- +goose Down\r\n\r\nSELECT 2;\r\n");

			Migration migration = load().migrations().get(0);

			assertThat(migration.up().content()).isEqualTo("-- +goose Up\r\nSELECT 1;\r\n\r\n\r\n\r\n");
			assertThat(statements(migration.undo().orElseThrow())).containsExactly("5:SELECT 2");
		}
	}

	@Nested
	class Dbmate {

		@Test
		void fromClasspathWithOptionsAfterTheMarkers() {
			MigrationSet set = MigrationSet.load("formats/dbmate", LOADER);

			assertThat(set.format()).isEqualTo(MigrationFormat.DBMATE);
			assertThat(set.migrations()).extracting(Migration::description).containsExactly("create users", "add email");
			Migration first = set.migrations().get(0);
			assertThat(statements(first.up())).containsExactly("2:CREATE TABLE users (");
			assertThat(statements(first.undo().orElseThrow())).containsExactly("8:DROP TABLE users");
			assertThat(set.migrations().get(1).undo()).isEmpty();
			assertThat(set.migrations()).extracting(migration -> migration.up().transactional())
				.as("transaction:false").containsExactly(true, false);
		}
	}

	@Nested
	class SqlMigrate {

		@Test
		void fromClasspathWithHyphenatedNamesAndTheDownSectionFirst() {
			MigrationSet set = MigrationSet.load("formats/sql-migrate", LOADER);

			assertThat(set.format()).isEqualTo(MigrationFormat.SQL_MIGRATE);
			assertThat(set.migrations()).extracting(Migration::description).containsExactly("initial", "add-email");
			Migration second = set.migrations().get(1);
			assertThat(statements(second.up())).containsExactly("6:ALTER TABLE users ADD COLUMN email TEXT");
			assertThat(statements(second.undo().orElseThrow())).containsExactly("2:ALTER TABLE users DROP COLUMN email");
			assertThat(second.up().transactional()).as("Up notransaction").isFalse();
			assertThat(second.undo().orElseThrow().transactional()).isTrue();
		}
	}

	@Nested
	class Diesel {

		private final MigrationSet set = MigrationSet.load("formats/diesel/postgres", LOADER);

		@Test
		void foldersInDieselsOrderWithItsInitialSetupAsVersionZero() {
			assertThat(set.format()).isEqualTo(MigrationFormat.DIESEL);
			assertThat(set.migrations()).extracting(migration -> migration.version().toString())
				.containsExactly("0", "20230101120000", "20230601090000", "20230601090000.1", "20230701100000");
			assertThat(set.migrations()).extracting(Migration::description).containsExactly("diesel initial setup",
					"create users", "create posts", "posts title index", "add users email");
			assertThat(set.migrations().get(0).version()).isGreaterThan(MigrationVersion.ZERO);
			Migration first = set.migrations().get(0);
			assertThat(first.up().location())
				.isEqualTo("formats/diesel/postgres/00000000000000_diesel_initial_setup/up.sql");
			assertThat(first.undo()).map(Script::location)
				.contains("formats/diesel/postgres/00000000000000_diesel_initial_setup/down.sql");
		}

		@Test
		void metadataTomlTakesTheFolderOutOfTheTransaction() {
			assertThat(set.migrations()).extracting(migration -> migration.up().transactional())
				.containsExactly(true, true, true, false, true);
			assertThat(set.migrations().get(3).undo().orElseThrow().transactional()).isFalse();
		}

		@Test
		void aDownWithTheGeneratedCommentOnlyIsNoUndo() {
			assertThat(set.migrations().get(4).undo()).isEmpty();
			assertThat(MigrationFormat.DIESEL.addUndo(set.migrations().get(4))).isEqualTo("Write the statements that "
					+ "reverse it in formats/diesel/postgres/2023-07-01-100000-0000_add_users_email/down.sql");
		}

		@Test
		void timestampsWithAndWithoutDashesAndHexCountersInDieselsTextOrder() throws IOException {
			folder("2023-01-01-120000-000a_k");
			folder("2023-01-01-120000-0009_j");
			folder("20221231235959_i");
			folder("2023-01-01-120001_l");

			assertThat(load().migrations()).extracting(Migration::description).containsExactly("i", "j", "k", "l");
			assertThat(load().migrations()).extracting(migration -> migration.version().toString())
				.containsExactly("20221231235959", "20230101120000.9", "20230101120000.10", "20230101120001");
		}

		@Test
		void versionsAsDieselsHistoryTableOrItsFoldersSpellThem() {
			assertThat(set.versionOf("2023-06-01-090000-0001")).hasToString("20230601090000.1");
			assertThat(set.versionOf("202306010900000001")).hasToString("20230601090000.1");
			assertThat(set.versionOf("20230101120000")).hasToString("20230101120000");
			assertThat(set.versionOf("00000000000000")).isEqualTo(MigrationVersion.parse("0"));
		}

		private void folder(String name) throws IOException {
			Files.createDirectories(dir.resolve(name));
			write(name + "/up.sql", "SELECT 1;");
		}
	}

	@Nested
	class Pop {

		@Test
		void theEngineChoosesItsDialectsFilesOverTheGenericOnes() {
			MigrationSet postgres = MigrationSet.load("formats/pop", LOADER, Engine.POSTGRES);
			MigrationSet mariadb = MigrationSet.load("formats/pop", LOADER, Engine.MARIADB);

			assertThat(postgres.format()).isEqualTo(MigrationFormat.POP);
			assertThat(postgres.migrations()).extracting(migration -> migration.up().location()).containsExactly(
					"formats/pop/20230101120000_create_users.up.sql", "formats/pop/20230102120000_users_email.postgres.up.sql",
					"formats/pop/20230103120000_create_posts.up.sql", "formats/pop/20230105120000_upper_names.up.sql");
			assertThat(postgres.migrations().get(1).undo()).map(Script::location)
				.contains("formats/pop/20230102120000_users_email.postgres.down.sql");
			assertThat(mariadb.migrations()).extracting(migration -> migration.up().location()).containsExactly(
					"formats/pop/20230101120000_create_users.up.sql", "formats/pop/20230102120000_users_email.mysql.up.sql",
					"formats/pop/20230103120000_create_posts.up.sql", "formats/pop/20230105120000_upper_names.up.sql");
			assertThat(mariadb.checksum()).isNotEqualTo(postgres.checksum());
		}

		@Test
		void anEmptyDownIsNoUndo() {
			Migration upperNames = MigrationSet.load("formats/pop", LOADER, Engine.POSTGRES).migrations().get(3);

			assertThat(upperNames.undo()).isEmpty();
			assertThat(MigrationFormat.POP.addUndo(upperNames)).isEqualTo("Add 20230105120000_upper_names.down.sql "
					+ "beside it with the statements that reverse it");
		}

		@Test
		void aFolderOfGenericFilesOnlyIsGolangMigratesAsBeforeWithTheSameMeaning() throws IOException {
			write("20230101120000_a.up.sql", "SELECT 1;");

			assertThat(MigrationSet.load("file:" + dir, LOADER, Engine.POSTGRES).format())
				.isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		}

		@Test
		void dialectSynonymsAsPopReadsThem() throws IOException {
			write("1_a.postgresql.up.sql", "SELECT 1;");
			write("1_a.up.sql", "SELECT 2;");
			write("2_b.pg.up.sql", "SELECT 3;");
			write("3_c.sqlite.up.sql", "SELECT 4;");

			assertThat(MigrationSet.load("file:" + dir, LOADER, Engine.POSTGRES).migrations())
				.extracting(migration -> migration.up().content()).containsExactly("SELECT 1;", "SELECT 3;");
		}
	}

	@Nested
	class Prisma {

		@Test
		void forwardOnlyFolders() {
			MigrationSet set = MigrationSet.load("formats/prisma/postgres", LOADER, Engine.POSTGRES);

			assertThat(set.format()).isEqualTo(MigrationFormat.PRISMA);
			assertThat(set.migrations()).extracting(migration -> migration.version().toString())
				.containsExactly("20230101120000", "20230102120000");
			assertThat(set.migrations()).extracting(Migration::description).containsExactly("init", "add posts");
			assertThat(set.migrations()).allSatisfy(migration -> assertThat(migration.undo()).isEmpty());
			assertThat(set.migrations().get(0).up().location())
				.isEqualTo("formats/prisma/postgres/20230101120000_init/migration.sql");
		}

		@Test
		void withoutAnEngineTheProviderIsNotChecked() {
			assertThat(MigrationSet.load("formats/prisma/mariadb", LOADER).migrations()).hasSize(2);
		}
	}

	@Nested
	class Errors {

		@Test
		void mixedFormats() throws IOException {
			write("V1__a.sql", "SELECT 1;");
			write("000002_b.up.sql", "SELECT 2;");

			assertLoadFails().withMessage("Migration folder 'file:" + dir + "' mixes migration formats: file:" + dir
					+ "/000002_b.up.sql is a golang-migrate migration, file:" + dir + "/V1__a.sql a Flyway one. dbparity "
					+ "reads one format per folder; rename the files of one format to the other, or move them to a "
					+ "folder of their own.");
		}

		@Test
		void mixedSingleFileFormats() throws IOException {
			write("1_a.sql", "-- +goose Up\nSELECT 1;\n");
			write("2_b.sql", "-- migrate:up\nSELECT 2;\n");

			assertLoadFails().withMessageContaining("mixes migration formats: file:" + dir + "/1_a.sql is a goose "
					+ "migration, file:" + dir + "/2_b.sql a dbmate one.");
		}

		@Test
		void markersOfTwoFormatsInOneFile() throws IOException {
			write("1_a.sql", "-- +goose Up\n-- migrate:up\nSELECT 1;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql has the markers of both goose and "
					+ "dbmate ('-- +goose Up', '-- migrate:up'). Keep those of the tool that runs it.");
		}

		@Test
		void golangMigrateWithAnotherExtension() throws IOException {
			write("000001_create.up.sq", "SELECT 1;");

			assertLoadFails().withMessage("Migration file file:" + dir + "/000001_create.up.sq has an invalid name: "
					+ "golang-migrate would read it, but dbparity runs SQL files only, named .up.sql or .down.sql. "
					+ "Rename it to 000001_create.up.sql; or move the file out of the migration folder.");
		}

		@Test
		void golangMigrateInUpperCase() throws IOException {
			write("1_x.UP.sql", "SELECT 1;");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_x.UP.sql has an invalid name: '.up.sql' "
					+ "and '.down.sql' must be written in lower case. Rename it to 1_x.up.sql; or move the file out of "
					+ "the migration folder.");
		}

		@Test
		void golangMigrateWithoutVersion() throws IOException {
			write("create_teams.up.sql", "SELECT 1;");

			assertLoadFails().withMessage("Migration file file:" + dir + "/create_teams.up.sql has an invalid name: it "
					+ "ends like a golang-migrate migration, but does not start with '<version>_'. Name it "
					+ "<version>_<title>.up.sql or .down.sql, e.g. 000001_create_teams.up.sql; or move the file out of "
					+ "the migration folder.");
		}

		@Test
		void golangMigrateDownWithoutUp() throws IOException {
			write("000001_a.up.sql", "SELECT 1;");
			write("000002_b.down.sql", "SELECT 2;");

			assertLoadFails().withMessage("Down script file:" + dir + "/000002_b.down.sql has no up script: 'file:" + dir
					+ "' has no 000002_b.up.sql (or other .up.sql of version 2). Add the up script, or remove the down "
					+ "script.");
		}

		@Test
		void golangMigrateDuplicateVersion() throws IOException {
			write("1_a.up.sql", "SELECT 1;");
			write("001_b.up.sql", "SELECT 2;");

			assertLoadFails().withMessage("Migration version 1 has two .up.sql files in 'file:" + dir + "': file:" + dir
					+ "/001_b.up.sql and file:" + dir + "/1_a.up.sql. Each version must have exactly one up script and "
					+ "at most one down script; renumber or merge one of them.");
		}

		@Test
		void golangMigrateFolderWithAFileWithoutDirection() throws IOException {
			write("000001_a.up.sql", "SELECT 1;");
			write("000002_b.sql", "SELECT 2;");

			assertLoadFails().withMessage("Migration file file:" + dir + "/000002_b.sql has an invalid name: it is in a "
					+ "golang-migrate folder, but its name ends in neither .up.sql nor .down.sql, so golang-migrate "
					+ "would skip it. Rename it to 000002_b.up.sql (with a .down.sql that reverses it); or move the "
					+ "file out of the migration folder.");
		}

		@Test
		void singleFileDuplicateVersion() throws IOException {
			write("1_a.sql", "-- +goose Up\nSELECT 1;\n");
			write("01_b.sql", "-- +goose Up\nSELECT 2;\n");

			assertLoadFails().withMessage("Migration version 1 has two goose files in 'file:" + dir + "': file:" + dir
					+ "/01_b.sql and file:" + dir + "/1_a.sql. Each version must have exactly one file; renumber or "
					+ "merge one of them.");
		}

		@Test
		void gooseFileWithoutUpInAGooseFolder() throws IOException {
			write("1_a.sql", "-- +goose Up\nSELECT 1;\n");
			write("2_b.sql", "SELECT 2;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/2_b.sql has no '-- +goose Up' line, so goose "
					+ "would not find its statements. Put '-- +goose Up' on its own line above them, and "
					+ "'-- +goose Down' above the statements that reverse them.");
		}

		@Test
		void gooseFileWithOnlyADownSection() throws IOException {
			write("1_a.sql", "-- +goose Down\nSELECT 1;\n");

			assertLoadFails().withMessageStartingWith("Migration file file:" + dir + "/1_a.sql has no '-- +goose Up' "
					+ "line");
		}

		@Test
		void numberedFilesWithoutAnyMarkers() throws IOException {
			write("1_a.sql", "SELECT 1;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql is named like a goose, dbmate or "
					+ "sql-migrate migration, but has none of their up markers ('-- +goose Up', '-- migrate:up', "
					+ "'-- +migrate Up'). Add the one of your tool on its own line above its statements (and the down "
					+ "marker above the statements that reverse them); for golang-migrate, name it 1_a.up.sql instead.");
		}

		@Test
		void numberedFilesWithoutMarkersAreIgnoredInAFlywayFolderAsBefore() throws IOException {
			write("V1__a.sql", "SELECT 1;");
			write("001_seed.sql", "SELECT 2;");

			assertThat(load().migrations()).extracting(migration -> migration.up().location())
				.containsExactly("file:" + dir + "/V1__a.sql");
		}

		@Test
		void otherSqlFilesWithCommentsLikeMarkersAreIgnoredAsBefore() throws IOException {
			write("V1__a.sql", "SELECT 1;");
			write("R__views.sql", "-- migrate: after the release\n-- +goose: not used here\nSELECT 2;");

			assertThat(load().migrations()).hasSize(1);
		}

		@Test
		void statementAboveTheUpMarker() throws IOException {
			write("1_a.sql", "-- header\nSELECT 0;\n-- +goose Up\nSELECT 1;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:2: a statement above the "
					+ "'-- +goose Up' line, where goose does not run it. Move it below '-- +goose Up', or delete it.");
		}

		@Test
		void downBeforeUp() throws IOException {
			write("1_a.sql", "-- migrate:down\nSELECT 0;\n-- migrate:up\nSELECT 1;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:1: '-- migrate:down' comes before "
					+ "'-- migrate:up' (line 3); dbmate needs the up section first. Move the down section to the end of "
					+ "the file.");
		}

		@Test
		void secondUpMarker() throws IOException {
			write("1_a.sql", "-- +goose Up\nSELECT 1;\n-- +goose Up\nSELECT 2;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:3: a second '-- +goose Up' line (the "
					+ "first is line 1); a file has one up and one down section. Merge the two sections.");
		}

		@Test
		void misspeltAnnotation() throws IOException {
			write("1_a.sql", "-- +goose Up\nSELECT 1;\n-- +goose Dwon\nSELECT 2;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:3: unknown goose annotation "
					+ "'-- +goose Dwon'; goose knows '-- +goose Up', 'Down', 'StatementBegin', 'StatementEnd', "
					+ "'NO TRANSACTION' and 'ENVSUB ON'/'OFF'. Fix the spelling.");
		}

		@Test
		void sqlMigrateCommandsAreCaseSensitive() throws IOException {
			write("1_a.sql", "-- +migrate up\nSELECT 1;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:1: unknown sql-migrate annotation "
					+ "'-- +migrate up'; sql-migrate knows '-- +migrate Up', 'Down', 'StatementBegin' and "
					+ "'StatementEnd', spelt exactly so, optionally followed by notransaction. Fix the spelling.");
		}

		@Test
		void indentedAnnotation() throws IOException {
			write("1_a.sql", "-- +goose Up\nSELECT 1;\n  -- +goose Down\nSELECT 2;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:3: '-- +goose Down' is indented, but "
					+ "goose reads it only at the start of a line. Remove the indentation.");
		}

		@Test
		void unclosedStatementBlock() throws IOException {
			write("1_a.sql", "-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:2: '-- +goose StatementBegin' is "
					+ "never closed. Add '-- +goose StatementEnd' on its own line after the statement.");
		}

		@Test
		void statementBlockOpenAtTheDownMarker() throws IOException {
			write("1_a.sql", "-- +migrate Up\n-- +migrate StatementBegin\nSELECT 1;\n-- +migrate Down\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:4: '-- +migrate Down' inside the "
					+ "statement block opened at line 2. Add '-- +migrate StatementEnd' before it.");
		}

		@Test
		void statementEndWithoutBegin() throws IOException {
			write("1_a.sql", "-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:3: '-- +goose StatementEnd' has no "
					+ "'-- +goose StatementBegin' before it. Add one above the statement, or delete this line.");
		}

		@Test
		void nestedStatementBegin() throws IOException {
			write("1_a.sql", "-- +goose Up\n-- +goose StatementBegin\n-- +goose StatementBegin\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:3: '-- +goose StatementBegin' inside "
					+ "the statement block opened at line 2. Add '-- +goose StatementEnd' before it.");
		}

		@Test
		void statementBeginAboveTheUpMarker() throws IOException {
			write("1_a.sql", "-- +goose StatementBegin\n-- +goose Up\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:1: '-- +goose StatementBegin' is "
					+ "above the '-- +goose Up' line. Move it into the section of its statement.");
		}

		@Test
		void directiveInTheDownSection() throws IOException {
			write("1_a.sql", "-- +goose Up\nDROP TABLE a;\n-- +goose Down\n-- dbparity:irreversible gone\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_a.sql:4: the directive "
					+ "'-- dbparity:irreversible gone' is in the down section, where dbparity does not read directives. "
					+ "Move it to the top of the file or right below '-- +goose Up', above the first statement.");
		}

		@Test
		void hyphenAfterTheVersionIsForSqlMigrateOnly() throws IOException {
			write("20230101-a.sql", "-- +goose Up\nSELECT 1;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/20230101-a.sql has an invalid name: goose "
					+ "reads the version up to the first '_', not '-'. Rename it to 20230101_a.sql; or move the file out "
					+ "of the migration folder.");
		}

		@Test
		void sectionsInAFileWithoutVersion() throws IOException {
			write("initial.sql", "-- +migrate Up\nSELECT 1;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/initial.sql has an invalid name: it has "
					+ "sql-migrate sections, but its name does not start with a version. Name it <version>_<name>.sql, "
					+ "e.g. 20240131120000_initial.sql; or move the file out of the migration folder.");
		}

		@Test
		void aWordAfterAPopNamesDotIsReadAsItsDialect() throws IOException {
			write("20230101120000_users.postgres.up.sql", "SELECT 1;");
			write("20230102120000_add.email.up.sql", "SELECT 2;");

			assertLoadFails().withMessage("Migration file file:" + dir + "/20230102120000_add.email.up.sql has an invalid "
					+ "name: pop reads 'email', the word after its first '.', as the database the file is for, and has no "
					+ "such dialect (pop knows postgres, cockroach, mysql and sqlite3, and the synonyms postgresql, pg, "
					+ "pgx, cockroachdb, crdb and sqlite), so pop would skip it with a warning. Rename it to "
					+ "20230102120000_add_email.up.sql if 'email' is part of its name, or name a database pop knows, e.g. "
					+ "20230102120000_add.postgres.up.sql; or move the file out of the migration folder.");
		}

		@Test
		void dieselAndPrismaFoldersInOneFolder() throws IOException {
			Files.createDirectories(dir.resolve("2023-01-01-120000_a"));
			Files.createDirectories(dir.resolve("20230102120000_b"));
			write("2023-01-01-120000_a/up.sql", "SELECT 1;");
			write("20230102120000_b/migration.sql", "SELECT 2;");

			assertLoadFails().withMessageContaining("mixes migration formats: file:" + dir
					+ "/2023-01-01-120000_a/up.sql is a diesel migration, file:" + dir + "/20230102120000_b/migration.sql "
					+ "a Prisma one.");
		}

		@Test
		void popTextOrder() throws IOException {
			write("9_a.postgres.up.sql", "SELECT 1;");
			write("10_b.up.sql", "SELECT 2;");

			assertLoadFails().withMessageStartingWith("Migration folder 'file:" + dir + "' is ordered differently by pop "
					+ "and by dbparity: pop compares versions as text and runs file:" + dir + "/10_b.up.sql (version 10) "
					+ "before file:" + dir + "/9_a.postgres.up.sql (version 9)");
		}

		@Test
		void versionZero() throws IOException {
			write("000000_init.up.sql", "SELECT 1;");

			assertLoadFails().withMessage("Migration file file:" + dir + "/000000_init.up.sql has an invalid name: its "
					+ "version is 0, which dbparity keeps for the empty database (migrating down to 0 undoes "
					+ "everything). Renumber the migrations from 1; or move the file out of the migration folder.");
		}

		@Test
		void emptyDescription() throws IOException {
			write("1_.sql", "-- +goose Up\nSELECT 1;\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/1_.sql has an invalid name: the description "
					+ "after '1_' is empty. Describe the migration in its name, e.g. 1_create_tables.sql; or move the "
					+ "file out of the migration folder.");
		}

		@Test
		void gooseGoMigration() throws IOException {
			write("00001_a.sql", "-- +goose Up\nSELECT 1;\n");
			write("00002_backfill.go", "package migrations\n");

			assertLoadFails().withMessage("Migration file file:" + dir + "/00002_backfill.go is a goose Go migration, "
					+ "which dbparity cannot run: the schema of every later version would lack what it does. Rewrite it "
					+ "as 00002_backfill.sql with '-- +goose Up' and '-- +goose Down' sections, or move it out of the "
					+ "migration folder.");
		}
	}

	/** The statements of {@code script} as {@code line:first line of the statement}. */
	private static List<String> statements(Script script) {
		return SqlScriptSplitter.split(script.content(), Engine.POSTGRES).stream()
			.map(statement -> statement.line() + ":" + statement.sql().lines().findFirst().orElseThrow())
			.toList();
	}

	private ThrowableAssertAlternative<MigrationException> assertLoadFails() {
		return assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationSet.load("file:" + dir, LOADER, Engine.POSTGRES));
	}

	private MigrationSet load() {
		return MigrationSet.load("file:" + dir, LOADER);
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}
}
