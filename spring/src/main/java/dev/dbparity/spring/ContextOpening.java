package dev.dbparity.spring;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.dbparity.junit.ParityDb;
import dev.dbparity.runtime.MigrationRunnerChoice;

/**
 * {@code ContextOpening} hands the class's database to the context customizer while the binding loads the
 * application context: the context needs a migrated database as it starts (Hibernate reads the schema), and only the
 * customizer, reading the context's properties, knows how the application migrates it.
 *
 * <p>A thread-local is the one channel from JUnit's callback into Spring's context loader, which runs on the same
 * thread and offers no other; it is set only for the duration of the load.
 */
final class ContextOpening {

	private static final ThreadLocal<ContextOpening> CURRENT = new ThreadLocal<>();
	/** The database of the class running on this thread, for a context Spring starts again in the middle of it. */
	private static final ThreadLocal<ParityDb> CLASS_DATABASE = new ThreadLocal<>();

	private final Function<Optional<MigrationRunnerChoice>, ParityDb> open;
	private ParityDb opened;

	ContextOpening(Function<Optional<MigrationRunnerChoice>, ParityDb> open) {
		this.open = open;
	}

	/** Runs {@code load} with this opening current on the thread. */
	<T> T during(Supplier<T> load) {
		CURRENT.set(this);
		try {
			return load.get();
		}
		finally {
			CURRENT.remove();
		}
	}

	/** The opening of the class whose context is being loaded on this thread, if any. */
	static Optional<ContextOpening> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Opens the class's database, migrated by {@code migrations}' runner. */
	ParityDb open(Optional<MigrationRunnerChoice> migrations) {
		opened = open.apply(migrations);
		CLASS_DATABASE.set(opened);
		return opened;
	}

	/**
	 * The database of the class whose tests run on this thread: a context closed by {@code @DirtiesContext} during the
	 * class starts again on it, since it lives as long as the class.
	 */
	static Optional<ParityDb> classDatabase() {
		return Optional.ofNullable(CLASS_DATABASE.get());
	}

	/** The database opened, if the context was loaded (not found in Spring's cache). */
	Optional<ParityDb> opened() {
		return Optional.ofNullable(opened);
	}

	/** Records {@code database} as the class's on this thread, when a cached context was pointed at it. */
	static void classOpened(ParityDb database) {
		CLASS_DATABASE.set(database);
	}
}
