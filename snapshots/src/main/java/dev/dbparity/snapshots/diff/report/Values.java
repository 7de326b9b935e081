package dev.dbparity.snapshots.diff.report;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.json.CanonicalJson;

/** {@code Values} prints the values of differences the same way in every report. */
final class Values {

	private Values() {
	}

	/** The value as compact JSON, or {@code absent}. */
	static String compact(Optional<JsonNode> value, String absent) {
		return value.map(CanonicalJson::writeCompact).orElse(absent);
	}

	/** {@code text} cut to {@code max} characters, the last of them {@code …}, so that one line stays readable. */
	static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** {@code 1 difference}, {@code 2 differences}. */
	static String count(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}
}
