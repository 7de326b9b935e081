package dev.dbparity.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.snapshots.Engine;

/**
 * {@code SingleFileMigration} splits a goose, dbmate or sql-migrate file, which holds both directions of one version,
 * into its up and down scripts.
 *
 * <p>Each script is the whole file with the other section's lines left empty, so that a failing statement is reported
 * at its line in the real file, and the comments above the up marker stay in the up script's header, where
 * {@link MigrationDirectives} reads them. The markers are checked as strictly as the tools check them, and a little
 * more: a misspelt marker would move statements into the wrong direction.
 */
final class SingleFileMigration {

	/** The directive prefix; directives in the down section would be silently ignored. */
	private static final Pattern DIRECTIVE = Pattern.compile("\\s*--\\s*dbparity:.*");

	// What each tool's markers look like, misspelt or indented ones included, so that those can be reported.
	private static final Pattern GOOSE_LIKE = Pattern.compile("\\s*--\\s*\\+goose\\b.*", Pattern.CASE_INSENSITIVE);
	private static final Pattern DBMATE_LIKE = Pattern.compile("\\s*--\\s*migrate:.*", Pattern.CASE_INSENSITIVE);
	private static final Pattern SQL_MIGRATE_LIKE = Pattern.compile("\\s*--\\s*\\+migrate\\b.*",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern DBMATE = Pattern.compile("--\\s*migrate:(up|down)(\\s.*)?");
	private static final Pattern DBMATE_NO_TRANSACTION = Pattern.compile("\\stransaction:false(\\s|$)");
	private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");

	private enum Marker {
		NONE, UP, DOWN, BEGIN, END, NO_TRANSACTION, OPTION
	}

	private enum Section {
		HEAD, UP, DOWN
	}

	/** The scripts of one file: the up script, and the down script unless the down section has no statements. */
	record Scripts(Script up, Optional<Script> down) {
	}

	private final MigrationFormat format;
	private final String location;

	private SingleFileMigration(MigrationFormat format, String location) {
		this.format = format;
		this.location = location;
	}

	/**
	 * Splits {@code content}, the text of the file at {@code location}, written in the single-file {@code format}.
	 *
	 * @throws MigrationException naming {@code location:line} for a missing up marker, a statement above it, markers
	 *     out of order or repeated, unbalanced statement blocks, an unknown marker, or a directive in the down section
	 */
	static Scripts split(MigrationFormat format, String location, String content) {
		return new SingleFileMigration(format, location).split(content);
	}

	/** {@code hasStatements} is whether {@code script} has anything but comments and blank lines. */
	static boolean hasStatements(String script) {
		try {
			return !SqlScriptSplitter.split(script, Engine.POSTGRES).isEmpty();
		}
		catch (IllegalArgumentException e) {
			// Something that does not even split is not empty; running it will report the problem with its line.
			return true;
		}
	}

	private Scripts split(String content) {
		List<String> lines = new ArrayList<>();
		List<String> terminators = new ArrayList<>();
		Matcher lineEnd = LINE_END.matcher(content);
		int from = 0;
		while (lineEnd.find()) {
			lines.add(content.substring(from, lineEnd.start()));
			terminators.add(lineEnd.group());
			from = lineEnd.end();
		}
		lines.add(content.substring(from));
		terminators.add("");

		Section[] owners = new Section[lines.size()];
		Section current = Section.HEAD;
		int upLine = 0;
		int downLine = 0;
		boolean upTransactional = true;
		boolean downTransactional = true;
		int blockLine = 0;
		// Reported after the loop, where a missing up marker, the likelier mistake, is reported first.
		int strayLine = 0;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			int number = i + 1;
			switch (marker(line, number)) {
				case UP -> {
					checkSectionMarker(upLine, number, format.upMarker(), blockLine);
					if (downLine > 0 && format != MigrationFormat.SQL_MIGRATE) {
						throw new MigrationException(where(downLine) + ": '" + format.downMarker() + "' comes before '"
								+ format.upMarker() + "' (line " + number + "); " + format.displayName()
								+ " needs the up section first. Move the down section to the end of the file.");
					}
					upLine = number;
					current = Section.UP;
					upTransactional &= !noTransaction(line);
				}
				case DOWN -> {
					checkSectionMarker(downLine, number, format.downMarker(), blockLine);
					downLine = number;
					current = Section.DOWN;
					downTransactional &= !noTransaction(line);
				}
				case BEGIN -> {
					String begin = blockMarker("StatementBegin");
					if (current == Section.HEAD) {
						throw new MigrationException(where(number) + ": '" + begin + "' is above the '" + format.upMarker()
								+ "' line. Move it into the section of its statement.");
					}
					if (blockLine > 0) {
						throw new MigrationException(where(number) + ": '" + begin + "' inside the statement block "
								+ "opened at line " + blockLine + ". Add '" + blockMarker("StatementEnd")
								+ "' before it.");
					}
					blockLine = number;
				}
				case END -> {
					if (blockLine == 0) {
						throw new MigrationException(where(number) + ": '" + blockMarker("StatementEnd") + "' has no '"
								+ blockMarker("StatementBegin") + "' before it. Add one above the statement, or delete "
								+ "this line.");
					}
					blockLine = 0;
				}
				case NO_TRANSACTION -> {
					upTransactional = false;
					downTransactional = false;
				}
				case OPTION, NONE -> {
					String trimmed = line.strip();
					if (current == Section.HEAD && !trimmed.isEmpty() && !trimmed.startsWith("--") && strayLine == 0) {
						strayLine = number;
					}
					if (current == Section.DOWN && DIRECTIVE.matcher(line).matches()) {
						throw new MigrationException(where(number) + ": the directive '" + trimmed + "' is in the down "
								+ "section, where dbparity does not read directives. Move it to the top of the file or "
								+ "right below '" + format.upMarker() + "', above the first statement.");
					}
				}
			}
			owners[i] = current;
		}
		if (blockLine > 0) {
			throw new MigrationException(where(blockLine) + ": '" + blockMarker("StatementBegin") + "' is never closed. "
					+ "Add '" + blockMarker("StatementEnd") + "' on its own line after the statement.");
		}
		if (upLine == 0) {
			throw new MigrationException("Migration file " + location + " has no '" + format.upMarker() + "' line, so "
					+ format.displayName() + " would not find its statements. Put '" + format.upMarker() + "' on its own "
					+ "line above them, and '" + format.downMarker() + "' above the statements that reverse them.");
		}
		if (strayLine > 0) {
			throw new MigrationException(where(strayLine) + ": a statement above the '" + format.upMarker() + "' line, "
					+ "where " + format.displayName() + " does not run it. Move it below '" + format.upMarker()
					+ "', or delete it.");
		}
		String up = keep(lines, terminators, owners, Section.HEAD, Section.UP);
		String down = keep(lines, terminators, owners, Section.DOWN);
		return new Scripts(new Script(location, up, Script.checksumOf(up), upTransactional), hasStatements(down)
				? Optional.of(new Script(location, down, Script.checksumOf(down), downTransactional)) : Optional.empty());
	}

