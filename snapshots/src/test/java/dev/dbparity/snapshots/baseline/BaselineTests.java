package dev.dbparity.snapshots.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.UnsupportedFormatException;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.json.InvalidJsonException;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

class BaselineTests {

	@TempDir
	Path directory;

	private static SchemaSnapshot snapshot() {
		ObjectNode tree = CanonicalJson.object().put("format", 1);
		tree.putObject("engine").put("name", "postgres").put("version", "17.6").put("major", "17");
		tree.putObject("schemas").putObject("public").putObject("tables").putObject("book").putObject("columns")
			.putObject("id").put("position", 1).put("type", "bigint").put("nullable", false);
		return new SchemaSnapshot(tree);
	}

	private static Manifest manifest() {
		return new Manifest(Manifest.FORMAT, "postgres", "17.6", "sha256:00", Optional.of("4"), "0.1.0",
				Optional.of("jdbc:postgresql://db.internal:5432/shop"), Map.of());
	}

	/** A manifest as dbparity writes it, listing {@code schema} as {@code schema.json}. */
	private void writeManifestListing(byte[] schema) throws IOException {
		Files.write(directory.resolve("manifest.json"),
				CanonicalJson.write(manifest().withFiles(Map.of("schema.json", Baseline.sha256(schema))).toTree()));
	}

