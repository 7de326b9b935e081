package dev.dbparity.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.snapshots.Engine;

/**
 * {@code SqlScriptSplitter} splits a migration script into statements the way the engine's own command-line client
 * would ({@code psql}, {@code mysql}/{@code mariadb}), so that scripts written for those clients or for Flyway run
 * unchanged.
 *
 * <p>Semicolons do not split inside strings, quoted identifiers, comments, PostgreSQL dollar quotes
 * ({@code $$ … $$}, {@code $tag$ … $tag$}), or routine bodies: for PostgreSQL, {@code BEGIN ATOMIC … END} in
 * {@code CREATE FUNCTION/PROCEDURE}; for MariaDB and MySQL, {@code BEGIN … END} and the {@code IF}, {@code CASE},
 * {@code LOOP}, {@code WHILE} and {@code REPEAT} blocks inside {@code CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT}.
 * MariaDB and MySQL scripts may also change the delimiter with {@code DELIMITER //} lines, as for the mysql client.
 * Empty statements and trailing comments are dropped.
 *
 * <p>The lines {@code -- +goose StatementBegin} and {@code -- +goose StatementEnd} (goose; {@code -- +migrate …} for
 * sql-migrate), at the start of a line and in any letter case, enclose one statement, as for those tools: whatever is
 * between them, semicolons included, reaches the database as one statement, without the final semicolon.
 *
 * @since 0.1
 */
public final class SqlScriptSplitter {

	private SqlScriptSplitter() {
	}

	/**
	 * Splits {@code script} into statements for {@code engine}.
	 *
	 * @throws IllegalArgumentException for a {@code DELIMITER} line without a delimiter, a
	 *     quote that is never closed (naming the line it opens on), or a {@code StatementBegin} without its
	 *     {@code StatementEnd} or the other way round
	 */
	public static List<SqlStatement> split(String script, Engine engine) {
		return new Scan(script, engine.isMySqlFamily()).run();
	}

	/** One pass over one script; the mutable state lives here so the public API stays stateless. */
	private static final class Scan {

		/** Words after {@code END} that belong to it: {@code END IF}, {@code END LOOP}, … */
		private static final Set<String> END_SUFFIXES = Set.of("IF", "CASE", "LOOP", "WHILE", "REPEAT");

		/**
		 * MySQL tokens after which a compound statement may start. {@code THEN} and {@code ELSE} only count outside
		 * a {@code CASE} expression, where they are followed by expressions such as {@code IF(a, b, c)}.
		 */
		private static final Set<String> MYSQL_STATEMENT_STARTS = Set.of(";", "BEGIN", "DO", "LOOP", "REPEAT", ":",
				"ROW", "THEN", "ELSE", "ATOMIC");

		/** A goose or sql-migrate line around one statement; the tools read it at the start of a line only. */
		private static final Pattern BLOCK_MARKER = Pattern
			.compile("--[ \\t]*\\+(goose|migrate)[ \\t]+statement(begin|end)[ \\t]*", Pattern.CASE_INSENSITIVE);

		private final String s;
		private final boolean mysql;
		private final int[] lineStarts;
		private final List<SqlStatement> statements = new ArrayList<>();
		private int pos;
		private String delimiter = ";";

		// The statement being scanned: where it starts, its first tokens and its open blocks.
		private int start = -1;
		private final List<String> head = new ArrayList<>();
		private Boolean routine;
		private final List<String> blocks = new ArrayList<>();
		private String previous = ";";
		private boolean afterEnd;
		private int lastTokenStart;
		private int lastTokenEnd;

		// The open StatementBegin line: its number (0 when none), its text and its tool (goose or migrate).
		private int blockLine;
		private String blockMarker = "";
		private String blockTool = "";

		Scan(String script, boolean mysql) {
			this.s = script;
			this.mysql = mysql;
			this.lineStarts = lineStarts(script);
		}

