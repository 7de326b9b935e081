package dev.dbparity.snapshots.catalog;

import java.sql.Connection;
import java.sql.SQLException;

import dev.dbparity.snapshots.Engine;

/**
 * {@code CatalogReaders} picks the {@link CatalogReader} for the engine a connection talks to.
 *
 * @since 0.1
 */
public final class CatalogReaders {

	private CatalogReaders() {
	}

	/** @throws SQLException naming the product when it is not PostgreSQL, MariaDB or MySQL */
	public static CatalogReader forConnection(Connection connection) throws SQLException {
		return forEngine(Engine.of(connection));
	}

	/** The reader of {@code engine}'s catalog. */
	public static CatalogReader forEngine(Engine engine) {
		return engine == Engine.POSTGRES ? new PostgresCatalogReader() : new MySqlCatalogReader();
	}
}
