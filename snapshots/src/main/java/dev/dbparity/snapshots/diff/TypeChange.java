package dev.dbparity.snapshots.diff;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code TypeChange} classifies a changed column, attribute, domain or sequence type by whether every value of the old
 * type still fits the new one.
 *
 * <ul>
 * <li>{@link Category#DESTRUCTIVE}: narrowing, values may be cut or rejected: a shorter {@code varchar}, a
 * {@code numeric} with fewer integer or fraction digits, {@code bigint} to {@code integer}, {@code text} to
 * {@code varchar(n)}, MySQL {@code int} to {@code tinyint}, {@code unsigned} added or removed, a lower timestamp
 * precision, an enum or set label removed or reordered — and any change to a type of another family, which the
 * engine converts (or refuses to) value by value.</li>
 * <li>{@link Category#INCOMPATIBLE}: every value fits but means or behaves differently: a family change known to be
 * lossless (an integer type to a {@code numeric} wide enough), {@code char(n)} to {@code varchar(n)} (padding),
 * a timestamp gaining or losing its time zone, MySQL {@code tinyint(1)} (a boolean to drivers) to another integer.</li>
 * <li>{@link Category#ADDITIVE}: widening within a family ({@code varchar(20)} to {@code varchar(50)},
 * {@code integer} to {@code bigint}, {@code varchar(n)} to {@code text}, labels appended): the previous application
 * version reads and writes the column as before.</li>
 * </ul>
 */
final class TypeChange {

	/** Larger than any capacity a real type has: unbounded {@code text}, {@code numeric} without precision. */
	private static final BigInteger UNBOUNDED = BigInteger.TEN.pow(100);

	private TypeChange() {
	}

	static Category classify(String engine, String from, String to) {
		SqlType before = parse(engine, from);
		SqlType after = parse(engine, to);
		if (before.arrayDimensions() != after.arrayDimensions()) {
			return Category.DESTRUCTIVE;
		}
		if (!before.family().equals(after.family())) {
			return before.family().equals("integer") && after.family().equals("numeric")
					&& !narrows(before.capacity().subList(1, 2), after.capacity().subList(0, 1))
							? Category.INCOMPATIBLE : Category.DESTRUCTIVE;
		}
		if (!before.labels().isEmpty() || !after.labels().isEmpty()) {
			return isSubsequence(before.labels(), after.labels()) ? Category.ADDITIVE : Category.DESTRUCTIVE;
		}
		if (before.capacity().size() != after.capacity().size()) {
			return Category.INCOMPATIBLE;
		}
		if (narrows(before.capacity(), after.capacity())) {
			return Category.DESTRUCTIVE;
		}
		return before.variant().equals(after.variant()) ? Category.ADDITIVE : Category.INCOMPATIBLE;
	}

	/** Whether some capacity of {@code after} is smaller than the same capacity of {@code before}. */
	private static boolean narrows(List<BigInteger> before, List<BigInteger> after) {
		for (int i = 0; i < before.size(); i++) {
			if (after.get(i).compareTo(before.get(i)) < 0) {
				return true;
			}
		}
		return false;
	}

	static boolean isSubsequence(List<String> expected, List<String> actual) {
		int found = 0;
		for (String label : actual) {
			if (found < expected.size() && expected.get(found).equals(label)) {
				found++;
			}
		}
		return found == expected.size();
	}

	/**
	 * A type as the classifier sees it.
	 *
	 * @param family types within one family convert without the engine parsing values
	 * @param variant what changes meaning without changing capacity: fixed or varying length, time zone, boolean
	 * @param capacity sizes compared position by position; larger holds more
	 * @param labels enum or set labels, in order
	 */
	private record SqlType(String family, String variant, List<BigInteger> capacity, List<String> labels,
			int arrayDimensions) {
	}

	private static SqlType parse(String engine, String spelling) {
		String type = spelling.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
		int dimensions = 0;
		while (type.endsWith("[]")) {
			type = type.substring(0, type.length() - 2).trim();
			dimensions++;
		}
		String arguments = "";
		int open = type.indexOf('(');
		int close = type.lastIndexOf(')');
		if (open >= 0 && close > open) {
			arguments = type.substring(open + 1, close).trim();
			type = (type.substring(0, open).trim() + " " + type.substring(close + 1).trim()).trim();
		}
		boolean unsigned = type.contains(" unsigned");
		String base = type.replace(" unsigned", "").replace(" zerofill", "");
		boolean mysql = !engine.equals("postgres");
		List<BigInteger> numbers = numbers(arguments);
		return switch (base) {
			case "tinyint" -> integer(1, unsigned, arguments.equals("1") ? "boolean" : "", dimensions);
			case "smallint", "int2" -> integer(2, unsigned, "", dimensions);
			case "mediumint" -> integer(3, unsigned, "", dimensions);
			case "integer", "int", "int4" -> integer(4, unsigned, "", dimensions);
			case "bigint", "int8" -> integer(8, unsigned, "", dimensions);
			case "real", "float4", "float" -> sized("float", "", BigInteger.ONE, dimensions);
			case "double precision", "float8", "double" -> sized("float", "", BigInteger.TWO, dimensions);
			case "numeric", "decimal", "dec" -> numeric(numbers, mysql, dimensions);
			case "character varying", "varchar" -> sized("character", "varying", first(numbers, UNBOUNDED), dimensions);
			case "character", "char", "bpchar" -> sized("character", "fixed",
					first(numbers, base.equals("bpchar") ? UNBOUNDED : BigInteger.ONE), dimensions);
			case "text" -> sized("character", "varying", mysql ? BigInteger.valueOf(65_535) : UNBOUNDED, dimensions);
			case "tinytext" -> sized("character", "varying", BigInteger.valueOf(255), dimensions);
			case "mediumtext" -> sized("character", "varying", BigInteger.valueOf(16_777_215), dimensions);
			case "longtext" -> sized("character", "varying", BigInteger.valueOf(4_294_967_295L), dimensions);
			case "bytea" -> sized("binary", "varying", UNBOUNDED, dimensions);
			case "varbinary" -> sized("binary", "varying", first(numbers, UNBOUNDED), dimensions);
			case "binary" -> sized("binary", "fixed", first(numbers, BigInteger.ONE), dimensions);
			case "tinyblob" -> sized("binary", "varying", BigInteger.valueOf(255), dimensions);
			case "blob" -> sized("binary", "varying", BigInteger.valueOf(65_535), dimensions);
			case "mediumblob" -> sized("binary", "varying", BigInteger.valueOf(16_777_215), dimensions);
			case "longblob" -> sized("binary", "varying", BigInteger.valueOf(4_294_967_295L), dimensions);
			case "timestamp without time zone", "timestamp with time zone", "timestamp", "datetime" -> sized(
					"timestamp", base, first(numbers, BigInteger.valueOf(mysql ? 0 : 6)), dimensions);
			case "time without time zone", "time with time zone", "time" -> sized("time", base,
					first(numbers, BigInteger.valueOf(mysql ? 0 : 6)), dimensions);
			case "enum", "set" -> new SqlType(base, "", List.of(), labels(arguments), dimensions);
			// An unknown type keeps its own name as its family; numeric arguments (bit(n), interval precision) still
			// compare as capacities.
			default -> new SqlType(base, arguments.isEmpty() || !numbers.isEmpty() ? "" : arguments, numbers,
					List.of(), dimensions);
		};
	}

	private static SqlType integer(int bytes, boolean unsigned, String variant, int dimensions) {
		BigInteger span = BigInteger.TWO.pow(bytes * 8);
		BigInteger min = unsigned ? BigInteger.ZERO : span.shiftRight(1).negate();
		BigInteger max = unsigned ? span.subtract(BigInteger.ONE) : span.shiftRight(1).subtract(BigInteger.ONE);
		// Capacity: the negated minimum and the maximum (its digits are what a numeric must hold), so that both
		// grow as the type widens.
		return new SqlType("integer", variant, List.of(min.negate(), max), List.of(), dimensions);
	}

	private static SqlType numeric(List<BigInteger> numbers, boolean mysql, int dimensions) {
		if (numbers.isEmpty() && !mysql) {
			return new SqlType("numeric", "", List.of(UNBOUNDED, UNBOUNDED), List.of(), dimensions);
		}
		BigInteger precision = first(numbers, BigInteger.TEN);
		BigInteger scale = numbers.size() > 1 ? numbers.get(1) : BigInteger.ZERO;
		// Capacity: the largest integer part (as a bound, compared to an integer type's maximum) and the scale.
		return new SqlType("numeric", "", List.of(BigInteger.TEN.pow(precision.subtract(scale).intValueExact())
			.subtract(BigInteger.ONE), scale), List.of(), dimensions);
	}

	private static SqlType sized(String family, String variant, BigInteger capacity, int dimensions) {
		return new SqlType(family, variant, List.of(capacity), List.of(), dimensions);
	}

	private static BigInteger first(List<BigInteger> numbers, BigInteger otherwise) {
		return numbers.isEmpty() ? otherwise : numbers.get(0);
	}

	private static List<BigInteger> numbers(String arguments) {
		List<BigInteger> numbers = new ArrayList<>();
		if (arguments.isEmpty()) {
			return numbers;
		}
		for (String argument : arguments.split(",")) {
			if (!argument.trim().matches("\\d{1,18}")) {
				return List.of();
			}
			numbers.add(new BigInteger(argument.trim()));
		}
		return numbers;
	}

	/** The labels of a MySQL {@code enum('a','b')} or {@code set(…)}, whose quotes double inside a label. */
	private static List<String> labels(String arguments) {
		List<String> labels = new ArrayList<>();
		StringBuilder label = null;
		for (int i = 0; i < arguments.length(); i++) {
			char c = arguments.charAt(i);
			if (label == null) {
				if (c == '\'') {
					label = new StringBuilder();
				}
			}
			else if (c == '\'' && i + 1 < arguments.length() && arguments.charAt(i + 1) == '\'') {
				label.append('\'');
				i++;
			}
			else if (c == '\'') {
				labels.add(label.toString());
				label = null;
			}
			else {
				label.append(c);
			}
		}
		return labels;
	}
}
