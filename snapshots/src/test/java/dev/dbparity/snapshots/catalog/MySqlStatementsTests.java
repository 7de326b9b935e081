package dev.dbparity.snapshots.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link MySqlStatements} reads from a statement's text: the objects it names and the counter it adds to, and
 * which statements it does not claim to know (then the schema is read in full). That each counter is the one MariaDB
 * increments is proven on a real server by {@code MySqlPartialReadTests}.
 */
class MySqlStatementsTests {

	private static Optional<MySqlStatements.Effect> of(String... statements) {
		return MySqlStatements.of(List.of(statements), "shop");
	}

	@Test
	void namesEveryTableARenameTouchesOnBothSides() {
		MySqlStatements.Effect effect = of("RENAME TABLE a TO b, `c d` TO shop.e").orElseThrow();

		assertThat(effect.relations()).containsExactly("a", "b", "c d", "e");
		assertThat(effect.counters()).isEqualTo(Map.of("COM_RENAME_TABLE", 1));
	}

	@Test
	void anAlterTableNamesTheNewNameOfARenameButNotTheColumnsOrIndexesItRenames() {
		assertThat(of("ALTER TABLE shelf RENAME COLUMN a TO b, RENAME INDEX i TO j").orElseThrow().relations())
			.containsExactly("shelf");
		assertThat(of("ALTER TABLE shelf ADD COLUMN x INT COMMENT 'RENAME TO y', RENAME TO shelves").orElseThrow()
			.relations()).containsExactly("shelf", "shelves");
		assertThat(of("ALTER TABLE shelf RENAME AS `Shelves`").orElseThrow().relations())
			.containsExactly("shelf", "Shelves");
	}

	@Test
	void countsEveryStatementOfAKindOnceAndDataStatementsNot() {
		MySqlStatements.Effect effect = of("ALTER TABLE t ADD COLUMN c INT", "INSERT INTO t VALUES (1)",
				"ALTER TABLE t DROP COLUMN c", "CREATE INDEX t_c ON t (c)", "SET @x = 1", "START TRANSACTION",
				"UPDATE t SET c = 2", "COMMIT", "-- only a comment\nDELETE FROM t").orElseThrow();

		assertThat(effect.counters()).isEqualTo(Map.of("COM_ALTER_TABLE", 2, "COM_CREATE_INDEX", 1));
		assertThat(effect.relations()).containsExactly("t");
		assertThat(effect.routines()).isFalse();
	}

	@Test
	void viewsTriggersAndRoutinesWithTheirOptions() {
		assertThat(of("CREATE OR REPLACE ALGORITHM = MERGE DEFINER = 'root'@'%' SQL SECURITY INVOKER VIEW v AS "
				+ "SELECT 1").orElseThrow().counters()).isEqualTo(Map.of("COM_CREATE_VIEW", 1));
		// MariaDB counts ALTER VIEW as the CREATE VIEW it runs.
		assertThat(of("ALTER VIEW v AS SELECT 2").orElseThrow().counters()).isEqualTo(Map.of("COM_CREATE_VIEW", 1));
		MySqlStatements.Effect trigger = of("CREATE OR REPLACE DEFINER = CURRENT_USER() TRIGGER tr BEFORE INSERT ON t "
				+ "FOR EACH ROW SET NEW.a = 1").orElseThrow();
		assertThat(trigger.relations()).containsExactly("t");
		assertThat(trigger.triggers()).containsExactly("tr");
		MySqlStatements.Effect dropped = of("DROP TRIGGER IF EXISTS shop.tr").orElseThrow();
		assertThat(dropped.relations()).isEmpty();
		assertThat(dropped.triggers()).containsExactly("tr");
		MySqlStatements.Effect function = of("CREATE AGGREGATE FUNCTION f(x INT) RETURNS INT BEGIN RETURN 1; END")
			.orElseThrow();
		assertThat(function.routines()).isTrue();
		assertThat(function.counters()).isEqualTo(Map.of("COM_CREATE_FUNCTION", 1));
		assertThat(of("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END"))
			.isPresent();
		assertThat(of("GRANT EXECUTE ON PROCEDURE p TO 'u'@'%'").orElseThrow().routines()).isTrue();
		assertThat(of("GRANT SELECT (a, b), INSERT ON TABLE shop.t TO 'u'@'%'").orElseThrow().relations())
			.isEqualTo(Set.of("t"));
	}

	/**
	 * What Flyway sends on MariaDB besides the scripts (its connections tell it, not Flyway): its history table, made in
	 * the current database named in full, counts as a table statement; the rest is harmless, a final semicolon too.
	 */
	@Test
	void aMigrationToolsBookkeepingIsKnown() {
		MySqlStatements.Effect effect = of("SELECT @@GLOBAL.WSREP_ON", "SHOW DATABASES LIKE 'RDSAdmin';",
				"SET foreign_key_checks=?, sql_safe_updates=?", "SELECT GET_LOCK(?,10)",
				"CREATE TABLE `shop`.`flyway_schema_history` (`installed_rank` INT NOT NULL, "
						+ "CONSTRAINT  PRIMARY KEY (`installed_rank`))",
				"CREATE INDEX `flyway_schema_history_s_idx` ON `shop`.`flyway_schema_history` (`success`)",
				"SELECT * FROM `shop`.`flyway_schema_history` FOR UPDATE",
				"INSERT INTO `shop`.`flyway_schema_history` (`installed_rank`) VALUES (?)",
				"SELECT RELEASE_LOCK('Flyway-466147754')").orElseThrow();

		assertThat(effect.counters()).isEqualTo(Map.of("COM_CREATE_TABLE", 1, "COM_CREATE_INDEX", 1));
		assertThat(effect.relations()).containsExactly("flyway_schema_history");
	}

