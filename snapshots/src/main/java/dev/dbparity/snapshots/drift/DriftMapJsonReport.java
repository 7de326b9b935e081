package dev.dbparity.snapshots.drift;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code DriftMapJsonReport} renders a {@link DriftMap} for tools, as canonical JSON (sorted keys, two-space indent,
 * {@code \n}):
 * {@code {"reference":"prod","environments":[{"name":…,"source":…,"drift":[…]}|{"name":…,"error":…}],
 * "rows":[{"section":…,"path":…,"metric":…,"variants":[…],"cells":[{"environment":…,"kind":"value","variant":"A",
 * "value":…}]}],"notes":[…]}}. Environments and cells are in column order, {@code variants} in letter order (A
 * first); a schema row's value is the JSON value itself, a statistic's the text the statistics reports print;
 * {@code kind} is {@code value}, {@code absent} or {@code unavailable}, whose {@code value} says why.
 *
 * @since 0.2
 */
public final class DriftMapJsonReport {

	private DriftMapJsonReport() {
	}

	public static String render(DriftMap map) {
		ObjectNode report = CanonicalJson.object();
		report.put("reference", map.reference());
		ArrayNode environments = report.putArray("environments");
		for (Environment environment : map.environments()) {
			ObjectNode entry = environments.addObject();
			entry.put("name", environment.name());
			entry.put("source", environment.source());
			environment.error().ifPresent(error -> entry.put("error", error));
			if (!environment.isFailed()) {
				ArrayNode drift = entry.putArray("drift");
				map.drift().get(environment.name()).forEach(section -> drift.add(section.name()));
			}
		}
		ArrayNode rows = report.putArray("rows");
		for (Row row : map.rows()) {
			ObjectNode entry = rows.addObject();
			entry.put("section", row.section().name());
			entry.put("path", row.path());
			row.metric().ifPresent(metric -> entry.put("metric", metric));
			ArrayNode variants = entry.putArray("variants");
			row.variants().forEach(value -> variants.add(value(row, value)));
			ArrayNode cells = entry.putArray("cells");
			for (int i = 0; i < row.cells().size(); i++) {
				Cell cell = row.cells().get(i);
				ObjectNode json = cells.addObject();
				json.put("environment", map.environments().get(i).name());
				json.put("kind", cell.kind().name().toLowerCase(Locale.ROOT));
				cell.letter().ifPresent(letter -> json.put("variant", letter));
				json.set("value", cell.kind() == Cell.Kind.VALUE ? value(row, cell.value())
						: TextNode.valueOf(cell.value()));
			}
		}
		ArrayNode notes = report.putArray("notes");
		map.notes().forEach(notes::add);
		return CanonicalJson.writeString(report);
	}

	/** A schema row's value as the JSON it is; a statistic's as the text the statistics reports print. */
	private static JsonNode value(Row row, String value) {
		return row.metric().isEmpty() ? CanonicalJson.read(value.getBytes(StandardCharsets.UTF_8), row.path())
				: TextNode.valueOf(value);
	}
}
