package dev.dbparity.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.dbparity.cache.CacheKey;
import dev.dbparity.cache.CacheSettings;
import dev.dbparity.cache.CodeIdentity;
import dev.dbparity.cache.TemplateCache;
import dev.dbparity.engines.DatabaseEngineProvider;
import dev.dbparity.engines.EngineKey;
import dev.dbparity.engines.Engines;
import dev.dbparity.engines.JdbcDrivers;
import dev.dbparity.engines.PreparedTemplate;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.TemplateCaching;
import dev.dbparity.migrations.MigrationException;
import dev.dbparity.migrations.MigrationGaps;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationRunners;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.liquibase.LiquibaseMigrationRunner;
import dev.dbparity.seeding.SeedReport;
import dev.dbparity.templates.DatabaseContext;
import dev.dbparity.templates.TemplateDatabase;
import dev.dbparity.templates.TemplateKey;
import dev.dbparity.templates.TemplateSeed;

/**
 * {@code ParityRuntime} is the one entry into dbparity's runtime for a front end: given a database's settings, it
 * starts (or reuses) the engine, builds (or reuses) the migrated and seeded template, and returns a fresh clone of it.
 *
 * <p>One runtime serves a whole run (a JUnit launcher session, a Spring test JVM, a command). Engines, templates, seed
 * rules and shared databases live as long as it does; {@link #close()} releases them in the reverse order they were
 * made, which drops databases before it stops the engines they live on, and prints the run report last. It is safe for
 * concurrent use: each engine, template and seed is made once, and different ones are made in parallel.
 *
 * @since 0.1
 */
public final class ParityRuntime implements AutoCloseable {

	private final RunSettings run;
	private final SettingNames names;
	private final ParityReport report;
	private final Map<Object, Once<?>> made = new ConcurrentHashMap<>();
	/** What to close, in the order it was made. */
	private final List<AutoCloseable> closeables = new ArrayList<>();
	private final Set<String> gapWarnings = ConcurrentHashMap.newKeySet();
	private final Once<MigrationRunner> runner;
	private final Once<TemplateCache> cache;
	/** Templates a provider prepared while it started their engine (restored from the cache, or built for it). */
	private final Map<TemplateKey, CachedTemplate> preparedTemplates = new ConcurrentHashMap<>();

	/** @param names how the front end's users set what a message advises them to set */
	public ParityRuntime(RunSettings run, SettingNames names) {
		this.run = run;
		this.names = names;
		this.report = new ParityReport(run.report());
		this.runner = new Once<>(this::chooseRunner);
		this.cache = new Once<>(() -> TemplateCache.of(CacheSettings.read(run.parameters(), run.environment()),
				warning -> run.report().println(warning)));
	}

	/**
	 * A new database for {@code scope} (a test class's name, for the report): a clone of the template that
	 * {@code settings} describe, or, when {@code shared}, the one database all scopes with the same template share.
	 * The caller closes it; closing a shared database leaves it for the others.
	 *
	 * @throws ParityConfigurationException for settings that cannot be used here
	 * @throws ParityException when an engine does not start or a migration or the seed rules fail
	 */
	public Database open(DatabaseSettings settings, String scope, boolean shared) {
		return open(settings, scope, shared, Optional.empty());
	}

