package dev.dbparity.snapshots.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.statistics.ComparisonMode;
import dev.dbparity.snapshots.statistics.StatisticsComparison;
import dev.dbparity.snapshots.statistics.StatisticsComparisonResult;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;
import dev.dbparity.snapshots.statistics.Verdict;

/**
 * {@code DriftMap} is one picture of where several environments (dev, CI, staging, a replica of production, a committed
 * baseline) differ: every object or setting that differs in any of them is a {@link Row}, every environment a column,
 * each cell the value's variant (cells with equal values share a variant), rows grouped by {@link Section}.
 *
 * <p>Built by {@link #build}, which compares every two environments' schemas with {@link SchemaDiff} (the same
 * equality, categories and ignore rules as {@code dbparity diff}): a row's cells share a variant exactly when the diff
 * of their two environments has no difference at the row's path or above it. A row's section is the most severe
 * category of the differences at its path between the reference and the others (between any two environments when
 * the reference agrees with all). When the reference has data statistics, every other environment's are compared with
 * them under the tolerances, and each metric outside its tolerance somewhere is a {@link Section#STATISTICS} row.
 * Rows are in section order, then path order, so the same environments give the same map.
 *
 * @param environments the columns, in the order given
 * @param reference the name of the environment the others are measured against
 * @param rows the rows, in section and path order
 * @param drift per environment (in column order) the sections in which it differs from the reference: every category
 *     of its differences, and {@link Section#STATISTICS} for a failed statistic; empty for the reference and for
 *     environments that could not be read
 * @param notes what the map could not compare, e.g. statistics an environment lacks
 * @since 0.2
 */
