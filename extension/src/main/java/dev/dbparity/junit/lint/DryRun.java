package dev.dbparity.junit.lint;

import java.sql.SQLException;
import java.util.List;

import dev.dbparity.junit.engine.RunningEngine;
import dev.dbparity.junit.migration.Script;
import dev.dbparity.junit.migration.SqlStatement;

/**
 * {@code DryRun} tries a migration's statements on a database at the version before it and reports what they would do
 * to existing tables, leaving the database as it was. One implementation per engine family.
 */
interface DryRun {

	static DryRun of(RunningEngine engine) {
		return switch (engine.engine()) {
			case POSTGRES -> new PostgresDryRun();
			case MARIADB, MYSQL -> new MySqlFamilyDryRun();
			case DEFAULT -> throw new IllegalArgumentException("engine must be resolved, not DEFAULT");
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
