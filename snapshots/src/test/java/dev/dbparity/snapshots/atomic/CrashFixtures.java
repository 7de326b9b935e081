package dev.dbparity.snapshots.atomic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/** The old and the new content the crash tests write: two baselines and two lock files that differ in every file. */
final class CrashFixtures {

	static final byte[] OLD_LOCK = "{\n  \"format\": 1,\n  \"rulesVersion\": 1\n}\n".getBytes(StandardCharsets.UTF_8);
	static final byte[] NEW_LOCK = "{\n  \"format\": 1,\n  \"rulesVersion\": 2\n}\n".getBytes(StandardCharsets.UTF_8);

	private CrashFixtures() {
	}

	private static SchemaSnapshot schema(String... tables) {
		ObjectNode tree = CanonicalJson.object().put("format", 1);
		tree.putObject("engine").put("name", "postgres").put("version", "17.6").put("major", "17");
		ObjectNode tableNodes = tree.putObject("schemas").putObject("public").putObject("tables");
		for (String table : tables) {
			tableNodes.putObject(table).putObject("columns").putObject("id").put("position", 1).put("type", "bigint")
				.put("nullable", false);
		}
		return new SchemaSnapshot(tree);
	}

	private static Manifest manifest(String migrationVersion) {
		return new Manifest(Manifest.FORMAT, "postgres", "17.6", "sha256:00", Optional.of(migrationVersion), "0.1.0",
				Optional.empty(), Map.of());
	}

	/**
	 * The old baseline: schema and manifest, plus a file of the user's that every write keeps and a
	 * {@code schema.actual.json} that a new baseline makes obsolete.
	 */
	static void writeOldBaseline(Path directory) throws IOException {
		Baseline.write(directory, manifest("1"), schema("book"));
		Files.writeString(directory.resolve("README.md"), "Captured from production.\n");
		Files.write(directory.resolve(Baseline.SCHEMA_ACTUAL), schema("book", "draft").toCanonicalJson());
	}

	/** The new baseline: another schema, statistics, another migration version. */
	static void writeNewBaseline(Path directory) {
		StatisticsSnapshot statistics = StatisticsSnapshot.fromJson(("{\"format\": 1, \"engine\": {\"name\": "
				+ "\"postgres\"}, \"capture\": {\"mode\": \"full\"}, \"schemas\": {\"public\": {\"tables\": {\"book\": "
				+ "{\"rows\": 10, \"columns\": {}}}}}}").getBytes(StandardCharsets.UTF_8), Baseline.STATISTICS);
		Baseline.write(directory, manifest("2"), schema("author", "book"), Optional.of(statistics));
	}

	/** What a schema mismatch in update-less mode writes beside the baseline: {@code schema.actual.json}. */
	static void writeActual(Path directory) {
		Baseline.read(directory).writeActual(schema("author", "book", "shelf"));
	}
}
