package dev.dbparity.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import dev.dbparity.runtime.ParityException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSetTests {

	private static final ClassLoader LOADER = MigrationSetTests.class.getClassLoader();

	@TempDir
	Path dir;

	@Nested
	class Loading {

		@Test
		void fromTestResourcesFolder() {
			MigrationSet set = MigrationSet.load("db/migration", LOADER);

			assertThat(set.location()).isEqualTo("db/migration");
			assertThat(set.migrations()).extracting(migration -> migration.version().toString())
				.containsExactly("1", "2", "10");
			Migration second = set.migrations().get(1);
			assertThat(second.description()).isEqualTo("add email");
			assertThat(second.up().location()).isEqualTo("db/migration/V2__add_email.sql");
			assertThat(second.up().content()).contains("ALTER TABLE users ADD COLUMN email");
			assertThat(second.undo()).map(Script::location).contains("db/migration/U2__add_email.sql");
			assertThat(set.migrations().get(0).undo()).isEmpty();
			assertThat(set.latest()).hasToString("10");
			assertThat(set.find(MigrationVersion.parse("2.0"))).contains(second);
			assertThat(set.find(MigrationVersion.parse("3"))).isEmpty();
		}

		@Test
		void classpathPrefixAndSlashesMeanTheSameFolder() {
			MigrationSet plain = MigrationSet.load("db/migration", LOADER);

			assertThat(MigrationSet.load("classpath:db/migration", LOADER).migrations()).isEqualTo(plain.migrations());
			assertThat(MigrationSet.load("classpath:/db/migration/", LOADER).migrations())
				.isEqualTo(plain.migrations());
		}

		@Test
		void fromFileSystemRelativeToWorkingDirectory() {
			// Surefire runs in the module directory.
			MigrationSet set = MigrationSet.load("file:src/test/resources/db/migration", LOADER);

			assertThat(set.migrations()).hasSize(3);
			assertThat(set.migrations().get(0).up().location())
				.isEqualTo("file:src/test/resources/db/migration/V1__create_users.sql");
			assertThat(set.checksum()).isEqualTo(MigrationSet.load("db/migration", LOADER).checksum());
		}

		@Test
		void fromAbsoluteFileSystemPathIncludingSubfolders() throws IOException {
			write("V1__one.sql", "SELECT 1;");
			write("sub/V1_1__one_point_one.sql", "SELECT 11;");

			MigrationSet set = MigrationSet.load("file:" + dir, LOADER);

			assertThat(set.migrations()).extracting(Migration::description).containsExactly("one", "one point one");
			assertThat(set.migrations().get(1).up().location()).isEqualTo("file:" + dir + "/sub/V1_1__one_point_one.sql");
		}

		@Test
		void fromJar() throws IOException {
			Path jar = dir.resolve("migrations.jar");
			try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
				for (String folder : new String[] { "db/", "db/jarred/" }) {
					out.putNextEntry(new JarEntry(folder));
					out.closeEntry();
				}
				Map<String, String> files = Map.of("db/jarred/V1__first.sql", "CREATE TABLE a (id INT);",
						"db/jarred/V2__second.sql", "CREATE TABLE b (id INT);", "db/jarred/U2__second.sql",
						"DROP TABLE b;", "db/jarred/notes.txt", "ignored");
				for (Map.Entry<String, String> file : files.entrySet()) {
					out.putNextEntry(new JarEntry(file.getKey()));
					out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
					out.closeEntry();
				}
			}

			try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
				MigrationSet set = MigrationSet.load("classpath:db/jarred", loader);

				assertThat(set.migrations()).extracting(Migration::description).containsExactly("first", "second");
				assertThat(set.migrations().get(1).up().location()).isEqualTo("db/jarred/V2__second.sql");
				assertThat(set.migrations().get(1).undo()).map(Script::content).contains("DROP TABLE b;");
				// Loading twice proves the jar is not left closed in a shared cache.
				assertThat(MigrationSet.load("db/jarred", loader).migrations()).isEqualTo(set.migrations());
			}
		}

		@Test
		void refusesInvalidUtf8InEveryFormatAtItsLineColumnAndByteOffset() throws IOException {
			// "é" saved as Latin-1 (0xE9) on line 3, column 27 (after the marker lines of the single-file formats).
			Map<String, String> files = Map.of("V1__a.sql", "-- one\n-- two\nINSERT INTO t VALUES ('caf\u00e9');",
					"000001_a.up.sql", "-- one\n-- two\nINSERT INTO t VALUES ('caf\u00e9');",
					"00001_a.sql", "-- +goose Up\n-- two\nINSERT INTO t VALUES ('caf\u00e9');",
					"20240101_a.sql", "-- migrate:up\n-- two\nINSERT INTO t VALUES ('caf\u00e9');",
					"1_a.sql", "-- +migrate Up\n-- two\nINSERT INTO t VALUES ('caf\u00e9');");
			for (Map.Entry<String, String> file : files.entrySet()) {
				Path folder = Files.createDirectories(dir.resolve(file.getKey().replace('.', '_')));
				Files.write(folder.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.ISO_8859_1));
				int offset = file.getValue().indexOf('\u00e9');

				assertThatExceptionOfType(MigrationException.class)
					.isThrownBy(() -> MigrationSet.load("file:" + folder, LOADER))
					.withMessageStartingWith("Migration file file:" + folder + "/" + file.getKey() + ":3:27: invalid UTF-8 "
							+ "at byte offset " + offset + " (0xE9)");
			}
		}

		@Test
		void refusesInvalidUtf8InAJar() throws IOException {
			Path jar = dir.resolve("latin1.jar");
			try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
				for (String folder : new String[] { "db/", "db/latin1/" }) {
					out.putNextEntry(new JarEntry(folder));
					out.closeEntry();
				}
				out.putNextEntry(new JarEntry("db/latin1/V1__a.sql"));
				out.write("SELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
				out.closeEntry();
			}

			try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
				assertThatExceptionOfType(MigrationException.class)
					.isThrownBy(() -> MigrationSet.load("classpath:db/latin1", loader))
					.withMessageStartingWith("Migration file db/latin1/V1__a.sql:1:12: invalid UTF-8 at byte offset 11");
			}
		}

		@Test
		void stripsByteOrderMark() throws IOException {
			write("V1__bom.sql", "\uFEFFSELECT 1;");

			assertThat(MigrationSet.load("file:" + dir, LOADER).migrations().get(0).up().content())
				.isEqualTo("SELECT 1;");
		}
	}

	@Nested
	class Checksums {

		@Test
		void lineEndingsAndTrailingWhitespaceDoNotChangeTheChecksum() {
			String lf = Script.checksumOf("CREATE TABLE a (\n  id INT\n);\n");

			assertThat(Script.checksumOf("CREATE TABLE a (\r\n  id INT\r\n);\r\n")).isEqualTo(lf);
			assertThat(Script.checksumOf("CREATE TABLE a (\r  id INT\r);")).isEqualTo(lf);
			assertThat(Script.checksumOf("CREATE TABLE a (\n  id INT\n);  \n\n\t")).isEqualTo(lf);
			assertThat(lf).hasSize(64).matches("[0-9a-f]+");
		}

		@Test
		void contentChangesChangeTheChecksum() {
			assertThat(Script.checksumOf("SELECT 1;")).isNotEqualTo(Script.checksumOf("SELECT 2;"))
				.isNotEqualTo(Script.checksumOf("  SELECT 1;"));
		}

		@Test
		void setChecksumCoversVersionsAndScriptsButNotLocation() throws IOException {
			write("V1__a.sql", "SELECT 1;\r\n");
			String crlf = MigrationSet.load("file:" + dir, LOADER).checksum();
			write("V1__a.sql", "SELECT 1;\n");
			assertThat(MigrationSet.load("file:" + dir.toAbsolutePath() + "/", LOADER).checksum()).isEqualTo(crlf);

			write("U1__a.sql", "SELECT 0;");
			String withUndo = MigrationSet.load("file:" + dir, LOADER).checksum();
			assertThat(withUndo).isNotEqualTo(crlf);
			Files.delete(dir.resolve("U1__a.sql"));
			Files.move(dir.resolve("V1__a.sql"), dir.resolve("V2__a.sql"));
			assertThat(MigrationSet.load("file:" + dir, LOADER).checksum()).isNotEqualTo(crlf).isNotEqualTo(withUndo);
		}

		@Test
		void scriptComputesItsChecksum() {
			assertThat(new Script("x/V1__a.sql", "SELECT 1;").checksum()).isEqualTo(Script.checksumOf("SELECT 1;"));
		}
	}

	@Nested
	class Errors {

		@Test
		void missingClasspathFolder() {
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> MigrationSet.load("db/nowhere", LOADER))
				.isInstanceOf(ParityException.class)
				.withMessageStartingWith("Migration folder 'db/nowhere' was not found on the classpath. Put the scripts "
						+ "in src/main/resources/db/nowhere or src/test/resources/db/nowhere, or, if the folder is on "
						+ "the file system, write the location as 'file:db/nowhere' (relative to the working directory ")
				.withMessageEndingWith(") or 'file:/absolute/path'.");
		}

		@Test
		void missingFileSystemFolder() {
			Path missing = dir.resolve("nowhere");

			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> MigrationSet.load("file:" + missing, LOADER))
				.withMessageStartingWith("Migration folder 'file:" + missing + "' was not found on the file system: "
						+ missing + " is not a directory (relative paths resolve against the working directory ")
				.withMessageEndingWith("). Create the folder, or, if the scripts are on the classpath, write the "
						+ "location as 'classpath:" + missing.toString().substring(1) + "'.");
		}

		@Test
		void duplicateVersion() throws IOException {
			write("V1_2__first.sql", "SELECT 1;");
			write("V1.2__second.sql", "SELECT 2;");

			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> MigrationSet.load("file:" + dir, LOADER))
				.withMessage("Migration version 1.2 has two V files in 'file:" + dir + "': file:" + dir
						+ "/V1.2__second.sql and file:" + dir + "/V1_2__first.sql. Each version must have exactly one "
						+ "forward script and at most one undo script; renumber or merge one of them.");
		}

		@Test
		void undoWithoutForward() throws IOException {
			write("V1__one.sql", "SELECT 1;");
			write("U2__two.sql", "SELECT 2;");

			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> MigrationSet.load("file:" + dir, LOADER))
				.withMessage("Undo script file:" + dir + "/U2__two.sql has no forward script: 'file:" + dir
						+ "' has no V2__<description>.sql. Add the forward script, or remove the undo script.");
		}

		@Test
		void emptyFolder() {
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> MigrationSet.load("file:" + dir, LOADER))
				.withMessage("Migration folder 'file:" + dir + "' has no forward migrations (it is empty). Name "
						+ "forward scripts V<version>__<description>.sql and undo scripts U<version>__<description>.sql "
						+ "(two underscores), e.g. V1__create_tables.sql; or use golang-migrate's <version>_<title>.up.sql "
						+ "and .down.sql, <version>_<name>.sql files with goose's, dbmate's or sql-migrate's up and "
						+ "down sections, diesel's <version>_<name>/up.sql and down.sql, pop's "
						+ "<version>_<name>[.<dialect>].up.sql and .down.sql, or Prisma's "
						+ "<timestamp>_<name>/migration.sql.");
		}

		@Test
		void folderWithoutForwardScriptsListsIgnoredFiles() throws IOException {
			write("README.md", "hello");
			write("R__views.sql", "SELECT 1;");

			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> MigrationSet.load("file:" + dir, LOADER))
				.withMessageStartingWith("Migration folder 'file:" + dir
						+ "' has no forward migrations (ignored: README.md, R__views.sql). Name forward scripts");
		}

		@Test
		void singleUnderscore() throws IOException {
			write("V1_init.sql", "SELECT 1;");

			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> MigrationSet.load("file:" + dir, LOADER))
				.withMessage("Migration file file:" + dir + "/V1_init.sql has an invalid name: there is no '__' "
						+ "between version and description. Name forward scripts V<version>__<description>.sql and "
						+ "undo scripts U<version>__<description>.sql (two underscores), e.g. V1__create_tables.sql; "
						+ "or move the file out of the migration folder.");
		}

		@Test
		void invalidVersion() throws IOException {
			write("V1.x__init.sql", "SELECT 1;");

			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> MigrationSet.load("file:" + dir, LOADER))
				.withMessageStartingWith("Migration file file:" + dir + "/V1.x__init.sql has an invalid name: Invalid "
						+ "migration version '1.x': a version is numbers separated by '.' or '_', e.g. 1, 1.2 or "
						+ "2_10_1. Name forward scripts");
		}

		@Test
		void emptyDescription() throws IOException {
			write("U1__.sql", "SELECT 1;");

			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> MigrationSet.load("file:" + dir, LOADER))
				.withMessageContaining("U1__.sql has an invalid name: the description after '__' is empty.");
		}
	}

	@Test
	void recordsValidateAndCopy() {
		Script script = new Script("a/V1__x.sql", "SELECT 1;");
		Migration one = new Migration(MigrationVersion.parse("1"), "x", script, Optional.empty());
		Migration two = new Migration(MigrationVersion.parse("2"), "y", script, Optional.empty());

		assertThat(new MigrationSet("a", MigrationFormat.FLYWAY, java.util.List.of(two, one)).migrations()).containsExactly(one, two);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new MigrationSet("a", MigrationFormat.FLYWAY, java.util.List.of(one, one)))
			.withMessage("duplicate migration version 1");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new MigrationSet("a", MigrationFormat.FLYWAY, java.util.List.of()))
			.withMessage("a migration set needs at least one migration");
	}

	private void write(String relative, String content) throws IOException {
		Path file = dir.resolve(relative);
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
	}
}
