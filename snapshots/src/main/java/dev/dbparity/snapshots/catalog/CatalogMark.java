package dev.dbparity.snapshots.catalog;

import java.util.Objects;
import java.util.Optional;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code CatalogMark} is a cheap witness of the state of a database's catalog at the moment a {@link SchemaSnapshot}
 * was read, taken by {@link CatalogReader#readMarked} in the same transaction: {@link CatalogReader#unchangedSince}
 * answers, without reading the schema again, whether the catalog is still in exactly that state, so that the snapshot
 * still describes the database, and {@link CatalogReader#readChanged} re-reads only what changed since.
 *
 * <p>It is for dbparity's own round trips, which read a schema three times per migration version; what a mark proves,
 * and what it does not cover, is said by each reader that makes one. Two marks are equal when their horizon and state
 * are; what a reader keeps beside them to re-read per object is its own.
 *
 * @since 0.1
 */
public final class CatalogMark {

	private final String horizon;
	private final String state;
	private final Object objects;

	/**
	 * @param horizon the engine's point in its write history from which any later write is recognised
	 * @param state what the engine's catalog looks like at that point, in a form only its reader compares
	 */
	public CatalogMark(String horizon, String state) {
		this(horizon, state, null);
	}

	/** A mark with what its reader knows per object of the snapshot, for {@link CatalogReader#readChanged}. */
	CatalogMark(String horizon, String state, Object objects) {
		this.horizon = Objects.requireNonNull(horizon, "horizon");
		this.state = Objects.requireNonNull(state, "state");
		this.objects = objects;
	}

	/** The engine's point in its write history from which any later write is recognised. */
	public String horizon() {
		return horizon;
	}

	/** What the engine's catalog looks like at {@link #horizon}, in a form only its reader compares. */
	public String state() {
		return state;
	}

	/** What the reader that took the mark knows per object, if it keeps anything. */
	Optional<Object> objects() {
		return Optional.ofNullable(objects);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CatalogMark mark && horizon.equals(mark.horizon) && state.equals(mark.state);
	}

	@Override
	public int hashCode() {
		return Objects.hash(horizon, state);
	}

	@Override
	public String toString() {
		return "CatalogMark[horizon=" + horizon + "]";
	}
}
