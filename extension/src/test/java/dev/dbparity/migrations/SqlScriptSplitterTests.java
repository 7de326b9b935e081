package dev.dbparity.migrations;

import static dev.dbparity.snapshots.Engine.MARIADB;
import static dev.dbparity.snapshots.Engine.MYSQL;
import static dev.dbparity.snapshots.Engine.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;

import dev.dbparity.snapshots.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SqlScriptSplitterTests {

	/** Each case: engine, script, and the expected statements as {@code line:text}. */
	static Stream<Arguments> cases() {
		return Stream.<Stream<Arguments>>of(
				// Common ground.
				cases("two statements", "SELECT 1;\nSELECT 2;", "1:SELECT 1", "2:SELECT 2"),
				cases("no final semicolon", "SELECT 1;\n\n  SELECT 2\n", "1:SELECT 1", "3:SELECT 2"),
				cases("empty statements dropped", ";;\n;SELECT 1;;", "2:SELECT 1"),
				cases("comment-only tail dropped", "SELECT 1;\n-- done\n/* really */\n", "1:SELECT 1"),
				cases("leading comments skipped for the line", "-- header\n/* block\n comment */\n\nCREATE TABLE t (id INT);",
						"5:CREATE TABLE t (id INT)"),
				cases("comment inside kept", "SELECT 1 -- one;\n, 2;", "1:SELECT 1 -- one;\n, 2"),
				cases("semicolon in string", "INSERT INTO t VALUES ('a;b');SELECT 2;", "1:INSERT INTO t VALUES ('a;b')",
						"1:SELECT 2"),
				cases("doubled quote escape", "SELECT 'it''s; here';SELECT 2;", "1:SELECT 'it''s; here'", "1:SELECT 2"),
				cases("block comment with semicolon", "SELECT /* ; */ 1;", "1:SELECT /* ; */ 1"),
				cases("multi-line string keeps lines", "SELECT 'a\n;b';\nSELECT 3;", "1:SELECT 'a\n;b'", "3:SELECT 3"),
				cases("CRLF line numbers", "SELECT 1;\r\n\r\nSELECT 2;\rSELECT 3;", "1:SELECT 1", "3:SELECT 2", "4:SELECT 3"),
				cases("empty script", "  \n-- nothing\n"),
				// goose and sql-migrate statement blocks.
				cases("goose block is one statement",
						"-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n"
								+ "-- +goose StatementEnd\nSELECT 2;",
						"3:CREATE TABLE a (id INT);\nCREATE TABLE b (id INT)", "6:SELECT 2"),
				cases("comment after the block's last semicolon dropped",
						"-- +goose StatementBegin\nSELECT 1;\n-- done\n-- +goose StatementEnd\nSELECT 2;", "2:SELECT 1",
						"5:SELECT 2"),
				cases("block without final semicolon", "-- +goose StatementBegin\nSELECT 1\n-- +goose StatementEnd\nSELECT 2;",
						"2:SELECT 1", "4:SELECT 2"),
				cases("sql-migrate block in any letter case",
						"-- +migrate statementbegin\nSELECT 1; SELECT 2;\n--  +Migrate StatementEnd  \nSELECT 3;",
						"2:SELECT 1; SELECT 2", "4:SELECT 3"),
				cases("indented marker is a plain comment", "  -- +goose StatementBegin\nSELECT 1; SELECT 2;", "2:SELECT 1",
						"2:SELECT 2"),
				cases("empty block", "-- +goose StatementBegin\n-- +goose StatementEnd\nSELECT 1;", "3:SELECT 1"))
			.flatMap(stream -> stream);
	}

	static Stream<Arguments> postgresCases() {
		return Stream.of(
				pg("double-quoted identifier", "CREATE TABLE \"a;b\" (id INT);SELECT 2;",
						"1:CREATE TABLE \"a;b\" (id INT)", "1:SELECT 2"),
				pg("dollar quote", "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  PERFORM 1;\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT f();",
						"1:CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  PERFORM 1;\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql",
						"7:SELECT f()"),
				pg("tagged dollar quote containing $$", "DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$;SELECT 1;",
						"1:DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$", "1:SELECT 1"),
				pg("positional parameters are not dollar quotes", "PREPARE p AS SELECT $1 + $2;SELECT 2;",
						"1:PREPARE p AS SELECT $1 + $2", "1:SELECT 2"),
				pg("dollar inside identifier", "SELECT a$b FROM t;SELECT 2;", "1:SELECT a$b FROM t", "1:SELECT 2"),
				pg("E string with backslash escape", "SELECT E'it\\'s;';SELECT 2;", "1:SELECT E'it\\'s;'", "1:SELECT 2"),
				pg("standard string: backslash is not an escape", "SELECT 'a\\';SELECT 2;", "1:SELECT 'a\\'", "1:SELECT 2"),
				pg("nested block comments", "/* outer /* inner; */ still; */ SELECT 1;", "1:SELECT 1"),
				pg("dash-dash needs no space", "SELECT 1;--x;\nSELECT 2;", "1:SELECT 1", "2:SELECT 2"),
				pg("hash is an operator", "SELECT 1 # 2;", "1:SELECT 1 # 2"),
				pg("BEGIN ATOMIC body", "CREATE PROCEDURE p() LANGUAGE SQL\nBEGIN ATOMIC\n  INSERT INTO t VALUES (1);\n  SELECT CASE WHEN true THEN 1 END;\nEND;\nSELECT 2;",
						"1:CREATE PROCEDURE p() LANGUAGE SQL\nBEGIN ATOMIC\n  INSERT INTO t VALUES (1);\n  SELECT CASE WHEN true THEN 1 END;\nEND",
						"6:SELECT 2"),
				pg("BEGIN transaction is not a block", "BEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;", "1:BEGIN",
						"2:CREATE TABLE t (id INT)", "3:COMMIT"));
	}

	static Stream<Arguments> mySqlCases() {
		return Stream.of(
				my("backslash escape", "SELECT 'it\\'s;';SELECT 2;", "1:SELECT 'it\\'s;'", "1:SELECT 2"),
				my("double-quoted string", "SELECT \"a;\\\"b\";SELECT 2;", "1:SELECT \"a;\\\"b\"", "1:SELECT 2"),
				my("backtick identifier", "CREATE TABLE `a;b` (id INT);SELECT 2;", "1:CREATE TABLE `a;b` (id INT)",
						"1:SELECT 2"),
				my("hash comment", "# header;\nSELECT 1; # trailing;\nSELECT 2;", "2:SELECT 1", "3:SELECT 2"),
				my("dash-dash needs a space", "SELECT 1--1;\nSELECT 2;-- end", "1:SELECT 1--1", "2:SELECT 2"),
				my("dash-dash at end of line", "SELECT 1;--\nSELECT 2;", "1:SELECT 1", "2:SELECT 2"),
				my("dollar is not a quote", "SELECT $$a;SELECT 2;", "1:SELECT $$a", "1:SELECT 2"),
				my("DELIMITER lines", "DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND //\nDELIMITER ;\nSELECT 2;",
						"2:CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND", "7:SELECT 2"),
				my("DELIMITER $$ with several statements", "delimiter $$\nSELECT 1; SELECT 2$$\nSELECT 3$$\ndelimiter ;\nSELECT 4;",
						"2:SELECT 1; SELECT 2", "3:SELECT 3", "5:SELECT 4"),
				my("procedure without DELIMITER",
						"CREATE PROCEDURE p(IN n INT)\nBEGIN\n  DECLARE i INT DEFAULT 0;\n  IF n > 0 THEN\n    SET i = 1;\n  ELSEIF n < 0 THEN\n    SET i = -1;\n  ELSE\n    SET i = IF(n = 0, 0, 2);\n  END IF;\n  SELECT i;\nEND;\nSELECT 2;",
						"1:CREATE PROCEDURE p(IN n INT)\nBEGIN\n  DECLARE i INT DEFAULT 0;\n  IF n > 0 THEN\n    SET i = 1;\n  ELSEIF n < 0 THEN\n    SET i = -1;\n  ELSE\n    SET i = IF(n = 0, 0, 2);\n  END IF;\n  SELECT i;\nEND",
						"13:SELECT 2"),
				my("nested blocks and loops",
						"CREATE DEFINER=`root`@`localhost` PROCEDURE p()\nBEGIN\n  DECLARE i INT DEFAULT 0;\n  lbl: LOOP\n    SET i = i + 1;\n    IF (i > 3) THEN LEAVE lbl; END IF;\n  END LOOP lbl;\n  WHILE i > 0 DO\n    SET i = i - 1;\n  END WHILE;\n  REPEAT\n    SET i = i + 1;\n  UNTIL i > 2 END REPEAT;\n  CASE i\n    WHEN 3 THEN SELECT REPEAT('x', 3);\n    ELSE BEGIN SELECT 0; END;\n  END CASE;\n  SELECT CASE WHEN i > 0 THEN IF(i > 1, 'a', 'b') ELSE 'c' END;\n  DROP TABLE IF EXISTS tmp;\nEND;\nSELECT 2;",
						"1:CREATE DEFINER=`root`@`localhost` PROCEDURE p()\nBEGIN\n  DECLARE i INT DEFAULT 0;\n  lbl: LOOP\n    SET i = i + 1;\n    IF (i > 3) THEN LEAVE lbl; END IF;\n  END LOOP lbl;\n  WHILE i > 0 DO\n    SET i = i - 1;\n  END WHILE;\n  REPEAT\n    SET i = i + 1;\n  UNTIL i > 2 END REPEAT;\n  CASE i\n    WHEN 3 THEN SELECT REPEAT('x', 3);\n    ELSE BEGIN SELECT 0; END;\n  END CASE;\n  SELECT CASE WHEN i > 0 THEN IF(i > 1, 'a', 'b') ELSE 'c' END;\n  DROP TABLE IF EXISTS tmp;\nEND",
						"21:SELECT 2"),
				my("trigger with IF body and no BEGIN",
						"CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW IF NEW.a < 0 THEN SET NEW.a = 0; END IF;\nSELECT 2;",
						"1:CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW IF NEW.a < 0 THEN SET NEW.a = 0; END IF",
						"2:SELECT 2"),
				my("event and function",
						"CREATE OR REPLACE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM x; END;\nCREATE FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END;",
						"1:CREATE OR REPLACE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM x; END",
						"2:CREATE FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END"),
				my("a table named event is no routine", "CREATE TABLE event (id INT);\nBEGIN;\nINSERT INTO event VALUES (1);\nCOMMIT;",
						"1:CREATE TABLE event (id INT)", "2:BEGIN", "3:INSERT INTO event VALUES (1)", "4:COMMIT"),
				my("CREATE PROCEDURE IF NOT EXISTS",
						"CREATE PROCEDURE IF NOT EXISTS p() BEGIN SELECT 1; END;SELECT 2;",
						"1:CREATE PROCEDURE IF NOT EXISTS p() BEGIN SELECT 1; END", "1:SELECT 2"),
				my("goose block around a procedure",
						"-- +goose StatementBegin\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND;\n-- +goose StatementEnd\nSELECT 2;",
						"2:CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND", "7:SELECT 2"),
				my("MariaDB anonymous block without DELIMITER",
						"BEGIN NOT ATOMIC\n  IF NOT EXISTS (SELECT 1 FROM t) THEN\n    INSERT INTO t VALUES (1);\n  END IF;\nEND;\nBEGIN WORK;\nSELECT 2;\nCOMMIT;",
						"1:BEGIN NOT ATOMIC\n  IF NOT EXISTS (SELECT 1 FROM t) THEN\n    INSERT INTO t VALUES (1);\n  END IF;\nEND",
						"6:BEGIN WORK", "7:SELECT 2", "8:COMMIT"),
				my("function without body block", "CREATE FUNCTION f(x INT) RETURNS INT RETURN IF(x > 0, 1, 0);\nSELECT 2;",
						"1:CREATE FUNCTION f(x INT) RETURNS INT RETURN IF(x > 0, 1, 0)", "2:SELECT 2"));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource({ "cases", "postgresCases", "mySqlCases" })
	void splits(String name, Engine engine, String script, List<String> expected) {
		assertThat(SqlScriptSplitter.split(script, engine)).map(statement -> statement.line() + ":" + statement.sql())
			.containsExactlyElementsOf(expected);
	}

	@Test
	void delimiterWithoutValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> SqlScriptSplitter.split("SELECT 1;\nDELIMITER \n", MARIADB))
			.withMessage("line 2: DELIMITER needs a value, e.g. DELIMITER //");
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void unbalancedStatementBlocks(Engine engine) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SqlScriptSplitter.split("SELECT 1;\n-- +goose StatementBegin\nSELECT 2;\n", engine))
			.withMessage("line 2: '-- +goose StatementBegin' is never closed; add '-- +goose StatementEnd' on its own "
					+ "line after the statement");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SqlScriptSplitter.split("SELECT 1;\n-- +migrate StatementEnd\n", engine))
			.withMessage("line 2: '-- +migrate StatementEnd' has no '-- +migrate StatementBegin' before it; add one on "
					+ "its own line above the statement");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SqlScriptSplitter.split("-- +goose StatementBegin\nSELECT 1;\n-- +goose StatementBegin\n",
					engine))
			.withMessage("line 3: '-- +goose StatementBegin' inside the statement block opened at line 1; end that "
					+ "block first with '-- +goose StatementEnd'");
	}

	@ParameterizedTest
	@EnumSource(names = { "MARIADB", "MYSQL" })
	void mySqlFamilySplitsAlike(Engine engine) {
		assertThat(SqlScriptSplitter.split("SELECT 'a\\';b';# x\nSELECT 2;", engine)).hasSize(2);
	}

	@Test
	void abbreviatesForMessages() {
		SqlStatement statement = new SqlStatement(3, "ALTER TABLE users\n    ADD CONSTRAINT " + "x".repeat(100));

		assertThat(statement.abbreviated(30)).isEqualTo("ALTER TABLE users ADD CONSTRAI…");
		assertThat(new SqlStatement(1, " SELECT 1 ").abbreviated(80)).isEqualTo("SELECT 1");
	}

	private static Stream<Arguments> cases(String name, String script, String... expected) {
		return Stream.of(POSTGRES, MARIADB, MYSQL).map(engine -> Arguments.of(name, engine, script, List.of(expected)));
	}

	private static Arguments pg(String name, String script, String... expected) {
		return Arguments.of(name, POSTGRES, script, List.of(expected));
	}

	private static Arguments my(String name, String script, String... expected) {
		return Arguments.of(name, MARIADB, script, List.of(expected));
	}
}
