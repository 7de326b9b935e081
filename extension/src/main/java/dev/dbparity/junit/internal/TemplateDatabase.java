package dev.dbparity.junit.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dbparity.junit.ParityException;
import dev.dbparity.junit.engine.RunningEngine;
import dev.dbparity.junit.migration.MigrationRunner;
import dev.dbparity.junit.migration.MigrationSet;

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
	private final Optional<MigrationSet> migrations;
	private final MigrationRunner runner;
	private final int prefetch;
	private final LinkedBlockingQueue<String> ready = new LinkedBlockingQueue<>();
	private final AtomicInteger preparing = new AtomicInteger();
	private final ExecutorService background;

	private TemplateDatabase(RunningEngine engine, String name, Optional<MigrationSet> migrations, MigrationRunner runner,
			int prefetch) {
		this.engine = engine;
		this.name = name;
		this.migrations = migrations;
		this.runner = runner;
		this.prefetch = prefetch;
		this.background = prefetch == 0 ? null : Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, "dbparity-prefetch-" + name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Creates the template and applies every migration to it.
	 *
	 * @throws ParityException (or a migration exception) naming the failing migration; the template is dropped
	 */
	public static TemplateDatabase build(RunningEngine engine, Optional<MigrationSet> migrations, MigrationRunner runner,
			int prefetch) {
		String name = "dbparity_t_" + randomSuffix();
		engine.createDatabase(name);
		try {
			migrations.ifPresent(set -> runner.migrate(engine.dataSource(name), engine.engine(), set));
		}
		catch (RuntimeException e) {
			engine.dropDatabase(name);
			throw e;
		}
		TemplateDatabase template = new TemplateDatabase(engine, name, migrations, runner, prefetch);
		template.refill();
		return template;
	}

	/** A new database with the template's content; the caller closes it to drop it. */
	public ParityDatabaseHandle newDatabase() {
		String clone = ready.poll();
		if (clone == null) {
			clone = cloneNow();
		}
		refill();
		return new ParityDatabaseHandle(engine, clone, migrations, runner);
	}

	public String name() {
		return name;
	}

	private String cloneNow() {
		String clone = "dbparity_" + randomSuffix();
		engine.cloneDatabase(name, clone);
		return clone;
	}

	private void refill() {
		while (background != null && !background.isShutdown()) {
			int inFlight = preparing.get();
			if (ready.size() + inFlight >= prefetch) {
				return;
			}
			if (preparing.compareAndSet(inFlight, inFlight + 1)) {
				background.execute(() -> {
					try {
						ready.add(cloneNow());
					}
					finally {
						preparing.decrementAndGet();
					}
				});
			}
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
		for (String clone = ready.poll(); clone != null; clone = ready.poll()) {
			engine.dropDatabase(clone);
		}
		engine.dropDatabase(name);
	}

	private static String randomSuffix() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}
}
