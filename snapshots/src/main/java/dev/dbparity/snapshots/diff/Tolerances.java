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
 * <p>The globs are added to {@link IgnoreRules#defaults()}; see {@link IgnoreRules} for their syntax. Top-level keys
 * other than {@code schema} belong to other checks and are skipped here; under {@code schema}, only {@code ignore} is
 * allowed, because a misspelt key would otherwise silently tolerate nothing.
 *
 * <p>Every mistake is an {@link InvalidTolerancesException} naming the file, the line and column, and what is
 * allowed: YAML that does not parse, a repeated key, an unknown key under {@code schema}, an {@code ignore} that is
 * not a list of strings, an invalid glob.
 *
 * @since 0.1
 */
public final class Tolerances {

	/** Where a project keeps its tolerances, relative to its root. */
	public static final String DEFAULT_FILE = "parity/tolerances.yaml";

	private static final String ALLOWED_SCHEMA_KEYS = "ignore";

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
				JsonToken value = parser.nextToken();
				if (key.equals("schema")) {
					readSchema(parser, value, source, globs);
				}
				else {
					// Other checks (statistics, …) read their own sections of the same file.
					parser.skipChildren();
				}
			}
			return IgnoreRules.defaults().withGlobs(globs.toArray(String[]::new));
		}
		catch (JsonProcessingException e) {
			throw new InvalidTolerancesException(where(source, e.getLocation()) + " is not valid YAML: "
					+ e.getOriginalMessage() + ". For example:" + EXAMPLE, e);
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
			if (!key.equals("ignore")) {
				throw new InvalidTolerancesException(where(source, parser.currentTokenLocation()) + ": unknown key \""
						+ key + "\" under schema:; allowed keys: " + ALLOWED_SCHEMA_KEYS + ". For example:" + EXAMPLE,
						null);
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

	/** Whether a key has no value: Jackson reads {@code key:} with nothing after it as an empty string. */
	private static boolean isEmpty(JsonParser parser, JsonToken token) throws IOException {
		return token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_STRING && parser.getText().isEmpty();
	}

	private static void expect(JsonParser parser, boolean valid, String source, String what, String expected) {
		if (!valid) {
			throw new InvalidTolerancesException(where(source, parser.currentTokenLocation()) + ": " + what + " must be "
					+ expected + ", but was " + describe(parser) + ". For example:" + EXAMPLE, null);
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

	private static String where(String source, JsonLocation location) {
		return location == null ? source : source + ":" + location.getLineNr() + ":" + location.getColumnNr();
	}
}