	/**
	 * As {@link #open(DatabaseSettings, String, boolean)}, migrated with {@code unexpanded}'s runner and parameters
	 * instead of the run's when it is present (the tool and configuration the application itself migrates with),
	 * {@code {engine}} and {@code {vendor}} in them expanded for the settings' engine.
	 *
	 * @throws ParityConfigurationException for settings that cannot be used here, or a runner that is unavailable
	 * @throws ParityException when an engine does not start or a migration or the seed rules fail
	 */
	public Database open(DatabaseSettings given, String scope, boolean shared,
			Optional<MigrationRunnerChoice> unexpanded) {
		Optional<MigrationRunnerChoice> choice = unexpanded.map(chosen -> chosen.expandedFor(
				given.engineSpec().engine()));
		DatabaseSettings settings = choice.flatMap(MigrationRunnerChoice::migrations).map(given::withMigrations)
			.orElse(given);
		JdbcDrivers.require(settings.engineSpec().engine(), ParityRuntime.class.getClassLoader());
		// Chosen once per run: a fresh database must not pay for loading the providers and asking Docker again.
		DatabaseEngineProvider provider = once(new ProviderKey(settings.providerId(), settings.engineSpec()),
				key -> Engines.choose(key.providerId(), key.spec(), names), false);
		EngineKey engineKey = new EngineKey(provider.id(), settings.engineSpec());
		MigrationRunner migrationRunner = choice.map(this::runnerOf).orElseGet(runner::get);
		// Read once per run, location and runner: a fresh database must not pay for reading and hashing every script
		// again.
		Optional<MigrationSet> migrations = once(new MigrationsKey(settings.migrations(), settings.migrationsExplicit(),
				settings.engineSpec().engine(), choice), key -> loadMigrations(settings, migrationRunner), false);
		migrations.ifPresent(this::checkGaps);
		Optional<TemplateSeed> seed = settings.seed().map(location -> once(new SeedKey(location,
				run.seedProfile().orElse("default")), key -> TemplateSeed.load(key.location(), key.profile(),
						run.updateSeedLock(), run.maskingKey(), run.environment(), names, cache.get().enabled()
							? cache.get().directory().map(directory -> directory.resolve("seed-rules")) : Optional.empty())
					.withMaxRows(run.seedMaxRows()), false));
		DatabaseContext context = new DatabaseContext(migrations, migrationRunner, seed);
		// The runner is part of the key: Flyway and the SQL runner leave different history tables behind.
		// The runner's parameters are part of the key too: other placeholder values give another template.
		TemplateKey templateKey = new TemplateKey(engineKey, choice.map(MigrationRunnerChoice::fingerprint)
			.orElse(migrationRunner.id()) + ":" + migrations.map(MigrationSet::checksum).orElse(""),
				seed.map(TemplateSeed::cacheKey).orElse(""));
		RunningEngine engine = once(engineKey, key -> {
			long start = System.nanoTime();
			Optional<CachedTemplate> cacheable = cacheParts(migrationRunner, migrations, seed)
				.map(parts -> new CachedTemplate(context, parts));
			TemplateCache templates = cache.get();
			boolean offered = provider instanceof TemplateCaching && templates.enabled() && cacheable.isPresent();
			if (!offered) {
				// No cached template can spare compiling the seed rules: compile them now, so that bad rules fail
				// before the engine starts. An offered template compiles them only when it is built (a cache miss).
				seed.ifPresent(TemplateSeed::rules);
			}
			RunningEngine started = Engines.start(provider, key.spec(), settings.failOnVersionMismatch(), names,
					spec -> offered ? ((TemplateCaching) provider).start(spec, cacheable.get(), templates)
							: provider.start(spec));
			long templateMillis = 0;
			if (cacheable.isPresent() && (cacheable.get().outcome != null || cacheable.get().failure != null)) {
				preparedTemplates.put(templateKey, cacheable.get());
				templateMillis = cacheable.get().millis;
			}
			report.engineStarted(started, (System.nanoTime() - start) / 1_000_000 - templateMillis);
			return started;
		}, true);
		TemplateDatabase template = once(templateKey, key -> {
			CachedTemplate prepared = preparedTemplates.get(key);
			if (prepared != null && prepared.failure != null) {
				// Its migrations or seed rules failed while the engine started: the same failure, not a second try.
				throw prepared.failure;
			}
			if (prepared != null) {
				TemplateDatabase adopted = TemplateDatabase.adopt(engine, prepared.database(), context, prepared.seeded,
						settings.prefetch());
				report.templateBuilt(engine, migrations, seedDescription(adopted, seed), prepared.outcome, prepared.millis,
						adopted::poolCounts);
				return adopted;
			}
			long start = System.nanoTime();
			TemplateDatabase built = TemplateDatabase.build(engine, context, settings.prefetch());
			report.templateBuilt(engine, migrations, seedDescription(built, seed), TemplateCache.Outcome.BUILT_UNCACHED,
					(System.nanoTime() - start) / 1_000_000, built::poolCounts);
			return built;
		}, true);
		long start = System.nanoTime();
		Database database = shared
				? once(new SharedKey(templateKey), key -> database(template, settings), true).view(settings.baseline())
				: database(template, settings);
		report.databaseOpened(engine, scope, System.nanoTime() - start);
		return database;
	}

