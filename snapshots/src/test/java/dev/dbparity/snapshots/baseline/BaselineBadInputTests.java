package dev.dbparity.snapshots.baseline;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.atomic.AtomicFiles;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * The bad-input catalogue of baselines ({@code BASE-}): each mistake fed through {@link Baseline#read} or
 * {@link Baseline#write}, as the extension and the command line call them, with the message a user sees and the
 * proof that nothing was written.
 */
class BaselineBadInputTests {

	@TempDir
	Path temporary;

	private Path directory() {
		return temporary.resolve("production");
	}

	private static SchemaSnapshot schema(String engine, String version) {
		ObjectNode tree = CanonicalJson.object().put("format", 1);
		tree.putObject("engine").put("name", engine).put("version", version).put("major", version.split("\\.")[0]);
		tree.putObject("schemas").putObject("public").putObject("tables").putObject("book").putObject("columns")
			.putObject("id").put("position", 1).put("type", "bigint").put("nullable", false);
		return new SchemaSnapshot(tree);
	}

	private static Manifest manifest(String engine, String version) {
		return new Manifest(Manifest.FORMAT, engine, version, "sha256:00", Optional.of("4"), "0.1.0", Optional.empty(),
				Map.of());
	}

	/** A complete PostgreSQL baseline in {@link #directory()}. */
	private Path captured() {
		Baseline.write(directory(), manifest("postgres", "17.6"), schema("postgres", "17.6"));
		return directory();
	}

	private static String text(Path file) throws IOException {
		return Files.readString(file);
	}

	/** Reads the baseline, which must fail; asserts that reading changed no file. */
	private Throwable readFails(Path directory) {
		FileTree before = FileTree.of(temporary);
		Throwable thrown = catchThrowable(() -> Baseline.read(directory));
		assertThat(thrown).as("reading fails").isNotNull();
		assertThat(FileTree.of(temporary)).as("nothing written or removed").isEqualTo(before);
		return thrown;
	}

	private Throwable writeFails(Path directory, Manifest manifest, SchemaSnapshot schema) {
		FileTree before = FileTree.of(temporary);
		Throwable thrown = catchThrowable(() -> Baseline.write(directory, manifest, schema));
		assertThat(thrown).as("writing fails").isInstanceOf(BaselineException.class);
		assertThat(FileTree.of(temporary)).as("nothing written or removed").isEqualTo(before);
		return thrown;
	}

	@Test
	@BadInputEntry("BASE-001")
	void baselineDirectoryDoesNotExist() {
		Throwable thrown = readFails(directory());

		assertSays(thrown, "does not exist", directory().toString(), "dbparity capture --url <jdbc-url> --out");
	}

	@Test
	@BadInputEntry("BASE-002")
	void baselinePathIsAFile() throws IOException {
		Path file = Files.writeString(temporary.resolve("production.json"), "{}");

		Throwable thrown = readFails(file);

		assertSays(thrown, "is a file, not a directory", file.toString(), "point the baseline setting");
	}

	@Test
	@BadInputEntry("BASE-003")
	void manifestIsMissing() throws IOException {
		Files.delete(captured().resolve("manifest.json"));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "is missing", directory().resolve("manifest.json").toString(), "capture the baseline again");
	}

	@Test
	@BadInputEntry("BASE-004")
	void schemaFileWasNotCommitted() throws IOException {
		Files.delete(captured().resolve("schema.json"));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "is missing: the baseline is incomplete", directory().resolve("schema.json").toString(),
				"restore it from version control");
	}

	@Test
	@BadInputEntry("BASE-005")
	void manifestIsTruncated() throws IOException {
		Path manifest = captured().resolve("manifest.json");
		byte[] bytes = Files.readAllBytes(manifest);
		Files.write(manifest, Arrays.copyOf(bytes, 40));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "is not valid JSON", manifest + ":", "restore it from version control");
		assertThat(thrown.getMessage()).matches("(?s)" + java.util.regex.Pattern.quote(manifest.toString())
				+ ":\\d+:\\d+ .*");
	}

	@Test
	@BadInputEntry("BASE-006")
	void manifestHasAMergeConflict() throws IOException {
		Path manifest = captured().resolve("manifest.json");
		String ours = text(manifest);
		Files.writeString(manifest, ours.replace("  \"migrationVersion\": \"4\",\n",
				"<<<<<<< HEAD\n  \"migrationVersion\": \"4\",\n=======\n  \"migrationVersion\": \"5\",\n>>>>>>> feature\n"));
		int line = Arrays.asList(text(manifest).split("\n")).indexOf("<<<<<<< HEAD") + 1;

		Throwable thrown = readFails(directory());

		assertSays(thrown, "merge conflict", manifest + ":" + line + ":1", "take one side whole");
	}

	@Test
	@BadInputEntry("BASE-007")
	void manifestIsEmpty() throws IOException {
		Path manifest = captured().resolve("manifest.json");
		Files.write(manifest, new byte[0]);

		Throwable thrown = readFails(directory());

		assertSays(thrown, "is empty", manifest.toString(), "restore it from version control or capture it again");
	}

	@Test
	@BadInputEntry("BASE-008")
	void manifestFromANewerDbparity() throws IOException {
		Path manifest = captured().resolve("manifest.json");
		Files.writeString(manifest, text(manifest).replace("\"format\": 2", "\"format\": 3"));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "has format 3, but this dbparity reads format 2 at most", manifest.toString(),
				"upgrade dbparity");
	}

	@Test
	@BadInputEntry("BASE-009")
	void manifestFromAPreReleaseDbparity() throws IOException {
		Path manifest = captured().resolve("manifest.json");
		Files.writeString(manifest, """
				{
				  "engine": {"name": "postgres", "settingsFingerprint": "sha256:00", "version": "17.6"},
				  "files": {"schema.json": "%s"},
				  "format": 1,
				  "migrationVersion": "4",
				  "tool": {"name": "dbparity", "version": "0.1.0-SNAPSHOT"}
				}
				""".formatted(Baseline.sha256(Files.readAllBytes(directory().resolve("schema.json")))));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "has format 1, written by a pre-release dbparity", manifest.toString(),
				"capture the baseline again");
	}

	@Test
	@BadInputEntry("BASE-010")
	void directoryHoldsAnotherToolsManifest() throws IOException {
		Path web = Files.createDirectories(temporary.resolve("static"));
		Files.writeString(web.resolve("manifest.json"), "{\"name\": \"Bookstore\", \"start_url\": \"/\"}\n");

		Throwable thrown = readFails(web);

		assertSays(thrown, "is not a dbparity manifest", web.resolve("manifest.json").toString(),
				"point the baseline setting");
	}

	@Test
	@BadInputEntry("BASE-011")
	void manifestWrittenByHand() throws IOException {
		Path manifest = captured().resolve("manifest.json");
		Files.writeString(manifest, """
				{"format": 2, "engine": {"name": "postgres", "version": "17.6"}, "files": {"schema.json": "%s"}}
				""".formatted(Baseline.sha256(Files.readAllBytes(directory().resolve("schema.json")))));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "has no fieldChecksums", manifest.toString(), "git checkout -- " + manifest);
	}

	@Test
	@BadInputEntry("BASE-012")
	void migrationVersionEditedInTheManifest() throws IOException {
		Path manifest = captured().resolve("manifest.json");
		Files.writeString(manifest, text(manifest).replace("\"migrationVersion\": \"4\"", "\"migrationVersion\": \"5\""));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "field \"migrationVersion\" was changed", manifest.toString(), "capture the baseline again");
	}

	@Test
	@BadInputEntry("BASE-013")
	void engineEditedInTheManifestToMatchAnotherEngine() throws IOException {
		Path manifest = captured().resolve("manifest.json");
		Files.writeString(manifest, text(manifest).replace("\"name\": \"postgres\"", "\"name\": \"mariadb\""));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "field \"engine\" was changed", manifest.toString(), "-Ddbparity.baseline.update=true");
	}

	@Test
	@BadInputEntry("BASE-014")
	void noteAddedToTheManifest() throws IOException {
		Path manifest = captured().resolve("manifest.json");
		Files.writeString(manifest, text(manifest).replace("  \"format\": 2,\n",
				"  \"format\": 2,\n  \"note\": \"captured before the hotfix\",\n"));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "field \"note\" was added", manifest.toString(), "git checkout -- " + manifest);
	}

	@Test
	@BadInputEntry("BASE-015")
	void schemaEditedByHand() throws IOException {
		Path schema = captured().resolve("schema.json");
		Files.writeString(schema, text(schema).replace("\"bigint\"", "\"integer\""));

		Throwable thrown = readFails(directory());

		assertSays(thrown, "was edited or truncated after it was captured", schema.toString(),
				"restore it from version control, or capture the baseline again");
	}

	@Test
	@BadInputEntry("BASE-016")
	void manifestCopiedFromABaselineOfAnotherEngine() throws IOException {
		captured();
		Path mariadb = temporary.resolve("mariadb");
		Baseline.write(mariadb, manifest("mariadb", "11.4.5"), schema("mariadb", "11.4.5"));
		Files.copy(mariadb.resolve("manifest.json"), directory().resolve("manifest.json"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);

		Throwable thrown = readFails(directory());

		assertSays(thrown, "engine.name is mariadb, but " + directory().resolve("schema.json")
				+ " was captured from postgres", directory().resolve("manifest.json").toString(),
				"restore the directory from version control as a whole");
	}

	@Test
	@BadInputEntry("BASE-017")
	void writingAManifestOfAnotherEngineThanTheSnapshot() {
		Throwable thrown = writeFails(directory(), manifest("mariadb", "11.4.5"), schema("postgres", "17.6"));

		assertSays(thrown, "its manifest says engine mariadb 11.4.5, but the snapshots were captured from postgres",
				directory().toString(), "build the Manifest from the snapshot");
	}

	@Test
	@BadInputEntry("BASE-018")
	void writingBelowAFile() throws IOException {
		Path file = Files.writeString(temporary.resolve("parity"), "not a directory");
		Path below = file.resolve("baseline/production");

		Throwable thrown = writeFails(below, manifest("postgres", "17.6"), schema("postgres", "17.6"));

		assertSays(thrown, "is a file, so no directory can be created below it", file.toString(),
				"give a directory path that does not pass through a file");
	}

	@Test
	@BadInputEntry("BASE-019")
	void writingOverAFile() throws IOException {
		Path file = Files.writeString(temporary.resolve("production"), "notes");

		Throwable thrown = writeFails(file, manifest("postgres", "17.6"), schema("postgres", "17.6"));

		assertSays(thrown, "it is a file, not a directory", file.toString(), "give a directory path");
	}

	@Test
	@BadInputEntry("BASE-020")
	void captureKilledBeforeItsNewBaselineWasComplete() throws IOException {
		captured();
		FileTree complete = FileTree.of(directory());
		Path staging = AtomicFiles.staging(directory());
		Files.createDirectories(staging);
		Files.writeString(staging.resolve("schema.json"), "{\n  \"engine\": {");

		List<String> repairs = new ArrayList<>();
		Baseline.read(directory(), repairs::add);

		assertThat(repairs).hasSize(1);
		assertSays(repairs.get(0), "interrupted write", staging.toString(), "nothing to fix");
		assertThat(staging).doesNotExist();
		assertThat(FileTree.of(directory())).isEqualTo(complete);
	}

	@Test
	@BadInputEntry("BASE-021")
	void captureKilledWhileSwitchingBaselines() throws IOException {
		captured();
		FileTree complete = FileTree.of(directory());
		Path staging = AtomicFiles.staging(directory());
		Files.move(directory(), staging);

		List<String> repairs = new ArrayList<>();
		Baseline read = Baseline.read(directory(), repairs::add);

		assertThat(repairs).hasSize(1);
		assertSays(repairs.get(0), "restored " + directory(), staging.getFileName().toString(), "nothing to fix");
		assertThat(read.migrationVersion()).hasValue("4");
		assertThat(FileTree.of(directory())).isEqualTo(complete);
		try (var siblings = Files.list(temporary)) {
			assertThat(siblings.map(path -> path.getFileName().toString())).containsExactly("production");
		}
	}

	@Test
	void aCorruptedSiblingIsNotRestored() throws IOException {
		Path staging = Files.createDirectories(AtomicFiles.staging(directory()));
		Files.write(staging.resolve("manifest.json"), "{}".getBytes(StandardCharsets.UTF_8));

		assertSays(catchThrowable(() -> Baseline.read(directory())), "does not exist", directory().toString(),
				"dbparity capture");
		assertThat(staging).as("an incomplete staging directory is removed").doesNotExist();
	}
}
