package dev.dbparity.snapshots.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.encoding.InvalidUtf8Exception;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.json.Yaml;
import dev.dbparity.snapshots.names.ClosestNames;
import dev.dbparity.snapshots.yaml.MalformedYamlException;
import dev.dbparity.snapshots.yaml.YamlNode;
import dev.dbparity.snapshots.yaml.YamlReader;

/**
 * {@code SensitiveColumns} decides which columns hold personal data, and hashes their values, so that
 * {@code statistics.json} never contains one.
 *
 * <p>A column is sensitive when {@link StatisticsOptions#sensitiveColumns()} lists it ({@code table.column} or
 * {@code schema.table.column}, case-insensitive, each part a name or a glob with {@code *} and {@code ?}; users keep
 * them in {@code parity/sensitive.yaml}, see {@link #load}), or, with {@link StatisticsOptions#nameHeuristics()} on,
 * when one of the words of its name (split at {@code _}, {@code -}, digits and lower-to-upper case changes) is one of
 * {@link #HEURISTIC_WORDS}, or its name contains one of {@link #HEURISTIC_PARTS}, or when its values are personal
 * data ({@link PersonalData}: e-mail addresses, phone numbers, IBANs, card numbers, national identifiers). The rules
 * err on the side of hiding: {@code product_name} is sensitive too.
 *
 * <p>There is no list of columns that opt out of the content rules: a column they mark loses only its extremes and
 * histogram (its shape is still compared), while an opt-out is one stale line away from writing real e-mail addresses
 * into a committed file.
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
	 * made with it can be reversed by guessing: captures refuse it unless
	 * {@link StatisticsOptions#developmentKeyAllowed()} (generated test data).
	 */
	public static final String DEVELOPMENT_KEY = "dbparity-development-masking-key";

	/** How many rows of a table the content rules sample: the first ones in key order, a cheap index range. */
	static final int SAMPLE_ROWS = 200;

	/** Where the key is set, for messages: every setting that is really read. */
	static final String KEY_SETTINGS = "the environment variable DBPARITY_MASKING_KEY or --masking-key-file FILE "
			+ "(dbparity capture), or the configuration parameter dbparity.statistics.masking-key (tests)";

	private static final String FILE_EXAMPLE = "\n  - customer.contact        # table.column\n  - public.orders.note"
			+ "      # schema.table.column\n  - \"*.phone_*\"           # globs: * and ?";

	private static final Pattern NAME = Pattern.compile("[^.\\s]+(\\.[^.\\s]+){1,2}");

	private static final Set<String> WORDS = Set.copyOf(HEURISTIC_WORDS);

	private SensitiveColumns() {
	}

	/** Whether the column {@code schema.table.column} is sensitive under {@code options} by its name. */
	public static boolean isSensitive(String schema, String table, String column, StatisticsOptions options) {
		if (options.sensitiveColumns().stream().anyMatch(name -> matches(name, schema, table, column))) {
			return true;
		}
		return options.nameHeuristics() && matchesHeuristics(column);
	}

	/** Whether {@code name} ({@code table.column} or {@code schema.table.column}, globs allowed) names the column. */
	static boolean matches(String name, String schema, String table, String column) {
		String[] parts = name.toLowerCase(Locale.ROOT).split("\\.", -1);
		String[] actual = { schema, table, column };
		int offset = actual.length - parts.length;
		if (offset < 0 || offset > 1) {
			return false;
		}
		for (int i = 0; i < parts.length; i++) {
			if (!glob(parts[i]).matcher(actual[i + offset].toLowerCase(Locale.ROOT)).matches()) {
				return false;
			}
		}
		return true;
	}

	private static Pattern glob(String part) {
		StringBuilder regex = new StringBuilder();
		for (char c : part.toCharArray()) {
			regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
		}
		return Pattern.compile(regex.toString());
	}

	/**
	 * Checks that every name of {@link StatisticsOptions#sensitiveColumns()} matches a column of {@code columns}
	 * ({@code schema.table.column}): a misspelt name would otherwise silently leave the column it meant unprotected.
	 *
	 * @throws SensitiveColumnsException naming where the name was given, the name and the closest existing columns
	 */
	static void checkNames(StatisticsOptions options, Collection<String> columns) {
		for (String name : new TreeSet<>(options.sensitiveColumns())) {
			String origin = options.sensitiveOrigins().getOrDefault(name, "StatisticsOptions.withSensitiveColumns");
			if (!NAME.matcher(name).matches()) {
				throw new SensitiveColumnsException(origin + ": \"" + name + "\" is not a column name; a sensitive column "
						+ "is table.column or schema.table.column (globs * and ? allowed). Fix: " + (name.contains(".")
								? "write it with two or three parts and no spaces, e.g. customer.contact."
								: "name the table too, e.g. customer." + name + ", or \"*." + name
										+ "\" for the column in every table."));
			}
			boolean found = columns.stream().map(column -> column.split("\\.", 3))
				.anyMatch(parts -> parts.length == 3 && matches(name, parts[0], parts[1], parts[2]));
			if (found) {
				continue;
			}
			Set<String> candidates = new TreeSet<>();
			columns.forEach(column -> {
				candidates.add(column);
				candidates.add(column.substring(column.indexOf('.') + 1));
			});
			List<String> closest = ClosestNames.byCloseness(name, candidates).stream().limit(3).toList();
			throw new SensitiveColumnsException(origin + ": the sensitive column \"" + name + "\" matches no column "
					+ "of the captured schema, so the column it meant would be captured unprotected. "
					+ (closest.isEmpty() ? "The schema has no columns." : "Closest existing: " + String.join(", ", closest)
							+ ".")
					+ " Fix: name it as table.column or schema.table.column"
					+ ClosestNames.closest(name, candidates).map(best -> " (\"" + best + "\"?)").orElse("")
					+ ", or remove it.");
		}
	}

	/**
	 * The sensitive column names in {@code file}: a YAML list of {@code table.column} or {@code schema.table.column}
	 * names, globs allowed, each mapped to its {@code file:line:column}. A missing file is an error too: a file named
	 * in a setting that is not there protects nothing.
	 *
	 * <pre>{@code
	 * - customer.contact
	 * - public.orders.note
	 * - "*.phone_*"
	 * }</pre>
	 *
	 * @throws SensitiveColumnsException for a missing file, a file that is not UTF-8, YAML that does not parse, or an
	 *     entry that is not such a name, with the line and column and an example
	 */
	public static Map<String, String> load(Path file) {
		byte[] yaml;
		try {
			yaml = Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			throw new SensitiveColumnsException(file + ": no such file of sensitive columns. Fix: create it with one "
					+ "column per line, for example:" + FILE_EXAMPLE + "\nor name the right file.");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + file, e);
		}
		return read(yaml, file.toString());
	}

	/** {@link #load} of {@code yaml}, read from {@code source}. */
	static Map<String, String> read(byte[] yaml, String source) {
		try {
			return YamlReader.read(yaml, source, SensitiveColumns::names);
		}
		catch (InvalidUtf8Exception e) {
			throw new SensitiveColumnsException(e.getMessage(), e);
		}
		catch (MalformedYamlException e) {
			throw new SensitiveColumnsException(Yaml.syntaxError(source, yaml, e.getCause()) + " For example:"
					+ FILE_EXAMPLE, e.getCause());
		}
	}

	private static Map<String, String> names(YamlNode document) {
		Map<String, String> names = new LinkedHashMap<>();
		if (document.isNull()) {
			return names;
		}
		if (!document.isList()) {
			throw new SensitiveColumnsException(document.valueWhere() + ": a file of sensitive columns is a list of "
					+ "table.column names, but this is " + document.describe() + ". Fix: write one \"- name\" per line, "
					+ "for example:" + FILE_EXAMPLE);
		}
		for (YamlNode entry : document.list()) {
			String name = entry.isText() ? entry.text().strip() : "";
			if (!NAME.matcher(name).matches()) {
				throw new SensitiveColumnsException(entry.valueWhere() + ": "
						+ (entry.isMap() || entry.isList() ? "\"" + entry.describe() + "\"" : entry.describe())
						+ " is not a column name; a sensitive column is table.column or schema.table.column "
						+ "(globs * and ? allowed). Fix: write it as, for example:" + FILE_EXAMPLE);
			}
			names.putIfAbsent(name, entry.valueWhere());
		}
		return names;
	}

	/**
	 * Refuses to capture statistics of {@code sensitive} columns ({@code schema.table.column (why)}) with the public
	 * development key, unless {@code options} allow it for generated data.
	 *
	 * @throws SensitiveColumnsException saying why and how to set a key
	 */
	static void requireKey(StatisticsOptions options, Collection<String> sensitive) {
		if (options.maskingKey().isPresent() || options.developmentKeyAllowed() || sensitive.isEmpty()) {
			return;
		}
		List<String> shown = sensitive.stream().sorted().limit(5).toList();
		throw new SensitiveColumnsException("Refusing to capture statistics: " + sensitive.size() + " sensitive "
				+ (sensitive.size() == 1 ? "column" : "columns") + " (" + String.join(", ", shown)
				+ (sensitive.size() > shown.size() ? ", …" : "") + ") would have their top values hashed with dbparity's "
				+ "public development masking key, and hashes under a public key are a dictionary away from the raw "
				+ "values: anyone can hash a list of likely e-mail addresses or phone numbers and look them up. Fix: set a "
				+ "secret masking key with " + KEY_SETTINGS + ", and use the same key where tests compare with this "
				+ "baseline. For generated test data only, allow the public key with --allow-development-masking-key.");
	}

	/**
	 * Makes the statistics of a column found to hold {@code kind} data after they were read hide its values, as if it
	 * had been sensitive from the start: extremes and histogram dropped, top values hashed as
	 * {@code SqlStatisticsCollector} hashes them (the value's text, numbers in plain notation).
	 */
	static void mask(ObjectNode column, PersonalData kind, byte[] key) {
		column.put("sensitive", true);
		column.put("detected", kind.id());
		column.remove(List.of("min", "max", "histogram"));
		JsonNode top = column.get("top");
		if (top instanceof ArrayNode entries) {
			ArrayNode hashed = CanonicalJson.array();
			for (JsonNode entry : entries) {
				ObjectNode copy = hashed.addObject();
				copy.put("hash", hash(SqlStatisticsCollector.key(entry), key));
				copy.set("fraction", entry.get("fraction"));
			}
			column.set("top", SqlStatisticsCollector.sortTop(hashed));
		}
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
