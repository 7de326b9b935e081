package dev.dbparity.seeding.mask;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Masker} applies {@link Mask}s with keyed pseudonyms: HMAC-SHA256 under the {@link MaskingKey} of the mask's
 * kind and the input. The same input gives the same output wherever it appears, so masked keys still join; a different
 * key gives unrelated output.
 *
 * <p>Not thread-safe ({@link Mac} is not): one instance per thread.
 *
 * @since 0.1
 */
public final class Masker {

	/** Column names that hint at personal data; a fixture column that matches needs a {@code mask:}. */
	private static final Pattern SENSITIVE = Pattern.compile(
			"(?i).*(e_?mail|phone|mobile|(^|_)name$|first_?name|last_?name|full_?name|surname|address|street|zip|"
					+ "postcode|postal|ssn|social_security|iban|account_number|card|birth|dob|passport|tax_id|ip_addr).*");

	private static final List<String> FIRST_NAMES = List.of("Alex", "Billie", "Casey", "Dana", "Eli", "Frankie", "Gale",
			"Harper", "Indy", "Jordan", "Kai", "Lee", "Morgan", "Noa", "Oakley", "Parker", "Quinn", "Riley", "Sage",
			"Taylor", "Umi", "Val", "Wren", "Yael", "Zion");

	private static final List<String> LAST_NAMES = List.of("Archer", "Brook", "Carter", "Dale", "Ellis", "Fisher",
			"Grant", "Hayes", "Irving", "Jensen", "Keller", "Lane", "Marsh", "North", "Olsen", "Page", "Reed",
			"Stone", "Turner", "Vance", "Walsh", "York");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private static final String CONSONANTS = "bcdfghjklmnprstvz";

	private static final String VOWELS = "aeiou";

	private final Mac mac;

	public Masker(MaskingKey key) {
		Objects.requireNonNull(key, "key");
		try {
			mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}

	/** Whether a column of this name looks like it holds personal data. */
	public static boolean looksSensitive(String column) {
		return SENSITIVE.matcher(column).matches();
	}

	/**
	 * The masked {@code value} ({@code null} stays {@code null}).
	 *
	 * @throws IllegalArgumentException when {@code dateShift} or {@code noise} get something that is not a date or number
	 */
	public Optional<String> mask(Mask mask, Optional<String> value) {
		if (mask.kind() == Mask.Kind.NULL) {
			return Optional.empty();
		}
		return value.map(text -> apply(mask, text));
	}

	private String apply(Mask mask, String value) {
		byte[] h = hmac(mask.kind().name(), value);
		return switch (mask.kind()) {
			case EMAIL -> email(mask, value, h);
			case NAME -> name(value, h);
			case PHONE -> digits(value, h);
			case REDACT -> redact(value);
			case DATE_SHIFT -> dateShift(mask, value, h);
			case NOISE -> noise(mask, value, h);
			case HASH -> "h_" + HexFormat.of().formatHex(h, 0, 8);
			case NULL, NONE -> value;
		};
	}

	private byte[] hmac(String purpose, String value) {
		mac.update(purpose.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
	}

	private static long unsigned(byte[] h, int offset) {
		return ByteBuffer.wrap(h, offset, 8).getLong() >>> 1;
	}

	/** A pronounceable local part of the same length (at least 6), so column widths still fit. */
	private static String email(Mask mask, String value, byte[] h) {
		int at = value.lastIndexOf('@');
		String local = at < 0 ? value : value.substring(0, at);
		String domain = mask.keepDomain() && at >= 0 ? value.substring(at + 1) : "example.org";
		int length = Math.max(6, Math.min(local.length(), 24));
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int b = h[i % h.length] & 0xff;
			int mixed = b ^ (i * 37);
			out.append(i % 2 == 0 ? CONSONANTS.charAt(mixed % CONSONANTS.length()) : VOWELS.charAt(mixed % VOWELS.length()));
		}
		// The last bytes make the pseudonym unique enough even where the syllables repeat.
		out.replace(length - 4, length, HexFormat.of().formatHex(h, 28, 30));
		return out + "@" + domain;
	}

	private static String name(String value, byte[] h) {
		String[] parts = value.trim().split("\\s+");
		if (parts.length >= 2) {
			return capitalised(FIRST_NAMES.get((int) (unsigned(h, 0) % FIRST_NAMES.size())), parts[0]) + " "
					+ capitalised(LAST_NAMES.get((int) (unsigned(h, 8) % LAST_NAMES.size())), parts[parts.length - 1]);
		}
		List<String> names = (h[16] & 1) == 0 ? FIRST_NAMES : LAST_NAMES;
		return capitalised(names.get((int) (unsigned(h, 0) % names.size())), value);
	}

	private static String capitalised(String name, String like) {
		if (!like.isEmpty() && like.equals(like.toUpperCase(Locale.ROOT))) {
			return name.toUpperCase(Locale.ROOT);
		}
		if (!like.isEmpty() && like.equals(like.toLowerCase(Locale.ROOT))) {
			return name.toLowerCase(Locale.ROOT);
		}
		return name;
	}

	private static String digits(String value, byte[] h) {
		StringBuilder out = new StringBuilder(value.length());
		int n = 0;
		for (char c : value.toCharArray()) {
			if (Character.isDigit(c)) {
				out.append((char) ('0' + ((h[n % h.length] & 0xff) + n / h.length) % 10));
				n++;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String redact(String value) {
		StringBuilder out = new StringBuilder(value.length());
		value.codePoints().forEach(c -> out.append(Character.isLetter(c) ? "x" : Character.isDigit(c) ? "0"
				: new String(Character.toChars(c))));
		return out.toString();
	}

	private static String dateShift(Mask mask, String value, byte[] h) {
		long days = mask.window() == 0 ? 0 : unsigned(h, 0) % (2L * mask.window() + 1) - mask.window();
		try {
			if (value.length() <= 10) {
				return LocalDate.parse(value).plusDays(days).toString();
			}
			return TIMESTAMP.format(LocalDateTime.parse(value.replace(' ', 'T')).plusDays(days));
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("dateShift needs an ISO date (2024-05-01) or timestamp "
					+ "(2024-05-01 12:00:00), not \"" + value + "\"", e);
		}
	}

	private static String noise(Mask mask, String value, byte[] h) {
		BigDecimal number;
		try {
			number = new BigDecimal(value.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("noise needs a number, not \"" + value + "\"", e);
		}
		// u in [-1, 1], from 53 bits of the keyed hash
		double u = (unsigned(h, 0) >>> 10) * 0x1.0p-53 * 2 - 1;
		BigDecimal factor = BigDecimal.ONE.add(mask.fraction().multiply(BigDecimal.valueOf(u)));
		return number.multiply(factor).setScale(Math.max(0, number.scale()), RoundingMode.HALF_EVEN).toPlainString();
	}
}
