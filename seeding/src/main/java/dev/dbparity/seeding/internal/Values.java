package dev.dbparity.seeding.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** {@code Values} turns generated values into text. May change in any minor release. */
public final class Values {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private Values() {
	}

	/** The engine-neutral text of a value: what is hashed into {@code seed.lock.json} and what templates insert. */
	public static String text(Object value) {
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof LocalDateTime timestamp) {
			return TIMESTAMP.format(timestamp);
		}
		return value.toString();
	}
}
