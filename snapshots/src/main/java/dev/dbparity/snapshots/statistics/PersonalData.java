package dev.dbparity.snapshots.statistics;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code PersonalData} recognises personal data by content, for columns whose names say nothing ({@code contact},
 * {@code ref}, {@code line}): e-mail addresses, phone numbers, IBANs (ISO 13616 mod-97 check), payment card numbers
 * (13 to 19 digits with a valid Luhn check digit) and national identifiers with a shape of their own (US social
 * security numbers {@code 123-45-6789}, UK National Insurance numbers {@code AB123456C}).
 *
 * <p>The recognisers are hand-written on purpose: the checksums must be exact (a Luhn or mod-97 check that is nearly
 * right lets through or hides whole columns), they must give the same answer on every machine for the same values,
 * and they are a few lines each, where a validation library would be a dependency of every capture for no more
 * exactness. National identifiers that are plain digits (the Dutch BSN, the German tax id) are left out: in a sample
 * they cannot be told from order numbers, so recognising them would hide ordinary columns.
 *
 * <p>A column holds personal data when at least {@value #THRESHOLD_PERCENT} % of the distinct non-null values sampled
 * from it are recognised (each counted once, whatever recognised it). A quarter, because a random digit string passes
 * the Luhn check one time in ten (and mod-97 one in 97), so a column of ordinary numbers stays far below it, while a
 * column in which every fourth value is an e-mail address or a phone number is a column of personal data. The
 * decision depends on the set of values only, not on their order, so the same sample always gives the same answer.
 *
 * @since 0.1
 */
enum PersonalData {

	EMAIL("e-mail addresses"),
	PHONE("phone numbers"),
	IBAN("IBANs"),
	CARD("payment card numbers"),
	NATIONAL_ID("national identifiers");

	/** The share of sampled distinct values, in percent, that makes a column personal data. */
	static final int THRESHOLD_PERCENT = 25;

	private static final Pattern EMAIL_SHAPE = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
			+ "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	/** Digits with the separators people write in phone numbers, optionally after a + or an opening parenthesis. */
	private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?\\(?\\d[\\d ()\\-]{6,22}\\d");

	/** Dates and times written with dashes look like phone numbers to {@link #PHONE_SHAPE}. */
	private static final Pattern DATE_SHAPE = Pattern.compile("\\d{1,4}-\\d{1,2}-\\d{1,4}( .*)?");

	private static final Pattern SSN = Pattern.compile("(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}");

	/** UK National Insurance number: two letters of the allowed prefixes, six digits, a suffix A–D. */
	private static final Pattern NINO = Pattern.compile("(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
			+ " ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]");

	private static final Pattern CARD_SHAPE = Pattern.compile("\\d(?:[ -]?\\d){12,18}");

	private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");

	private final String description;

	PersonalData(String description) {
		this.description = description;
	}

	/** What values of this kind are, for messages and {@code statistics.json}: {@code e-mail addresses}. */
	String description() {
		return description;
	}

	/** The identifier written to {@code statistics.json} ({@code "detected": "email"}). */
	String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** What {@code value} is, if it is personal data this class recognises. */
	static Optional<PersonalData> recognise(String value) {
		String text = value.strip();
		if (text.length() < 7 || text.length() > 254) {
			return Optional.empty();
		}
		if (text.indexOf('@') > 0) {
			return EMAIL_SHAPE.matcher(text).matches() ? Optional.of(EMAIL) : Optional.empty();
		}
		if (SSN.matcher(text).matches() || NINO.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
			return Optional.of(NATIONAL_ID);
		}
		String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
		if (IBAN_SHAPE.matcher(compact).matches() && mod97(compact)) {
			return Optional.of(IBAN);
		}
		if (CARD_SHAPE.matcher(text).matches()) {
			String digits = text.replaceAll("[ -]", "");
			if (luhn(digits) && !digits.chars().allMatch(c -> c == digits.charAt(0))) {
				return Optional.of(CARD);
			}
		}
		if (phone(text)) {
			return Optional.of(PHONE);
		}
		return Optional.empty();
	}

	/**
	 * What most of {@code values} (distinct, non-null sampled values) are, if at least {@value #THRESHOLD_PERCENT} % of
	 * them are recognised; ties go to the kind declared first.
	 */
	static Optional<PersonalData> of(Collection<String> values) {
		if (values.isEmpty()) {
			return Optional.empty();
		}
		Map<PersonalData, Integer> counts = new EnumMap<>(PersonalData.class);
		int recognised = 0;
		for (String value : values) {
			Optional<PersonalData> kind = recognise(value);
			if (kind.isPresent()) {
				counts.merge(kind.get(), 1, Integer::sum);
				recognised++;
			}
		}
		if (recognised * 100L < (long) THRESHOLD_PERCENT * values.size()) {
			return Optional.empty();
		}
		PersonalData most = null;
		for (Map.Entry<PersonalData, Integer> count : counts.entrySet()) {
			if (most == null || count.getValue() > counts.get(most)) {
				most = count.getKey();
			}
		}
		return Optional.ofNullable(most);
	}

	/**
	 * A phone number: 8 to 15 digits (E.164 allows 15, and fewer than 8 are extensions or short codes), either
	 * after a {@code +} or with the separators people write between groups (space, dash, parentheses); plain digit
	 * strings are not phone numbers here, as they cannot be told from other numbers.
	 */
	private static boolean phone(String text) {
		if (!PHONE_SHAPE.matcher(text).matches() || DATE_SHAPE.matcher(text).matches()) {
			return false;
		}
		long digits = text.chars().filter(Character::isDigit).count();
		boolean separated = text.startsWith("+") || text.chars().anyMatch(c -> c == ' ' || c == '-' || c == '(');
		return digits >= 8 && digits <= 15 && separated;
	}

	/** The Luhn check of payment card numbers: doubling every second digit from the right, the sum ends in 0. */
	static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	/** ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1. */
	static boolean mod97(String iban) {
		String rearranged = iban.substring(4) + iban.substring(0, 4);
		int remainder = 0;
		for (int i = 0; i < rearranged.length(); i++) {
			int value = Character.digit(rearranged.charAt(i), 36);
			remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
		}
		return remainder == 1;
	}
}
