package dev.dbparity.roundtrips;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code RoundTripTimings} adds up where migration round trips spend their time, phase by phase, so that the cost of
 * everything beyond the migrations' own SQL can be measured.
 *
 * <p>Internal: may change in any minor release.
 */
public final class RoundTripTimings {

	/** {@code Phase} is one kind of work of a round trip. */
	public enum Phase {
		/** Up, undo and up again through the migration runner, and moving the chain database forward. */
		MIGRATIONS("migrations' SQL"),
		/** Reading schema snapshots. */
		SNAPSHOTS("schema snapshots"),
		/** Inserting rows into tables that have none. */
		ROWS("rows inserted"),
		/** Content hashes and orphan checks. */
		HASHES("content hashes and orphan checks"),
		/** Creating, copying and dropping the chain and shadow databases. */
		DATABASES("databases created, copied and dropped");

		private final String description;

		Phase(String description) {
			this.description = description;
		}

		public String description() {
			return description;
		}
	}

	/** {@code Work} is timed work that may throw {@code E}. */
	@FunctionalInterface
	public interface Work<T, E extends Exception> {

		T run() throws E;
	}

	private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);
	private long readsSpared;
	private long readsPartial;
	private long readsFull;
	private long objectsReread;
	private long objectsRecognised;
	private long tablesRead;
	private long tablesUnchanged;

	/** Runs {@code work} and adds its time to {@code phase}, also when it throws. */
	public <T, E extends Exception> T time(Phase phase, Work<T, E> work) throws E {
		long start = System.nanoTime();
		try {
			return work.run();
		}
		finally {
			add(phase, System.nanoTime() - start);
		}
	}

	public synchronized void add(Phase phase, long elapsed) {
		nanos.merge(phase, elapsed, Long::sum);
	}

	/** Counts a schema read that a catalog mark made unnecessary (the catalog was verified unchanged). */
	public synchronized void spareRead() {
		readsSpared++;
	}

	/** How many schema reads catalog marks made unnecessary so far. */
	public synchronized long readsSpared() {
		return readsSpared;
	}

	/** Counts a schema read that read again only the {@code objects} that changed, and those naming them. */
	public synchronized void partialRead(int objects) {
		partialRead(objects, 0);
	}

	/**
	 * Counts a schema read that read again only the {@code objects} that changed, and those naming them, of which
	 * {@code recognised} were rendered by the engine as an earlier read had them, so that their catalog rows were not
	 * read.
	 *
	 * @since 0.2
	 */
	public synchronized void partialRead(int objects, int recognised) {
		readsPartial++;
		objectsReread += objects;
		objectsRecognised += recognised;
	}

	/**
	 * How many of the objects that partial reads read again were recognised by their rendering, in all.
	 *
	 * @since 0.2
	 */
	public synchronized long objectsRecognised() {
		return objectsRecognised;
	}

	/** How many schema reads read only the objects that changed, so far. */
	public synchronized long readsPartial() {
		return readsPartial;
	}

	/** Counts a schema read that read everything. */
	public synchronized void fullRead() {
		readsFull++;
	}

	/**
	 * How many schema reads read everything, so far: the first of a database, and those whose changes the engine
	 * could not tell.
	 *
	 * @since 0.2
	 */
	public synchronized long readsFull() {
		return readsFull;
	}

	/** How many objects the partial reads read again, in all. */
	public synchronized long objectsReread() {
		return objectsReread;
	}

	/**
	 * Counts the tables whose rows a content check read, {@code read}, and those whose contents it took from an earlier
	 * read, as the engine's checksum of their rows had not changed, {@code unchanged}.
	 *
	 * @since 0.2
	 */
	public synchronized void tableContents(int read, int unchanged) {
		tablesRead += read;
		tablesUnchanged += unchanged;
	}

	/**
	 * How many tables' rows the content checks read, so far.
	 *
	 * @since 0.2
	 */
	public synchronized long tablesRead() {
		return tablesRead;
	}

	/**
	 * How many tables' contents the content checks took from an earlier read, their checksum unchanged, so far.
	 *
	 * @since 0.2
	 */
	public synchronized long tablesUnchanged() {
		return tablesUnchanged;
	}

	/** The time spent per phase so far, in nanoseconds; phases without work are absent. */
	public synchronized Map<Phase, Long> nanos() {
		return Collections.unmodifiableMap(new EnumMap<>(nanos));
	}
}
