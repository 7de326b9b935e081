package dev.dbparity.snapshots.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.dbparity.snapshots.sqltext.QuotedText;

/**
 * {@code KnownRenames} are the tables and columns a migration's SQL really renames. Two schemas alone cannot tell a
 * renamed column from one dropped and re-created under another name, so {@link SchemaDiff} labels such a pair
 * {@link Category#DESTRUCTIVE}; where the migration is known (the migration lint), a rename its SQL performs keeps
 * the data and is {@link Category#INCOMPATIBLE} only.
 *
 * <p>Recognised statements, PostgreSQL and MariaDB/MySQL: {@code ALTER TABLE t RENAME [COLUMN] a TO b},
 * {@code ALTER TABLE t RENAME [TO|AS] u}, {@code RENAME TABLE t TO u[, v TO w]} and
 * {@code ALTER TABLE t CHANGE [COLUMN] a b …}. Names compare without case and without their schema qualifier.
 *
 * @since 0.2
 */
public final class KnownRenames {

	private static final KnownRenames NONE = new KnownRenames(Set.of(), Set.of());

	/** Old and new table name, lower case. */
	private final Set<List<String>> tables;

	/** Table (its old or new name), old and new column name, lower case. */
	private final Set<List<String>> columns;

	private KnownRenames(Set<List<String>> tables, Set<List<String>> columns) {
		this.tables = Set.copyOf(tables);
		this.columns = Set.copyOf(columns);
	}

	/** No known migration: every rename-like pair is a worst case. */
	public static KnownRenames none() {
		return NONE;
	}

	/**
	 * The renames that {@code sql}, a migration script of any number of statements, performs.
	 *
	 * <p>Hand-written rather than a SQL parser library: only the few rename forms above matter, across two dialects,
	 * and a statement this scan does not understand only leaves a rename labelled by its worst case.
	 */
	public static KnownRenames in(String sql) {
		List<String> tokens = SqlTokens.of(sql);
		Set<List<String>> tables = new HashSet<>();
		Set<List<String>> columns = new HashSet<>();
		String table = null;
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			if (token.equals(";")) {
				table = null;
			}
			else if (is(tokens, i, "alter") && is(tokens, i + 1, "table")) {
				int name = i + 2;
				while (is(tokens, name, "if") || is(tokens, name, "exists") || is(tokens, name, "only")) {
					name++;
				}
				table = qualifiedName(tokens, name);
			}
			else if (is(tokens, i, "rename") && is(tokens, i + 1, "table")) {
				// RENAME TABLE a TO b, c TO d
				int at = i + 2;
				while (at < tokens.size() && !tokens.get(at).equals(";")) {
					String from = qualifiedName(tokens, at);
					at = afterQualifiedName(tokens, at);
					if (!is(tokens, at, "to")) {
						break;
					}
					String to = qualifiedName(tokens, at + 1);
					at = afterQualifiedName(tokens, at + 1);
					tables.add(List.of(from, to));
					if (!is(tokens, at, ",")) {
						break;
					}
					at++;
				}
			}
			else if (table != null && is(tokens, i, "rename") && clauseStart(tokens, i)) {
				String next = word(tokens, i + 1);
				if (next.equals("to") || next.equals("as")) {
					tables.add(List.of(table, qualifiedName(tokens, i + 2)));
				}
				else if (!Set.of("constraint", "index", "key", "table").contains(next)) {
					int from = next.equals("column") ? i + 2 : i + 1;
					if (is(tokens, from + 1, "to")) {
						columns.add(List.of(table, word(tokens, from), word(tokens, from + 2)));
					}
				}
			}
			else if (table != null && is(tokens, i, "change") && clauseStart(tokens, i)) {
				int from = is(tokens, i + 1, "column") ? i + 2 : i + 1;
				if (!word(tokens, from).equals(word(tokens, from + 1))) {
					columns.add(List.of(table, word(tokens, from), word(tokens, from + 1)));
				}
			}
		}
		return new KnownRenames(tables, columns);
	}

	/** Whether the migration renames table {@code from} to {@code to}. */
	boolean renamesTable(String from, String to) {
		return tables.contains(List.of(lower(from), lower(to)));
	}

	/** Whether the migration renames column {@code from} of {@code table} (its old or new name) to {@code to}. */
	boolean renamesColumn(String table, String from, String to) {
		List<String> renamed = List.of(lower(from), lower(to));
		return columns.stream().anyMatch(column -> column.subList(1, 3).equals(renamed)
				&& (column.get(0).equals(lower(table)) || renamesTable(column.get(0), table)
						|| renamesTable(table, column.get(0))));
	}

	/** Whether nothing is known. */
	public boolean isEmpty() {
		return tables.isEmpty() && columns.isEmpty();
	}

	/** A clause of {@code ALTER TABLE} starts after the table's name or after a {@code ,}. */
	private static boolean clauseStart(List<String> tokens, int i) {
		return i > 0 && (tokens.get(i - 1).equals(",") || !SqlTokens.isKeyword(tokens.get(i - 1)));
	}

	private static String qualifiedName(List<String> tokens, int at) {
		int end = afterQualifiedName(tokens, at);
		return end > at ? word(tokens, end - 1) : "";
	}

	private static int afterQualifiedName(List<String> tokens, int at) {
		int end = at + 1;
		while (is(tokens, end, ".") && end + 1 < tokens.size()) {
			end += 2;
		}
		return Math.min(end, tokens.size());
	}

	private static boolean is(List<String> tokens, int at, String word) {
		return word(tokens, at).equals(word);
	}

	private static String word(List<String> tokens, int at) {
		return at < tokens.size() ? lower(SqlTokens.unquoted(tokens.get(at))) : "";
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * A minimal SQL tokenizer: quoted identifiers and strings are one token each, comments are skipped, words are runs
	 * of letters, digits, {@code _} and {@code $}, and every other character is a token of its own.
	 */
	static final class SqlTokens {

		private static final Set<String> KEYWORDS = Set.of("alter", "table", "add", "drop", "modify", "rename",
				"change", "column", "if", "exists", "only", "not", "to", "as");

		private SqlTokens() {
		}

		static List<String> of(String sql) {
			List<String> tokens = new ArrayList<>();
			int i = 0;
			while (i < sql.length()) {
				char c = sql.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if (sql.startsWith("--", i) || c == '#') {
					int end = sql.indexOf('\n', i);
					i = end < 0 ? sql.length() : end + 1;
				}
				else if (sql.startsWith("/*", i)) {
					int end = sql.indexOf("*/", i + 2);
					i = end < 0 ? sql.length() : end + 2;
				}
				else if (c == '\'' || c == '"' || c == '`') {
					int end = QuotedText.end(sql, i, c == '\'');
					tokens.add(sql.substring(i, end));
					i = end;
				}
				else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
					int end = i;
					while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
							|| sql.charAt(end) == '$')) {
						end++;
					}
					tokens.add(sql.substring(i, end));
					i = end;
				}
				else {
					tokens.add(String.valueOf(c));
					i++;
				}
			}
			return tokens;
		}

		/** An identifier without its quotes (doubled quotes inside made single). */
		static String unquoted(String token) {
			if (token.length() >= 2 && (token.charAt(0) == '"' || token.charAt(0) == '`')) {
				String quote = token.substring(0, 1);
				return token.substring(1, token.length() - 1).replace(quote + quote, quote);
			}
			return token;
		}

		static boolean isKeyword(String token) {
			return KEYWORDS.contains(token.toLowerCase(Locale.ROOT));
		}
	}
}
