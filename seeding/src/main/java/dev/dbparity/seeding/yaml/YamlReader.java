package dev.dbparity.seeding.yaml;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.dbparity.snapshots.json.Yaml;

/**
 * {@code YamlReader} reads a YAML document into {@link YamlNode}s that keep their positions.
 *
 * @since 0.1
 */
public final class YamlReader {

	private static final Pattern MARK = Pattern.compile("in 'reader', line (\\d+), column (\\d+)");

	/** What {@link BigDecimal#BigDecimal(String)} reads. */
	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	private YamlReader() {
	}

	/**
	 * Reads {@code yaml}.
	 *
	 * @throws MalformedYamlException with the file, line and column of the first syntax error
	 */
	public static YamlNode read(byte[] yaml, String source) {
		try (JsonParser parser = Yaml.parser(yaml)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				return new YamlNode(source, 1, 1, Optional.empty(), Map.of(), List.of(), YamlNode.Kind.NULL);
			}
			JsonLocation start = parser.currentTokenLocation();
			return value(parser, source, start.getLineNr(), start.getColumnNr());
		}
		catch (JsonProcessingException e) {
			JsonLocation location = e.getLocation();
			int line = location == null ? 1 : Math.max(1, location.getLineNr());
			int column = location == null ? 1 : Math.max(1, location.getColumnNr());
			// SnakeYAML's message spans lines, with context and carets; keep its sentences and its problem mark.
			String original = String.valueOf(e.getOriginalMessage());
			Matcher mark = MARK.matcher(original);
			while (mark.find()) {
				line = Integer.parseInt(mark.group(1));
				column = Integer.parseInt(mark.group(2));
			}
			String message = original.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
				.collect(Collectors.joining(": "));
			throw new MalformedYamlException(source + ":" + line + ":" + column + ": malformed YAML: " + message
					+ ". Fix the YAML syntax at that position (indentation, quoting, a repeated key).", e);
		}
		catch (IOException e) {
			throw new MalformedYamlException(source + ": could not read YAML: " + e.getMessage(), e);
		}
	}

	/** A node at {@code line:column}: for map entries where the key starts, which is where a reader looks first. */
	private static YamlNode value(JsonParser parser, String source, int line, int column) throws IOException {
		JsonToken token = parser.currentToken();
		switch (token) {
			case START_OBJECT -> {
				Map<String, YamlNode> map = new LinkedHashMap<>();
				while (parser.nextToken() == JsonToken.FIELD_NAME) {
					String key = parser.currentName();
					JsonLocation at = parser.currentTokenLocation();
					parser.nextToken();
					map.put(key, value(parser, source, at.getLineNr(), at.getColumnNr()));
				}
				return new YamlNode(source, line, column, Optional.empty(), map, List.of(), YamlNode.Kind.MAP);
			}
			case START_ARRAY -> {
				List<YamlNode> list = new ArrayList<>();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					JsonLocation at = parser.currentTokenLocation();
					list.add(value(parser, source, at.getLineNr(), at.getColumnNr()));
				}
				return new YamlNode(source, line, column, Optional.empty(), Map.of(), list, YamlNode.Kind.LIST);
			}
			case VALUE_STRING -> {
				return new YamlNode(source, line, column, Optional.of(parser.getText()), Map.of(), List.of(),
						YamlNode.Kind.TEXT);
			}
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
				String text = parser.getText();
				if (!DECIMAL.matcher(text).matches()) {
					// YAML 1.1 also reads 1_2 and 0x1F as numbers; kept as written, 1_2 stays the version 1.2, and
					// where a number is expected the rules report the text with its position.
					return new YamlNode(source, line, column, Optional.of(text), Map.of(), List.of(), YamlNode.Kind.TEXT);
				}
				return new YamlNode(source, line, column, Optional.of(new BigDecimal(text)), Map.of(), List.of(),
						YamlNode.Kind.NUMBER);
			}
			case VALUE_TRUE, VALUE_FALSE -> {
				return new YamlNode(source, line, column, Optional.of(token == JsonToken.VALUE_TRUE), Map.of(),
						List.of(), YamlNode.Kind.BOOLEAN);
			}
			default -> {
				return new YamlNode(source, line, column, Optional.empty(), Map.of(), List.of(), YamlNode.Kind.NULL);
			}
		}
	}
}
