package dev.dbparity.snapshots.baseline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.ToolVersion;
import dev.dbparity.snapshots.UnsupportedFormatException;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code Manifest} is a baseline's {@code manifest.json}: what was captured, from which engine, at which migration
 * version, by which tool, and the sha256 of every file, so that an edited or truncated file is detected.
 *
 * <p>The manifest protects itself too: {@code fieldChecksums} holds the sha256 of each of its other top-level fields
 * (name and canonical value), so that a field changed, added or removed by hand is named when the baseline is read. A
 * checksum detects mistakes, not malice: anyone can recompute it.
 *
 * @param engine {@code postgres}, {@code mariadb} or {@code mysql}
 * @param engineVersion the server's version string
 * @param settingsFingerprint sha256 over the snapshot's {@code settings}, so that two baselines' settings compare at a
 *     glance
 * @param migrationVersion the migration version the captured database was at, if it had a history table
 * @param source where it was captured, with credentials removed (e.g. a JDBC URL without password)
 * @param files file name to {@code sha256:<hex>}
 * @param statisticsMode how {@code statistics.json} was captured ({@code full}, {@code sample}, {@code catalog}), when
 *     the baseline has one
 * @param statisticsSampleFraction the fraction of rows a {@code sample} capture read
 * @since 0.1
 */
