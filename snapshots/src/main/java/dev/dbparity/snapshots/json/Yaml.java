package dev.dbparity.snapshots.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code Yaml} configures the parser of the YAML files users write by hand (seed rules, {@code parity/tolerances.yaml}),
 * whose tokens {@code snapshots.yaml.YamlReader} turns into nodes with their line and column, and explains its syntax
 * errors.
 *
 * @since 0.1
 */
public final class Yaml {

	/** A repeated key in a hand-written file is a mistake, not an override. */
	private static final YAMLFactory FACTORY = YAMLFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/** SnakeYAML's position notes: {@code in 'reader', line 3, column 5:} and the quoted line with a caret. */
	private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

	private static final Pattern MARK_NOTE = Pattern.compile(" in 'reader', line \\d+, column \\d+:[^^]*\\^");

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
	 * What is wrong with a file that is not valid YAML, for people: {@code file:line:column} of the problem, the
	 * parser's words without its own position notes, the offending line, and a fix for the usual causes (tabs, a key
	 * indented out of line, a value with {@code ": "} unquoted, an unclosed quote or bracket, a repeated key).
	 */
	public static String syntaxError(String source, byte[] yaml, JsonProcessingException e) {
		String original = e.getOriginalMessage();
		String lowerOriginal = original.toLowerCase(Locale.ROOT);
		boolean unclosed = lowerOriginal.contains("quoted scalar") || lowerOriginal.contains("flow sequence")
				|| lowerOriginal.contains("flow mapping");
		// The parser notes where the construct began, then where the problem is: an unclosed quote or bracket is
		// fixed where it was opened, everything else where the parser stopped.
		Matcher mark = MARK.matcher(original);
		int lineNumber = -1;
		int column = -1;
		while (mark.find()) {
			if (!unclosed || lineNumber < 0) {
				lineNumber = Integer.parseInt(mark.group(1));
				column = Integer.parseInt(mark.group(2));
			}
		}
		JsonLocation location = e.getLocation();
		if (lineNumber < 0 && location != null) {
			lineNumber = location.getLineNr();
			column = location.getColumnNr();
		}
		String[] lines = new String(yaml, StandardCharsets.UTF_8).split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			// A tab is the problem wherever the parser noticed it.
			if (lines[i].contains("\t") && original.contains("\\t")) {
				lineNumber = i + 1;
				column = lines[i].indexOf('\t') + 1;
				break;
			}
		}
		String line = lineNumber >= 1 && lineNumber <= lines.length ? lines[lineNumber - 1] : "";
		String parser = MARK_NOTE.matcher(original).replaceAll("").strip().replaceAll("\\s+", " ");
		String lower = parser.toLowerCase(Locale.ROOT);
		String fix;
		if (original.contains("\\t") || line.contains("\t")) {
			fix = "YAML indents with spaces only: replace the tab on line " + lineNumber + " with spaces";
		}
		else if (lower.contains("duplicate")) {
			fix = "a key may appear only once in a mapping: merge the two entries into one";
		}
		else if (lower.contains("expected <block end>")) {
			fix = "indent line " + lineNumber + " exactly like the other keys of its mapping (a key's children two spaces "
					+ "further in than the key)";
		}
		else if (lower.contains("mapping values are not allowed")) {
			fix = "a key's nested mapping goes on the lines below it, indented (not after the key on the same line), and a "
					+ "value that contains \": \" must be quoted (key: \"a: b\")";
		}
		else if (unclosed) {
			fix = "close the quote or bracket opened on line " + lineNumber;
		}
		else {
			fix = "indent each key under its parent with spaces, as the example shows, put a space after each \":\", and "
					+ "quote values that contain \": \" or \" #\"";
		}
		String where = lineNumber < 0 ? source : source + ":" + lineNumber + ":" + column;
		return where + ": not valid YAML (" + parser + ")" + (line.isBlank() ? "" : " at `" + line.strip() + "`")
				+ ". Fix: " + fix + ".";
	}
}