		List<SqlStatement> run() {
			while (pos < s.length()) {
				char c = s.charAt(pos);
				if (Character.isWhitespace(c)) {
					pos++;
				}
				else if (isLineComment()) {
					int commentStart = pos;
					skipToEndOfLine();
					if (commentStart == 0 || s.charAt(commentStart - 1) == '\n' || s.charAt(commentStart - 1) == '\r') {
						blockMarker(commentStart);
					}
				}
				else if (s.startsWith("/*", pos)) {
					skipBlockComment();
				}
				else if (s.startsWith(delimiter, pos) && (!delimiter.equals(";") || blocks.isEmpty()) && blockLine == 0) {
					endStatement(pos);
					pos += delimiter.length();
				}
				else if (start < 0 && mysql && blockLine == 0 && isDelimiterCommand()) {
					readDelimiterCommand();
				}
				else {
					if (start < 0) {
						start = pos;
					}
					lastTokenStart = pos;
					scanToken(c);
					lastTokenEnd = pos;
				}
			}
			if (blockLine > 0) {
				throw new IllegalArgumentException("line " + blockLine + ": '" + blockMarker + "' is never closed; add '"
						+ "-- +" + blockTool + " StatementEnd' on its own line after the statement");
			}
			endStatement(s.length());
			return List.copyOf(statements);
		}

		/** Opens or closes a statement block if the comment line from {@code commentStart} to here is a marker. */
		private void blockMarker(int commentStart) {
			Matcher marker = BLOCK_MARKER.matcher(s).region(commentStart, pos);
			if (!marker.matches()) {
				return;
			}
			String text = s.substring(commentStart, pos).strip();
			if (marker.group(2).equalsIgnoreCase("begin")) {
				if (blockLine > 0) {
					throw new IllegalArgumentException("line " + lineOf(commentStart) + ": '" + text + "' inside the "
							+ "statement block opened at line " + blockLine + "; end that block first with '-- +"
							+ blockTool + " StatementEnd'");
				}
				blockLine = lineOf(commentStart);
				blockMarker = text;
				blockTool = marker.group(1).toLowerCase(Locale.ROOT);
			}
			else {
				if (blockLine == 0) {
					throw new IllegalArgumentException("line " + lineOf(commentStart) + ": '" + text + "' has no '-- +"
							+ marker.group(1).toLowerCase(Locale.ROOT) + " StatementBegin' before it; add one on its own "
							+ "line above the statement");
				}
				if (start >= 0) {
					// Like the tools, the block is one statement; its final semicolon is a terminator, not SQL.
					endStatement(previous.equals(";") ? lastTokenStart : lastTokenEnd);
				}
				blockLine = 0;
			}
		}

		private boolean isLineComment() {
			if (mysql && s.charAt(pos) == '#') {
				return true;
			}
			if (!s.startsWith("--", pos)) {
				return false;
			}
			// MySQL needs whitespace after "--", so that "1--1" stays arithmetic.
			return !mysql || pos + 2 >= s.length() || Character.isWhitespace(s.charAt(pos + 2));
		}

		private void skipToEndOfLine() {
			while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
				pos++;
			}
		}

		private void skipBlockComment() {
			int depth = 0;
			while (pos < s.length()) {
				if (s.startsWith("/*", pos)) {
					// PostgreSQL nests block comments; MySQL ends at the first "*/".
					depth = mysql ? 1 : depth + 1;
					pos += 2;
				}
				else if (s.startsWith("*/", pos)) {
					pos += 2;
					if (--depth == 0) {
						return;
					}
				}
				else {
					pos++;
				}
			}
		}

		private boolean isDelimiterCommand() {
			int end = pos + "DELIMITER".length();
			return s.regionMatches(true, pos, "DELIMITER", 0, "DELIMITER".length())
					&& (end == s.length() || Character.isWhitespace(s.charAt(end)));
		}