	private static Optional<String> seedDescription(TemplateDatabase template, Optional<TemplateSeed> seed) {
		return seed.map(rules -> template.seeded().map(seeded -> seeded.totalRows() + " rows seeded").orElse("seeded")
				+ " from " + rules.source());
	}

	/**
	 * What keys a template in the cache besides its engine, when it may be cached: only with the SQL runner, whose
	 * migrations' checksum covers everything it runs (Flyway's Java migrations, callbacks and placeholders, and
	 * Liquibase's properties, are outside it), and not while the seed lock is being rewritten.
	 */
	private static Optional<Map<String, String>> cacheParts(MigrationRunner runner, Optional<MigrationSet> migrations,
			Optional<TemplateSeed> seed) {
		if (!runner.id().equals(MigrationRunners.DEFAULT_ID)) {
			return Optional.empty();
		}
		Map<String, String> parts = new TreeMap<>();
		parts.put("runner", runner.id());
		parts.put("runner.code", CodeIdentity.of(ParityRuntime.class));
		parts.put("migrations", migrations.map(MigrationSet::checksum).orElse("none"));
		if (seed.isPresent()) {
			Optional<Map<String, String>> seedParts = seed.get().cacheParts();
			if (seedParts.isEmpty()) {
				return Optional.empty();
			}
			parts.putAll(seedParts.get());
		}
		return Optional.of(parts);
	}

	/** A template offered to a caching provider; it says how the template came to be. */
	private static final class CachedTemplate implements PreparedTemplate {

		private final String database;
		private final DatabaseContext context;
		private final Map<String, String> parts;
		private volatile Optional<SeedReport> seeded = Optional.empty();
		private volatile TemplateCache.Outcome outcome;
		private volatile long millis;
		private volatile RuntimeException failure;

		CachedTemplate(DatabaseContext context, Map<String, String> parts) {
			// The same name in every run with the same key: the cached data directory holds it under this name.
			this.database = "dbparity_t_" + CacheKey.of("name", parts).hash().substring("name-".length(),
					"name-".length() + 16);
			this.context = context;
			this.parts = parts;
		}

		@Override
		public String database() {
			return database;
		}

		@Override
		public Map<String, String> cacheKey() {
			return parts;
		}

		@Override
		public boolean build(RunningEngine engine) {
			try {
				seeded = TemplateDatabase.prepare(engine, database, context);
				return true;
			}
			catch (RuntimeException e) {
				failure = e;
				return false;
			}
		}

		@Override
		public void prepared(TemplateCache.Outcome how, long took) {
			outcome = how;
			millis = took;
		}
	}

	private Database database(TemplateDatabase template, DatabaseSettings settings) {
		return new Database(template.engine(), template.newDatabase(), template.context(), settings.baseline(), report,
				names, true, ProjectPaths.reportsDirectory(run.parameters().apply(ConfigurationNames.REPORTS_DIR)));
	}

	/** The run report this runtime feeds. */
	public ParityReport report() {
		return report;
	}

	private MigrationRunner runnerOf(MigrationRunnerChoice choice) {
		return once(choice, key -> {
			try {
				return MigrationRunners.choose(key.runnerId(), key.source(), name -> Optional.ofNullable(
						key.parameters().get(name)));
			}
			catch (MigrationException e) {
				throw new ParityConfigurationException(e.getMessage(), e);
			}
		}, false);
	}

