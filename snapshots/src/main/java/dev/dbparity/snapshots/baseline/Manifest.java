package dev.dbparity.snapshots.baseline;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.UnsupportedFormatException;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code Manifest} is a baseline's {@code manifest.json}: what was captured, from which engine, at which migration
 * version, by which tool, and the sha256 of every file, so that an edited or truncated file is detected.
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

	/** The manifest format this version of dbparity writes and the newest it reads. */
	public static final int FORMAT = 1;

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
		int format = UnsupportedFormatException.check(tree, source, "manifest", FORMAT, "");
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

	private static String required(JsonNode node, String field, String source) {
		JsonNode value = node.get(field);
		if (value == null || !value.isTextual()) {
			throw new UnsupportedFormatException(source + " has no engine." + field + ": it is not a complete dbparity "
					+ "manifest. Capture the baseline again.");
		}
		return value.asText();
	}
}
