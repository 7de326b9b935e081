package dev.dbparity.snapshots.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code Renames} recognises a column or table that may have been renamed: removed under one name and added under
 * another in the same parent, with nothing else different (a column's position and comment aside). It is one
 * difference at the old path instead of a removal plus an addition. Two schemas cannot tell a rename (data kept,
 * previous application version broken: {@link Category#INCOMPATIBLE}) from a drop and re-create (data gone:
 * {@link Category#DESTRUCTIVE}), so the pair carries both, {@code DESTRUCTIVE} first, with a note; a rename that
 * {@link KnownRenames} says the migration performed is {@code INCOMPATIBLE} only. Only unambiguous pairs count: when
 * several removed and added objects look alike, nothing is paired.
 */
final class Renames {

	private Renames() {
	}

	/** {@code changes} with each recognised rename's removal and addition replaced by one rename. */
	static List<Change> detect(List<Change> changes) {
		List<Change> result = new ArrayList<>(changes);
		for (Change removed : changes) {
			if (removed.kind() != Kind.REMOVED || !renameable(removed.keys())) {
				continue;
			}
			List<Change> candidates = changes.stream()
				.filter(added -> added.kind() == Kind.ADDED && sameParent(removed.keys(), added.keys())
						&& alike(removed.expected().orElseThrow(), added.actual().orElseThrow()))
				.toList();
			List<Change> rivals = changes.stream()
				.filter(other -> other != removed && other.kind() == Kind.REMOVED && sameParent(removed.keys(), other.keys())
						&& candidates.stream().anyMatch(added -> alike(other.expected().orElseThrow(),
								added.actual().orElseThrow())))
				.toList();
			if (candidates.size() == 1 && rivals.isEmpty() && result.contains(candidates.get(0))) {
				Change added = candidates.get(0);
				result.remove(removed);
				result.remove(added);
				result.add(new Change(removed.keys(), Kind.CHANGED, Optional.of(TextNode.valueOf(last(removed.keys()))),
						Optional.of(TextNode.valueOf(last(added.keys()))), removed.engine()));
			}
		}
		return result;
	}

	/** Whether {@code change} is a rename this class produced. */
	static boolean isRename(Change change) {
		return change.kind() == Kind.CHANGED && renameable(change.keys()) && change.expected().orElseThrow().isTextual()
				&& change.actual().orElseThrow().isTextual();
	}

	/** The categories of a rename this class produced: a worst case unless {@code renames} knows it. */
	static CategoryRules.Labels labels(Change rename, KnownRenames renames) {
		List<String> keys = rename.keys();
		String from = rename.expected().orElseThrow().asText();
		String to = rename.actual().orElseThrow().asText();
		boolean column = keys.size() == 6;
		boolean known = column ? renames.renamesColumn(keys.get(3), from, to) : renames.renamesTable(from, to);
		if (known) {
			return new CategoryRules.Labels(List.of(Category.INCOMPATIBLE), Optional.empty());
		}
		String what = column ? "column " + keys.get(3) + "." + from : "table " + from;
		return new CategoryRules.Labels(List.of(Category.DESTRUCTIVE, Category.INCOMPATIBLE), Optional.of("may be a "
				+ "rename of " + what + " to " + to + " (data kept, INCOMPATIBLE only) or a drop and re-create (data "
				+ "gone); the schemas alone cannot tell, so it is labelled by the worst case"));
	}

	/** Columns ({@code schemas.S.tables.T.columns.C}) and tables ({@code schemas.S.tables.T}). */
	private static boolean renameable(List<String> keys) {
		boolean table = keys.size() == 4 && keys.get(0).equals("schemas") && keys.get(2).equals("tables");
		boolean column = keys.size() == 6 && keys.get(0).equals("schemas") && keys.get(2).equals("tables")
				&& keys.get(4).equals("columns");
		return table || column;
	}

	private static boolean sameParent(List<String> a, List<String> b) {
		return a.size() == b.size() && a.subList(0, a.size() - 1).equals(b.subList(0, b.size() - 1));
	}

	private static boolean alike(JsonNode before, JsonNode after) {
		return withoutIncidentals(before).equals(withoutIncidentals(after));
	}

	private static JsonNode withoutIncidentals(JsonNode node) {
		if (!node.isObject()) {
			return node;
		}
		ObjectNode copy = ((ObjectNode) node).deepCopy();
		copy.remove(List.of("position", "comment"));
		return copy;
	}

	private static String last(List<String> keys) {
		return keys.get(keys.size() - 1);
	}
}
