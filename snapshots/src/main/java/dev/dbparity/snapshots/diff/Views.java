package dev.dbparity.snapshots.diff;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Views} gives a view whose definition changed the categories of what happened to the data it shows: a view
 * is re-created when a column it uses is dropped, renamed or retyped, and its difference alone
 * ({@link Category#INCOMPATIBLE}) would hide that the rows it shows lost data.
 */
final class Views {

	private Views() {
	}

	/**
	 * Adds to each changed view definition in {@code labels} the categories of the differences of the tables and
	 * columns its old definition names, with a note naming them.
	 */
	static void labelRecreated(Map<Change, CategoryRules.Labels> labels) {
		List<Change> dataChanges = labels.keySet().stream().filter(Views::changesData).toList();
		if (dataChanges.isEmpty()) {
			return;
		}
		for (Map.Entry<Change, CategoryRules.Labels> entry : labels.entrySet()) {
			Change view = entry.getKey();
			if (!isDefinition(view) || view.kind() != Kind.CHANGED) {
				continue;
			}
			Set<String> identifiers = identifiers(view.expected().orElseThrow().asText());
			EnumSet<Category> categories = EnumSet.copyOf(entry.getValue().categories());
			List<String> causes = new ArrayList<>();
			for (Change data : dataChanges) {
				List<String> keys = data.keys();
				boolean sameSchema = keys.get(1).equals(view.keys().get(1));
				boolean uses = identifiers.contains(lower(keys.get(3)))
						&& (keys.size() < 6 || identifiers.contains(lower(keys.get(5))));
				if (sameSchema && uses) {
					categories.addAll(labels.get(data).categories());
					causes.add(String.join(".", Change.pathSegments(keys.subList(0, Math.min(keys.size(), 6)))));
				}
			}
			if (!causes.isEmpty()) {
				entry.setValue(new CategoryRules.Labels(List.copyOf(categories), Optional.of("re-created after a change "
						+ "to what it uses (" + causes.stream().distinct().collect(Collectors.joining(", "))
						+ "): labelled with that change's categories")));
			}
		}
	}

	private static boolean isDefinition(Change change) {
		List<String> keys = change.keys();
		return keys.size() == 5 && keys.get(0).equals("schemas") && keys.get(2).equals("views")
				&& keys.get(4).equals("definition");
	}

	/** A table removed or renamed, a column removed or renamed, or a column's type or generation changed. */
	private static boolean changesData(Change change) {
		List<String> keys = change.keys();
		if (keys.size() < 4 || !keys.get(0).equals("schemas") || !keys.get(2).equals("tables")) {
			return false;
		}
		if (keys.size() == 4 || keys.size() == 6 && keys.get(4).equals("columns")) {
			return change.kind() != Kind.ADDED;
		}
		return keys.size() >= 7 && keys.get(4).equals("columns") && Set.of("type", "generated").contains(keys.get(6));
	}

	/** The identifiers a definition names, without quotes and in lower case (both engines fold unquoted names). */
	private static Set<String> identifiers(String definition) {
		return KnownRenames.SqlTokens.of(definition).stream()
			.filter(token -> !token.startsWith("'"))
			.map(token -> lower(KnownRenames.SqlTokens.unquoted(token)))
			.collect(Collectors.toSet());
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}
}
