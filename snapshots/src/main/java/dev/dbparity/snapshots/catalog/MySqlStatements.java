package dev.dbparity.snapshots.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.snapshots.sqltext.QuotedText;

/**
 * {@code MySqlStatements} tells, from the text of the statements that ran on a MariaDB database, which of its schema's
 * objects they could have changed and how many statements of each counted kind ({@code Com_*} counter of
 * {@code GLOBAL_STATUS}) they are: the tables and views they name, the triggers they name, the routines they name.
 * It knows a small set of statements exactly (see {@link #of}); for any other, or one it cannot read with certainty, it
 * answers nothing, and the caller reads the whole schema.
 *
 * <p>Hand-written: only the head of each statement and the names in it matter, and a general SQL parser would accept
 * statements whose effect on other objects it does not model; here any statement outside the known shapes is unknown.
 */
final class MySqlStatements {

	/**
	 * What the statements could have changed.
	 *
	 * @param relations the tables and views they name, as written (compared without case by the caller)
	 * @param triggers the triggers they drop or replace by name, as written, whose table the caller looks up
	 * @param routines whether they create, change, drop or grant on a procedure or function
	 * @param routineNames the names of those procedures and functions, as written (compared without case by the caller);
	 *     none when every routine is to be read again
	 * @param counters how many statements of each counted kind they are, by upper-case counter name
	 * @param words the bare words, upper-case, of the statements that can change the schema (so a reader can tell that
	 *     none of them mentions, say, {@code CHECK})
	 */
	record Effect(Set<String> relations, Set<String> triggers, boolean routines, Set<String> routineNames,
			Map<String, Integer> counters, Set<String> words) {
	}

	/**
	 * {@code PREPARE name FROM @variable}, the idiom of migrations that change the schema only where it is not yet
	 * changed ({@code SET @change = IF(…, 'ALTER TABLE …', 'SELECT 1')}).
	 */
	private static final Pattern PREPARE_FROM_VARIABLE = Pattern.compile(
			"(?is)\\s*PREPARE\\s+([A-Za-z0-9_$]+|`(?:[^`]|``)+`)\\s+FROM\\s+@([A-Za-z0-9_$.]+)\\s*;?\\s*");

	/** A {@code PREPARE name FROM @variable}'s name, as written, and variable. */
	record PreparedFromVariable(String name, String variable) {
	}

	/** Statements that change no schema object and no counted counter. */
	private static final Set<String> HARMLESS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "WITH", "DO",
			"COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "UNLOCK", "SHOW", "DESCRIBE", "DESC", "EXPLAIN");
	private static final Set<String> TABLE_INTERNAL = Set.of("COLUMN", "INDEX", "KEY", "CONSTRAINT");
	private static final Set<String> ROUTINE_KINDS = Set.of("PROCEDURE", "FUNCTION");
	private static final Set<String> DEFINER_END = Set.of("VIEW", "TRIGGER", "PROCEDURE", "FUNCTION", "AGGREGATE",
			"SQL", "ALGORITHM");

	private MySqlStatements() {
	}

	/** The name and variable of {@code sql} when it is a {@code PREPARE name FROM @variable}. */
	static Optional<PreparedFromVariable> prepareFromVariable(String sql) {
		Matcher prepare = PREPARE_FROM_VARIABLE.matcher(sql);
		return prepare.matches() ? Optional.of(new PreparedFromVariable(prepare.group(1), prepare.group(2)))
				: Optional.empty();
	}

