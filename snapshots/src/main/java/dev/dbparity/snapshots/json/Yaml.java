package dev.dbparity.snapshots.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code Yaml} reads the YAML files users write by hand ({@code parity/tolerances.yaml}) as a token stream, so that
 * their readers can name the line and column of every mistake.
 *
 * @since 0.1
 */
public final class Yaml {

	/** A repeated key in a hand-written file is a mistake, not an override. */
	private static final YAMLFactory FACTORY = YAMLFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private Yaml() {
	}

	/**
	 * A parser over {@code yaml}, whose {@link JsonParser#currentTokenLocation()} gives 1-based lines and columns.
	 *
	 * @throws IOException when the YAML cannot even start to be read
	 */
	public static JsonParser parser(byte[] yaml) throws IOException {
		return FACTORY.createParser(yaml);
	}

	/**
	 * What is wrong with a file that is not valid YAML, for people: {@code file:line:column}, the parser's words, and a
	 * fix for the usual causes (tabs, a value with {@code ": "} or {@code " #"} unquoted, a key indented out of line, an
	 * unclosed quote or bracket, a repeated key), read from the parser's message and the offending line.
	 */
	public static String syntaxError(String source, byte[] yaml, JsonProcessingException e) {
		JsonLocation location = e.getLocation();
		int lineNumber = location == null ? -1 : location.getLineNr();
		String line = line(yaml, lineNumber);
		String parser = e.getOriginalMessage().strip().replaceAll("\\s+", " ");
		String lower = parser.toLowerCase(Locale.ROOT);
		String fix;
		if (line.contains("\t") || lower.contains("\\t")) {
			fix = "YAML indents with spaces only: replace the tab on line " + lineNumber + " with spaces";
		}
		else if (lower.contains("duplicate")) {
			fix = "a key may appear only once in a mapping: merge the two entries into one";
		}
		else if (lower.contains("mapping values are not allowed")) {
			fix = "a value that contains \": \" must be quoted (key: \"a: b\"), and a key must be indented like the other "
					+ "keys of its mapping";
		}
		else if (lower.contains("quoted scalar") || lower.contains("unexpected end of stream")
				|| lower.contains("flow sequence") || lower.contains("flow mapping")) {
			fix = "close the quote or bracket opened on or before line " + lineNumber;
		}
		else {
			fix = "indent each key under its parent with spaces, as the example shows, put a space after each \":\", and "
					+ "quote values that contain \": \" or \" #\"";
		}
		String where = location == null ? source : source + ":" + lineNumber + ":" + location.getColumnNr();
		return where + ": not valid YAML (" + parser + ")" + (line.isBlank() ? "" : " at `" + line.strip() + "`")
				+ ". Fix: " + fix + ".";
	}

	/** Line {@code number} (1-based) of {@code yaml}, or {@code ""}. */
	private static String line(byte[] yaml, int number) {
		String[] lines = new String(yaml, StandardCharsets.UTF_8).split("\\R", -1);
		return number >= 1 && number <= lines.length ? lines[number - 1] : "";
	}
}
