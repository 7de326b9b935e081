package dev.dbparity.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import java.util.function.Supplier;

import dev.dbparity.cache.TemplateCache;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.templates.TemplateDatabase;

/**
 * {@code ParityReport} collects what dbparity did in a run (engines started, templates migrated, databases cloned,
 * classes served) and prints a summary when the run ends.
 *
 * <p>Internal: may change in any minor release.
 */
public final class ParityReport implements AutoCloseable {

	private final PrintStream out;
	private final Map<String, EngineEntry> engines = new ConcurrentHashMap<>();

	public ParityReport(PrintStream out) {
		this.out = out;
	}

	private static final class EngineEntry {

		final String description;
		final long startMillis;
		final List<Template> templates = new ArrayList<>();
		final List<String> schemaChecks = new ArrayList<>();
		final List<String> roundTrips = new ArrayList<>();
		final List<Long> cloneNanos = new ArrayList<>();
		final Set<String> classes = new TreeSet<>();

		EngineEntry(String description, long startMillis) {
			this.description = description;
			this.startMillis = startMillis;
		}
	}

	public void engineStarted(RunningEngine engine, long startMillis) {
		engines.putIfAbsent(key(engine), new EngineEntry(engine.engine().displayName() + " " + engine.serverVersion()
				+ " (provider " + engine.providerId() + ")", startMillis));
	}

	/** A template that was built in the run, without the cache, in {@code buildMillis}. */
	public void templateBuilt(RunningEngine engine, java.util.Optional<MigrationSet> migrations,
			java.util.Optional<String> seeded, long buildMillis) {
		templateBuilt(engine, migrations, seeded, TemplateCache.Outcome.BUILT_UNCACHED, buildMillis,
				() -> new TemplateDatabase.PoolCounts(0, 0));
	}

	/**
	 * A template that was restored from the template cache or built ({@code outcome}) in {@code millis}; {@code pool}
	 * tells, when the report is printed, how many clones were asked of it and how many were found ready.
	 */
	public void templateBuilt(RunningEngine engine, java.util.Optional<MigrationSet> migrations,
			java.util.Optional<String> seeded, TemplateCache.Outcome outcome, long millis,
			Supplier<TemplateDatabase.PoolCounts> pool) {
		String description = migrations
			.map(set -> set.migrations().size() + " migrations from " + set.location() + " up to V" + set.latest())
			.orElse("no migrations") + seeded.map(text -> ", " + text).orElse("") + switch (outcome) {
				case RESTORED -> ", restored from the template cache in " + millis + " ms";
				case BUILT -> ", built in " + millis + " ms and kept in the template cache";
				case BUILT_UNCACHED -> ", built in " + millis + " ms";
			};
		EngineEntry entry = engines.get(key(engine));
		synchronized (entry) {
			entry.templates.add(new Template(description, pool));
		}
	}

	private record Template(String description, Supplier<TemplateDatabase.PoolCounts> pool) {

		@Override
		public String toString() {
			TemplateDatabase.PoolCounts counts = pool.get();
			return description + (counts.requests() == 0 ? "" : "; " + counts.ready() + " of " + counts.requests()
					+ " fresh databases found a clone ready");
		}
	}

	public void databaseOpened(RunningEngine engine, String scope, long cloneNanos) {
		EngineEntry entry = engines.get(key(engine));
		synchronized (entry) {
			entry.cloneNanos.add(cloneNanos);
			entry.classes.add(scope);
		}
	}

	/** A schema comparison with a baseline and its verdict. */
	public void schemaChecked(RunningEngine engine, String verdict) {
		EngineEntry entry = engines.get(key(engine));
		if (entry != null) {
			synchronized (entry) {
				entry.schemaChecks.add(verdict);
			}
		}
	}

	/** Round trips of {@code migrations} ran, taking {@code timings}. */
	public void roundTripsRan(RunningEngine engine, MigrationSet migrations, RoundTripTimings timings) {
		Map<RoundTripTimings.Phase, Long> phases = timings.nanos();
		long total = phases.values().stream().mapToLong(Long::longValue).sum();
		String line = migrations.location() + ", " + migrations.migrations().size() + " versions: " + seconds(total)
				+ " s (" + phases.entrySet().stream()
					.map(phase -> phase.getKey().description() + " " + seconds(phase.getValue()) + " s")
					.collect(Collectors.joining(", ")) + ")" + reads(timings);
		EngineEntry entry = engines.get(key(engine));
		if (entry != null) {
			synchronized (entry) {
				entry.roundTrips.add(line);
			}
		}
	}

	/**
	 * How the round trips read the schemas, when they read any: a full read where every read is full tells a user that
	 * their engine or runner gives no marks, which costs them most of the time.
	 */
	private static String reads(RoundTripTimings timings) {
		long all = timings.readsPartial() + timings.readsSpared() + timings.readsFull();
		return all == 0 ? "" : "; schema reads: " + timings.readsPartial() + " partial, " + timings.readsSpared()
				+ " spared, " + timings.readsFull() + " full";
	}

	@Override
	public void close() {
		if (engines.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder("\n=== dbparity report ===\n");
		new TreeMap<>(engines).values().forEach(entry -> {
			text.append(entry.description).append(": started in ").append(entry.startMillis).append(" ms\n");
			entry.templates.forEach(template -> text.append("  template: ").append(template).append('\n'));
			List<Long> sorted = entry.cloneNanos.stream().sorted().toList();
			if (!sorted.isEmpty()) {
				text.append("  fresh databases: ").append(sorted.size()).append(", ready in p50 ")
					.append(millis(percentile(sorted, 50))).append(" ms, p95 ").append(millis(percentile(sorted, 95)))
					.append(" ms\n");
			}
			text.append("  test classes: ").append(String.join(", ", entry.classes)).append('\n');
			entry.schemaChecks.forEach(check -> text.append("  parity: ").append(check).append('\n'));
			entry.roundTrips.forEach(roundTrip -> text.append("  round trips: ").append(roundTrip).append('\n'));
		});
		out.print(text);
		out.flush();
	}

	private static long percentile(List<Long> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	private static String millis(long nanos) {
		return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0);
	}

	private static String seconds(long nanos) {
		return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000_000.0);
	}

	private static String key(RunningEngine engine) {
		return engine.engine().id() + " " + engine.serverVersion() + " " + engine.providerId();
	}
}