	/**
	 * What {@code statements}, run in that order on the database {@code database} (the connection's current one),
	 * could have changed; empty when one of them is not known here or not read with certainty. Known are: data
	 * statements, session {@code SET}, transactions and table locks (harmless); {@code CREATE [OR REPLACE] TABLE}
	 * (also {@code LIKE}, {@code AS SELECT}), {@code ALTER TABLE} (with {@code RENAME TO}), {@code DROP TABLE},
	 * {@code RENAME TABLE}, {@code TRUNCATE}; {@code CREATE}/{@code DROP INDEX … ON}; {@code CREATE [OR REPLACE]},
	 * {@code ALTER}, {@code DROP VIEW}; {@code CREATE}/{@code DROP TRIGGER}; {@code CREATE}, {@code ALTER},
	 * {@code DROP PROCEDURE}/{@code FUNCTION}; {@code GRANT}/{@code REVOKE} on one table, view or routine;
	 * {@code PREPARE name FROM 'text'}, {@code EXECUTE name} (as the text, when it is one of these, prepared by an
	 * earlier statement) and {@code DEALLOCATE}/{@code DROP PREPARE name}; {@code CALL} of a procedure of the database,
	 * which names nothing: what it runs counts on its own, so a mark proves that it changed no schema (with routine
	 * statements beside it, every routine is read again). A name
	 * qualified with another database, an executable comment ({@code /*!…}), or a string with a backslash in a
	 * statement that changes the schema (its end depends on {@code NO_BACKSLASH_ESCAPES}) makes it unknown.
	 */
	static Optional<Effect> of(List<String> statements, String database) {
		Set<String> relations = new LinkedHashSet<>();
		Set<String> triggers = new LinkedHashSet<>();
		Set<String> routineNames = new LinkedHashSet<>();
		boolean[] routines = {false};
		boolean calls = false;
		Map<String, Integer> counters = new HashMap<>();
		Set<String> words = new HashSet<>();
		// Prepared statements by lower-case name (names compare without case): EXECUTE runs, and counts as, the text.
		Map<String, String> prepared = new HashMap<>();
		for (String statement : statements) {
			Optional<Statement> read = Statement.read(statement, database);
			if (read.isEmpty()) {
				return Optional.empty();
			}
			Statement known = read.get();
			// MariaDB counts a PREPARE and an EXECUTE of SQL as it counts the binary protocol's (Com_stmt_prepare,
			// Com_stmt_execute), and what EXECUTE runs by its own kind.
			if (known.prepared.isPresent()) {
				String name = known.prepared.get().toLowerCase(Locale.ROOT);
				if (known.preparedText.isPresent()) {
					prepared.put(name, known.preparedText.get());
					counters.merge("COM_STMT_PREPARE", 1, Integer::sum);
					continue;
				}
				if (!known.executes) {
					prepared.remove(name);
					continue;
				}
				Optional<Statement> executed = Optional.ofNullable(prepared.get(name))
					.flatMap(text -> Statement.read(text, database))
					.filter(inner -> inner.prepared.isEmpty());
				if (executed.isEmpty()) {
					return Optional.empty();
				}
				counters.merge("COM_STMT_EXECUTE", 1, Integer::sum);
				known = executed.get();
			}
			calls |= known.calls;
			relations.addAll(known.relations);
			triggers.addAll(known.triggers);
			routines[0] |= known.routines;
			routineNames.addAll(known.routineNames);
			known.counter.ifPresent(counter -> counters.merge(counter, 1, Integer::sum));
			if (known.counter.isPresent()) {
				known.tokens.forEach(token -> words.add(token.upper()));
			}
		}
		if (calls && routines[0]) {
			// A procedure's row writes count nowhere: where routine statements let the system tables of routines
			// change, one to another routine's row is read by reading every routine.
			routineNames.clear();
		}
		return Optional.of(new Effect(relations, triggers, routines[0], routineNames, counters, words));
	}

	private enum Kind {
		WORD, IDENTIFIER, STRING, SYMBOL
	}

	/**
	 * A token: a bare word (or number), a backquoted identifier (unquoted), a string (unquoted, doubled quotes made
	 * single; backslashes as written), or one symbol character.
	 */
	private record Token(Kind kind, String text) {

		boolean is(String word) {
			return kind == Kind.WORD && text.equalsIgnoreCase(word);
		}

		boolean isSymbol(String symbol) {
			return kind == Kind.SYMBOL && text.equals(symbol);
		}

		String upper() {
			return kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : "";
		}
	}

	/** Thrown while reading a statement that is not known here: the statements then say nothing. */
	private static final class Unknown extends Exception {

