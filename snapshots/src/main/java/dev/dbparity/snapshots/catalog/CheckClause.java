package dev.dbparity.snapshots.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.dbparity.snapshots.sqltext.QuotedText;

/**
 * {@code CheckClause} removes repeated {@code OR} and {@code AND} terms from a check expression as MariaDB or MySQL
 * printed it: {@code `a` > 0 or `a` > 0} means {@code `a` > 0}.
 *
 * <p>Everything else about a check's spelling is normalised by the engine itself: MariaDB 10.11 and MySQL 8 store in
 * {@code information_schema.CHECK_CONSTRAINTS} the expression re-printed from its parse tree (keywords and functions in
 * lower case, identifiers back-quoted, redundant parentheses and whitespace gone, {@code !=} as {@code <>},
 * {@code "x"} as {@code 'x'}, {@code LENGTH} as {@code octet_length}), which is also what {@code SHOW CREATE TABLE}
 * prints. The engine keeps repeated terms, though, and only a text rule can drop them. It is a scanner, not a
 * pattern: it has to know which {@code and} belongs to a {@code between}, which words are inside quotes, parentheses
 * or a {@code case … end}, and that {@code xor} binds between the two.
 */
final class CheckClause {

	private CheckClause() {
	}

	/**
	 * {@code expression} with each repeated top-level {@code OR} term, and each repeated {@code AND} term within one,
	 * kept once, in first-seen order; unchanged (byte for byte) when nothing repeats.
	 */
	static String withoutRepeatedTerms(String expression) {
		if (expression == null) {
			return null;
		}
		String inner = expression;
		boolean wrapped = wrappedWhole(expression);
		if (wrapped) {
			// MySQL prints the whole check in parentheses.
			inner = expression.substring(1, expression.length() - 1);
		}
		List<String> orTerms = new ArrayList<>();
		boolean repeated = false;
		for (String term : split(inner, "or")) {
			List<String> andTerms = split(term, "xor").size() > 1 ? List.of(term) : split(term, "and");
			Set<String> unique = new LinkedHashSet<>(andTerms);
			repeated |= unique.size() < andTerms.size();
			orTerms.add(String.join(" and ", unique));
		}
		Set<String> unique = new LinkedHashSet<>(orTerms);
		repeated |= unique.size() < orTerms.size();
		if (!repeated) {
			return expression;
		}
		String joined = String.join(" or ", unique);
		// MySQL wraps each term too: one term left is already wrapped once, as MySQL prints a single comparison.
		return wrapped && !(unique.size() == 1 && wrappedWhole(joined)) ? "(" + joined + ")" : joined;
	}

	/** Whether one pair of parentheses encloses all of {@code expression}. */
	private static boolean wrappedWhole(String expression) {
		if (!expression.startsWith("(") || !expression.endsWith(")")) {
			return false;
		}
		Scanner scanner = new Scanner(expression);
		while (scanner.next()) {
			if (scanner.depth == 0 && scanner.end < expression.length()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The terms of {@code expression} separated by {@code keyword} outside quotes, parentheses and {@code case … end},
	 * trimmed; for {@code and}, one that closes a {@code between} does not separate.
	 */
	private static List<String> split(String expression, String keyword) {
		List<String> terms = new ArrayList<>();
		Scanner scanner = new Scanner(expression);
		int start = 0;
		int betweens = 0;
		while (scanner.next()) {
			if (scanner.depth != 0 || scanner.word == null) {
				continue;
			}
			if (scanner.word.equals("between")) {
				betweens++;
			}
			else if (scanner.word.equals(keyword)) {
				if (keyword.equals("and") && betweens > 0) {
					betweens--;
				}
				else {
					terms.add(expression.substring(start, scanner.start).trim());
					start = scanner.end;
				}
			}
		}
		terms.add(expression.substring(start).trim());
		return terms;
	}

	/**
	 * Walks an expression token by token: a quoted string or identifier, a word, or one other character. After each
	 * {@link #next()}, {@code start} and {@code end} delimit the token, {@code word} is it in lower case when it is a
	 * bare word (else {@code null}), and {@code depth} counts the parentheses and {@code case} blocks it is inside,
	 * the token itself included when it opens one and excluded when it closes one.
	 */
	private static final class Scanner {

		private final String text;
		private int start;
		private int end;
		private int depth;
		private String word;

		Scanner(String text) {
			this.text = text;
		}

		boolean next() {
			int i = end;
			while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (i >= text.length()) {
				return false;
			}
			start = i;
			word = null;
			char c = text.charAt(i);
			if (c == '\'' || c == '"' || c == '`') {
				end = QuotedText.end(text, i, c != '`');
			}
			else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
				end = i;
				while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
						|| text.charAt(end) == '$')) {
					end++;
				}
				word = text.substring(start, end).toLowerCase(Locale.ROOT);
				if (word.equals("case")) {
					depth++;
				}
				else if (word.equals("end")) {
					depth--;
				}
			}
			else {
				end = i + 1;
				if (c == '(') {
					depth++;
				}
				else if (c == ')') {
					depth--;
				}
			}
			return true;
		}
	}
}
