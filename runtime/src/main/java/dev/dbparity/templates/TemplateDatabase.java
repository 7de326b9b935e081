package dev.dbparity.templates;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.seeding.SeedReport;

/**
 * {@code TemplateDatabase} is a database migrated once per JVM and never written to again; every test database is a
 * clone of it. With a prefetch count above zero, clones are prepared on a background thread so that a test finds one
 * ready.
 *
 * <p>Internal: may change in any minor release.
 */
public final class TemplateDatabase implements AutoCloseable {

	private final RunningEngine engine;
	private final String name;
	private final DatabaseContext context;
	private final Optional<SeedReport> seeded;
	private final int prefetch;
	/** Clones prepared or being prepared in the background, oldest first. */
	private final ConcurrentLinkedQueue<CompletableFuture<String>> prepared = new ConcurrentLinkedQueue<>();
	private final ExecutorService background;

	private TemplateDatabase(RunningEngine engine, String name, DatabaseContext context, Optional<SeedReport> seeded,
			int prefetch) {
		this.engine = engine;
		this.name = name;
		this.context = context;
		this.seeded = seeded;
		this.prefetch = prefetch;
		this.background = prefetch == 0 ? null : Executors.newSingleThreadExecutor(task -> {
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
		engine.createDatabase(name);
		Optional<SeedReport> seeded;
		try {
			context.migrations().ifPresent(set -> context.runner().migrate(engine.dataSource(name), engine.engine(), set));
			seeded = context.seed().map(seed -> seed.apply(engine.dataSource(name)));
		}
		catch (RuntimeException e) {
			engine.dropDatabase(name);
			throw e;
		}
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
		CompletableFuture<String> next = prepared.poll();
		String clone = next == null ? cloneNow() : join(next);
		refill();
		return clone;
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