		private static final long serialVersionUID = 1L;

		Unknown() {
			super(null, null, false, false);
		}
	}

	/** One statement read: what it names and the counter it adds to. */
	private static final class Statement {

		private final List<Token> tokens;
		private final String database;
		private int at;
		private final Set<String> relations = new LinkedHashSet<>();
		private final Set<String> triggers = new LinkedHashSet<>();
		private boolean routines;
		private final Set<String> routineNames = new LinkedHashSet<>();
		private Optional<String> counter = Optional.empty();
		/** The prepared statement that {@code PREPARE}, {@code EXECUTE} or {@code DEALLOCATE PREPARE} names. */
		private Optional<String> prepared = Optional.empty();
		/** What {@code PREPARE} prepares. */
		private Optional<String> preparedText = Optional.empty();
		private boolean executes;
		/** Whether it is a {@code CALL}. */
		private boolean calls;

		private Statement(List<Token> tokens, String database) {
			this.tokens = tokens;
			this.database = database;
		}

		static Optional<Statement> read(String sql, String database) {
			try {
				Tokens tokens = tokens(sql);
				// Semicolons that end the text end the one statement: some tools send them (Flyway's SHOW …;).
				List<Token> list = new ArrayList<>(tokens.list());
				while (!list.isEmpty() && list.get(list.size() - 1).isSymbol(";")) {
					list.remove(list.size() - 1);
				}
				Statement statement = new Statement(list, database);
				boolean changesSchema = statement.classify();
				if (changesSchema && tokens.backslash()) {
					return Optional.empty();
				}
				// Several statements in one (a driver that allows multiple queries): only a routine's or a trigger's
				// body, which does not run now, may hold semicolons.
				boolean body = statement.routines && statement.counter.filter(name -> name.startsWith("COM_CREATE_"))
					.isPresent() || statement.counter.filter("COM_CREATE_TRIGGER"::equals).isPresent();
				if (!body && list.stream().anyMatch(token -> token.isSymbol(";"))) {
					return Optional.empty();
				}
				return Optional.of(statement);
			}
			catch (Unknown unknown) {
				return Optional.empty();
			}
		}

		/** Reads the statement; whether it can change the schema. */
		private boolean classify() throws Unknown {
			if (tokens.isEmpty()) {
				return false;
			}
			String first = next().upper();
			switch (first) {
				case "CREATE" -> create();
				case "ALTER" -> alter();
				case "DROP" -> drop();
				case "RENAME" -> {
					expect("TABLE");
					renameTable();
					counter = Optional.of("COM_RENAME_TABLE");
				}
				case "TRUNCATE" -> {
					accept("TABLE");
					relations.add(name());
					counter = Optional.of("COM_TRUNCATE");
				}
				case "GRANT", "REVOKE" -> grant(first);
				case "PREPARE" -> {
					prepare();
					return false;
				}
				case "EXECUTE" -> {
					if (peek().is("IMMEDIATE")) {
						throw new Unknown();
					}
					prepared = Optional.of(name());
					executes = true;
					// USING @a, @b binds the text's ? markers, which DDL cannot have: what runs is the text.
					if (accept("USING")) {
						at = tokens.size();
					}
					rest(Set.of());
					return false;
				}
				case "DEALLOCATE" -> {
					expect("PREPARE");
					prepared = Optional.of(name());
					rest(Set.of());
					return false;
				}
				case "CALL" -> {
					// The statements a procedure runs add to their own counters, not to CALL's: a mark that finds
					// exactly the counted statements told has proved that the procedure changed no schema (any DDL
					// in it, or SQL it prepares, is one statement more). Its arguments run functions, which cannot.
					name();
					at = tokens.size();
					calls = true;
					return false;
				}
				default -> {
					harmless(first);
					return false;
				}
			}
			return true;
		}

