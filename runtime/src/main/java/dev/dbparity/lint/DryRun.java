package dev.dbparity.lint;

import java.sql.SQLException;
import java.util.List;

import dev.dbparity.engines.RunningEngine;
import dev.dbparity.migrations.Script;
import dev.dbparity.migrations.SqlStatement;

/**
 * {@code DryRun} tries a migration's statements on a database at the version before it and reports what they would do
 * to existing tables, leaving the database as it was. One implementation per engine family.
 */
interface DryRun {

	static DryRun of(RunningEngine engine) {
		return switch (engine.engine()) {
			case POSTGRES -> new PostgresDryRun();
			case MARIADB, MYSQL -> new MySqlFamilyDryRun();
		};
	}

	/**
	 * Whether the dry run copies the database: a copied database must not change (an engine may keep how to copy it),
	 * so the migration is then applied to a new copy of it.
	 */
	default boolean copiesDatabase() {
		return false;
	}

	/** Runs {@code statements} of {@code script} against {@code database} on {@code engine} and leaves it unchanged. */
	List<LintFinding> run(RunningEngine engine, String database, Script script, List<SqlStatement> statements,
			LintOptions options) throws SQLException;
}
