package dev.dbparity.migrations.flyway.javamigrations;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Flyway Java migration: Flyway finds it in its location and applies it after the SQL scripts. */
public class V4__Seed_customers extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String prefix = context.getConfiguration().getPlaceholders().get("prefix");
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("INSERT INTO " + prefix + "customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com')");
		}
	}
}