		/** Data statements, session settings, transactions and locks: harmless, and counted by no counter a mark has. */
		private void harmless(String first) throws Unknown {
			boolean known = HARMLESS.contains(first)
					|| first.equals("SET") && !(peek().is("STATEMENT"))
					|| first.equals("START") && peek().is("TRANSACTION")
					|| first.equals("BEGIN") && (at == tokens.size() || peek().is("WORK"))
					|| first.equals("LOCK") && (peek().is("TABLES") || peek().is("TABLE"));
			if (!known) {
				throw new Unknown();
			}
			// Rows of the system tables are schema (routines, grants): written directly, they are not known here.
			for (int i = 0; i + 1 < tokens.size(); i++) {
				if ((tokens.get(i).kind() == Kind.WORD || tokens.get(i).kind() == Kind.IDENTIFIER)
						&& tokens.get(i).text().equalsIgnoreCase("mysql") && tokens.get(i + 1).isSymbol(".")) {
					throw new Unknown();
				}
			}
		}

		private void create() throws Unknown {
			boolean replace = false;
			if (accept("OR")) {
				expect("REPLACE");
				replace = true;
			}
			accept("TEMPORARY");
			if (accept("TABLE")) {
				ifNotExists();
				relations.add(name());
				counter = Optional.of("COM_CREATE_TABLE");
				return;
			}
			if (accept("UNIQUE") || accept("FULLTEXT") || accept("SPATIAL") || peek().is("INDEX")) {
				expect("INDEX");
				ifNotExists();
				name();
				while (at < tokens.size() && !peek().is("ON")) {
					at++;
				}
				expect("ON");
				relations.add(name());
				counter = Optional.of("COM_CREATE_INDEX");
				return;
			}
			String kind = objectAfterOptions();
			switch (kind) {
				case "VIEW" -> {
					ifNotExists();
					relations.add(name());
					counter = Optional.of("COM_CREATE_VIEW");
				}
				case "TRIGGER" -> {
					ifNotExists();
					String trigger = name();
					if (replace) {
						triggers.add(trigger);
					}
					while (at < tokens.size() && !peek().is("ON")) {
						at++;
					}
					expect("ON");
					relations.add(name());
					counter = Optional.of("COM_CREATE_TRIGGER");
				}
				case "PROCEDURE", "FUNCTION" -> {
					ifNotExists();
					routineNames.add(name());
					for (Token token : tokens) {
						if (token.is("SONAME")) {
							// A user-defined function from a library: not a stored routine.
							throw new Unknown();
						}
					}
					routines = true;
					counter = Optional.of("COM_CREATE_" + kind);
				}
				default -> throw new Unknown();
			}
		}

		private void alter() throws Unknown {
			accept("ONLINE");
			accept("IGNORE");
			if (accept("TABLE")) {
				ifExists();
				relations.add(name());
				counter = Optional.of("COM_ALTER_TABLE");
				alterTableActions();
				return;
			}
			String kind = objectAfterOptions();
			switch (kind) {
				// MariaDB runs ALTER VIEW as a CREATE VIEW that must find the view.
				case "VIEW" -> {
					relations.add(name());
					counter = Optional.of("COM_CREATE_VIEW");
				}
				case "PROCEDURE", "FUNCTION" -> {
					routineNames.add(name());
					routines = true;
					counter = Optional.of("COM_ALTER_" + kind);
				}
				default -> throw new Unknown();
			}
		}

		/**
		 * The actions of an {@code ALTER TABLE}: a {@code RENAME [TO|AS] name} names the table's new name; moving
		 * partitions to or from another table ({@code EXCHANGE}, {@code CONVERT}) is not known here.
		 */
		private void alterTableActions() throws Unknown {
			while (at < tokens.size()) {
				Token token = next();
				if (token.is("EXCHANGE") || token.is("CONVERT")) {
					throw new Unknown();
				}
				if (token.is("RENAME")) {
					if (TABLE_INTERNAL.contains(peek().upper())) {
						continue;
					}
					if (!accept("TO")) {
						accept("AS");
					}
					relations.add(name());
				}
			}
		}

