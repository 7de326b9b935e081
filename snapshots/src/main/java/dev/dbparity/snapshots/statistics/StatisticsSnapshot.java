package dev.dbparity.snapshots.statistics;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.UnsupportedFormatException;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code StatisticsSnapshot} is a database's data statistics as dbparity compares them: per table the row count, per
 * column null fraction, distinct count, extremes, moments, lengths, histogram and top values, in the shape
 * {@code snapshots/STATISTICS-FORMAT.md} describes, written as canonical JSON to {@code statistics.json}.
 *
 * <p>The tree is normalised on the way in (written and read back as canonical JSON), so a snapshot read from a file
 * equals the snapshot that was written, and two snapshots are equal exactly when their bytes are.
 *
 * @since 0.1
 */
public record StatisticsSnapshot(JsonNode tree) {

	/** The format this version of dbparity writes and the newest it reads. */
	public static final int FORMAT = 1;

	public StatisticsSnapshot {
		Objects.requireNonNull(tree, "tree");
		if (!tree.isObject() || !tree.path("format").canConvertToInt()) {
			throw new IllegalArgumentException("a statistics snapshot is a JSON object with a numeric \"format\"");
		}
		tree = CanonicalJson.read(CanonicalJson.write(tree), "statistics snapshot");
	}

	/**
	 * Reads {@code statistics.json} bytes.
	 *
	 * @param source the file name, for error messages
	 * @throws dev.dbparity.snapshots.json.InvalidJsonException for bytes that are not JSON, with the position
	 * @throws UnsupportedFormatException for a file without format, or with a format newer than {@link #FORMAT}
	 */
	public static StatisticsSnapshot fromJson(byte[] json, String source) {
		JsonNode tree = CanonicalJson.read(json, source);
		String recapture = "Capture it again with `dbparity capture --statistics full`.";
		UnsupportedFormatException.check(tree, source, "statistics snapshot", FORMAT, recapture);
		if (!tree.path("capture").has("mode")) {
			throw new UnsupportedFormatException(source + " is not a dbparity statistics snapshot: it has no capture.mode. "
					+ recapture);
		}
		return new StatisticsSnapshot(tree);
	}

	@Override
	public JsonNode tree() {
		return tree.deepCopy();
	}

	public int format() {
		return tree.path("format").asInt();
	}

	/** {@code postgres}, {@code mariadb} or {@code mysql}. */
	public String engine() {
		return tree.path("engine").path("name").asText();
	}

	/** How the statistics were captured. */
	public CaptureMode mode() {
		return CaptureMode.fromId(tree.path("capture").path("mode").asText());
	}

	/** The fraction of rows a {@link CaptureMode#SAMPLE} capture read. */
	public Optional<Double> sampleFraction() {
		JsonNode fraction = tree.path("capture").path("sampleFraction");
		return fraction.isNumber() ? Optional.of(fraction.asDouble()) : Optional.empty();
	}

	/** The statistics of one table: {@code rows}, {@code columns}, {@code foreignKeys}. */
	public Optional<JsonNode> table(String schema, String table) {
		JsonNode node = tree.path("schemas").path(schema).path("tables").path(table);
		return node.isMissingNode() ? Optional.empty() : Optional.of(node.deepCopy());
	}

	/** The statistics of one column. */
	public Optional<JsonNode> column(String schema, String table, String column) {
		JsonNode node = tree.path("schemas").path(schema).path("tables").path(table).path("columns").path(column);
		return node.isMissingNode() ? Optional.empty() : Optional.of(node.deepCopy());
	}

	/** The canonical bytes of this snapshot, as written to {@code statistics.json}. */
	public byte[] toCanonicalJson() {
		return CanonicalJson.write(tree);
	}

	@Override
	public String toString() {
		return "StatisticsSnapshot[" + engine() + ", " + mode().id() + "]";
	}
}