	@Test
	void writtenBaselineReadsBackVerified() throws IOException {
		Baseline.write(directory, manifest(), snapshot());

		Baseline read = Baseline.read(directory);
		assertThat(read.schema()).isEqualTo(snapshot());
		assertThat(read.migrationVersion()).hasValue("4");
		assertThat(read.manifest().files()).containsOnlyKeys("schema.json");
		try (var files = Files.list(directory)) {
			assertThat(files.map(path -> path.getFileName().toString())).as("no temporary files are left")
				.containsExactlyInAnyOrder("manifest.json", "schema.json");
		}
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void filesAreReadableLikeTheRepositorysOthersAndKeepTheirModeWhenRewritten() throws IOException {
		Baseline.write(directory, manifest(), snapshot());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("schema.json"))))
			.as("not the temporary file's rw-------").isEqualTo("rw-r--r--");

		Files.setPosixFilePermissions(directory.resolve("manifest.json"), PosixFilePermissions.fromString("rw-rw-r--"));
		Baseline.write(directory, manifest(), snapshot());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("manifest.json"))))
			.isEqualTo("rw-rw-r--");
	}

	/** The checksums are golden too: {@code sha256("format\n2")} is {@code b201ace4…}, checkable with sha256sum. */
	@Test
	void manifestIsCanonical() throws IOException {
		Baseline.write(directory, manifest(), snapshot());

		assertThat(Files.readString(directory.resolve("manifest.json"))).isEqualTo("""
				{
				  "engine": {
				    "name": "postgres",
				    "settingsFingerprint": "sha256:00",
				    "version": "17.6"
				  },
				  "fieldChecksums": {
				    "engine": "sha256:900f3bf63afa5f0adfeab724820d690f19798cfd85c08c6a2ccd7df089b455d7",
				    "files": "sha256:933e8cf0cb09d94cf4d64ec8d28065515a8295a8b08ba4c6c3a04c907542b852",
				    "format": "sha256:b201ace45ad71fe242fbc4443d12d1f6e518a2f3e7b6e82f822168306fd4282b",
				    "migrationVersion": "sha256:acf30606deaf847f4a9e9bf876b4df73e0532d9cc7d49f1190d331f80ee8a6d4",
				    "source": "sha256:13cb8c247fb9aa4963a38f883347f1aa25d2ec301246180a489d5d48bc4a7dd6",
				    "tool": "sha256:522c7fa522de43ca7c6d2f1dc13db02cbc25fb4657d0f51e9b671f4e0a2fa463"
				  },
				  "files": {
				    "schema.json": "%s"
				  },
				  "format": 2,
				  "migrationVersion": "4",
				  "source": "jdbc:postgresql://db.internal:5432/shop",
				  "tool": {
				    "name": "dbparity",
				    "version": "0.1.0"
				  }
				}
				""".formatted(Baseline.sha256(snapshot().toCanonicalJson())));
	}

	@Test
	void missingDirectorySaysHowToCreateIt() {
		Path missing = directory.resolve("production");

		assertThatThrownBy(() -> Baseline.read(missing))
			.isInstanceOf(BaselineException.class)
			.hasMessage("Baseline directory " + missing.toAbsolutePath() + " does not exist. Capture one from production "
					+ "with `dbparity capture --url <jdbc-url> --out " + missing + "`, or create it from the test database "
					+ "by running the test once with -Ddbparity.baseline.update=true (refused when CI=true).");
	}

	@Test
	void truncatedSchemaIsReportedByManifestChecksum() throws IOException {
		Baseline.write(directory, manifest(), snapshot());
		Path schema = directory.resolve("schema.json");
		byte[] bytes = Files.readAllBytes(schema);
		Files.write(schema, java.util.Arrays.copyOf(bytes, bytes.length / 2));

		assertThatThrownBy(() -> Baseline.read(directory))
			.isInstanceOf(BaselineException.class)
			.hasMessageStartingWith(schema + " has sha256:")
			.hasMessageContaining("but manifest.json records " + Baseline.sha256(bytes))
			.hasMessageEndingWith("the file was edited or truncated after it was captured. Restore it from version "
					+ "control, or capture the baseline again; never edit a baseline by hand.");
	}

	@Test
	void corruptedSchemaWithMatchingChecksumNamesTheJsonPosition() throws IOException {
		byte[] corrupted = "{\n  \"format\": 1,\n  \"engine\": {\n    \"name\": \"postgres\"\n  ]\n}\n"
			.getBytes(StandardCharsets.UTF_8);
		Files.write(directory.resolve("schema.json"), corrupted);
		writeManifestListing(corrupted);

		assertThatThrownBy(() -> Baseline.read(directory))
			.isInstanceOf(InvalidJsonException.class)
			.hasMessageStartingWith(directory.resolve("schema.json") + ":5:3 is not valid JSON: Unexpected close marker ']'");
	}

	@Test
	void newerManifestFormatAsksForAnUpgrade() throws IOException {
		Files.writeString(directory.resolve("manifest.json"), """
				{"format": 3, "engine": {"name": "postgres", "version": "17.6"}, "files": {}}
				""");

		assertThatThrownBy(() -> Baseline.read(directory))
			.isInstanceOf(UnsupportedFormatException.class)
			.hasMessage(directory.resolve("manifest.json") + " has format 3, but this dbparity reads format 2 at most. "
					+ "It was written by a newer dbparity: upgrade dbparity here.");
	}

	@Test
	void newerSchemaFormatAsksForAnUpgrade() throws IOException {
		byte[] schema = "{\"format\": 7}\n".getBytes(StandardCharsets.UTF_8);
		Files.write(directory.resolve("schema.json"), schema);
		writeManifestListing(schema);

		assertThatThrownBy(() -> Baseline.read(directory))
			.isInstanceOf(UnsupportedFormatException.class)
			.hasMessage(directory.resolve("schema.json") + " has format 7, but this dbparity reads format 1 at most. It "
					+ "was written by a newer dbparity: upgrade dbparity here.");
	}

	@Test
	void missingSchemaFileIsNamed() throws IOException {
		Baseline.write(directory, manifest(), snapshot());
		Files.delete(directory.resolve("schema.json"));

		assertThatThrownBy(() -> Baseline.read(directory))
			.isInstanceOf(BaselineException.class)
			.hasMessage("Baseline file " + directory.resolve("schema.json") + " is missing: the baseline is incomplete. "
					+ "Restore it from version control, or capture the baseline again.");
	}

	@Test
	void actualIsWrittenBesideTheBaselineAndRemovedByTheNextUpdate() {
		Baseline baseline = Baseline.write(directory, manifest(), snapshot());
		Path actual = baseline.writeActual(snapshot());
		assertThat(actual).hasFileName("schema.actual.json").exists();

		Baseline.write(directory, manifest(), snapshot());
		assertThat(actual).doesNotExist();
	}

	private static StatisticsSnapshot statistics() {
		return StatisticsSnapshot.fromJson(("{\"format\": 1, \"engine\": {\"name\": \"postgres\"}, \"capture\": "
				+ "{\"mode\": \"sample\", \"sampleFraction\": 0.1, \"seed\": 42}, \"schemas\": {\"public\": "
				+ "{\"tables\": {\"book\": {\"rows\": 10, \"columns\": {}}}}}}").getBytes(StandardCharsets.UTF_8),
				"statistics.json");
	}

	@Test
	void statisticsAreAnOptionalFileRecordedInTheManifest() throws IOException {
		Baseline.write(directory, manifest(), snapshot(), Optional.of(statistics()));

		Baseline read = Baseline.read(directory);
		assertThat(read.statistics()).contains(statistics());
		assertThat(read.manifest().files()).containsOnlyKeys("schema.json", "statistics.json");
		assertThat(read.manifest().statisticsMode()).contains("sample");
		assertThat(read.manifest().statisticsSampleFraction()).contains(0.1);
		assertThat(Files.readString(directory.resolve("manifest.json")))
			.contains("  \"statistics\": {\n    \"mode\": \"sample\",\n    \"sampleFraction\": 0.1\n  },\n");
		assertThat(read.manifest().files().get("statistics.json"))
			.isEqualTo(Baseline.sha256(Files.readAllBytes(directory.resolve("statistics.json"))));
	}

	@Test
	void aBaselineWithoutStatisticsStillReads() {
		Baseline.write(directory, manifest(), snapshot());

		Baseline read = Baseline.read(directory);
		assertThat(read.statistics()).isEmpty();
		assertThat(read.manifest().statisticsMode()).isEmpty();
	}

	@Test
	void editedStatisticsAreDetected() throws IOException {
		Baseline.write(directory, manifest(), snapshot(), Optional.of(statistics()));
		Files.writeString(directory.resolve("statistics.json"), "{}");

		assertThatThrownBy(() -> Baseline.read(directory)).isInstanceOf(BaselineException.class)
			.hasMessageContaining("statistics.json has sha256:");
	}

	@Test
	void actualStatisticsAreWrittenBesideTheBaseline() throws IOException {
		Baseline baseline = Baseline.write(directory, manifest(), snapshot(), Optional.of(statistics()));

		Path actual = baseline.writeActual(statistics());
		assertThat(actual).isEqualTo(directory.resolve("statistics.actual.json"));
		assertThat(Files.readAllBytes(actual)).isEqualTo(statistics().toCanonicalJson());
		Baseline.write(directory, manifest(), snapshot(), Optional.of(statistics()));
		assertThat(actual).doesNotExist();
	}

	@Test
	void aRewriteKeepsTheUsersFilesAndLeavesNothingBesideTheDirectory() throws IOException {
		Baseline.write(directory.resolve("production"), manifest(), snapshot());
		Path production = directory.resolve("production");
		Files.writeString(production.resolve("README.md"), "Captured from the replica.\n");
		Files.createDirectories(production.resolve("notes")).resolve("2026.txt").toFile().createNewFile();

		Baseline.write(production, manifest(), snapshot(), Optional.of(statistics()));

		try (var files = Files.walk(directory)) {
			assertThat(files.map(path -> directory.relativize(path).toString().replace('\\', '/')))
				.containsExactlyInAnyOrder("", "production", "production/README.md", "production/notes",
						"production/notes/2026.txt", "production/manifest.json", "production/schema.json",
						"production/statistics.json");
		}
		assertThat(production.resolve("README.md")).hasContent("Captured from the replica.");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void aSymbolicLinkToTheBaselineIsFollowedNotReplaced() throws IOException {
		Path real = directory.resolve("real");
		Baseline.write(real, manifest(), snapshot());
		Path link = Files.createSymbolicLink(directory.resolve("link"), real);

		Baseline.write(link, manifest(), snapshot(), Optional.of(statistics()));

		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(real.resolve("statistics.json")).exists();
		assertThat(Baseline.read(link).statistics()).isPresent();
	}

	@Test
	void aBaselineWhoseWriteWasKilledWhileSwitchingDirectoriesExists() throws IOException {
		Path production = directory.resolve("production");
		Baseline.write(production, manifest(), snapshot());
		Files.move(production, directory.resolve(".production.dbparity-new"));

		assertThat(Baseline.exists(production)).isTrue();
		assertThat(Baseline.exists(directory.resolve("staging"))).isFalse();
		assertThat(Baseline.read(production).migrationVersion()).hasValue("4");
	}

	/** A manifest dbparity would accept on its own (checksums right) but that does not describe the files beside it. */
	private void writeConsistentManifest(Manifest manifest) throws IOException {
		Files.write(directory.resolve("manifest.json"), CanonicalJson.write(manifest.toTree()));
	}

	@Test
	void aManifestOfAnotherEngineVersionThanItsSchemaIsRefused() throws IOException {
		Baseline.write(directory, manifest(), snapshot());
		writeConsistentManifest(new Manifest(Manifest.FORMAT, "postgres", "16.4", "sha256:00", Optional.of("4"), "0.1.0",
				Optional.empty(), Baseline.read(directory).manifest().files()));

		assertThatThrownBy(() -> Baseline.read(directory)).isInstanceOf(BaselineException.class)
			.hasMessageStartingWith(directory.resolve("manifest.json") + ": engine.version is 16.4, but "
					+ directory.resolve("schema.json") + " was captured from postgres 17.6");
	}

	@Test
	void aManifestListingNoSchemaIsRefused() throws IOException {
		Baseline.write(directory, manifest(), snapshot());
		writeConsistentManifest(manifest());

		assertThatThrownBy(() -> Baseline.read(directory)).isInstanceOf(BaselineException.class)
			.hasMessageStartingWith(directory.resolve("manifest.json") + " lists no schema.json");
	}

	@Test
	void statisticsOfAnotherEngineThanTheManifestAreRefused() throws IOException {
		Map<String, String> files = new java.util.HashMap<>(Baseline.write(directory, manifest(), snapshot(),
				Optional.of(statistics())).manifest().files());
		byte[] mariadb = Files.readString(directory.resolve("statistics.json"))
			.replace("\"name\": \"postgres\"", "\"name\": \"mariadb\"").getBytes(StandardCharsets.UTF_8);
		Files.write(directory.resolve("statistics.json"), mariadb);
		files.put("statistics.json", Baseline.sha256(mariadb));
		writeConsistentManifest(manifest().withFiles(files).withStatistics(Optional.of("sample"), Optional.of(0.1)));

		assertThatThrownBy(() -> Baseline.read(directory)).isInstanceOf(BaselineException.class)
			.hasMessageContaining("engine.name is postgres, but " + directory.resolve("statistics.json")
					+ " was captured from mariadb");
	}
}
