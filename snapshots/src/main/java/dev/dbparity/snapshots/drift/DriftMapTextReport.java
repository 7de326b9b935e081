package dev.dbparity.snapshots.drift;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code DriftMapTextReport} renders a {@link DriftMap} for a terminal: the summary, the environments with their
 * sources and drift, then per section each row as {@code path: dev A, staging B, prod A} followed by what each letter
 * stands for.
 *
 * @since 0.2
 */
public final class DriftMapTextReport {

	static final int MAX_VALUE_LENGTH = 80;

	private DriftMapTextReport() {
	}

	/** The report, ending with a newline. */
	public static String render(DriftMap map) {
		StringBuilder text = new StringBuilder(Palette.title(map)).append(": ").append(Palette.summary(map)).append('\n');
		for (Environment environment : map.environments()) {
			text.append("  ").append(environment.name()).append(": ").append(environment.source());
			if (environment.name().equals(map.reference())) {
				text.append(" (reference)");
			}
			if (environment.isFailed()) {
				text.append(": not read: ").append(environment.error().orElseThrow());
			}
			else if (!environment.name().equals(map.reference())) {
				Set<Section> drift = map.drift().get(environment.name());
				text.append(drift.isEmpty() ? ": no drift" : ": drifts in " + Palette.sections(drift));
			}
			text.append('\n');
		}
		map.notes().forEach(note -> text.append("  ").append(note).append('\n'));
		for (Map.Entry<Section, Long> count : map.countsBySection().entrySet()) {
			text.append('\n').append(count.getKey()).append(" (").append(count.getValue()).append(")\n");
			for (Row row : map.rows()) {
				if (row.section() == count.getKey()) {
					row(text, map.environments(), row);
				}
			}
		}
		return text.toString();
	}

	private static void row(StringBuilder text, List<Environment> environments, Row row) {
		text.append("  ").append(row.name()).append(": ")
			.append(IntStream.range(0, environments.size()).mapToObj(i -> environments.get(i).name() + " "
					+ row.cells().get(i).letter().orElse(row.cells().get(i).value())).collect(Collectors.joining(", ")))
			.append('\n');
		String variants = IntStream.range(0, row.variants().size()).mapToObj(variant -> Cell.letter(variant) + " = "
				+ Palette.abbreviate(row.variants().get(variant), MAX_VALUE_LENGTH))
			.collect(Collectors.joining("; "));
		if (!variants.isEmpty()) {
			text.append("    ").append(variants).append('\n');
		}
	}
}