public record DriftMap(List<Environment> environments, String reference, List<Row> rows,
		Map<String, Set<Section>> drift, List<String> notes) {

	private static final Comparator<Row> ORDER = Comparator.comparing(Row::section).thenComparing(Row::path)
		.thenComparing(row -> row.metric().orElse(""));

	public DriftMap {
		environments = List.copyOf(environments);
		Objects.requireNonNull(reference, "reference");
		rows = List.copyOf(rows);
		Map<String, Set<Section>> copy = new LinkedHashMap<>();
		drift.forEach((name, sections) -> copy.put(name, sections.isEmpty() ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(sections))));
		drift = Collections.unmodifiableMap(copy);
		notes = List.copyOf(notes);
	}

	/**
	 * Maps {@code environments} against {@code reference}.
	 *
	 * @param ignore the differences to leave out, as in {@code dbparity diff --ignore}
	 * @param tolerances the statistics' bounds
	 * @param mode how statistics compare
	 * @throws IllegalArgumentException for fewer than two environments, two of one name, or a reference that is none
	 *     of them; front ends check these first and word them for their users
	 * @throws IllegalArgumentException from {@link StatisticsComparison#compare} for exact mode on statistics that
	 *     were not fully captured
	 * @throws dev.dbparity.snapshots.diff.InvalidTolerancesException for an override of a table or column no
	 *     environment's statistics have
	 */
	public static DriftMap build(List<Environment> environments, String reference, IgnoreRules ignore,
			StatisticsTolerances tolerances, ComparisonMode mode) {
		if (environments.size() < 2) {
			throw new IllegalArgumentException("a drift map compares two environments or more, not "
					+ environments.size());
		}
		Set<String> names = new HashSet<>();
		for (Environment environment : environments) {
			if (!names.add(environment.name())) {
				throw new IllegalArgumentException("two environments are named " + environment.name());
			}
		}
		if (!names.contains(reference)) {
			throw new IllegalArgumentException("the reference " + reference + " is none of the environments " + names);
		}
		return new Builder(environments, reference, ignore).build(tolerances, mode);
	}

	/** The reference environment. */
	public Environment referenceEnvironment() {
		return environments.stream().filter(environment -> environment.name().equals(reference)).findFirst()
			.orElseThrow();
	}

	/** The environments that differ from the reference in any of {@code sections}, in column order. */
	public List<String> drifting(Set<Section> sections) {
		return drift.entrySet().stream().filter(entry -> entry.getValue().stream().anyMatch(sections::contains))
			.map(Map.Entry::getKey).toList();
	}

	/** Whether every environment could be read. */
	public boolean isComplete() {
		return environments.stream().noneMatch(Environment::isFailed);
	}

	/** How many rows each section has, in section order; empty sections left out. */
	public Map<Section, Long> countsBySection() {
		Map<Section, Long> counts = new TreeMap<>();
		rows.forEach(row -> counts.merge(row.section(), 1L, Long::sum));
		return Collections.unmodifiableMap(counts);
	}

	/** Builds one map: the pairwise diffs, then rows, cells and variants from them. */
	private static final class Builder {

		private final List<Environment> environments;
		private final String reference;
		private final IgnoreRules ignore;
		/** Column indexes, the reference first: the reference's value is variant A wherever it has one. */
		private final List<Integer> variantOrder = new ArrayList<>();
		private final int referenceIndex;
		/** The keys of every counted difference of each pair of readable environments, by pair. */
		private final Map<Long, Set<List<String>>> differing = new HashMap<>();

		Builder(List<Environment> environments, String reference, IgnoreRules ignore) {
			this.environments = environments;
			this.reference = reference;
			this.ignore = ignore;
			int found = 0;
			for (int i = 0; i < environments.size(); i++) {
				if (environments.get(i).name().equals(reference)) {
					found = i;
				}
			}
			referenceIndex = found;
			variantOrder.add(referenceIndex);
			for (int i = 0; i < environments.size(); i++) {
				if (i != referenceIndex) {
					variantOrder.add(i);
				}
			}
		}

		DriftMap build(StatisticsTolerances tolerances, ComparisonMode mode) {
			Map<List<String>, RowInfo> rows = new LinkedHashMap<>();
			Map<String, Set<Section>> drift = new LinkedHashMap<>();
			environments.forEach(environment -> drift.put(environment.name(), EnumSet.noneOf(Section.class)));
			// Pairs in variant order, so that the reference is always the expected side of its own pairs.
			for (int a = 0; a < variantOrder.size(); a++) {
				for (int b = a + 1; b < variantOrder.size(); b++) {
					int expected = variantOrder.get(a);
					int actual = variantOrder.get(b);
					Optional<SchemaSnapshot> left = environments.get(expected).schema();
					Optional<SchemaSnapshot> right = environments.get(actual).schema();
					if (left.isEmpty() || right.isEmpty()) {
						continue;
					}
					SchemaDiffResult result = SchemaDiff.compare(left.get(), right.get(), ignore);
					Set<List<String>> keys = new HashSet<>();
					boolean fromReference = expected == referenceIndex;
					for (Difference difference : result.differences()) {
						keys.add(difference.keys());
						rows.computeIfAbsent(difference.keys(), k -> new RowInfo(difference.path()))
							.add(difference.category(), fromReference);
						if (fromReference) {
							difference.categories().forEach(category -> drift.get(environments.get(actual).name())
								.add(Section.of(category)));
						}
					}
					differing.put(pair(expected, actual), keys);
				}
			}
			List<Row> result = new ArrayList<>();
			rows.forEach((keys, info) -> result.add(row(info, keys)));
			List<String> notes = new ArrayList<>();
			statistics(tolerances, mode, result, drift, notes);
			result.sort(ORDER);
			return new DriftMap(environments, reference, result, drift, notes);
		}

		private Row row(RowInfo info, List<String> keys) {
			Cell[] cells = new Cell[environments.size()];
			List<Integer> representatives = new ArrayList<>();
			List<String> variants = new ArrayList<>();
			for (int index : variantOrder) {
				Environment environment = environments.get(index);
				if (environment.isFailed()) {
					cells[index] = new Cell(Cell.Kind.UNAVAILABLE, -1, "not read");
					continue;
				}
				Optional<JsonNode> value = environment.schema().orElseThrow().at(keys);
				if (value.isEmpty() || value.get().isNull()) {
					cells[index] = new Cell(Cell.Kind.ABSENT, -1, "absent");
					continue;
				}
				int variant = -1;
				for (int v = 0; v < representatives.size() && variant < 0; v++) {
					if (same(representatives.get(v), index, keys)) {
						variant = v;
					}
				}
				if (variant < 0) {
					variant = representatives.size();
					representatives.add(index);
					variants.add(CanonicalJson.writeCompact(value.get()));
				}
				cells[index] = new Cell(Cell.Kind.VALUE, variant, CanonicalJson.writeCompact(value.get()));
			}
			return new Row(info.section(), info.path, Optional.empty(), List.of(cells), variants);
		}

		/** Whether two environments agree at {@code keys}: their diff has no difference there or above. */
		private boolean same(int one, int other, List<String> keys) {
			Set<List<String>> differences = differing.get(pair(Math.min(one, other), Math.max(one, other)));
			for (int length = keys.size(); length > 0; length--) {
				if (differences.contains(keys.subList(0, length))) {
					return false;
				}
			}
			return true;
		}

		/** A key for the unordered pair of two columns. */
		private static long pair(int one, int other) {
			return (long) Math.min(one, other) << 32 | Math.max(one, other);
		}

		private void statistics(StatisticsTolerances tolerances, ComparisonMode mode, List<Row> rows,
				Map<String, Set<Section>> drift, List<String> notes) {
			Environment referenceEnvironment = environments.get(referenceIndex);
			boolean anyStatistics = environments.stream().anyMatch(environment -> environment.statistics().isPresent());
			if (referenceEnvironment.statistics().isEmpty()) {
				if (anyStatistics) {
					notes.add("Data statistics are not compared: the reference " + reference + " has none.");
				}
				return;
			}
			// An override names a table or column of some environment; each pair is held to those that concern it.
			tolerances.checkNames(environments.stream().flatMap(environment -> environment.statistics().stream())
				.toList());
			Map<Integer, Map<String, Verdict>> verdicts = new TreeMap<>();
			Map<String, Verdict> failed = new TreeMap<>();
			for (int index : variantOrder.subList(1, variantOrder.size())) {
				Environment environment = environments.get(index);
				if (environment.isFailed()) {
					continue;
				}
				if (environment.statistics().isEmpty()) {
					notes.add("Data statistics of " + environment.name() + " are not compared: it has none.");
					continue;
				}
				StatisticsComparisonResult result = StatisticsComparison.compare(
						referenceEnvironment.statistics().get(), environment.statistics().get(),
						tolerances.within(referenceEnvironment.statistics().get(), environment.statistics().get()), mode);
				Map<String, Verdict> byKey = new HashMap<>();
				for (Verdict verdict : result.verdicts()) {
					byKey.put(key(verdict), verdict);
					if (verdict.failed()) {
						failed.putIfAbsent(key(verdict), verdict);
						drift.get(environment.name()).add(Section.STATISTICS);
					}
				}
				verdicts.put(index, byKey);
			}
			failed.forEach((key, first) -> {
				Cell[] cells = new Cell[environments.size()];
				cells[referenceIndex] = new Cell(Cell.Kind.VALUE, 0, first.baseline());
				List<String> variants = new ArrayList<>(List.of(first.baseline()));
				for (int index : variantOrder.subList(1, variantOrder.size())) {
					Environment environment = environments.get(index);
					Verdict verdict = verdicts.getOrDefault(index, Map.of()).get(key);
					if (environment.isFailed()) {
						cells[index] = new Cell(Cell.Kind.UNAVAILABLE, -1, "not read");
					}
					else if (environment.statistics().isEmpty()) {
						cells[index] = new Cell(Cell.Kind.UNAVAILABLE, -1, "no statistics");
					}
					else if (verdict == null || verdict.outcome() == Verdict.Outcome.NOT_COMPARABLE) {
						cells[index] = new Cell(Cell.Kind.ABSENT, -1, verdict == null ? "absent" : "not comparable");
					}
					else if (!verdict.failed()) {
						// Within its tolerance: the reference's variant, whatever the digits.
						cells[index] = new Cell(Cell.Kind.VALUE, 0, verdict.actual());
					}
					else {
						int variant = variants.subList(1, variants.size()).indexOf(verdict.actual());
						if (variant < 0) {
							variants.add(verdict.actual());
							variant = variants.size() - 1;
						}
						else {
							variant++;
						}
						cells[index] = new Cell(Cell.Kind.VALUE, variant, verdict.actual());
					}
				}
				rows.add(new Row(Section.STATISTICS, first.path(), Optional.of(first.metric().id()), List.of(cells),
						variants));
			});
		}

		private static String key(Verdict verdict) {
			return verdict.path() + "\u0000" + verdict.metric().id();
		}
	}

	/** What the differences at one path say: its printed path and the most severe categories seen there. */
	private static final class RowInfo {

		final String path;
		Category fromReference;
		Category between;

		RowInfo(String path) {
			this.path = path;
		}

		void add(Category category, boolean reference) {
			if (reference) {
				fromReference = fromReference == null || category.compareTo(fromReference) < 0 ? category
						: fromReference;
			}
			else {
				between = between == null || category.compareTo(between) < 0 ? category : between;
			}
		}

		Section section() {
			return Section.of(fromReference != null ? fromReference : between);
		}
	}
}
