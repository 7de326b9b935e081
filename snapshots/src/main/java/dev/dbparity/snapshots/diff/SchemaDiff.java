package dev.dbparity.snapshots.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code SchemaDiff} compares two {@link SchemaSnapshot}s, for users who check a database against a committed
 * baseline and for the reports that explain the result.
 *
 * <p>The comparison walks both trees together. Objects recurse key by key; a key on one side only is one
 * {@link Kind#ADDED} or {@link Kind#REMOVED} difference holding the whole subtree (a dropped table is one difference,
 * not one per column); arrays and scalars compare as values and differ as {@link Kind#CHANGED}. Absent and
 * {@code null} are the same, and so are a missing collection of named objects and an empty one; numbers compare by
 * value ({@code 1} = {@code 1.0}). Each difference gets its {@link Category} from one ordered rule table,
 * {@code CategoryRules} (see "Categories" in {@code snapshots/SCHEMA-FORMAT.md}); a change no rule knows is
 * {@link Category#INCOMPATIBLE}. Differences are sorted by path.
 *
 * @since 0.1
 */
public final class SchemaDiff {

	/** Leaf equality that treats numbers by value: a snapshot may hold {@code 1} as an int or a long. */
	private static final Comparator<JsonNode> LEAVES = (a, b) -> a.isNumber() && b.isNumber()
			? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

	private static final Comparator<Difference> BY_PATH = Comparator.comparing(Difference::path)
		.thenComparing(difference -> String.join("\u0000", difference.keys()));

	private SchemaDiff() {
	}

	/**
	 * The differences between {@code expected} (the baseline) and {@code actual}, with those {@code ignore} matches set
	 * aside in {@link SchemaDiffResult#ignored()}. A column or table that looks renamed is labelled by the worst case,
	 * {@link Category#DESTRUCTIVE}, as the schemas cannot tell a rename from a drop and re-create.
	 */
	public static SchemaDiffResult compare(SchemaSnapshot expected, SchemaSnapshot actual, IgnoreRules ignore) {
		return compare(expected, actual, ignore, KnownRenames.none());
	}

	/**
	 * As {@link #compare(SchemaSnapshot, SchemaSnapshot, IgnoreRules)}, where the SQL that changed {@code expected}
	 * into {@code actual} is known: a rename it performs is {@link Category#INCOMPATIBLE} only.
	 *
	 * @since 0.2
	 */
	public static SchemaDiffResult compare(SchemaSnapshot expected, SchemaSnapshot actual, IgnoreRules ignore,
			KnownRenames renames) {
		if (expected.equals(actual)) {
			// Equal trees have no difference.
			return new SchemaDiffResult(List.of(), List.of());
		}
		List<Change> changes = new ArrayList<>();
		walk(new ArrayList<>(), new Side(Optional.of(expected)), new Side(Optional.of(actual)), false, expected.engine(),
				changes);
		List<Change> detected = Renames.detect(changes);
		Map<Change, CategoryRules.Labels> labels = new LinkedHashMap<>();
		for (Change change : detected) {
			labels.put(change, Renames.isRename(change) ? Renames.labels(change, renames)
					: CategoryRules.categorise(change));
		}
		Views.labelRecreated(labels);
		List<Difference> differences = new ArrayList<>();
		List<Difference> ignored = new ArrayList<>();
		labels.forEach((change, label) -> {
			List<String> segments = Change.pathSegments(change.keys());
			Difference difference = new Difference(change.keys(), String.join(".", segments), change.kind(),
					label.category(), change.expected(), change.actual(), label.categories(), label.note());
			(ignore.ignores(segments) ? ignored : differences).add(difference);
		});
		differences.sort(BY_PATH);
		ignored.sort(BY_PATH);
		return new SchemaDiffResult(differences, ignored);
	}

	/**
	 * Compares two present nodes at {@code keys}, in place: only the nodes that differ are copied, into the changes.
	 *
	 * @param named whether the children of these nodes are objects' names (tables of a schema) rather than attributes
	 */
	private static void walk(List<String> keys, Side expected, Side actual, boolean named, String engine,
			List<Change> changes) {
		if (expected.same(actual, keys)) {
			// Most of two snapshots is the same: equal subtrees need no walk, and those shared are not even looked at.
			return;
		}
		if (!expected.isObject(keys) || !actual.isObject(keys)) {
			JsonNode before = expected.node(keys);
			JsonNode after = actual.node(keys);
			if (!before.equals(LEAVES, after) && !sameIndexName(keys, before, after, engine)) {
				changes.add(new Change(keys, Kind.CHANGED, Optional.of(before), Optional.of(after), engine));
			}
			return;
		}
		TreeSet<String> children = new TreeSet<>(expected.fields(keys));
		children.addAll(actual.fields(keys));
		for (String child : children) {
			boolean collection = !named && Change.COLLECTIONS.contains(child);
			keys.add(child);
			boolean before = expected.present(keys);
			boolean after = actual.present(keys);
			if (!before && after) {
				if (collection && actual.isObject(keys)) {
					walk(keys, Side.EMPTY, actual, true, engine, changes);
				}
				else {
					changes.add(new Change(keys, Kind.ADDED, Optional.empty(), Optional.of(actual.node(keys)), engine));
				}
			}
			else if (before && !after) {
				if (collection && expected.isObject(keys)) {
					walk(keys, expected, Side.EMPTY, true, engine, changes);
				}
				else {
					changes.add(new Change(keys, Kind.REMOVED, Optional.of(expected.node(keys)), Optional.empty(),
							engine));
				}
			}
			else if (before) {
				walk(keys, expected, actual, collection, engine, changes);
			}
			keys.remove(keys.size() - 1);
		}
	}

	/**
	 * One side of a comparison: a snapshot, looked at in place, or ({@link #EMPTY}) an empty collection standing for
	 * one the other side has and this one has not.
	 */
	private record Side(Optional<SchemaSnapshot> snapshot) {

		static final Side EMPTY = new Side(Optional.empty());

		boolean same(Side other, List<String> keys) {
			return snapshot.isPresent() && other.snapshot.isPresent() && snapshot.get().sameAt(other.snapshot.get(), keys);
		}

		boolean isObject(List<String> keys) {
			return snapshot.map(tree -> tree.typeAt(keys).filter(JsonNodeType.OBJECT::equals).isPresent()).orElse(true);
		}

		/** Present: there, and not {@code null}. */
		boolean present(List<String> keys) {
			return snapshot.flatMap(tree -> tree.typeAt(keys)).filter(type -> type != JsonNodeType.NULL).isPresent();
		}

		List<String> fields(List<String> keys) {
			return snapshot.map(tree -> tree.fieldsAt(keys)).orElse(List.of());
		}

		/** A copy of the node at {@code keys}, which is there. */
		JsonNode node(List<String> keys) {
			return snapshot.flatMap(tree -> tree.at(keys)).orElseGet(CanonicalJson::object);
		}
	}

	/**
	 * MariaDB and MySQL compare index names without case ({@code idx_A} and {@code IDX_a} cannot both exist on one
	 * table), so a difference of case alone is no difference there.
	 */
	private static boolean sameIndexName(List<String> keys, JsonNode expected, JsonNode actual, String engine) {
		int size = keys.size();
		return (engine.equals("mariadb") || engine.equals("mysql")) && size >= 3 && keys.get(size - 1).equals("name")
				&& Set.of("indexes", "uniqueConstraints").contains(keys.get(size - 3)) && expected.isTextual()
				&& actual.isTextual() && expected.asText().equalsIgnoreCase(actual.asText());
	}
}
