package dev.dbparity.snapshots.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.dbparity.snapshots.json.Yaml;
import dev.dbparity.snapshots.names.ClosestNames;

/**
 * {@code Tolerances} reads {@code parity/tolerances.yaml}, where users list the schema differences they accept:
 *
 * <pre>{@code
 * schema:
 *   ignore:
 *     - "public.audit_*"     # tables only production has
 *     - "**.comment"
 * }</pre>
 *
 * <p>The globs are added to {@link IgnoreRules#defaults()}; see {@link IgnoreRules} for their syntax. The top-level
 * keys are {@link #SECTIONS}: {@code statistics} belongs to the statistics check and is skipped here (it is read and
 * checked by {@code StatisticsTolerances}); under {@code schema}, only {@code ignore} is allowed. Every other key is an
 * error, because a misspelt key ({@code schemas:}) would otherwise silently tolerate nothing.
 *
 * <p>Every mistake is an {@link InvalidTolerancesException} naming the file, the line and column, what is allowed and
 * the closest allowed key: YAML that does not parse (with a fix for the usual causes), a repeated key, an unknown key,
 * an {@code ignore} that is not a list of strings, an invalid glob.
 *
 * @since 0.1
 */
public final class Tolerances {

	/** Where a project keeps its tolerances, relative to its root. */
	public static final String DEFAULT_FILE = "parity/tolerances.yaml";

	/** The top-level keys of a tolerances file: one section per check. */
	public static final List<String> SECTIONS = List.of("schema", "statistics");

	private static final List<String> SCHEMA_KEYS = List.of("ignore");

	private static final String EXAMPLE = "\n  schema:\n    ignore:\n      - \"public.audit_*\"\n      - \"**.comment\"";

	private Tolerances() {
	}

	/**
	 * The rules in {@code file}, or {@link IgnoreRules#defaults()} when there is no such file.
	 *
	 * @throws InvalidTolerancesException for a file that is not valid, with the line and column
	 * @throws UncheckedIOException when the file exists but cannot be read
	 */
	public static IgnoreRules load(Path file) {
		byte[] yaml;
		try {
			yaml = Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			return IgnoreRules.defaults();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + file, e);
		}
		return read(yaml, file.toString());
	}

	/**
	 * The rules in {@code yaml}: {@link IgnoreRules#defaults()} with the {@code schema.ignore} globs; only the defaults
	 * for an empty document.
	 *
	 * @param source the file name, for error messages
	 * @throws InvalidTolerancesException for a document that is not valid, with the line and column
	 */
	public static IgnoreRules read(byte[] yaml, String source) {
		try (JsonParser parser = Yaml.parser(yaml)) {
			List<String> globs = new ArrayList<>();
			JsonToken token = parser.nextToken();
			if (token == null || token == JsonToken.VALUE_NULL) {
				return IgnoreRules.defaults();
			}
			expect(parser, token == JsonToken.START_OBJECT, source, "the document", "a mapping with a schema: key");
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String key = parser.currentName();
				JsonLocation keyLocation = parser.currentTokenLocation();
				JsonToken value = parser.nextToken();
				if (key.equals("schema")) {
					readSchema(parser, value, source, globs);
				}
				else {
					checkSection(key, keyLocation, source);
					// The statistics check reads its own section of the same file.
					parser.skipChildren();
				}
			}
			return IgnoreRules.defaults().withGlobs(globs.toArray(String[]::new));
		}
		catch (JsonProcessingException e) {
			throw new InvalidTolerancesException(Yaml.syntaxError(source, yaml, e) + " For example:" + EXAMPLE, e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + source, e);
		}
	}

	private static void readSchema(JsonParser parser, JsonToken token, String source, List<String> globs)
			throws IOException {
		if (isEmpty(parser, token)) {
			return;
		}
		expect(parser, token == JsonToken.START_OBJECT, source, "schema:", "a mapping with an ignore: key");
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String key = parser.currentName();
			if (!SCHEMA_KEYS.contains(key)) {
				throw unknownKey(key, "schema:", SCHEMA_KEYS, source, parser.currentTokenLocation(), EXAMPLE);
			}
			JsonToken value = parser.nextToken();
			if (isEmpty(parser, value)) {
				continue;
			}
			expect(parser, value == JsonToken.START_ARRAY, source, "schema.ignore", "a list of globs");
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				expect(parser, parser.currentToken() == JsonToken.VALUE_STRING, source, "each schema.ignore entry",
						"a glob string");
				String glob = parser.getText();
				try {
					IgnoreRules.none().withGlobs(glob);
				}
				catch (IllegalArgumentException e) {
					throw new InvalidTolerancesException(where(source, parser.currentTokenLocation()) + ": "
							+ e.getMessage(), e);
				}
				globs.add(glob);
			}
		}
	}

	/**
	 * Checks that the top-level {@code key}, read at {@code location}, is one of {@link #SECTIONS}.
	 *
	 * @throws InvalidTolerancesException naming the key, its place and the closest section
	 */
	public static void checkSection(String key, JsonLocation location, String source) {
		if (!SECTIONS.contains(key)) {
			throw unknownKey(key, "the top level", SECTIONS, source, location, EXAMPLE);
		}
	}

	/**
	 * An unknown {@code key} under {@code parent}, read at {@code location}: where it is, what is allowed, the closest
	 * allowed key, an example.
	 */
	public static InvalidTolerancesException unknownKey(String key, String parent, List<String> allowed, String source,
			JsonLocation location, String example) {
		String closest = ClosestNames.closest(key, allowed).map(best -> " Fix: write \"" + best + "\" instead of \"" + key
				+ "\", or remove the key.").orElse(" Fix: use one of the allowed keys, or remove it.");
		return new InvalidTolerancesException(where(source, location) + ": unknown key \"" + key + "\" under " + parent
				+ "; allowed keys: " + String.join(", ", allowed) + "." + closest + " For example:" + example, null);
	}

	/** Whether a key has no value: Jackson reads {@code key:} with nothing after it as an empty string. */
	private static boolean isEmpty(JsonParser parser, JsonToken token) throws IOException {
		return token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_STRING && parser.getText().isEmpty();
	}

	private static void expect(JsonParser parser, boolean valid, String source, String what, String expected) {
		if (!valid) {
			throw new InvalidTolerancesException(where(source, parser.currentTokenLocation()) + ": " + what + " must be "
					+ expected + ", but was " + describe(parser) + ". Fix: write it as in this example:" + EXAMPLE, null);
		}
	}

	private static String describe(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			return "a mapping";
		}
		if (token == JsonToken.START_ARRAY) {
			return "a list";
		}
		try {
			return "\"" + parser.getText() + "\"";
		}
		catch (IOException e) {
			return String.valueOf(token);
		}
	}

	/** {@code source:line:column}, or {@code source} without a location. */
	public static String where(String source, JsonLocation location) {
		return location == null ? source : source + ":" + location.getLineNr() + ":" + location.getColumnNr();
	}
}
