package dev.dbparity.snapshots.statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** {@code Numbers} rounds measured values to a stable precision and reads stored values as numbers. */
final class Numbers {

	/** Significant digits of every measured (not observed) number: fractions, means, deviations, ratios. */
	static final int SIGNIFICANT_DIGITS = 6;

	private static final MathContext PRECISION = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

	private static final Pattern DATE_TIME = Pattern.compile(
			"^(-?\\d{4,})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?)?.*");

	private static final Pattern TIME = Pattern.compile("^(\\d{1,3}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?.*");

	private Numbers() {
	}

	/**
	 * {@code value} with {@value #SIGNIFICANT_DIGITS} significant digits, without trailing zeros and in plain notation
	 * for whole numbers, so that float noise in the last bits never changes a file.
	 */
	static JsonNode round(double value) {
		return node(value == 0 ? BigDecimal.ZERO : new BigDecimal(value).round(PRECISION));
	}

	/**
	 * {@code value} as the node Jackson reads its canonical text back as: whole numbers as integers, others without
	 * trailing zeros. Jackson normalises decimals that way when it copies a tree, and {@code 150.00} would otherwise
	 * be written as {@code 1.5E+2}.
	 */
	static JsonNode node(BigDecimal value) {
		BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
		if (stripped.scale() <= 0) {
			BigInteger whole = stripped.toBigIntegerExact();
			return whole.bitLength() < 32 ? JsonNodeFactory.instance.numberNode(whole.intValue())
					: whole.bitLength() < 64 ? JsonNodeFactory.instance.numberNode(whole.longValue())
							: JsonNodeFactory.instance.numberNode(whole);
		}
		return DecimalNode.valueOf(stripped);
	}

	/**
	 * A stored value (a number, or a date, time or timestamp as text) as a number on one scale per kind: seconds
	 * since 1970 for dates and timestamps, seconds of the day for times.
	 */
	static OptionalDouble numeric(JsonNode value) {
		if (value.isNumber()) {
			return OptionalDouble.of(value.asDouble());
		}
		return value.isTextual() ? numeric(value.asText()) : OptionalDouble.empty();
	}

	static OptionalDouble numeric(String text) {
		Matcher dateTime = DATE_TIME.matcher(text);
		if (dateTime.matches()) {
			long day = LocalDate.of(Integer.parseInt(dateTime.group(1)), Integer.parseInt(dateTime.group(2)),
					Integer.parseInt(dateTime.group(3))).toEpochDay();
			double seconds = dateTime.group(4) == null ? 0 : seconds(dateTime.group(4), dateTime.group(5),
					dateTime.group(6));
			return OptionalDouble.of(day * 86_400.0 + seconds);
		}
		Matcher time = TIME.matcher(text);
		if (time.matches()) {
			return OptionalDouble.of(seconds(time.group(1), time.group(2), time.group(3)));
		}
		try {
			return OptionalDouble.of(Double.parseDouble(text));
		}
		catch (NumberFormatException e) {
			return OptionalDouble.empty();
		}
	}

	private static double seconds(String hours, String minutes, String seconds) {
		return Integer.parseInt(hours) * 3600.0 + Integer.parseInt(minutes) * 60.0
				+ (seconds == null ? 0 : Double.parseDouble(seconds));
	}
}