	private MigrationRunner chooseRunner() {
		try {
			return MigrationRunners.choose(run.migrationRunner(), run.migrationRunnerSource(), run.parameters());
		}
		catch (MigrationException e) {
			throw new ParityConfigurationException(e.getMessage(), e);
		}
	}

	private static Optional<MigrationSet> loadMigrations(DatabaseSettings settings, MigrationRunner runner) {
		String location = settings.migrations().orElse(DatabaseSettings.DEFAULT_MIGRATIONS);
		ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
		// A Liquibase changelog is configured on its own, so the runner always loads it.
		boolean folderBased = !runner.id().equals(LiquibaseMigrationRunner.ID);
		if (folderBased && !settings.migrationsExplicit() && classLoader.getResource(location) == null) {
			return Optional.empty();
		}
		return Optional.of(runner.load(location, classLoader, settings.engineSpec().engine()));
	}

	/** A folder's gaps fail the run, or are printed once per run. */
	private void checkGaps(MigrationSet migrations) {
		List<String> gaps = migrations.gaps();
		if (gaps.isEmpty() || run.migrationGaps() == MigrationGaps.ALLOW) {
			return;
		}
		String how = "Restore the missing migration (production may have run it), or, if the gap is intended, set "
				+ ConfigurationNames.MIGRATION_GAPS + "=allow.";
		if (run.migrationGaps() == MigrationGaps.FAIL) {
			throw new ParityConfigurationException(String.join("; ", gaps) + ". " + how);
		}
		if (gapWarnings.add(migrations.location())) {
			gaps.forEach(gap -> run.report().println("dbparity: warning: " + gap + ". " + how));
		}
	}

	/** The value made once for {@code key}; when {@code closeable}, it is closed with the runtime. */
	@SuppressWarnings("unchecked")
	private <K, V> V once(K key, Function<K, V> make, boolean closeable) {
		Once<V> value = (Once<V>) made.computeIfAbsent(key, k -> new Once<>(() -> {
			V result = make.apply(key);
			if (closeable) {
				synchronized (closeables) {
					closeables.add((AutoCloseable) result);
				}
			}
			return result;
		}));
		return value.get();
	}

	/**
	 * Drops shared databases and templates and stops engines, newest first, then prints the report. Every resource is
	 * closed even when one fails; the first failure is thrown with the others suppressed.
	 */
	@Override
	public void close() {
		RuntimeException failure = null;
		List<AutoCloseable> toClose;
		synchronized (closeables) {
			toClose = new ArrayList<>(closeables);
			closeables.clear();
		}
		for (int i = toClose.size() - 1; i >= 0; i--) {
			try {
				toClose.get(i).close();
			}
			catch (Exception e) {
				RuntimeException wrapped = e instanceof RuntimeException runtime ? runtime : new ParityException(
						"Could not release " + toClose.get(i) + ": " + e.getMessage(), e);
				if (failure == null) {
					failure = wrapped;
				}
				else {
					failure.addSuppressed(wrapped);
				}
			}
		}
		report.close();
		if (failure != null) {
			throw failure;
		}
	}

	/** A value made at most once; a failure is thrown to every caller and not retried. */
	private static final class Once<V> {

		private final Supplier<V> make;
		private V value;
		private RuntimeException failure;
		private boolean done;

		Once(Supplier<V> make) {
			this.make = make;
		}

		synchronized V get() {
			if (!done) {
				try {
					value = make.get();
				}
				catch (RuntimeException e) {
					failure = e;
				}
				done = true;
			}
			if (failure != null) {
				throw failure;
			}
			return value;
		}
	}

	private record SeedKey(String location, String profile) {
	}

	private record SharedKey(TemplateKey template) {
	}

	private record ProviderKey(String providerId, dev.dbparity.engines.EngineSpec spec) {
	}

	private record MigrationsKey(Optional<String> location, boolean explicit, dev.dbparity.snapshots.Engine engine,
			Optional<MigrationRunnerChoice> choice) {
	}
}
