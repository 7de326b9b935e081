package dev.dbparity.seeding.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.snapshots.yaml.YamlNode;

/**
 * {@code LoadFailure} turns an engine's refusal of seeded rows, for what the checks before writing did not foresee,
 * into a message that names the rule ({@code seed.yaml:line:column}) and {@code table.column} beside the engine's own
 * message, which stays the cause. May change in any minor release.
 */
final class LoadFailure {

	/**
	 * Where engines name the column: PostgreSQL's {@code COPY t, line 3, column qty}, {@code null value in column "x"},
	 * {@code Key (a, b)=(…)}; MariaDB/MySQL's {@code for column `db`.`t`.`x`}, {@code Column 'x' cannot be null}.
	 */
	private static final List<Pattern> COLUMN = List.of(Pattern.compile("COPY [^,]+, line \\d+, column ([^:\\s]+)"),
			Pattern.compile("(?i)column \"([^\"]+)\""), Pattern.compile("Key \\(([^)]+)\\)="),
			Pattern.compile("(?i)column (?:`[^`]*`\\.)*`([^`]+)`"), Pattern.compile("(?i)column '([^']+)'"));

	private LoadFailure() {
	}

	/** The engine's refusal of generated rows of {@code table}, with the rule of the column it names. */
	static SQLException generated(TablePlan table, SQLException cause) {
		Optional<ColumnPlan> column = column(cause, table.columns).or(() -> checkedColumn(cause, table));
		YamlNode at = column.map(c -> c.node).orElse(table.columnsNode != null ? table.columnsNode : table.rowsNode);
		String subject = table.name + column.map(c -> "." + c.name).orElse("");
		String type = column.map(c -> table.table.columns().get(c.name)).map(SchemaModel.Column::type)
			.map(t -> " (" + t + ")").orElse("");
		String where = at == null ? subject : at.source() + ":" + at.line() + ":" + at.column() + ": " + subject;
		return wrap(where + ": the database refused the seeded rows: " + engineMessage(cause) + ". Fix: change the "
				+ "rule of " + subject + " so that its values fit the column" + type + " and its constraints; the checks "
				+ "before writing did not foresee this one, so please report it too", cause);
	}

	/** A failure while generating the rows of {@code table}, which the checks before writing did not foresee. */
	static SQLException generation(TablePlan table, Throwable cause) {
		YamlNode at = table.columnsNode != null ? table.columnsNode : table.rowsNode;
		String where = at == null ? table.name : at.source() + ":" + at.line() + ":" + at.column() + ": " + table.name;
		return new SQLException(where + ": generating the rows failed: " + cause + ". Fix: check the rules of "
				+ table.name + " against SEED-RULES.md; the checks before writing did not foresee this one, so please "
				+ "report it too", cause);
	}

	/** The engine's refusal of the rows of a fixture file. */
	static SQLException fixture(FixturePlan fixture, SQLException cause) {
		String column = columnName(cause, fixture.columns()).map(c -> "." + c).orElse("");
		return wrap(fixture.file() + ": " + fixture.table() + column + ": the database refused the fixture rows: "
				+ engineMessage(cause) + ". Fix: correct the values of " + fixture.table() + column + " in "
				+ fixture.file() + ", or its mask, so that they fit the column and its constraints", cause);
	}

	private static SQLException wrap(String message, SQLException cause) {
		return new SQLException(message, cause.getSQLState(), cause.getErrorCode(), cause);
	}

	/** The engine's message without PgJDBC's trailing context lines beyond the first three. */
	private static String engineMessage(SQLException cause) {
		String message = String.valueOf(cause.getMessage()).strip();
		String[] lines = message.split("\\R");
		return String.join(" ", java.util.Arrays.stream(lines).limit(3).map(String::strip).toList());
	}

	/**
	 * The one column with a rule that the check constraint named in the message reads: engines name the constraint,
	 * not the column.
	 */
	private static Optional<ColumnPlan> checkedColumn(SQLException cause, TablePlan table) {
		String message = messages(cause);
		for (java.util.Map.Entry<String, String> check : table.table.checkNames().entrySet()) {
			if (!message.contains(check.getKey())) {
				continue;
			}
			List<ColumnPlan> read = table.columns.stream().filter(c -> Pattern.compile("\\b" + Pattern.quote(c.name)
					+ "\\b").matcher(check.getValue()).find()).toList();
			if (read.size() == 1) {
				return Optional.of(read.get(0));
			}
		}
		return Optional.empty();
	}

	private static String messages(Throwable cause) {
		StringBuilder out = new StringBuilder();
		for (Throwable t = cause; t != null; t = t.getCause()) {
			out.append(t.getMessage()).append('\n');
		}
		return out.toString();
	}

	private static Optional<ColumnPlan> column(SQLException cause, List<ColumnPlan> columns) {
		return columnName(cause, columns.stream().map(ColumnPlan::name).toList())
			.flatMap(name -> columns.stream().filter(c -> c.name.equals(name)).findFirst());
	}

	private static Optional<String> columnName(SQLException cause, List<String> columns) {
		for (Throwable t = cause; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			for (Pattern pattern : COLUMN) {
				Matcher matcher = pattern.matcher(message);
				while (matcher.find()) {
					String first = matcher.group(1).split(",")[0].strip().replace("\"", "");
					for (String column : columns) {
						if (column.toLowerCase(Locale.ROOT).equals(first.toLowerCase(Locale.ROOT))) {
							return Optional.of(column);
						}
					}
				}
			}
		}
		return Optional.empty();
	}
}
