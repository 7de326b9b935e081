package dev.dbparity.snapshots.diff.report;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code JsonReport} renders a {@link SchemaDiffResult} for tools: canonical JSON (sorted keys, two-space indent,
 * {@code \n}, trailing newline) of the shape
 * {@code {"differences":[{"actual":…,"category":"DESTRUCTIVE","expected":…,"kind":"removed","path":"…"}]}}, the
 * kind lower-case, the category upper-case (the most severe), {@code expected} and {@code actual} left out when
 * absent; a difference with more than one category also lists them all, most severe first, under {@code categories},
 * and one labelled by a worst case has a {@code note}. Ignored differences are not listed.
 *
 * @since 0.1
 */
public final class JsonReport {

	private JsonReport() {
	}

	public static String render(SchemaDiffResult result) {
		ObjectNode report = CanonicalJson.object();
		report.set("differences", differences(result.differences()));
		return CanonicalJson.writeString(report);
	}

	/** The differences as this report lists them, for other reports that embed them (the migration lint's). */
	public static ArrayNode differences(List<Difference> differences) {
		ArrayNode list = CanonicalJson.array();
		for (Difference difference : differences) {
			ObjectNode entry = list.addObject();
			entry.put("path", difference.path());
			entry.put("kind", difference.kind().id());
			entry.put("category", difference.category().name());
			if (difference.categories().size() > 1) {
				ArrayNode categories = entry.putArray("categories");
				difference.categories().forEach(category -> categories.add(category.name()));
			}
			difference.note().ifPresent(note -> entry.put("note", note));
			difference.expected().ifPresent(value -> entry.set("expected", value));
			difference.actual().ifPresent(value -> entry.set("actual", value));
		}
		return list;
	}
}
