package dev.dbparity.snapshots.catalog;

import java.util.Objects;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code CatalogMark} is a cheap witness of the state of a database's catalog at the moment a {@link SchemaSnapshot}
 * was read, taken by {@link CatalogReader#readMarked} in the same transaction: {@link CatalogReader#unchangedSince}
 * answers, without reading the schema again, whether the catalog is still in exactly that state, so that the snapshot
 * still describes the database.
 *
 * <p>It is for dbparity's own round trips, which read a schema three times per migration version; what a mark proves,
 * and what it does not cover, is said by each reader that makes one.
 *
 * @param horizon the engine's point in its write history from which any later write is recognised
 * @param state what the engine's catalog looks like at that point, in a form only its reader compares
 * @since 0.1
 */
public record CatalogMark(String horizon, String state) {

	public CatalogMark {
		Objects.requireNonNull(horizon, "horizon");
		Objects.requireNonNull(state, "state");
	}
}
