package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.MySqlCatalogReader;
import dev.dbparity.snapshots.catalog.PostgresCatalogReader;

/**
 * The history tables of diesel, pop and Prisma are their bookkeeping, not schema: a production database they migrated
 * has them, a test database dbparity migrated has its own instead, and a baseline must not tell the two apart.
 */
class ToolHistoryTablesTests {

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void areLeftOutOfSnapshots(Engine engine) throws SQLException {
		DataSource database = RealDatabases.freshDatabase(engine);
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE shelf (id INT PRIMARY KEY)");
			statement.execute("CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY, "
					+ "run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
			statement.execute("CREATE TABLE schema_migration (version VARCHAR(14) NOT NULL)");
			statement.execute("CREATE UNIQUE INDEX schema_migration_version_idx ON schema_migration (version)");
			statement.execute("CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY, migration_name VARCHAR(255) "
					+ "NOT NULL, finished_at TIMESTAMP NULL)");

			String tree = (engine == Engine.POSTGRES ? new PostgresCatalogReader() : new MySqlCatalogReader())
				.read(connection, CaptureOptions.all()).tree().toString();

			assertThat(tree).contains("shelf").doesNotContain("__diesel_schema_migrations", "schema_migration",
					"_prisma_migrations");
		}
	}
}
