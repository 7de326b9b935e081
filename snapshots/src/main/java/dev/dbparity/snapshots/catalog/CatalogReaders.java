package dev.dbparity.snapshots.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

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
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (product.contains("postgres")) {
			return new PostgresCatalogReader();
		}
		if (product.contains("mysql") || product.contains("mariadb")) {
			return new MySqlCatalogReader();
		}
		throw new SQLException("dbparity reads PostgreSQL, MariaDB and MySQL catalogs, not " + product);
	}
}
