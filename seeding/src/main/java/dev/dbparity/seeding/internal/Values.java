package dev.dbparity.seeding.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** {@code Values} turns generated values into text. May change in any minor release. */
public final class Values {

	private Values() {
	}

	/** The engine-neutral text of a value: what is hashed into {@code seed.lock.json} and what templates insert. */
	public static String text(Object value) {
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof LocalDateTime timestamp) {
			return timestamp(timestamp);
		}
		return value.toString();
	}

	/** {@code yyyy-MM-dd HH:mm:ss}, written by hand: a {@code DateTimeFormatter} costs a tenth of a row. */
	private static String timestamp(LocalDateTime t) {
		StringBuilder out = new StringBuilder(19);
		int year = t.getYear();
		if (year < 0 || year > 9999) {
			throw new IllegalArgumentException("timestamps must lie in the years 0 to 9999: " + t);
		}
		out.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10));
		two(out, year % 100).append('-');
		two(out, t.getMonthValue()).append('-');
		two(out, t.getDayOfMonth()).append(' ');
		two(out, t.getHour()).append(':');
		two(out, t.getMinute()).append(':');
		return two(out, t.getSecond()).toString();
	}

	private static StringBuilder two(StringBuilder out, int value) {
		return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}
}
