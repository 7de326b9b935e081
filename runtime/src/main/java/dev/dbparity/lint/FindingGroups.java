package dev.dbparity.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code FindingGroups} collects a dry run's findings in order, and those a statement causes on a table into one finding
 * per kind and table however many statements cause it: a migration that rebuilds 30 indexes of a table gives one
 * finding naming the 30 statements, not 30 lines that hide the rest of the report.
 */
final class FindingGroups {

	/** How many statements' locations a grouped finding names before it only counts the rest. */
	private static final int LISTED = 10;

	/** Either a {@link LintFinding} or a {@link Group}, in the order they were first added. */
	private final List<Object> entries = new ArrayList<>();
	private final Map<String, Group> groups = new LinkedHashMap<>();

	/** {@code Statements} is what a grouped finding's detail names: one statement with its text, or several. */
	record Statements(List<String> locations, String firstStatement) {

		boolean one() {
			return locations.size() == 1;
		}

		/**
		 * {@code ALTER TABLE orders … (V2__x.sql:2)} for one, {@code 3 statements (V2__x.sql:2, :3, :4)} for several: the
		 * file is named once when they share it.
		 */
		@Override
		public String toString() {
			if (one()) {
				return firstStatement + " (" + locations.get(0) + ")";
			}
			StringBuilder text = new StringBuilder().append(locations.size()).append(" statements (");
			String previousFile = null;
			for (int i = 0; i < Math.min(LISTED, locations.size()); i++) {
				String location = locations.get(i);
				int colon = location.lastIndexOf(':');
				String file = location.substring(0, colon);
				text.append(i == 0 ? "" : ", ").append(file.equals(previousFile) ? location.substring(colon) : location);
				previousFile = file;
			}
			if (locations.size() > LISTED) {
				text.append(" and ").append(locations.size() - LISTED).append(" more");
			}
			return text.append(')').toString();
		}
	}

	private static final class Group {

		private final LintFinding.Kind kind;
		private final String subject;
		private final Function<Statements, String> detail;
		private final List<String> locations = new ArrayList<>();
		private final String firstStatement;

		Group(LintFinding.Kind kind, String subject, String firstStatement, Function<Statements, String> detail) {
			this.kind = kind;
			this.subject = subject;
			this.firstStatement = firstStatement;
			this.detail = detail;
		}

		LintFinding finding() {
			return new LintFinding(kind, subject, detail.apply(new Statements(List.copyOf(locations), firstStatement)));
		}
	}

	void add(LintFinding finding) {
		entries.add(finding);
	}

	/**
	 * Adds that the statement at {@code location} ({@code file:line}, abbreviated as {@code statement}) causes a
	 * finding of {@code kind} on {@code subject}; all statements of one kind and subject become one finding, placed
	 * where the first was, with the detail {@code detail} gives for them.
	 */
	void add(LintFinding.Kind kind, String subject, String location, String statement,
			Function<Statements, String> detail) {
		Group group = groups.computeIfAbsent(kind.code() + " " + subject, key -> {
			Group created = new Group(kind, subject, statement, detail);
			entries.add(created);
			return created;
		});
		group.locations.add(location);
	}

	List<LintFinding> findings() {
		return entries.stream().map(entry -> entry instanceof Group group ? group.finding() : (LintFinding) entry)
			.toList();
	}
}