		private void drop() throws Unknown {
			accept("TEMPORARY");
			String kind = next().upper();
			switch (kind) {
				case "PREPARE" -> {
					prepared = Optional.of(name());
					rest(Set.of());
				}
				case "TABLE", "VIEW" -> {
					ifExists();
					relations.add(name());
					while (at < tokens.size() && peek().isSymbol(",")) {
						at++;
						relations.add(name());
					}
					counter = Optional.of(kind.equals("TABLE") ? "COM_DROP_TABLE" : "COM_DROP_VIEW");
					rest(Set.of("RESTRICT", "CASCADE", "WAIT", "NOWAIT"));
				}
				case "INDEX" -> {
					ifExists();
					name();
					expect("ON");
					relations.add(name());
					counter = Optional.of("COM_DROP_INDEX");
				}
				case "TRIGGER" -> {
					ifExists();
					triggers.add(name());
					counter = Optional.of("COM_DROP_TRIGGER");
					rest(Set.of());
				}
				case "PROCEDURE", "FUNCTION" -> {
					ifExists();
					routineNames.add(name());
					routines = true;
					counter = Optional.of("COM_DROP_" + kind);
					rest(Set.of());
				}
				default -> throw new Unknown();
			}
		}

		/**
		 * {@code PREPARE name FROM 'text'}: the text is known only as a string without a backslash, whose meaning
		 * depends on {@code NO_BACKSLASH_ESCAPES}; from a user variable ({@code FROM @sql}) it is not known here, unless
		 * the migration runner told the variable's text in its place.
		 */
		private void prepare() throws Unknown {
			prepared = Optional.of(name());
			expect("FROM");
			Token text = next();
			if (text.kind() != Kind.STRING || text.text().indexOf('\\') >= 0) {
				throw new Unknown();
			}
			preparedText = Optional.of(text.text());
			rest(Set.of());
		}

		/** {@code RENAME TABLE a TO b, c TO d}: every name on both sides. */
		private void renameTable() throws Unknown {
			ifExists();
			do {
				relations.add(name());
				rest(Set.of("WAIT", "NOWAIT"), "TO");
				expect("TO");
				relations.add(name());
			}
			while (at < tokens.size() && accept(","));
			rest(Set.of("WAIT", "NOWAIT"));
		}

		/**
		 * {@code GRANT}/{@code REVOKE privileges ON [TABLE|PROCEDURE|FUNCTION] name …}: one table, view or routine of
		 * this database; grants on a database, on every one ({@code *}), of roles or proxies are not known here.
		 */
		private void grant(String first) throws Unknown {
			if (peek().is("PROXY")) {
				throw new Unknown();
			}
			int depth = 0;
			while (at < tokens.size() && !(depth == 0 && peek().is("ON"))) {
				Token token = next();
				depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
			}
			expect("ON");
			String kind = peek().upper();
			if (ROUTINE_KINDS.contains(kind)) {
				at++;
				routineNames.add(name());
				routines = true;
			}
			else {
				accept("TABLE");
				relations.add(name());
			}
			expect(first.equals("GRANT") ? "TO" : "FROM");
			counter = Optional.of("COM_" + first);
		}

		/**
		 * Skips {@code ALGORITHM = x}, {@code DEFINER = user} and {@code SQL SECURITY x} before a view, trigger or
		 * routine, and {@code AGGREGATE} before a function; the kind of object that follows.
		 */
		private String objectAfterOptions() throws Unknown {
			while (true) {
				Token token = next();
				if (token.is("ALGORITHM")) {
					expectSymbol("=");
					next();
				}
				else if (token.is("DEFINER")) {
					expectSymbol("=");
					next();
					while (at < tokens.size() && !DEFINER_END.contains(peek().upper())) {
						at++;
					}
				}
				else if (token.is("SQL")) {
					expect("SECURITY");
					next();
				}
				else if (token.is("AGGREGATE")) {
					return expect("FUNCTION");
				}
				else {
					return token.upper();
				}
			}
		}

