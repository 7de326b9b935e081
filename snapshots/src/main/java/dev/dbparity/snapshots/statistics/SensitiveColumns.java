package dev.dbparity.snapshots.statistics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code SensitiveColumns} decides which columns hold personal data, and hashes their values, so that
 * {@code statistics.json} never contains one.
 *
 * <p>A column is sensitive when {@link StatisticsOptions#sensitiveColumns()} lists it ({@code table.column} or
 * {@code schema.table.column}, case-insensitive), or, with {@link StatisticsOptions#nameHeuristics()} on, when one
 * of the words of its name (split at {@code _}, {@code -}, digits and lower-to-upper case changes) is one of
 * {@link #HEURISTIC_WORDS}, or its name contains one of {@link #HEURISTIC_PARTS}. The heuristics err on the side of
 * hiding: {@code product_name} is sensitive too.
 *
 * <p>A sensitive column keeps its null fraction, distinct count, mean, standard deviation and lengths (aggregates of
 * many rows), loses its minimum, maximum and histogram (which are values of single rows), and keeps its top values as
 * {@code hmac-sha256:<hex>} keyed hashes: equal values give equal hashes under the same key, so top-value shares still
 * compare between a production baseline and a test run captured with the same key.
 *
 * @since 0.1
 */
public final class SensitiveColumns {

	/** Column-name words that make a column sensitive. */
	public static final List<String> HEURISTIC_WORDS = List.of("address", "addr", "birth", "birthday", "birthdate",
			"city", "dob", "email", "fax", "firstname", "forename", "iban", "ip", "lastname", "mail", "mobile", "name",
			"passport", "password", "phone", "postcode", "salary", "secret", "ssn", "street", "surname", "tel",
			"telephone", "token", "username", "zip", "zipcode");

	/** Parts of column names that make a column sensitive wherever they occur. */
	public static final List<String> HEURISTIC_PARTS = List.of("email", "phone", "address", "birth", "iban", "ssn",
			"passport", "password", "creditcard", "card_number", "cardnumber", "social_security", "national_id",
			"tax_id");

	/**
	 * The masking key used when {@link StatisticsOptions#maskingKey()} is absent. It is public knowledge, so hashes
	 * made with it can be reversed by guessing: use it only on development data.
	 */
	static final String DEVELOPMENT_KEY = "dbparity-development-masking-key";

	private static final Set<String> WORDS = Set.copyOf(HEURISTIC_WORDS);

	private SensitiveColumns() {
	}

	/** Whether the column {@code schema.table.column} is sensitive under {@code options}. */
	public static boolean isSensitive(String schema, String table, String column, StatisticsOptions options) {
		Set<String> listed = options.sensitiveColumns();
		String tableColumn = (table + "." + column).toLowerCase(Locale.ROOT);
		String full = schema.toLowerCase(Locale.ROOT) + "." + tableColumn;
		if (listed.stream().map(name -> name.toLowerCase(Locale.ROOT))
			.anyMatch(name -> name.equals(tableColumn) || name.equals(full))) {
			return true;
		}
		return options.nameHeuristics() && matchesHeuristics(column);
	}

	/** Whether {@code column}'s name alone marks it sensitive. */
	public static boolean matchesHeuristics(String column) {
		String lower = column.toLowerCase(Locale.ROOT);
		if (HEURISTIC_PARTS.stream().anyMatch(lower::contains)) {
			return true;
		}
		for (String word : column.split("(?<=[a-z])(?=[A-Z])|[^A-Za-z]+")) {
			if (WORDS.contains(word.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/** {@code hmac-sha256:<hex>} of {@code value} under {@code key}: 128 bits, enough to keep values apart. */
	static String hash(String value, byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return "hmac-sha256:" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JDK has HmacSHA256", e);
		}
	}

	/** The key bytes of {@code options}, or of {@link #DEVELOPMENT_KEY}. */
	static byte[] key(StatisticsOptions options) {
		return options.maskingKey().orElse(DEVELOPMENT_KEY).getBytes(StandardCharsets.UTF_8);
	}
}