	/** A partial read reads again only the routines the statements name, so every routine statement must name its own. */
	@Test
	void routineStatementsNameTheirRoutines() {
		MySqlStatements.Effect effect = of("CREATE FUNCTION shop.f(x INT) RETURNS INT RETURN x",
				"ALTER PROCEDURE P COMMENT 'p'", "DROP FUNCTION IF EXISTS `g(x`", "GRANT EXECUTE ON PROCEDURE q TO 'u'@'%'",
				"REVOKE EXECUTE ON FUNCTION shop.r FROM 'u'@'%'", "ALTER TABLE t ADD COLUMN c INT").orElseThrow();

		assertThat(effect.routineNames()).containsExactly("f", "P", "g(x", "q", "r");
		assertThat(effect.routines()).isTrue();
		assertThat(of("ALTER TABLE t ADD COLUMN c INT").orElseThrow().routineNames()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"CALL other.change_everything()",
		"EXECUTE IMMEDIATE 'DROP TABLE t'",
		"PREPARE s FROM @sql",
		"EXECUTE s",
		"PREPARE s FROM 'ALTER TABLE t ADD COLUMN c VARCHAR(9) DEFAULT \\'x\\''",
		"PREPARE s FROM 'DROP TABLE t'\u0000DEALLOCATE PREPARE s\u0000EXECUTE s",
		"PREPARE s FROM 'OPTIMIZE TABLE t'\u0000EXECUTE s",
		"BEGIN NOT ATOMIC DROP TABLE t; END",
		"CREATE DATABASE other",
		"ALTER DATABASE shop CHARACTER SET utf8mb4",
		"CREATE SEQUENCE s",
		"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t",
		"CREATE USER 'u'@'%'",
		"GRANT SELECT ON *.* TO 'u'@'%'",
		"GRANT SELECT ON shop.* TO 'u'@'%'",
		"GRANT reader TO 'u'@'%'",
		"REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'u'@'%'",
		"DROP TABLE other.t",
		"ALTER TABLE t RENAME TO other.t",
		"CREATE TABLE \"t\" (id INT)",
		"ALTER TABLE t EXCHANGE PARTITION p WITH TABLE u",
		"ALTER TABLE t ADD COLUMN c INT /*!, RENAME TO u */",
		"ALTER TABLE t ADD COLUMN c VARCHAR(9) DEFAULT 'a\\' RENAME TO u -- '",
		"SET STATEMENT max_statement_time = 1 FOR ALTER TABLE t ADD COLUMN c INT",
		"USE other",
		"FLUSH PRIVILEGES",
		"OPTIMIZE TABLE t",
		"UPDATE mysql.proc SET body = 'RETURN 2'",
		"CREATE FUNCTION udf RETURNS STRING SONAME 'udf.so'",
		"(SELECT 1)",
		"ALTER TABLE t ADD COLUMN c INT; DROP TABLE u",
		"SELECT 1; DROP TABLE u",
		"SELECT 1; DROP TABLE u;",
	})
	void aStatementNotKnownWithCertaintyMakesAllOfThemUnknown(String statements) {
		List<String> all = new ArrayList<>(List.of("ALTER TABLE t ADD COLUMN known INT"));
		all.addAll(List.of(statements.split("\u0000")));
		assertThat(MySqlStatements.of(all, "shop")).as(statements).isEmpty();
	}

	/**
	 * A {@code CALL} names nothing and counts nowhere a mark looks: what the procedure runs counts on its own, so the
	 * mark, not the text, tells whether it changed the schema. Beside routine statements, it has every routine read.
	 */
	@Test
	void aCallNamesNothingAndBesideRoutineStatementsHasEveryRoutineRead() {
		MySqlStatements.Effect call = of("ALTER TABLE t ADD COLUMN c INT", "CALL fill_rows(1, (SELECT MAX(id) FROM t))",
				"CALL shop.fill_rows").orElseThrow();
		MySqlStatements.Effect beside = of("CREATE PROCEDURE fill_rows() BEGIN UPDATE t SET c = 1; END",
				"CALL fill_rows()", "DROP PROCEDURE fill_rows").orElseThrow();

		assertThat(call.relations()).containsExactly("t");
		assertThat(call.counters()).isEqualTo(Map.of("COM_ALTER_TABLE", 1));
		assertThat(call.routines()).isFalse();
		assertThat(beside.routines()).isTrue();
		assertThat(beside.routineNames()).as("every routine").isEmpty();
		assertThat(of("CREATE PROCEDURE fill_rows() BEGIN UPDATE t SET c = 1; END", "DROP PROCEDURE fill_rows")
			.orElseThrow().routineNames()).containsExactly("fill_rows");
	}

	/**
	 * A prepared statement is known by its text: {@code EXECUTE} names what the text names and counts as MariaDB counts
	 * it, as its own kind and as a prepared statement's execution; a {@code PREPARE} alone changes nothing.
	 */
	@Test
	void anExecutedPreparedStatementIsItsText() {
		MySqlStatements.Effect effect = of("PREPARE Add_Column FROM 'ALTER TABLE t ADD COLUMN c JSON;'",
				"EXECUTE add_column", "DEALLOCATE PREPARE add_column", "PREPARE s FROM 'DROP TABLE u'",
				"PREPARE s FROM 'SELECT ''it''''s'''", "EXECUTE s USING @a", "DROP PREPARE s").orElseThrow();

		assertThat(effect.relations()).containsExactly("t");
		assertThat(effect.counters()).isEqualTo(Map.of("COM_ALTER_TABLE", 1, "COM_STMT_PREPARE", 3,
				"COM_STMT_EXECUTE", 2));
		assertThat(effect.words()).contains("JSON");
	}
}