		private void readDelimiterCommand() {
			int line = lineOf(pos);
			pos += "DELIMITER".length();
			while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
				pos++;
			}
			int valueStart = pos;
			while (pos < s.length() && !Character.isWhitespace(s.charAt(pos))) {
				pos++;
			}
			if (pos == valueStart) {
				throw new IllegalArgumentException("line " + line + ": DELIMITER needs a value, e.g. DELIMITER //");
			}
			delimiter = s.substring(valueStart, pos);
			skipToEndOfLine();
		}

		private void scanToken(char c) {
			if (c == '\'') {
				skipQuoted('\'', mysql);
				token("'");
			}
			else if (c == '"') {
				// A string in MySQL, a quoted identifier in PostgreSQL.
				skipQuoted('"', mysql);
				token("'");
			}
			else if (c == '`' && mysql) {
				skipQuoted('`', false);
				token("'");
			}
			else if (c == '$' && !mysql) {
				scanDollar();
			}
			else if (Character.isLetterOrDigit(c) || c == '_') {
				int wordStart = pos;
				// A custom delimiter such as $$ may follow a word directly: "SELECT 2$$".
				while (pos < s.length() && isWordPart(s.charAt(pos)) && !s.startsWith(delimiter, pos)) {
					pos++;
				}
				String word = s.substring(wordStart, pos);
				if (!mysql && word.equalsIgnoreCase("E") && pos < s.length() && s.charAt(pos) == '\'') {
					skipQuoted('\'', true);
					token("'");
				}
				else {
					token(word.toUpperCase(Locale.ROOT));
				}
			}
			else {
				pos++;
				token(String.valueOf(c));
			}
		}

		private static boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '$';
		}

		/** Skips a quoted string or identifier; a doubled quote escapes it, and so may a backslash. */
		private void skipQuoted(char quote, boolean backslashEscapes) {
			int opened = pos;
			pos++;
			while (pos < s.length()) {
				char c = s.charAt(pos);
				if (backslashEscapes && c == '\\') {
					pos += 2;
				}
				else if (c == quote) {
					if (pos + 1 < s.length() && s.charAt(pos + 1) == quote) {
						pos += 2;
					}
					else {
						pos++;
						return;
					}
				}
				else {
					pos++;
				}
			}
			// Run to the end of the script, a missing quote would swallow every statement after it.
			throw new IllegalArgumentException("line " + lineOf(opened) + ": the " + quote + " opened here is never "
					+ "closed; close it, or double it inside the text (" + quote + quote + ")");
		}

		/** A dollar quote {@code $tag$…$tag$}, or a parameter such as {@code $1}, which quotes nothing. */
		private void scanDollar() {
			int tagEnd = pos + 1;
			while (tagEnd < s.length() && (Character.isLetter(s.charAt(tagEnd)) || s.charAt(tagEnd) == '_'
					|| (tagEnd > pos + 1 && Character.isDigit(s.charAt(tagEnd))))) {
				tagEnd++;
			}
			if (tagEnd < s.length() && s.charAt(tagEnd) == '$') {
				String tag = s.substring(pos, tagEnd + 1);
				int close = s.indexOf(tag, tagEnd + 1);
				pos = close < 0 ? s.length() : close + tag.length();
				token("'");
			}
			else {
				pos++;
				while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
					pos++;
				}
				token("$");
			}
		}

		private void endStatement(int end) {
			if (start >= 0) {
				statements.add(new SqlStatement(lineOf(start), s.substring(start, end).stripTrailing()));
			}
			start = -1;
			head.clear();
			routine = null;
			blocks.clear();
			previous = ";";
			afterEnd = false;
		}

		/** Tracks routine bodies, whose semicolons do not end the statement; only with the default delimiter. */
		private void token(String token) {
			if (routine == null) {
				head.add(token);
				routine = isRoutine();
				if (Boolean.TRUE.equals(routine) && head.get(0).equals("BEGIN")) {
					// MariaDB's anonymous block: its BEGIN was read before the block was known to be one.
					blocks.add("BEGIN");
				}
			}
			if (Boolean.TRUE.equals(routine) && delimiter.equals(";")) {
				if (mysql) {
					trackMySqlBlock(token);
				}
				else {
					trackPostgresBlock(token);
				}
			}
			previous = token;
		}

		/**
		 * Like psql: inside {@code CREATE FUNCTION/PROCEDURE}, {@code BEGIN} and {@code CASE} open a block and
		 * {@code END} closes one; bodies in dollar quotes or strings never get here.
		 */
		private void trackPostgresBlock(String token) {
			if (token.equals("BEGIN") || token.equals("CASE")) {
				blocks.add(token);
			}
			else if (token.equals("END") && !blocks.isEmpty()) {
				blocks.remove(blocks.size() - 1);
			}
		}

		private void trackMySqlBlock(String token) {
			if (afterEnd) {
				afterEnd = false;
				if (END_SUFFIXES.contains(token)) {
					return;
				}
			}
			boolean statementStart = MYSQL_STATEMENT_STARTS.contains(previous)
					&& !((previous.equals("THEN") || previous.equals("ELSE")) && innermost().equals("CASE EXPRESSION"));
			switch (token) {
				case "BEGIN":
					blocks.add(token);
					break;
				case "CASE":
					blocks.add(statementStart ? token : "CASE EXPRESSION");
					break;
				case "IF", "LOOP", "WHILE", "REPEAT":
					// IF(a, b, c) and REPEAT('x', 3) are functions, and IF EXISTS is a clause: none starts a statement.
					if (statementStart) {
						blocks.add(token);
					}
					break;
				case "END":
					if (!blocks.isEmpty()) {
						blocks.remove(blocks.size() - 1);
						afterEnd = true;
					}
					break;
				default:
					break;
			}
		}

		private String innermost() {
			return blocks.isEmpty() ? "" : blocks.get(blocks.size() - 1);
		}

		/**
		 * {@code TRUE} for {@code CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] PROCEDURE|FUNCTION|TRIGGER|EVENT}
		 * (PostgreSQL: {@code FUNCTION|PROCEDURE}) and MariaDB's anonymous block {@code BEGIN NOT ATOMIC … END},
		 * {@code FALSE} for anything else (a {@code BEGIN} that starts a transaction), {@code null} while undecided.
		 */
		private Boolean isRoutine() {
			if (mysql && head.get(0).equals("BEGIN")) {
				return head.size() < 2 ? null : head.get(1).equals("NOT");
			}
			if (!head.get(0).equals("CREATE")) {
				return Boolean.FALSE;
			}
			int i = 1;
			while (i < head.size()) {
				switch (head.get(i)) {
					case "OR", "REPLACE", "AGGREGATE":
						i++;
						break;
					case "DEFINER":
						// DEFINER = user [@ host] [()], where user and host may be quoted; skip to the object kind.
						i += 3;
						while (i < head.size() && (head.get(i).equals("@") || head.get(i).equals("(")
								|| head.get(i).equals(")") || head.get(i - 1).equals("@"))) {
							i++;
						}
						break;
					default:
						Set<String> kinds = mysql ? Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT")
								: Set.of("PROCEDURE", "FUNCTION");
						return kinds.contains(head.get(i));
				}
			}
			return null;
		}

		private int lineOf(int index) {
			int low = 0;
			int high = lineStarts.length - 1;
			while (low < high) {
				int middle = (low + high + 1) >>> 1;
				if (lineStarts[middle] <= index) {
					low = middle;
				}
				else {
					high = middle - 1;
				}
			}
			return low + 1;
		}

		/** Offsets where lines start; CRLF, LF and CR each end a line. */
		private static int[] lineStarts(String script) {
			List<Integer> starts = new ArrayList<>();
			starts.add(0);
			for (int i = 0; i < script.length(); i++) {
				char c = script.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 == script.length() || script.charAt(i + 1) != '\n'))) {
					starts.add(i + 1);
				}
			}
			return starts.stream().mapToInt(Integer::intValue).toArray();
		}
	}
}
