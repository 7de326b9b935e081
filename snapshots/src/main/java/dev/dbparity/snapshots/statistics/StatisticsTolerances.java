package dev.dbparity.snapshots.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.dbparity.snapshots.diff.InvalidTolerancesException;
import dev.dbparity.snapshots.diff.Tolerances;
import dev.dbparity.snapshots.encoding.InvalidUtf8Exception;
import dev.dbparity.snapshots.json.Yaml;
import dev.dbparity.snapshots.names.ClosestNames;
import dev.dbparity.snapshots.yaml.MalformedYamlException;
import dev.dbparity.snapshots.yaml.YamlNode;
import dev.dbparity.snapshots.yaml.YamlReader;

/**
 * {@code StatisticsTolerances} is how far each {@link Metric} may drift before a statistics comparison fails: a bound
 * per metric, overridable per table and per column. Users write them in the {@code statistics:} section of
 * {@code parity/tolerances.yaml}:
 *
 * <pre>{@code
 * statistics:
 *   defaults:
 *     nullFraction: 0.02        # absolute
 *     topValues: 0.15           # total variation distance
 *   overrides:
 *     orders:                   # a table: its row count, foreign keys and all its columns
 *       childrenPerParent: 0.5
 *     orders.status:            # a column (also schema.table and schema.table.column)
 *       topValues: 0.3
 * }</pre>
 *
 * <p>A column's bound is its own override, else its table's, else the default in the file, else
 * {@link Metric#defaultBound()}. Every mistake is an {@link InvalidTolerancesException} naming the file, line and
 * column, and the closest allowed word: an unknown key or metric, a bound that is not a number, a negative bound
 * (when the file is read), and an override naming a table or column that neither compared snapshot has (when
 * {@link StatisticsComparison#compare} knows the schema, see {@link #checkNames}).
 *
 * @param defaultBounds bounds that replace {@link Metric#defaultBound()}
 * @param overrides per {@code table}, {@code schema.table}, {@code table.column} or {@code schema.table.column}: bounds
 * @param locations where each override was written ({@code file:line:column}), for error messages; overrides made in
 *     code have none
 * @since 0.1
 */