public record Manifest(int format, String engine, String engineVersion, String settingsFingerprint,
		Optional<String> migrationVersion, String toolVersion, Optional<String> source, Map<String, String> files,
		Optional<String> statisticsMode, Optional<Double> statisticsSampleFraction) {

	/**
	 * The manifest format this version of dbparity writes and the only one it reads. Format 1 (no
	 * {@code fieldChecksums}) was written only by pre-release builds, so it is not read.
	 */
	public static final int FORMAT = 2;

	/** The field holding the checksums of the others. */
	static final String FIELD_CHECKSUMS = "fieldChecksums";

	/** How to get a manifest dbparity trusts again. */
	static final String RECAPTURE = "capture the baseline again (`dbparity capture --url <jdbc-url> --out <dir>`), or "
			+ "rewrite it from the test database on your machine with -Ddbparity.baseline.update=true; never edit a "
			+ "baseline by hand.";

	public Manifest {
		Objects.requireNonNull(engine, "engine");
		Objects.requireNonNull(engineVersion, "engineVersion");
		Objects.requireNonNull(settingsFingerprint, "settingsFingerprint");
		Objects.requireNonNull(migrationVersion, "migrationVersion");
		Objects.requireNonNull(toolVersion, "toolVersion");
		Objects.requireNonNull(source, "source");
		files = Map.copyOf(new TreeMap<>(files));
		Objects.requireNonNull(statisticsMode, "statisticsMode");
		Objects.requireNonNull(statisticsSampleFraction, "statisticsSampleFraction");
	}

	/** A manifest of a baseline without statistics. */
	public Manifest(int format, String engine, String engineVersion, String settingsFingerprint,
			Optional<String> migrationVersion, String toolVersion, Optional<String> source, Map<String, String> files) {
		this(format, engine, engineVersion, settingsFingerprint, migrationVersion, toolVersion, source, files,
				Optional.empty(), Optional.empty());
	}

	/**
	 * The manifest of a baseline of {@code schema}, as every writer builds it: the snapshot's engine and version, the
	 * fingerprint of its settings, this tool's version, no statistics yet.
	 *
	 * @param source where the snapshot was captured, if it should be recorded (a URL without credentials)
	 */
	public static Manifest of(SchemaSnapshot schema, Optional<String> migrationVersion, Optional<String> source) {
		return new Manifest(FORMAT, schema.engine(), schema.serverVersion(), settingsFingerprint(schema),
				migrationVersion, ToolVersion.current(), source, Map.of());
	}

	/**
	 * The sha256 of {@code schema}'s {@code settings} in canonical JSON, so that two baselines' settings compare at a
	 * glance.
	 */
	private static String settingsFingerprint(SchemaSnapshot schema) {
		return Baseline.sha256(CanonicalJson.write(schema.at(List.of("settings")).orElse(CanonicalJson.object())));
	}

	/** A copy with {@code files} replaced. */
	public Manifest withFiles(Map<String, String> newFiles) {
		return new Manifest(format, engine, engineVersion, settingsFingerprint, migrationVersion, toolVersion, source,
				newFiles, statisticsMode, statisticsSampleFraction);
	}

	/** A copy with the statistics capture mode and sample fraction replaced. */
	public Manifest withStatistics(Optional<String> mode, Optional<Double> sampleFraction) {
		return new Manifest(format, engine, engineVersion, settingsFingerprint, migrationVersion, toolVersion, source,
				files, mode, sampleFraction);
	}

	JsonNode toTree() {
		ObjectNode tree = fields();
		ObjectNode checksums = CanonicalJson.object();
		tree.properties().forEach(field -> checksums.put(field.getKey(), checksum(field.getKey(), field.getValue())));
		tree.set(FIELD_CHECKSUMS, checksums);
		return tree;
	}

	/** {@code sha256:<hex>} over the field's name and its canonical value: a value moved to another field is caught. */
	private static String checksum(String field, JsonNode value) {
		return Baseline.sha256((field + "\n" + CanonicalJson.writeCompact(value)).getBytes(StandardCharsets.UTF_8));
	}

	private ObjectNode fields() {
		ObjectNode tree = CanonicalJson.object();
		tree.put("format", format);
		ObjectNode engineNode = tree.putObject("engine");
		engineNode.put("name", engine);
		engineNode.put("version", engineVersion);
		engineNode.put("settingsFingerprint", settingsFingerprint);
		migrationVersion.ifPresent(version -> tree.put("migrationVersion", version));
		tree.putObject("tool").put("name", "dbparity").put("version", toolVersion);
		source.ifPresent(value -> tree.put("source", value));
		ObjectNode filesNode = tree.putObject("files");
		files.forEach(filesNode::put);
		statisticsMode.ifPresent(mode -> {
			ObjectNode statistics = tree.putObject("statistics");
			statistics.put("mode", mode);
			statisticsSampleFraction.ifPresent(fraction -> statistics.put("sampleFraction", fraction));
		});
		return tree;
	}

	static Manifest fromTree(JsonNode tree, String source) {
		int format = UnsupportedFormatException.check(tree, source, "manifest", FORMAT, "The directory does not "
				+ "hold a dbparity baseline: point the baseline setting (@ParityDatabase(baseline = …), dbparity.baseline, "
				+ "--baseline) at a directory `dbparity capture --out` wrote, or capture one there.");
		if (format < FORMAT) {
			throw new UnsupportedFormatException(source + " has format " + format + ", written by a pre-release dbparity "
					+ "whose manifests did not protect themselves against edits; this dbparity reads format " + FORMAT
					+ " only. Fix: " + RECAPTURE);
		}
		verifyChecksums(tree, source);
		Map<String, String> files = new TreeMap<>();
		tree.path("files").properties().forEach(entry -> files.put(entry.getKey(), entry.getValue().asText()));
		return new Manifest(format, required(tree.path("engine"), "name", source),
				required(tree.path("engine"), "version", source),
				tree.path("engine").path("settingsFingerprint").asText(""),
				Optional.ofNullable(tree.get("migrationVersion")).map(JsonNode::asText),
				tree.path("tool").path("version").asText(""),
				Optional.ofNullable(tree.get("source")).map(JsonNode::asText), files,
				Optional.ofNullable(tree.path("statistics").get("mode")).map(JsonNode::asText),
				Optional.ofNullable(tree.path("statistics").get("sampleFraction")).filter(JsonNode::isNumber)
					.map(JsonNode::asDouble));
	}

	/** Names the first field whose checksum does not match: changed, added or removed after dbparity wrote it. */
	private static void verifyChecksums(JsonNode tree, String source) {
		JsonNode checksums = tree.get(FIELD_CHECKSUMS);
		if (checksums == null || !checksums.isObject()) {
			throw new BaselineException(source + " has no " + FIELD_CHECKSUMS + ": the manifest was written or rewritten "
					+ "by hand, not by dbparity, so nothing in it can be trusted. Restore it from version control (git "
					+ "checkout -- " + source + "), or " + RECAPTURE);
		}
		Set<String> fields = new TreeSet<>();
		tree.fieldNames().forEachRemaining(fields::add);
		fields.remove(FIELD_CHECKSUMS);
		checksums.fieldNames().forEachRemaining(fields::add);
		for (String field : fields) {
			JsonNode value = tree.get(field);
			JsonNode recorded = checksums.get(field);
			// Values are not quoted: a field added by hand may hold anything, a password included.
			String problem = value == null ? "was removed" : recorded == null ? "was added"
					: recorded.asText().equals(checksum(field, value)) ? null : "was changed";
			if (problem != null) {
				throw new BaselineException(source + ": field \"" + field + "\" " + problem + " after dbparity wrote the "
						+ "manifest (`git diff " + source + "` shows how); its checksum in " + FIELD_CHECKSUMS + " no longer matches. A baseline is trusted only "
						+ "as it was captured: an edited manifest could claim another engine, migration version or file. "
						+ "Restore it from version control (git checkout -- " + source + "), or "
						+ RECAPTURE);
			}
		}
	}

	private static String required(JsonNode node, String field, String source) {
		JsonNode value = node.get(field);
		if (value == null || !value.isTextual()) {
			throw new UnsupportedFormatException(source + " has no engine." + field + ": it is not a complete dbparity "
					+ "manifest. Fix: " + RECAPTURE);
		}
		return value.asText();
	}
}