	private void checkSectionMarker(int previous, int number, String marker, int blockLine) {
		if (previous > 0) {
			throw new MigrationException(where(number) + ": a second '" + marker + "' line (the first is line " + previous
					+ "); a file has one up and one down section. Merge the two sections.");
		}
		if (blockLine > 0) {
			throw new MigrationException(where(number) + ": '" + marker + "' inside the statement block opened at line "
					+ blockLine + ". Add '" + blockMarker("StatementEnd") + "' before it.");
		}
	}

	/** The file with the lines of other sections emptied; their line ends stay, so the line numbers do. */
	private static String keep(List<String> lines, List<String> terminators, Section[] owners, Section... kept) {
		StringBuilder script = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			if (List.of(kept).contains(owners[i])) {
				script.append(lines.get(i));
			}
			script.append(terminators.get(i));
		}
		return script.toString();
	}

	private Marker marker(String line, int number) {
		Pattern like = switch (format) {
			case GOOSE -> GOOSE_LIKE;
			case DBMATE -> DBMATE_LIKE;
			default -> SQL_MIGRATE_LIKE;
		};
		if (!like.matcher(line).matches()) {
			return Marker.NONE;
		}
		if (Character.isWhitespace(line.charAt(0))) {
			throw new MigrationException(where(number) + ": '" + line.strip() + "' is indented, but "
					+ format.displayName() + " reads it only at the start of a line. Remove the indentation.");
		}
		Optional<Marker> marker = switch (format) {
			case GOOSE -> goose(line);
			case DBMATE -> dbmate(line);
			default -> sqlMigrate(line);
		};
		return marker.orElseThrow(() -> new MigrationException(where(number) + ": unknown " + format.displayName()
				+ " annotation '" + line.strip() + "'; " + known() + ". Fix the spelling."));
	}

	/** The options after dbmate's and sql-migrate's section markers that run the section outside a transaction. */
	private boolean noTransaction(String line) {
		return switch (format) {
			case DBMATE -> DBMATE_NO_TRANSACTION.matcher(line).find();
			case SQL_MIGRATE -> List.of(line.strip().split("\\s+")).contains("notransaction");
			default -> false;
		};
	}

	/** goose reads {@code -- +goose <command>} in any letter case. */
	private static Optional<Marker> goose(String line) {
		String command = line.substring(2).strip().substring("+goose".length()).strip().replaceAll("\\s+", " ")
			.toLowerCase(Locale.ROOT);
		return Optional.ofNullable(switch (command) {
			case "up" -> Marker.UP;
			case "down" -> Marker.DOWN;
			case "statementbegin" -> Marker.BEGIN;
			case "statementend" -> Marker.END;
			case "no transaction" -> Marker.NO_TRANSACTION;
			case "envsub on", "envsub off" -> Marker.OPTION;
			default -> null;
		});
	}

	/** dbmate reads {@code -- migrate:up} and {@code -- migrate:down}, each optionally followed by options. */
	private static Optional<Marker> dbmate(String line) {
		Matcher matcher = DBMATE.matcher(line);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(matcher.group(1).equals("up") ? Marker.UP : Marker.DOWN);
	}

	/** sql-migrate reads {@code -- +migrate <Command> [options]} spelt exactly so. */
	private static Optional<Marker> sqlMigrate(String line) {
		if (!line.startsWith("-- +migrate ")) {
			return Optional.empty();
		}
		String[] words = line.substring("-- +migrate ".length()).strip().split("\\s+");
		return Optional.ofNullable(switch (words[0]) {
			case "Up" -> Marker.UP;
			case "Down" -> Marker.DOWN;
			case "StatementBegin" -> Marker.BEGIN;
			case "StatementEnd" -> Marker.END;
			default -> null;
		});
	}

	private String known() {
		return switch (format) {
			case GOOSE -> "goose knows '-- +goose Up', 'Down', 'StatementBegin', 'StatementEnd', 'NO TRANSACTION' and "
					+ "'ENVSUB ON'/'OFF'";
			case DBMATE -> "dbmate knows '-- migrate:up' and '-- migrate:down', optionally followed by options such as "
					+ "transaction:false";
			default -> "sql-migrate knows '-- +migrate Up', 'Down', 'StatementBegin' and 'StatementEnd', spelt exactly "
					+ "so, optionally followed by notransaction";
		};
	}

	private String blockMarker(String command) {
		return (format == MigrationFormat.GOOSE ? "-- +goose " : "-- +migrate ") + command;
	}

	private String where(int line) {
		return "Migration file " + location + ":" + line;
	}
}