		/**
		 * Skips the options {@code words} (and the seconds after {@code WAIT}) up to {@code until}, if given, else to the
		 * statement's end; anything else there is not known here.
		 */
		private void rest(Set<String> words, String... until) throws Unknown {
			while (at < tokens.size()) {
				Token token = tokens.get(at);
				if (until.length > 0 && token.is(until[0])) {
					return;
				}
				boolean option = token.kind() == Kind.WORD && words.contains(token.upper());
				boolean seconds = token.kind() == Kind.WORD && token.text().chars().allMatch(Character::isDigit)
						&& tokens.get(at - 1).is("WAIT");
				if (!option && !seconds) {
					throw new Unknown();
				}
				at++;
			}
		}

		private void ifNotExists() throws Unknown {
			if (accept("IF")) {
				expect("NOT");
				expect("EXISTS");
			}
		}

		private void ifExists() throws Unknown {
			if (accept("IF")) {
				expect("EXISTS");
			}
		}

		/**
		 * A table, view, trigger or routine name, as written: bare or backquoted, qualified only with this database.
		 * A double-quoted name ({@code ANSI_QUOTES}) is not known here.
		 */
		private String name() throws Unknown {
			Token first = next();
			if (first.kind() != Kind.WORD && first.kind() != Kind.IDENTIFIER) {
				throw new Unknown();
			}
			if (at < tokens.size() && peek().isSymbol(".")) {
				at++;
				if (!first.text().equals(database)) {
					throw new Unknown();
				}
				Token second = next();
				if (second.kind() != Kind.WORD && second.kind() != Kind.IDENTIFIER) {
					throw new Unknown();
				}
				return second.text();
			}
			return first.text();
		}

		private Token next() throws Unknown {
			if (at >= tokens.size()) {
				throw new Unknown();
			}
			return tokens.get(at++);
		}

		private Token peek() throws Unknown {
			if (at >= tokens.size()) {
				throw new Unknown();
			}
			return tokens.get(at);
		}

		private boolean accept(String word) {
			if (at < tokens.size() && (tokens.get(at).is(word) || tokens.get(at).isSymbol(word))) {
				at++;
				return true;
			}
			return false;
		}

		private String expect(String word) throws Unknown {
			if (!accept(word)) {
				throw new Unknown();
			}
			return word;
		}

		private void expectSymbol(String symbol) throws Unknown {
			if (!next().isSymbol(symbol)) {
				throw new Unknown();
			}
		}
	}

	/** A statement's tokens, and whether a string in it holds a backslash. */
	private record Tokens(List<Token> list, boolean backslash) {
	}

	/**
	 * The tokens of {@code sql}, without comments; unknown for an executable comment ({@code /*!…}, {@code /*M!…}),
	 * which the server runs, and for a quote that is not closed.
	 */
	private static Tokens tokens(String sql) throws Unknown {
		List<Token> tokens = new ArrayList<>();
		boolean backslash = false;
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '#' || c == '-' && sql.startsWith("--", i)
					&& (i + 2 == length || Character.isWhitespace(sql.charAt(i + 2)))) {
				int end = sql.indexOf('\n', i);
				i = end < 0 ? length : end + 1;
			}
			else if (c == '/' && sql.startsWith("/*", i)) {
				if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i)) {
					throw new Unknown();
				}
				int end = sql.indexOf("*/", i + 2);
				if (end < 0) {
					throw new Unknown();
				}
				i = end + 2;
			}
			else if (c == '\'' || c == '"' || c == '`') {
				int end = QuotedText.end(sql, i, c != '`');
				if (end > length || sql.charAt(end - 1) != c || end == i + 1) {
					throw new Unknown();
				}
				String inside = sql.substring(i + 1, end - 1);
				if (c == '`') {
					tokens.add(new Token(Kind.IDENTIFIER, inside.replace("``", "`")));
				}
				else {
					backslash |= inside.indexOf('\\') >= 0;
					String quote = String.valueOf(c);
					tokens.add(new Token(Kind.STRING, inside.replace(quote + quote, quote)));
				}
				i = end;
			}
			else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
				int end = i;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '$')) {
					end++;
				}
				tokens.add(new Token(Kind.WORD, sql.substring(i, end)));
				i = end;
			}
			else {
				tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
				i++;
			}
		}
		return new Tokens(tokens, backslash);
	}
}