public record StatisticsTolerances(Map<Metric, Double> defaultBounds, Map<String, Map<Metric, Double>> overrides,
		Map<String, String> locations) {

	private static final List<String> STATISTICS_KEYS = List.of("defaults", "overrides");

	private static final String EXAMPLE = "\n  statistics:\n    defaults:\n      nullFraction: 0.02\n    overrides:\n"
			+ "      orders.status:\n        topValues: 0.3";

	/** @throws IllegalArgumentException for a bound that is negative or not a number */
	public StatisticsTolerances {
		defaultBounds = copy(Objects.requireNonNull(defaultBounds, "defaultBounds"));
		Map<String, Map<Metric, Double>> copied = new TreeMap<>();
		Objects.requireNonNull(overrides, "overrides").forEach((key, bounds) -> copied.put(key, copy(bounds)));
		overrides = Map.copyOf(copied);
		locations = Map.copyOf(Objects.requireNonNull(locations, "locations"));
	}

	/** Tolerances made in code, whose overrides have no file location. */
	public StatisticsTolerances(Map<Metric, Double> defaultBounds, Map<String, Map<Metric, Double>> overrides) {
		this(defaultBounds, overrides, Map.of());
	}

	private static Map<Metric, Double> copy(Map<Metric, Double> bounds) {
		bounds.forEach((metric, bound) -> {
			if (!(bound >= 0) || bound.isInfinite()) {
				throw new IllegalArgumentException("The bound of " + metric.id() + " must be a number >= 0, but was "
						+ bound);
			}
		});
		return Map.copyOf(bounds);
	}

	/** Every metric at its {@link Metric#defaultBound()}. */
	public static StatisticsTolerances defaults() {
		return new StatisticsTolerances(Map.of(), Map.of());
	}

	/** These tolerances with {@code metric}'s default bound replaced. */
	public StatisticsTolerances withDefault(Metric metric, double bound) {
		Map<Metric, Double> all = new EnumMap<>(Metric.class);
		all.putAll(defaultBounds);
		all.put(metric, bound);
		return new StatisticsTolerances(all, overrides, locations);
	}

	/** These tolerances with {@code metric}'s bound for {@code key} (a table or {@code table.column}) set. */
	public StatisticsTolerances withOverride(String key, Metric metric, double bound) {
		Map<String, Map<Metric, Double>> all = new HashMap<>(overrides);
		Map<Metric, Double> bounds = new EnumMap<>(Metric.class);
		bounds.putAll(all.getOrDefault(key, Map.of()));
		bounds.put(metric, bound);
		all.put(key, bounds);
		return new StatisticsTolerances(defaultBounds, all, locations);
	}

	/** These tolerances remembering that the override of {@code key} was written at {@code location}. */
	StatisticsTolerances withLocation(String key, String location) {
		Map<String, String> all = new HashMap<>(locations);
		all.putIfAbsent(key, location);
		return new StatisticsTolerances(defaultBounds, overrides, all);
	}

	/**
	 * Checks that every override names a table ({@code table}, {@code schema.table}) or a column
	 * ({@code table.column}, {@code schema.table.column}) of {@code baseline} or {@code actual}: an override of a name
	 * that exists on neither side is a typo that would silently keep the default bound.
	 *
	 * @throws InvalidTolerancesException naming where the override was written, the name, the closest existing name and
	 *     the fix
	 */
	public void checkNames(StatisticsSnapshot baseline, StatisticsSnapshot actual) {
		checkNames(List.of(baseline, actual), "neither the baseline nor the compared database has");
	}

	/**
	 * As {@link #checkNames(StatisticsSnapshot, StatisticsSnapshot)}, for several snapshots compared with one (a drift
	 * map's environments): every override must name a table or column of one of them.
	 *
	 * @throws InvalidTolerancesException naming where the override was written, the name, the closest existing name and
	 *     the fix
	 * @since 0.2
	 */
	public void checkNames(List<StatisticsSnapshot> snapshots) {
		checkNames(snapshots, "no environment's statistics have");
	}

	/**
	 * These tolerances without the overrides that name no table or column of {@code baseline} or {@code actual}: what
	 * two of several snapshots whose names were checked together ({@link #checkNames(List)}) are compared with, since
	 * an override of a table only a third one has concerns neither.
	 *
	 * @since 0.2
	 */
	public StatisticsTolerances within(StatisticsSnapshot baseline, StatisticsSnapshot actual) {
		TreeSet<String> names = names(List.of(baseline, actual));
		Map<String, Map<Metric, Double>> kept = new TreeMap<>(overrides);
		kept.keySet().retainAll(names);
		return new StatisticsTolerances(defaultBounds, kept, locations);
	}

	private void checkNames(List<StatisticsSnapshot> snapshots, String nowhere) {
		TreeSet<String> names = names(snapshots);
		for (String key : new TreeSet<>(overrides.keySet())) {
			if (names.contains(key)) {
				continue;
			}
			String where = locations.getOrDefault(key, "StatisticsTolerances.withOverride(\"" + key + "\")");
			List<String> closest = ClosestNames.byCloseness(key, names).stream().limit(3).toList();
			throw new InvalidTolerancesException(where + ": statistics.overrides names \"" + key + "\", but " + nowhere
					+ " such a table or column, so the override would silently change nothing. "
					+ (closest.isEmpty() ? "The statistics have no tables."
							: "Closest existing: " + String.join(", ", closest) + ".")
					+ " Fix: write the name as table, schema.table, table.column or schema.table.column"
					+ ClosestNames.closest(key, names).map(best -> " (\"" + best + "\"?)").orElse("")
					+ ", or remove the override.", null);
		}
	}

	/** Every name an override may use for the tables and columns of {@code snapshots}. */
	private static TreeSet<String> names(List<StatisticsSnapshot> snapshots) {
		TreeSet<String> names = new TreeSet<>();
		for (StatisticsSnapshot snapshot : snapshots) {
			snapshot.tree().path("schemas").properties().forEach(schema -> schema.getValue().path("tables").properties()
				.forEach(table -> {
					names.add(table.getKey());
					names.add(schema.getKey() + "." + table.getKey());
					for (String column : (Iterable<String>) () -> table.getValue().path("columns").fieldNames()) {
						names.add(table.getKey() + "." + column);
						names.add(schema.getKey() + "." + table.getKey() + "." + column);
					}
				}));
		}
		return names;
	}

	/** The bound of {@code metric} for a column, or for the table's own metrics when {@code column} is empty. */
	public double bound(Metric metric, String schema, String table, Optional<String> column) {
		if (column.isPresent()) {
			for (String key : new String[] { table + "." + column.get(), schema + "." + table + "." + column.get() }) {
				Double bound = overrides.getOrDefault(key, Map.of()).get(metric);
				if (bound != null) {
					return bound;
				}
			}
		}
		for (String key : new String[] { table, schema + "." + table }) {
			Double bound = overrides.getOrDefault(key, Map.of()).get(metric);
			if (bound != null) {
				return bound;
			}
		}
		return defaultBounds.getOrDefault(metric, metric.defaultBound());
	}

	/**
	 * The tolerances in the {@code statistics:} section of {@code file}, or {@link #defaults()} when there is no such
	 * file or section.
	 *
	 * @throws InvalidTolerancesException for a section that is not valid, with the line and column
	 * @throws UncheckedIOException when the file exists but cannot be read
	 */
	public static StatisticsTolerances load(Path file) {
		try {
			return read(Files.readAllBytes(file), file.toString());
		}
		catch (NoSuchFileException e) {
			return defaults();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + file, e);
		}
	}

	/**
	 * The tolerances in the {@code statistics:} section of {@code yaml}; other sections belong to other checks.
	 *
	 * @param source the file name, for error messages
	 * @throws InvalidTolerancesException for a section that is not valid, with the line and column
	 */
	public static StatisticsTolerances read(byte[] yaml, String source) {
		try {
			return YamlReader.read(yaml, source, StatisticsTolerances::of);
		}
		catch (InvalidUtf8Exception e) {
			throw new InvalidTolerancesException(e.getMessage(), e);
		}
		catch (MalformedYamlException e) {
			throw new InvalidTolerancesException(Yaml.syntaxError(source, yaml, e.getCause()) + " For example:" + EXAMPLE,
					e.getCause());
		}
	}

	private static StatisticsTolerances of(YamlNode document) {
		StatisticsTolerances tolerances = defaults();
		if (document.isNull()) {
			return tolerances;
		}
		expect(document, document.isMap(), "the document", "a mapping");
		for (Map.Entry<String, YamlNode> section : document.map().entrySet()) {
			if (section.getKey().equals("statistics")) {
				tolerances = readStatistics(section.getValue());
			}
			else {
				// The schema check reads its own section of the same file.
				Tolerances.checkSection(section.getKey(), section.getValue());
			}
		}
		return tolerances;
	}

	private static StatisticsTolerances readStatistics(YamlNode statistics) {
		StatisticsTolerances tolerances = defaults();
		if (statistics.isAbsent()) {
			return tolerances;
		}
		expect(statistics, statistics.isMap(), "statistics:", "a mapping with defaults: and overrides:");
		for (Map.Entry<String, YamlNode> entry : statistics.map().entrySet()) {
			String key = entry.getKey();
			YamlNode value = entry.getValue();
			if (key.equals("defaults")) {
				for (Map.Entry<Metric, Double> bound : readBounds(value, "statistics.defaults").entrySet()) {
					tolerances = tolerances.withDefault(bound.getKey(), bound.getValue());
				}
			}
			else if (key.equals("overrides")) {
				if (value.isAbsent()) {
					continue;
				}
				expect(value, value.isMap(), "statistics.overrides", "a mapping from table or table.column to bounds");
				for (Map.Entry<String, YamlNode> override : value.map().entrySet()) {
					String target = override.getKey();
					for (Map.Entry<Metric, Double> bound : readBounds(override.getValue(),
							"statistics.overrides." + target).entrySet()) {
						tolerances = tolerances.withOverride(target, bound.getKey(), bound.getValue())
							.withLocation(target, override.getValue().where());
					}
				}
			}
			else {
				throw Tolerances.unknownKey(key, "statistics:", STATISTICS_KEYS, value, EXAMPLE);
			}
		}
		return tolerances;
	}

	private static Map<Metric, Double> readBounds(YamlNode node, String what) {
		Map<Metric, Double> bounds = new EnumMap<>(Metric.class);
		if (node.isAbsent()) {
			return bounds;
		}
		expect(node, node.isMap(), what, "a mapping from metric to bound");
		for (Map.Entry<String, YamlNode> entry : node.map().entrySet()) {
			String name = entry.getKey();
			YamlNode value = entry.getValue();
			Metric metric = Metric.fromId(name).orElseThrow(() -> new InvalidTolerancesException(value.where()
					+ ": unknown metric \"" + name + "\" in " + what + "; allowed metrics: " + String.join(", ", metricIds())
					+ "." + ClosestNames.closest(name, metricIds()).map(best -> " Fix: write \"" + best + "\".")
						.orElse(" Fix: use one of the allowed metrics.") + " For example:" + EXAMPLE, null));
			expect(value, value.isNumber(), what + "." + name, "a number >= 0");
			double bound = value.number().orElseThrow().doubleValue();
			if (!(bound >= 0) || Double.isInfinite(bound)) {
				throw new InvalidTolerancesException(value.valueWhere() + ": " + what + "." + name + " is " + value.text()
						+ ", but a bound must be a number >= 0 (0 allows no difference at all). Fix: write the largest "
						+ "difference you accept, e.g. " + name + ": 0.05. For example:" + EXAMPLE, null);
			}
			bounds.put(metric, bound);
		}
		return bounds;
	}

	private static List<String> metricIds() {
		return Arrays.stream(Metric.values()).filter(metric -> metric != Metric.PRESENCE).map(Metric::id).toList();
	}

	private static void expect(YamlNode value, boolean valid, String what, String expected) {
		if (!valid) {
			throw new InvalidTolerancesException(value.valueWhere() + ": " + what + " must be " + expected + ", but was "
					+ value.describe() + ". Fix: write it as in this example:" + EXAMPLE, null);
		}
	}
}
