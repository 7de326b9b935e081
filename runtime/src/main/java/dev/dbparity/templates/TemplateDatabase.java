package dev.dbparity.templates;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.seeding.SeedReport;

/**
 * {@code TemplateDatabase} is a database migrated once per JVM (or restored from the template cache) and never written
 * to again; every test database is a clone of it. With a prefetch count above zero, clones are prepared on a
 * background thread so that a test finds one ready; with {@link #AUTO_PREFETCH}, the pool starts with the second request
 * (a run that asks once gains nothing from it) and keeps one clone ready per two cores, at least one, at most four.
 *
 * <p>Internal: may change in any minor release.
 */
public final class TemplateDatabase implements AutoCloseable {

	/** A prefetch count that sizes the pool by the machine's cores, once a second clone is asked for. */
	public static final int AUTO_PREFETCH = -1;

	private final RunningEngine engine;
	private final String name;
	private final DatabaseContext context;
	private final Optional<SeedReport> seeded;
	private volatile int prefetch;
	private final boolean automatic;
	private final AtomicInteger requests = new AtomicInteger();
	private final AtomicInteger ready = new AtomicInteger();
	/** Clones prepared or being prepared in the background, oldest first. */
	private final ConcurrentLinkedQueue<CompletableFuture<String>> prepared = new ConcurrentLinkedQueue<>();
	private final ExecutorService background;

	private TemplateDatabase(RunningEngine engine, String name, DatabaseContext context, Optional<SeedReport> seeded,
			int prefetch) {
		this.engine = engine;
		this.name = name;
		this.context = context;
		this.seeded = seeded;
		this.automatic = prefetch == AUTO_PREFETCH;
		this.prefetch = automatic ? 0 : prefetch;
		this.background = this.prefetch == 0 && !automatic ? null : Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, "dbparity-prefetch-" + name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Creates the template, applies every migration to it and loads its seed data.
	 *
	 * @throws ParityException (or a migration exception) naming the failing migration; the template is dropped
	 */
	public static TemplateDatabase build(RunningEngine engine, DatabaseContext context, int prefetch) {
		String name = "dbparity_t_" + randomSuffix();
		Optional<SeedReport> seeded = prepare(engine, name, context);
		return adopt(engine, name, context, seeded, prefetch);
	}

	/**
	 * Creates {@code name} on {@code engine}, applies every migration to it and loads its seed data: what a template
	 * is made of, also when the provider builds it for the template cache.
	 *
	 * @throws ParityException (or a migration exception) naming the failing migration; the database is dropped
	 */
	public static Optional<SeedReport> prepare(RunningEngine engine, String name, DatabaseContext context) {
		// Rules compiled lazily (see TemplateSeed) are compiled before anything is created: bad rules cost no migration.
		context.seed().ifPresent(TemplateSeed::rules);
		engine.createDatabase(name);
		try {
			context.migrations().ifPresent(set -> context.runner().migrate(engine.dataSource(name), engine.engine(), set));
			return context.seed().map(seed -> seed.apply(engine.dataSource(name)));
		}
		catch (RuntimeException e) {
			engine.dropDatabase(name);
			throw e;
		}
	}

	/** The template {@code name}, already prepared on {@code engine} (by {@link #prepare} here or in an earlier run). */
	public static TemplateDatabase adopt(RunningEngine engine, String name, DatabaseContext context,
			Optional<SeedReport> seeded, int prefetch) {
		TemplateDatabase template = new TemplateDatabase(engine, name, context, seeded, prefetch);
		template.refill();
		return template;
	}

	/**
	 * The name of a new database with the template's content; the caller drops it. A clone still being prepared in the
	 * background is waited for rather than started again beside it: on a small machine two clones at once only slow
	 * each other down.
	 */
	public String newDatabase() {
		if (automatic && requests.get() == 1) {
			prefetch = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
		}
		requests.incrementAndGet();
		CompletableFuture<String> next = prepared.poll();
		if (next != null && next.isDone() && !next.isCompletedExceptionally()) {
			ready.incrementAndGet();
		}
		String clone = next == null ? cloneNow() : join(next);
		refill();
		return clone;
	}

	/** How many clones were asked for, and how many of those were found ready (prepared in the background). */
	public PoolCounts poolCounts() {
		return new PoolCounts(requests.get(), ready.get());
	}

	/** Clones asked for, and how many of them a request found ready. */
	public record PoolCounts(int requests, int ready) {
	}

	/** The engine the template lives on. */
	public RunningEngine engine() {
		return engine;
	}

	/** The migrations, runner and seed data every clone shares. */
	public DatabaseContext context() {
		return context;
	}

	public String name() {
		return name;
	}

	/** What seeding loaded into the template, if it has seed rules. */
	public Optional<SeedReport> seeded() {
		return seeded;
	}

	private String cloneNow() {
		String clone = "dbparity_" + randomSuffix();
		engine.cloneDatabase(name, clone);
		return clone;
	}

	private void refill() {
		if (background == null) {
			return;
		}
		synchronized (prepared) {
			while (prepared.size() < prefetch && !background.isShutdown()) {
				prepared.add(CompletableFuture.supplyAsync(this::cloneNow, background));
			}
		}
	}

	private static String join(CompletableFuture<String> clone) {
		try {
			return clone.join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	@Override
	public void close() {
		if (background != null) {
			background.shutdown();
			try {
				background.awaitTermination(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		for (CompletableFuture<String> clone = prepared.poll(); clone != null; clone = prepared.poll()) {
			if (!clone.isCompletedExceptionally()) {
				engine.dropDatabase(clone.join());
			}
			// else: a clone that failed in the background was never created, so there is nothing to drop.
		}
		engine.dropDatabase(name);
	}

	private static String randomSuffix() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}
}
