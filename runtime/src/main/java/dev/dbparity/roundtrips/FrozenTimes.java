package dev.dbparity.roundtrips;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.migrations.Migration;
import dev.dbparity.migrations.Script;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.SchemaDiffResult;

/**
 * {@code FrozenTimes} recognises the differences that PostgreSQL's special date/time strings explain alone:
 * {@code 'now'::timestamp} or {@code DEFAULT 'today'} is stored as the time the statement ran, so a view or a default
 * created again stores another time, whatever the undo does. Such a difference is accepted when a script that writes
 * one of those strings names its view or table, both texts are equal but for quoted literals, and each literal that
 * differs is a date or timestamp near the check (a real change of a literal date is not).
 */
final class FrozenTimes {

	/** A date/time string that PostgreSQL evaluates when it reads it. */
	private static final Pattern SPECIAL_WORD = Pattern.compile("(?i)'(now|today|tomorrow|yesterday)'");

	/** A quoted literal, with {@code ''} for a quote inside. */
	private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");

	/** PostgreSQL's output of a date, timestamp or timestamptz: {@code 2026-12-06 20:18:01.123456+00}. */
	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd")
		.optionalStart().appendLiteral(' ').appendPattern("HH:mm:ss")
		.optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
		.optionalStart().appendOffset("+HH:mm", "+00").optionalEnd()
		.optionalEnd()
		.toFormatter();

	/** How far from the check a frozen time can be: {@code 'tomorrow'}/{@code 'yesterday'} and any time zone. */
	private static final Duration NEAR = Duration.ofDays(3);

	private FrozenTimes() {
	}

	/** The scripts of {@code migrations} that write one of the strings PostgreSQL freezes. */
	static List<String> scriptsWriting(List<Migration> migrations) {
		return migrations.stream()
			.flatMap(migration -> Stream.concat(Stream.of(migration.up()), migration.undo().stream()))
			.map(Script::content)
			.filter(content -> SPECIAL_WORD.matcher(content).find())
			.toList();
	}

	/**
	 * {@code result} without the differences that a frozen time explains alone, each noted in {@code notes} after
	 * {@code when}: those of an object (a view, a table's column) that one of {@code scripts} names.
	 */
	static SchemaDiffResult accept(SchemaDiffResult result, List<String> scripts, Instant now, String when,
			List<String> notes) {
		List<Difference> kept = new ArrayList<>();
		List<Difference> accepted = new ArrayList<>();
		for (Difference difference : result.differences()) {
			if (namedBy(difference, scripts) && frozenOnly(difference.expected(), difference.actual(), now)) {
				accepted.add(difference);
			}
			else {
				kept.add(difference);
			}
		}
		if (accepted.isEmpty()) {
			return result;
		}
		notes.add("accepted: " + when + String.join(", ", accepted.stream().map(Difference::path).toList())
				+ " differ only by the time they were created, as 'now', 'today', 'tomorrow' or 'yesterday' cast to a "
				+ "date/time type is stored as a constant (lint DP303: write now(), CURRENT_TIMESTAMP or CURRENT_DATE)");
		List<Difference> ignored = new ArrayList<>(result.ignored());
		ignored.addAll(accepted);
		return new SchemaDiffResult(kept, ignored);
	}

	/**
	 * Whether a script that writes a frozen string also names the view or table of {@code difference}, so that a literal
	 * in an object no such script touches is never taken for a frozen time.
	 */
	private static boolean namedBy(Difference difference, List<String> scripts) {
		if (difference.keys().size() < 4) {
			return false;
		}
		Pattern name = Pattern.compile("(?i)(?<![A-Za-z_0-9])" + Pattern.quote(difference.keys().get(3))
				+ "(?![A-Za-z_0-9])");
		return scripts.stream().anyMatch(script -> name.matcher(script).find());
	}

	private static boolean frozenOnly(Optional<JsonNode> expected, Optional<JsonNode> actual, Instant now) {
		if (expected.isEmpty() || actual.isEmpty() || !expected.get().isTextual() || !actual.get().isTextual()) {
			return false;
		}
		String before = expected.get().asText();
		String after = actual.get().asText();
		if (before.equals(after)) {
			return false;
		}
		Matcher left = LITERAL.matcher(before);
		Matcher right = LITERAL.matcher(after);
		int leftEnd = 0;
		int rightEnd = 0;
		while (left.find()) {
			if (!right.find() || !before.substring(leftEnd, left.start()).equals(after.substring(rightEnd, right.start()))
					|| !left.group().equals(right.group()) && !(near(left.group(), now) && near(right.group(), now))) {
				return false;
			}
			leftEnd = left.end();
			rightEnd = right.end();
		}
		return !right.find() && before.substring(leftEnd).equals(after.substring(rightEnd));
	}

	/** Whether {@code literal} is a date or timestamp within {@link #NEAR} of {@code now}. */
	private static boolean near(String literal, Instant now) {
		TemporalAccessor parsed;
		try {
			parsed = TIMESTAMP.parseBest(literal.substring(1, literal.length() - 1), OffsetDateTime::from,
					LocalDateTime::from, LocalDate::from);
		}
		catch (DateTimeParseException e) {
			return false;
		}
		Instant time = parsed instanceof OffsetDateTime offset ? offset.toInstant()
				: parsed instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC)
						: ((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
		return Duration.between(time, now).abs().compareTo(NEAR) <= 0;
	}
}
