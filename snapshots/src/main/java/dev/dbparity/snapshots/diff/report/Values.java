package dev.dbparity.snapshots.diff.report;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
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

	/** {@code " (also INCOMPATIBLE)"}: the categories after the most severe, or nothing when there are none. */
	static String also(Difference difference) {
		List<Category> all = difference.categories();
		return all.size() == 1 ? "" : all.subList(1, all.size()).stream().map(Category::name)
			.collect(Collectors.joining(", ", " (also ", ")"));
	}

	/** {@code " (note)"}, or nothing when the difference has no note. */
	static String note(Difference difference) {
		return difference.note().map(note -> " (" + note + ")").orElse("");
	}

	/** {@code 1 difference}, {@code 2 differences}. */
	static String count(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}
}
